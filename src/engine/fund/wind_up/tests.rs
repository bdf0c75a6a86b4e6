//! Wind-up: the fund's last quarter, a company liquidated at its mark there, the warning
//! that says so, and the final liquidation of the $100B sample.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::{last_quarter_end, last_quarter_index, sale_quarter};
use crate::engine::company::{CompanyAdjustment, PreparedCompany};
use crate::engine::fund::FundCalendar;
use crate::engine::fund::capital::tests::plain_company;
use crate::engine::model::{MarkingPolicy, Portfolio, Stage};
use crate::engine::validate::{self, Rule, Severity};
use crate::engine::{compute, defaults};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A $100M fund closing 2020-01-01 with a 10-year term and no extension (its last
/// quarter: 4 × 10 − 1 = 39, 2029-12-31) and a 10 % liquidation discount, holding one
/// 10M company (EBITDA 2M a year, 5× in, no debt or cash) bought in 2020 Q1 (quarter 0)
/// with a planned exit at 8× on 2031-06-15 (quarter 4 × 11 + 1 = 45), after the term.
fn fund_with_a_company_held_past_the_term(marking: MarkingPolicy) -> Portfolio {
    let first_close = d(2020, 1, 1);
    let mut p = defaults::blank_portfolio(first_close);
    p.fund.commitment = dec!(100_000_000);
    p.fund.wind_up.liquidation_discount = dec!(0.1);
    p.stages = vec![Stage {
        name: "Stage I".into(),
        start_date: first_close,
        budget: dec!(10_000_000),
        reserve: Decimal::ZERO,
        gate: None,
    }];
    let mut held = plain_company(
        "Held",
        "Stage I",
        d(2020, 2, 15),
        d(2031, 6, 15),
        dec!(10_000_000),
    );
    held.exit_multiple = dec!(8);
    // Exit costs are not charged at a liquidation: the discount stands for them.
    held.exit_costs = dec!(0.02);
    held.marking_policy = Some(marking);
    p.companies = vec![held];
    p
}

#[test]
fn the_last_quarter_is_the_last_quarter_end_before_the_end_of_term_and_extensions() {
    let mut p = defaults::blank_portfolio(d(2020, 1, 1));
    p.fund.term_years = 10;
    p.fund.extension_years = 2;
    // 12 years of quarters from 2020 Q1: indices 0..=47, the last 2031-12-31.
    assert_eq!(last_quarter_index(&p.fund), 47);
    assert_eq!(last_quarter_end(&p.fund), d(2031, 12, 31));
    // A first close mid-quarter: 2020-02-10 + 12 years = 2032-02-10, in quarter 48; the
    // last quarter end before it is still 2031-12-31.
    p.fund.first_close = d(2020, 2, 10);
    assert_eq!(last_quarter_end(&p.fund), d(2031, 12, 31));
    // Sold at the planned exit when it comes first; else in the last quarter; never in
    // the acquisition quarter.
    assert_eq!(sale_quarter(3, 20, 47), 20);
    assert_eq!(sale_quarter(3, 60, 47), 47);
    assert_eq!(sale_quarter(47, 60, 47), 48);
}

#[test]
fn a_company_held_at_the_end_is_liquidated_at_its_mark_less_10_percent() {
    // Marked at the entry multiple: 5 × LTM EBITDA 2M − net debt 0 = 10M of equity, no
    // management pool; the fund owns all of it and receives 10M × (1 − 10 %) = 9.0M in
    // quarter 39 (2029-12-31) — not 8 × 2M = 16M at the exit multiple, nor less the 2 %
    // exit costs, and not in 2031.
    let p = fund_with_a_company_held_past_the_term(MarkingPolicy::EntryMultiple);
    let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
    let company = r.companies.first().unwrap_or_else(|| panic!("no company"));
    assert_eq!(company.exit_index, 39);
    assert_eq!(
        r.dates.last(),
        Some(&d(2029, 12, 31)),
        "the grid ends with the fund"
    );
    assert_eq!(company.proceeds, dec!(9_000_000));
    let at = |q: usize| r.periods.get(q).unwrap_or_else(|| panic!("no quarter {q}"));
    assert_eq!(at(39).gross_proceeds, dec!(9_000_000));
    assert_eq!(at(38).gross_nav, dec!(10_000_000));
    assert_eq!(at(39).gross_nav, Decimal::ZERO);
    let sale = company
        .periods
        .get(39)
        .unwrap_or_else(|| panic!("no sale quarter"));
    assert_eq!(sale.multiple, dec!(5));
    assert!(!sale.held);
    // The bridge books the discount as the sale's cost: 10 % of 10M.
    assert_eq!(company.bridge.exit_equity, dec!(10_000_000));
    assert_eq!(company.bridge.costs, dec!(-1_000_000));
}

#[test]
fn a_linear_mark_is_liquidated_on_its_path_to_the_planned_exit() {
    // Linear from 5× at quarter 0 to 8× at the planned exit, quarter 45: at quarter 39 the
    // mark is 5 + 3 × 39 / 45 = 7.6×, equity 7.6 × 2M = 15.2M, proceeds 15.2M × 0.9 =
    // 13.68M.
    let p = fund_with_a_company_held_past_the_term(MarkingPolicy::LinearToExit);
    let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
    let company = r.companies.first().unwrap_or_else(|| panic!("no company"));
    assert_eq!(company.proceeds, dec!(13_680_000));
}

#[test]
fn an_exit_after_the_term_is_a_warning_that_names_the_company_and_the_liquidation() {
    let p = fund_with_a_company_held_past_the_term(MarkingPolicy::EntryMultiple);
    let problems = validate::validate(&p);
    let warning = problems
        .iter()
        .find(|x| x.rule == Rule::AfterTerm)
        .unwrap_or_else(|| panic!("no warning: {problems:?}"));
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.path.to_string(), "companies[0].exit_date");
    assert_eq!(
        warning.message,
        "'Held' exits on 2031-06-15, after the end of the term and extensions (2030-01-01): \
         it will be liquidated in the fund's last quarter (2029-12-31) at its mark, less the \
         10% liquidation discount"
    );
    // An exit in the last quarter is within the term.
    let mut within = p.clone();
    if let Some(c) = within.companies.first_mut() {
        c.exit_date = d(2029, 12, 31);
    }
    assert!(
        !validate::validate(&within)
            .iter()
            .any(|x| x.rule == Rule::AfterTerm)
    );
}

#[test]
fn a_monte_carlo_delay_past_the_term_is_a_liquidation_too() {
    // Quarter 30 (2027 Q3: 7 × 4 + 2) delayed by 20 quarters is quarter 50, past quarter
    // 39: sold at 39.
    let mut p = fund_with_a_company_held_past_the_term(MarkingPolicy::EntryMultiple);
    if let Some(c) = p.companies.first_mut() {
        c.exit_date = d(2027, 9, 30);
    }
    let company = p.companies.first().unwrap_or_else(|| panic!("no company"));
    let delay = CompanyAdjustment {
        exit_delay_quarters: 20,
        ..CompanyAdjustment::<Decimal>::default()
    };
    let prepared = PreparedCompany::new(company, &p.fund, &delay).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(prepared.exit_index, 39);
    assert!(prepared.liquidated_at_end());
    let on_time = PreparedCompany::new(company, &p.fund, &CompanyAdjustment::<Decimal>::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(on_time.exit_index, 30);
    assert!(!on_time.liquidated_at_end());
}

/// Regression (issue 12): the $100B sample's last exit is 2035-11-30, in quarter
/// (2035 − 2026) × 4 + 3 = 39 from its 2026-03-31 first close; its 12-year term and
/// 1-year extension end on 2039-03-31, last quarter 4 × 13 − 1 = 51. Fund expenses were
/// called in the 12 quarters 40–51 after the last sale: 12 × 40M / 4 = 120M. The final
/// liquidation is quarter 39, and no expense is called after it.
#[test]
fn the_final_liquidation_of_the_100b_sample_is_its_last_exit_not_the_end_of_the_term() {
    let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let companies = p
        .companies
        .iter()
        .map(|c| PreparedCompany::new(c, &p.fund, &CompanyAdjustment::<Decimal>::default()))
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    let calendar = FundCalendar::new(&p.fund, &companies).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(last_quarter_index(&p.fund), 51);
    assert_eq!(calendar.final_liquidation_index, 39);
    assert_eq!(calendar.dates.get(39), Some(&d(2035, 12, 31)));
    assert_eq!(calendar.dates.len(), 52);
    let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
    let after_last_sale: Decimal = r.periods.iter().skip(40).map(|q| q.fund_expenses).sum();
    assert_eq!(after_last_sale, Decimal::ZERO, "was 120M");
    // The quarter of the last sale still pays its 40M / 4 = 10M.
    assert!(
        r.periods
            .get(39)
            .is_some_and(|q| q.fund_expenses >= dec!(10_000_000))
    );
}
