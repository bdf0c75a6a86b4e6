//! Scenarios: a named set of overrides applied to the base model to give the model the
//! scenario describes. Applying never changes the base; the result is validated and
//! computed like any portfolio.

use rust_decimal::Decimal;

use super::model::{Company, Portfolio, Scenario};

/// Why a scenario could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("there is no scenario named '{name}' (the file has: {available})")]
    Unknown { name: String, available: String },
    #[error("scenario '{scenario}' overrides '{company}', which is not a company in the fund")]
    UnknownCompany { scenario: String, company: String },
    #[error("scenario '{scenario}', company '{company}': {message}")]
    BadOverride {
        scenario: String,
        company: String,
        message: String,
    },
}

/// The scenario named `name` applied to `base`. The names "Base" and "" mean the base
/// case when the file has no scenario of that name.
pub fn apply_named(base: &Portfolio, name: &str) -> Result<Portfolio, ScenarioError> {
    match base.scenario(name) {
        Some(scenario) => apply(base, scenario),
        None if name.is_empty() || name.eq_ignore_ascii_case("base") => Ok(base.clone()),
        None => Err(ScenarioError::Unknown {
            name: name.to_string(),
            available: base
                .scenarios
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// `base` with every override of `scenario` applied.
pub fn apply(base: &Portfolio, scenario: &Scenario) -> Result<Portfolio, ScenarioError> {
    let mut p = base.clone();
    if let Some(rate) = scenario.management_fee_rate {
        p.fund.management_fee_rate = rate;
        p.fund.post_investment_fee_rate = Some(rate);
    }
    if let Some(rate) = scenario.carry_rate {
        p.fund.carry_rate = rate;
    }
    if let Some(rate) = scenario.preferred_return {
        p.fund.preferred_return = rate;
    }
    for company in &mut p.companies {
        apply_to_company(company, scenario);
    }
    for o in &scenario.company_overrides {
        let bad = |message: String| ScenarioError::BadOverride {
            scenario: scenario.name.clone(),
            company: o.company.clone(),
            message,
        };
        let company = p
            .companies
            .iter_mut()
            .find(|c| c.name == o.company)
            .ok_or_else(|| ScenarioError::UnknownCompany {
                scenario: scenario.name.clone(),
                company: o.company.clone(),
            })?;
        let mut value = serde_json::to_value(&*company).map_err(|e| bad(e.to_string()))?;
        let Some(fields) = value.as_object_mut() else {
            return Err(bad("the company is not an object".into()));
        };
        for (key, new) in &o.fields {
            if !fields.contains_key(key) {
                return Err(bad(format!("'{key}' is not a company field")));
            }
            fields.insert(key.clone(), new.clone());
        }
        *company = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
    }
    Ok(p)
}

fn apply_to_company(company: &mut Company, s: &Scenario) {
    if let Some(shift) = s.exit_multiple_shift {
        company.exit_multiple = (company.exit_multiple + shift).max(Decimal::ZERO);
    }
    if let Some(shift) = s.entry_multiple_shift {
        company.entry_multiple += shift;
    }
    if let Some(shift) = s.growth_shift {
        company.revenue_growth += shift;
    }
    if let Some(shift) = s.leverage_shift {
        company.debt_multiple = (company.debt_multiple + shift).max(Decimal::ZERO);
    }
    if let Some(quarters) = s.exit_delay_quarters {
        company.exit_date = shift_quarters(company.exit_date, quarters);
    }
    for lever in &mut company.levers {
        if let Some(scale) = s.realisation_scale {
            lever.realisation *= scale;
        }
        if let Some(scale) = s.ramp_scale {
            let scaled = (Decimal::from(lever.ramp_quarters) * scale).round();
            lever.ramp_quarters = u32::try_from(scaled).unwrap_or(lever.ramp_quarters);
        }
    }
}

/// `date` moved by `quarters` quarters (three months each; month-end days clamp).
pub fn shift_quarters(date: chrono::NaiveDate, quarters: i32) -> chrono::NaiveDate {
    let months = chrono::Months::new(quarters.unsigned_abs().saturating_mul(3));
    let shifted = if quarters >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    };
    shifted.unwrap_or(date)
}
