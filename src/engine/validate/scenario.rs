//! Checks of the scenarios and the Monte Carlo uncertainty.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::fund::at;
use super::{Checker, Rule, in_sentence};
use crate::engine::fields::{FieldPath, Owner, UncertainDriver};
use crate::engine::model::{Distribution, Portfolio};

pub(super) fn check_scenarios(c: &mut Checker, p: &Portfolio) {
    let mut names = HashSet::new();
    for (i, scenario) in p.scenarios.iter().enumerate() {
        let owner = Owner::Scenario(i);
        if scenario.name.trim().is_empty() {
            c.error(at(owner, "name"), Rule::Required, "a scenario needs a name");
        } else if !names.insert(scenario.name.as_str()) {
            c.error(
                at(owner, "name"),
                Rule::Duplicate,
                format!("two scenarios are named '{}'", scenario.name),
            );
        }
        c.bounds(p, owner, |label| {
            format!("scenario '{}' {}", scenario.name, in_sentence(label))
        });
        for (j, o) in scenario.company_overrides.iter().enumerate() {
            if !p.companies.iter().any(|co| co.name == o.company) {
                c.error(
                    FieldPath::OverrideCompany {
                        scenario: i,
                        index: j,
                    },
                    Rule::UnknownReference,
                    format!(
                        "scenario '{}' overrides '{}', which is not a company in the fund",
                        scenario.name, o.company
                    ),
                );
            }
        }
    }
}

pub(super) fn check_uncertainty(c: &mut Checker, p: &Portfolio) {
    let Some(u) = &p.uncertainty else {
        return;
    };
    for driver in UncertainDriver::ALL {
        if let Some(message) = distribution_problem(driver.of(u)) {
            c.error(FieldPath::Distribution(driver), Rule::BadDistribution, message);
        }
    }
    c.bounds(p, Owner::Uncertainty, str::to_string);
}

/// What is wrong with `d`, if anything.
fn distribution_problem(d: &Distribution) -> Option<String> {
    match d {
        Distribution::Fixed { .. } => None,
        Distribution::Uniform { min, max } if min > max => {
            Some(format!("uniform: min {min} is above max {max}"))
        }
        Distribution::Triangular { min, mode, max } if !(min <= mode && mode <= max) => Some(format!(
            "triangular: needs min ≤ mode ≤ max (got {min}, {mode}, {max})"
        )),
        Distribution::Normal { sd, min, max, .. } if *sd < Decimal::ZERO || min > max => Some(format!(
            "normal: needs sd ≥ 0 and min ≤ max (got sd {sd}, min {min}, max {max})"
        )),
        Distribution::Discrete { values, weights } => {
            if values.is_empty() || values.len() != weights.len() {
                Some(format!(
                    "discrete: needs as many weights as values (got {} and {})",
                    values.len(),
                    weights.len()
                ))
            } else if weights.iter().any(|w| *w < Decimal::ZERO) || weights.iter().all(Decimal::is_zero) {
                Some("discrete: weights must be zero or more and not all zero".into())
            } else {
                None
            }
        }
        _ => None,
    }
}
