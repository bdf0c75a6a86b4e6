//! Checks of the fund terms, the stages, and the stages' budgets and reserves; the term
//! against each company's exit; and, on the projection, the calls against the
//! commitment.
//!
//! Rules of the capital and wind-up checks (the engine's rules are at the top of
//! `engine::fund::capital` and `engine::fund::wind_up`):
//!
//! - **Calls within the commitment** (an error at `fund.commitment`, checked on the
//!   projection by [`check_projection`] because the calls depend on it): capital called to
//!   date may never exceed the commitment plus the amounts recycled to date. The message
//!   gives the capital called at the worst quarter, the commitment, what overruns (each
//!   stage's deals, the management fees, the fund expenses — the calls of the quarters
//!   from the first one over the limit to the worst), and by how much.
//! - **Exits within the term** (a warning at the company's exit date): an exit after the
//!   fund's last quarter (the end of the term and extensions) is not modelled as a sale at
//!   the exit multiple; the company is liquidated in that quarter at its mark, less the
//!   liquidation discount, and the warning says so.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::{Checker, MAX_MONEY, Problem, Rule, has_errors, in_sentence, pct};
use crate::engine::fields::{FieldPath, Owner, PointPart};
use crate::engine::fund::{CallPurpose, call_overrun, wind_up};
use crate::engine::model::{Company, LeverFunding, PmeBenchmark, Portfolio};
use crate::engine::results::FundResult;
use crate::units::format_money_in;

/// The path of a scalar field the registry has (its tables list every key used here).
pub(super) fn at(owner: Owner, key: &'static str) -> FieldPath {
    FieldPath::Field { owner, key }
}

pub(super) fn check_fund(c: &mut Checker, p: &Portfolio) {
    let f = &p.fund;
    if f.name.trim().is_empty() {
        c.error(at(Owner::Fund, "name"), Rule::Required, "the fund needs a name");
    }
    c.bounds(p, Owner::Fund, str::to_string);
    let term_in_range = (1..=30).contains(&f.term_years) && f.extension_years <= 29;
    if term_in_range && f.term_years + f.extension_years > 30 {
        c.error(
            at(Owner::Fund, "term_years"),
            Rule::Inconsistent,
            format!(
                "the term plus extensions ({} years) must be at most 30 years",
                f.term_years + f.extension_years
            ),
        );
    }
    if (1..=30).contains(&f.investment_period_years) && f.investment_period_years > f.term_years {
        c.error(
            at(Owner::Fund, "investment_period_years"),
            Rule::Inconsistent,
            format!(
                "the investment period ({} years) must be at least 1 year and no longer than the term",
                f.investment_period_years
            ),
        );
    }
    if let PmeBenchmark::Series { points } = &f.pme_benchmark {
        if points.len() < 2 {
            c.error(
                FieldPath::BenchmarkPoints,
                Rule::Required,
                "an index series needs at least two points",
            );
        }
        for (i, w) in points.windows(2).enumerate() {
            if let [a, b] = w
                && b.date <= a.date
            {
                c.error(
                    FieldPath::BenchmarkPoint {
                        index: i + 1,
                        part: PointPart::Date,
                    },
                    Rule::DateOrder,
                    format!("index dates must increase ({} follows {})", b.date, a.date),
                );
            }
        }
        for (i, point) in points.iter().enumerate() {
            if point.level <= Decimal::ZERO || point.level > MAX_MONEY {
                c.error(
                    FieldPath::BenchmarkPoint {
                        index: i,
                        part: PointPart::Level,
                    },
                    Rule::OutOfRange,
                    "index levels must be above zero",
                );
            }
        }
    }
}

pub(super) fn check_stages(c: &mut Checker, p: &Portfolio) {
    if p.stages.is_empty() {
        c.error(
            FieldPath::Stages,
            Rule::Required,
            "the fund needs at least one deployment stage",
        );
    }
    let mut names = HashSet::new();
    let mut total = Decimal::ZERO;
    for (i, s) in p.stages.iter().enumerate() {
        let owner = Owner::Stage(i);
        if s.name.trim().is_empty() {
            c.error(at(owner, "name"), Rule::Required, "a stage needs a name");
        } else if !names.insert(s.name.as_str()) {
            c.error(
                at(owner, "name"),
                Rule::Duplicate,
                format!("two stages are named '{}'", s.name),
            );
        }
        c.bounds(p, owner, |label| {
            format!("stage '{}' {}", s.name, in_sentence(label))
        });
        if s.start_date < p.fund.first_close {
            c.error(
                at(owner, "start_date"),
                Rule::DateOrder,
                format!(
                    "stage '{}' starts before the first close ({})",
                    s.name, p.fund.first_close
                ),
            );
        }
        if s.budget.abs() <= MAX_MONEY && s.reserve.abs() <= MAX_MONEY {
            total += s.budget + s.reserve;
        }
    }
    if total > p.fund.commitment {
        let money = |amount| format_money_in(amount, &p.fund.currency);
        c.warning(
            FieldPath::Stages,
            Rule::OverBudget,
            format!(
                "Stage budgets and reserves add up to {}; the commitment is {}",
                money(total),
                money(p.fund.commitment)
            ),
        );
    }
}

pub(super) fn check_stage_budgets(c: &mut Checker, p: &Portfolio) {
    if has_errors(&c.problems) {
        return; // cheques are only meaningful once every company's numbers are in range
    }
    for (i, stage) in p.stages.iter().enumerate() {
        let members = p.companies.iter().filter(|co| co.stage == stage.name);
        let (cheques, follow_ons) = members.fold((Decimal::ZERO, Decimal::ZERO), |(ch, fo), co| {
            let fund_funded: Decimal = co
                .levers
                .iter()
                .filter(|l| l.funding == LeverFunding::FundFollowOn)
                // The fund pays its ownership share; co-owners fund the rest.
                .map(|l| l.one_time_cost * co.ownership)
                .sum();
            (
                ch + crate::engine::entry::company_equity_cheque(co),
                fo + fund_funded,
            )
        });
        // Over budget is a warning: the figures still compute (the fund calls what the
        // deals need), and the user sees by how much the plan overshoots.
        let money = |amount| format_money_in(amount, &p.fund.currency);
        if cheques > stage.budget {
            c.warning(
                at(Owner::Stage(i), "budget"),
                Rule::OverBudget,
                format!(
                    "{} needs {} of equity; its budget is {}",
                    stage.name,
                    money(cheques),
                    money(stage.budget)
                ),
            );
        }
        if follow_ons > stage.reserve {
            c.warning(
                at(Owner::Stage(i), "reserve"),
                Rule::OverBudget,
                format!(
                    "{}'s fund-funded AI programmes need {} of follow-on equity; its reserve is {}",
                    stage.name,
                    money(follow_ons),
                    money(stage.reserve)
                ),
            );
        }
    }
}

/// An exit after the fund's last quarter: a warning that the company is liquidated then,
/// at its mark less the discount (see the module doc).
pub(super) fn check_exit_within_term(c: &mut Checker, p: &Portfolio, owner: Owner, co: &Company) {
    let last_quarter_end = wind_up::last_quarter_end(&p.fund);
    if co.exit_date <= last_quarter_end {
        return;
    }
    let discount = p.fund.wind_up.liquidation_discount;
    let less = if discount > Decimal::ZERO {
        format!(", less the {} liquidation discount", pct(discount))
    } else {
        String::new()
    };
    c.warning(
        at(owner, "exit_date"),
        Rule::AfterTerm,
        format!(
            "'{}' exits on {}, after the end of the term and extensions ({}): it will be \
             liquidated in the fund's last quarter ({last_quarter_end}) at its mark{less}",
            co.name,
            co.exit_date,
            wind_up::fund_end(&p.fund),
        ),
    );
}

/// The checks that need the projection of a model without errors (see the module doc):
/// today, the calls against the commitment.
pub fn check_projection(p: &Portfolio, result: &FundResult) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new() };
    check_calls_within_commitment(&mut c, p, result);
    c.problems
}

/// Capital called beyond the commitment plus recycling: an error naming what overruns.
fn check_calls_within_commitment(c: &mut Checker, p: &Portfolio, result: &FundResult) {
    let Some(overrun) = call_overrun(result, p.fund.commitment) else {
        return;
    };
    let money = |amount| format_money_in(amount, &p.fund.currency);
    let limit = if overrun.recycled > Decimal::ZERO {
        format!(
            "the {} commitment and the {} recycled",
            money(overrun.commitment),
            money(overrun.recycled)
        )
    } else {
        format!("the {} commitment", money(overrun.commitment))
    };
    c.error(
        at(Owner::Fund, "commitment"),
        Rule::OverCommitment,
        format!(
            "Contributions reach {} by {}, above {limit}: {} overrun by {}",
            money(overrun.called),
            overrun.date,
            overrun_purposes(&overrun.calls),
            money(overrun.overrun)
        ),
    );
}

/// `the deals of Stage II and Stage III, the management fees and the fund expenses`: the
/// purposes in the order given (largest first), the stages' deals as one phrase.
fn overrun_purposes(calls: &[(CallPurpose, Decimal)]) -> String {
    let stages: Vec<&str> = calls
        .iter()
        .filter_map(|(purpose, _)| match purpose {
            CallPurpose::Deals { stage } => Some(stage.as_str()),
            _ => None,
        })
        .collect();
    let mut phrases: Vec<String> = Vec::new();
    for (purpose, _) in calls {
        let phrase = match purpose {
            CallPurpose::Deals { .. } if phrases.iter().any(|p| p.starts_with("the deals")) => continue,
            CallPurpose::Deals { .. } => format!("the deals of {}", in_words(&stages)),
            CallPurpose::ManagementFees => "the management fees".to_string(),
            CallPurpose::FundExpenses => "the fund expenses".to_string(),
            CallPurpose::Other => "other calls".to_string(),
        };
        phrases.push(phrase);
    }
    if phrases.is_empty() {
        return "the calls".to_string();
    }
    in_words(&phrases)
}

/// `a`, `a and b`, `a, b and c`.
fn in_words<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
            last.as_ref()
        ),
    }
}
