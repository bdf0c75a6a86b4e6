//! Checks of the fund terms, the stages, and the stages' budgets and reserves.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::{Checker, MAX_MONEY, Rule, has_errors, in_sentence};
use crate::engine::fields::{FieldPath, Owner, PointPart};
use crate::engine::model::{LeverFunding, PmeBenchmark, Portfolio};
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
