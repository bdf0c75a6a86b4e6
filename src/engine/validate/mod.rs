//! Validation: every problem names the field it is about (a typed [`FieldPath`]), the
//! rule it breaks, and says so in words a fund manager reads.
//!
//! The bounds of every scalar field come from the field registry
//! ([`crate::engine::fields`]); the checks written here are the ones that relate fields
//! to each other (dates in order, names unique, budgets enough).
//!
//! # Why the projection cannot overflow
//!
//! Only a model without errors is projected, so the bounds below hold for every value
//! the `Decimal` projection reads (`Decimal` holds about ±7.9e28). A scenario is applied
//! with checked arithmetic and its model is validated against the same bounds before it
//! is projected; Monte Carlo refuses a model with errors.
//!
//! | bound (registry table) | fields |
//! |---|---|
//! | money in [0, 1e14] ([`MAX_MONEY`]) | commitment (above 0), entry revenue (above 0), stage budgets and reserves, fund expenses, lever costs |
//! | growth in [−50 %, +50 %] a year | revenue growth |
//! | shares in [0, 1] | cost pools (and their sum under 100 %), capex, cash sweep, lever effect, GP commitment, catch-up, ownership (above 0) |
//! | other rates | tax ≤ 90 %, interest ≤ 50 %, transaction and exit costs ≤ 50 %, fees ≤ 10 %, carry and preferred return ≤ 50 %, PME return in [−50 %, 100 %], realisation ≤ 150 % |
//! | multiples in [0, 100] | entry (at least 0.1), debt (below the entry price), exit; comparable multiples above 0, and a mark on comparables at most 100 |
//! | partial exits | each share in (0, 1], all of a company's together at most 1; each in a quarter after the acquisition and before the exit |
//! | time | term + extensions ≤ 30 years, exits under 150 quarters after the first close, lever delays and ramps ≤ 80 quarters; the projection refuses more than 160 quarters |
//!
//! The largest figures the projection forms, and the bounds each relies on (L is the
//! number of revenue levers of one company, N the number of companies):
//!
//! - revenue compounds by at most 1.5^(1/4) a quarter over at most 160 quarters:
//!   1.5^40 ≈ 1.1e7, so annual revenue ≤ 1e14 × 1.1e7 ≈ 1.1e21 (money, growth, quarters);
//!   revenue levers lift it by at most 1 + 1.5·L (effect ≤ 1 × realisation ≤ 1.5);
//! - EBITDA ≤ revenue (pools and reductions in [0, 1]); enterprise value = multiple ×
//!   run-rate EBITDA ≤ 100 × 1.1e21 × (1 + 1.5·L) ≈ 1.1e23 × (1 + 1.5·L) (multiples ≤ 100);
//!   the value bridge's cross term (multiple change × EBITDA growth) is no larger. A mark
//!   on sector comparables is the entry multiple × the comparable now / the comparable at
//!   the acquisition: a ratio of two multiples in (0, 100] is not bounded by them (100 /
//!   0.01 is 10,000), so validation checks the mark itself, over the hold, against the
//!   same 100x, and the bound stands;
//! - partial exits multiply nothing: each sells a share of the holding at that quarter's
//!   equity value, the shares of all of a company's sales add up to at most 1, and the
//!   final exit sells what is left, so the proceeds of all sales together are no more
//!   than the equity value bound below, and neither N nor L is changed by them;
//! - entry debt ≤ 100 × 1e14 = 1e16 and is only repaid; quarterly interest ≤ 12.5 % of it;
//!   cash piles up at most 160 quarters of free cash flow ≤ 4.4e22 × (1 + 1.5·L);
//! - an equity cheque ≤ ownership × (1 + 50 %) × 1e16 = 1.5e16; the hurdle account
//!   compounds by at most 1.5 a year over 40 years (1.1e7): ≤ N × 1.7e23;
//! - fees ≤ 10 % × 1e14 a year; the fund's sums over companies (NAV, proceeds, net cash
//!   flow) ≤ N × 1.1e23 × (1 + 1.5·L), inside `Decimal` while N × (1 + 1.5·L) stays
//!   under about 700,000 (10,000 companies with 40 revenue levers each). No single
//!   field's bound gives this limit, so validation checks it on its own: a model beyond
//!   it is an error ([`MODEL_SIZE_LIMIT`]).
//!
//! What the bounds cannot keep in range is computed with checked arithmetic instead:
//! ratios with a small denominator (TVPI, DPI, MOIC, PME: `None` when the quotient does
//! not fit), the PME's index growth (levels are only bounded to (0, 1e14]), scenario
//! overrides ([`crate::engine::scenario`]), and in validation itself the reporting of
//! out-of-range values and the checks relating fields (pool totals, entry price, term
//! plus extensions), which run before the bounds are known to hold.

mod carry_tiers;
mod company;
mod credit_line;
mod fee_steps;
mod fund;
mod gate_copula;
mod investors;
mod platform;
mod programme;
mod recycling;
mod scenario;
mod stage_gates;
#[cfg(test)]
mod tests;
mod valuation;

use std::fmt;

pub use fund::check_projection;

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
    /// An exit after the fund's term (a warning: the company is liquidated at its mark at
    /// the end).
    AfterTerm,
    /// Capital called beyond the commitment plus recycled amounts (an error, found on the
    /// projection: [`check_projection`]).
    OverCommitment,
    /// A sale whose proceeds fall outside the recycling window, so they are distributed
    /// in full (a warning).
    OutsideRecyclingWindow,
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
    credit_line::check_credit_line(&mut c, portfolio);
    fee_steps::check_fee_steps(&mut c, portfolio);
    investors::check_investors(&mut c, portfolio);
    carry_tiers::check_carry_tiers(&mut c, portfolio);
    recycling::check_recycling(&mut c, portfolio);
    fund::check_stages(&mut c, portfolio);
    company::check_companies(&mut c, portfolio);
    platform::check_programme(&mut c, portfolio);
    programme::check_programmes(&mut c, portfolio);
    valuation::check_comparables(&mut c, portfolio);
    fund::check_stage_budgets(&mut c, portfolio);
    stage_gates::check_stage_gates(&mut c, portfolio);
    scenario::check_uncertainty(&mut c, portfolio);
    gate_copula::check_gate_loadings(&mut c, portfolio);
    scenario::check_scenarios(&mut c, portfolio);
    check_model_size(&mut c, portfolio);
    c.problems
}

/// The one limit no single field's bound gives (see the module doc): the fund's sums
/// over companies stay inside `Decimal` while N × (1 + 1.5·L) stays under about 700,000.
/// Counted in halves, so in whole numbers: Σ (2 + 3·L) ≤ [`MODEL_SIZE_LIMIT`].
pub const MODEL_SIZE_LIMIT: u64 = 1_400_000;

fn check_model_size(c: &mut Checker, p: &Portfolio) {
    use super::model::LeverTarget;
    let mut size: u64 = 0;
    for (index, company) in p.companies.iter().enumerate() {
        let revenue_levers = company
            .levers
            .iter()
            .filter(|l| matches!(l.target, LeverTarget::Revenue))
            .count();
        let weight = u64::try_from(revenue_levers).unwrap_or(u64::MAX);
        size = size.saturating_add(weight.saturating_mul(3).saturating_add(2));
        if size > MODEL_SIZE_LIMIT {
            c.error(
                FieldPath::Levers { company: index },
                Rule::AboveLimit,
                format!(
                    "the model is too large to compute exactly: {} companies and their revenue levers \
                     exceed Millwright's limit (companies × (1 + 1.5 × revenue levers each) under 700,000); \
                     split the fund into several files",
                    p.companies.len()
                ),
            );
            return;
        }
    }
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
