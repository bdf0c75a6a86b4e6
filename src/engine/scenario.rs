//! Scenarios: a named set of overrides applied to the base model to give the model the
//! scenario describes. Applying never changes the base; the result is validated and
//! computed like any portfolio.

use rust_decimal::Decimal;

use super::model::{Company, Portfolio, Scenario};

/// Why a scenario could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// No scenario has the name asked for.
    #[error("there is no scenario named '{name}' (the file has: {available})")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The scenario names the model has, comma-separated.
        available: String,
    },
    /// An override names a company the model does not have.
    #[error("scenario '{scenario}' overrides '{company}', which is not a company in the fund")]
    UnknownCompany {
        /// The scenario's name.
        scenario: String,
        /// The company name in the override.
        company: String,
    },
    /// An override's field is unknown or its value does not fit the field.
    #[error("scenario '{scenario}', company '{company}': {message}")]
    BadOverride {
        /// The scenario's name.
        scenario: String,
        /// The company overridden.
        company: String,
        /// What is wrong, naming the field.
        message: String,
    },
    /// An override takes a company's field beyond what the model can hold (a decimal
    /// overflow, a ramp of negative or billions of quarters, a date past the calendar).
    #[error("scenario '{scenario}': {field} takes '{company}' out of range ({detail})")]
    OutOfRange {
        /// The scenario's name.
        scenario: String,
        /// The company whose field goes out of range.
        company: String,
        /// The scenario setting that goes too far (`exit_delay_quarters`, `ramp_scale`).
        field: &'static str,
        /// What went wrong ("the result overflows").
        detail: String,
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
        apply_to_company(company, scenario)?;
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

/// Applies the fund-wide company overrides of `s` with checked arithmetic: a result the
/// model cannot hold is an error naming the override, never a panic or a silent no-op.
fn apply_to_company(company: &mut Company, s: &Scenario) -> Result<(), ScenarioError> {
    let who = company.name.clone();
    let out_of_range = |field: &'static str, detail: String| ScenarioError::OutOfRange {
        scenario: s.name.clone(),
        company: who.clone(),
        field,
        detail,
    };
    let overflow = |field: &'static str| out_of_range(field, "the result overflows".into());
    if let Some(shift) = s.exit_multiple_shift {
        let shifted = company.exit_multiple.checked_add(shift);
        company.exit_multiple = shifted
            .ok_or_else(|| overflow("exit_multiple_shift"))?
            .max(Decimal::ZERO);
    }
    if let Some(shift) = s.entry_multiple_shift {
        let shifted = company.entry_multiple.checked_add(shift);
        company.entry_multiple = shifted.ok_or_else(|| overflow("entry_multiple_shift"))?;
    }
    if let Some(shift) = s.growth_shift {
        let shifted = company.revenue_growth.checked_add(shift);
        company.revenue_growth = shifted.ok_or_else(|| overflow("growth_shift"))?;
    }
    if let Some(shift) = s.leverage_shift {
        let shifted = company.debt_multiple.checked_add(shift);
        company.debt_multiple = shifted
            .ok_or_else(|| overflow("leverage_shift"))?
            .max(Decimal::ZERO);
    }
    if let Some(quarters) = s.exit_delay_quarters {
        company.exit_date = checked_shift_quarters(company.exit_date, quarters).ok_or_else(|| {
            out_of_range(
                "exit_delay_quarters",
                format!(
                    "{} moved {quarters} quarters is past the calendar",
                    company.exit_date
                ),
            )
        })?;
    }
    let mut levers = std::mem::take(&mut company.levers);
    let scaled = levers.iter_mut().try_for_each(|lever| {
        if let Some(scale) = s.realisation_scale {
            lever.realisation = lever
                .realisation
                .checked_mul(scale)
                .ok_or_else(|| overflow("realisation_scale"))?;
        }
        if let Some(scale) = s.ramp_scale {
            let ramp = Decimal::from(lever.ramp_quarters)
                .checked_mul(scale)
                .map(|q| q.round());
            lever.ramp_quarters = ramp.and_then(|q| u32::try_from(q).ok()).ok_or_else(|| {
                out_of_range(
                    "ramp_scale",
                    format!(
                        "a ramp of {} quarters × {} is not a whole number of quarters from 0 up",
                        lever.ramp_quarters,
                        scale.normalize()
                    ),
                )
            })?;
        }
        Ok(())
    });
    company.levers = levers;
    scaled
}

/// `date` moved by `quarters` quarters (three months each; month-end days clamp); the
/// date unchanged if that is past the calendar.
pub fn shift_quarters(date: chrono::NaiveDate, quarters: i32) -> chrono::NaiveDate {
    checked_shift_quarters(date, quarters).unwrap_or(date)
}

/// `date` moved by `quarters` quarters, or `None` past the calendar.
pub fn checked_shift_quarters(date: chrono::NaiveDate, quarters: i32) -> Option<chrono::NaiveDate> {
    let months = chrono::Months::new(quarters.unsigned_abs().checked_mul(3)?);
    if quarters >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    }
}
