//! Validation: every problem names the field it is about (a typed [`FieldPath`]), the
//! rule it breaks, and says so in words a fund manager reads.
//!
//! The bounds of every scalar field come from the field registry
//! ([`crate::engine::fields`]); the checks written here are the ones that relate fields
//! to each other (dates in order, names unique, budgets enough).
//!
//! The bounds also keep the Decimal projection inside `Decimal`'s range (about 7.9e28):
//! money at most 1e14, growth within ±50 % a year over at most 160 quarters
//! (1.5^40 ≈ 1.1e7), multiples at most 100 — so the largest product the projection forms
//! stays below ~1e23 and no operation can overflow.

mod company;
mod fund;
mod scenario;
#[cfg(test)]
mod tests;

use std::fmt;

use rust_decimal::Decimal;

pub use super::fields::MAX_MONEY;
use super::fields::{self, Bounds, FieldPath, Owner, Unit};
use super::model::Portfolio;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Results are still computed; worth a look.
    Warning,
    /// The model cannot be computed until this is fixed.
    Error,
}

/// The rule a problem breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A name that must be given is empty (or a list that must have an entry is empty).
    Required,
    /// Two items of a list share a name.
    Duplicate,
    /// A value outside its field's bounds.
    OutOfRange,
    /// Money below zero.
    Negative,
    /// A value that must be above zero is not.
    NotPositive,
    /// Money above the model's limit ([`MAX_MONEY`]).
    AboveLimit,
    /// A name that refers to something that does not exist (a stage, a company).
    UnknownReference,
    /// Dates in the wrong order.
    DateOrder,
    /// Fields that contradict each other (pools over 100 %, debt above the price).
    Inconsistent,
    /// Acquisitions or programmes that need more than a budget, reserve or commitment (a
    /// warning: the figures still compute).
    OverBudget,
    /// An exit after the fund's term (a warning).
    AfterTerm,
    /// A Monte Carlo distribution that cannot be drawn from.
    BadDistribution,
    /// A scenario override that cannot be applied.
    BadOverride,
}

/// One problem, with the path of the field it is about (`companies[3].exit_date`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Whether it stops the computation (error) or is worth a look (warning).
    pub severity: Severity,
    /// The field or list it is about.
    pub path: FieldPath,
    /// The rule it breaks, for code that must tell problems apart.
    pub rule: Rule,
    /// What is wrong, in words for the user, with the offending value.
    pub message: String,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: FieldPath, rule: Rule, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path,
            rule,
            message: message.into(),
        }
    }

    /// A warning at `path`.
    pub fn warning(path: FieldPath, rule: Rule, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, rule, message)
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{kind}: {}: {}", self.path, self.message)
    }
}

/// Whether any problem in `problems` blocks computing.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// Checks a whole portfolio.
pub fn validate(portfolio: &Portfolio) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new() };
    fund::check_fund(&mut c, portfolio);
    fund::check_stages(&mut c, portfolio);
    company::check_companies(&mut c, portfolio);
    fund::check_stage_budgets(&mut c, portfolio);
    scenario::check_uncertainty(&mut c, portfolio);
    scenario::check_scenarios(&mut c, portfolio);
    c.problems
}

/// Collects problems as the checks find them.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn error(&mut self, path: FieldPath, rule: Rule, message: impl Into<String>) {
        self.problems.push(Problem::error(path, rule, message));
    }

    fn warning(&mut self, path: FieldPath, rule: Rule, message: impl Into<String>) {
        self.problems.push(Problem::warning(path, rule, message));
    }

    /// Checks every bounded field of `owner` against its table row; `subject` turns a
    /// field's label into the words a message starts with (`'Acme' exit costs`).
    fn bounds(&mut self, p: &Portfolio, owner: Owner, subject: impl Fn(&str) -> String) {
        for path in fields::paths(owner) {
            let Some(meta) = fields::meta(&path) else {
                continue;
            };
            let (Some(bounds), Some(value)) =
                (meta.bounds, fields::value(p, &path).and_then(|v| v.as_number()))
            else {
                continue;
            };
            let noun = subject(meta.label);
            if let Some((rule, message)) = out_of_bounds(&noun, meta.unit, bounds, value, &p.fund.currency) {
                self.error(path, rule, message);
            }
        }
    }
}

/// A fraction as a percentage (`0.085` → `8.5%`); a value too large to scale (it is
/// being reported as out of range) is shown as the fraction it is.
fn pct(value: Decimal) -> String {
    match value.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) => format!("{}%", percent.normalize()),
        None => format!("{} (as a fraction)", value.normalize()),
    }
}

/// `label` inside a sentence: its first letter in lower case unless it starts an
/// acronym (`Exit costs` → `exit costs`, `GP catch-up` stays).
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}

/// The rule `value` breaks and the message saying so, when it is outside `bounds`.
fn out_of_bounds(
    noun: &str,
    unit: Unit,
    bounds: Bounds,
    value: Decimal,
    currency: &str,
) -> Option<(Rule, String)> {
    if bounds.contains(value) {
        return None;
    }
    let below = value < bounds.min || (value == bounds.min && !bounds.min_allowed);
    if unit == Unit::Money && bounds.min.is_zero() && bounds.max == MAX_MONEY {
        return Some(match (below, bounds.min_allowed) {
            (true, true) => (
                Rule::Negative,
                format!(
                    "{noun} cannot be negative (it is {})",
                    crate::units::format_money_in(value, currency)
                ),
            ),
            (true, false) => (Rule::NotPositive, format!("{noun} must be above zero")),
            (false, _) => (
                Rule::AboveLimit,
                format!("{noun} is above the model's limit of 100 trillion"),
            ),
        });
    }
    let show = |x: Decimal| match unit {
        Unit::Percent => pct(x),
        _ => x.normalize().to_string(),
    };
    let range = if bounds.min_allowed {
        format!("between {} and {}", show(bounds.min), show(bounds.max))
    } else {
        format!("above {} and at most {}", show(bounds.min), show(bounds.max))
    };
    Some((
        Rule::OutOfRange,
        format!("{noun} is {}, must be {range}", show(value)),
    ))
}
