//! Fees, offsets and expenses against figures worked out by hand.
//!
//! The test fund: 100M of commitments, first close 2020-01-01 (the grid's quarter ends
//! 2020-03-31 … 2022-12-31, quarters 0 to 11), a one-year investment period (quarters
//! 0–3 end before 2021-01-01), a three-year term with no extension, 2 % a year in both
//! periods: 0.5 % a quarter, all of it paid by LPs (no GP commitment). The test deal is worth exactly its 10M cheque: 10M revenue
//! at a 20 % margin (EBITDA 2M a year, 0.5M a quarter), 5× entry and exit, no debt, no
//! tax, no growth, capex (20 % of revenue) equal to EBITDA and to D&A, so free cash flow
//! is zero; bought on 2020-02-15 (quarter 0) and sold on 2022-11-15 (quarter 11).

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use crate::engine::defaults::blank_portfolio;
use crate::engine::fund::{Detail, project};
use crate::engine::model::{Company, FeeBasis, FeeStep, MarkingPolicy, Portfolio};
use crate::engine::results::FundResult;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn deal(name: &str, acquired: NaiveDate, exit: NaiveDate) -> Company {
    crate::engine::fixtures::plain_deal(name, acquired, exit, dec!(5))
}

fn test_fund() -> Portfolio {
    let mut p = blank_portfolio(d(2020, 1, 1));
    let f = &mut p.fund;
    f.commitment = dec!(100_000_000);
    f.investment_period_years = 1;
    f.term_years = 3;
    f.extension_years = 0;
    f.management_fee_rate = dec!(0.02);
    f.post_investment_fee_rate = None;
    // No GP commitment: the GP's share would pay no fee (`engine::fund::partners`).
    f.gp_commitment_share = Decimal::ZERO;
    p.companies = vec![deal("Deal", d(2020, 2, 15), d(2022, 11, 15))];
    p
}

fn run(p: &Portfolio) -> FundResult {
    project(p, None, Detail::Full).unwrap()
}

fn fees(r: &FundResult) -> Vec<Decimal> {
    r.periods.iter().map(|p| p.management_fees).collect()
}

#[test]
fn the_grid_is_as_the_derivations_assume() {
    let r = run(&test_fund());
    assert_eq!(r.dates.len(), 12);
    assert_eq!(r.dates[4], d(2021, 3, 31));
    assert_eq!(r.companies[0].equity_cheque, dec!(10_000_000));
    assert_eq!(r.companies[0].exit_index, 11);
}

#[test]
fn commitment_basis_after_the_investment_period() {
    // 0.5 % × 100M = 500,000 in each of the 12 quarters: 6,000,000.
    let mut p = test_fund();
    p.fund.fee_terms.post_investment_basis = FeeBasis::Commitment;
    let r = run(&p);
    assert_eq!(fees(&r)[4], dec!(500_000));
    assert_eq!(r.metrics.management_fees, dec!(6_000_000));
}

#[test]
fn net_invested_capital_basis_is_the_default() {
    // Quarters 0–3 on commitments: 4 × 500,000 = 2,000,000. Quarters 4–10 on the 10M
    // held: 7 × 50,000 = 350,000. Quarter 11: sold, nothing held, no fee. 2,350,000.
    let r = run(&test_fund());
    assert_eq!(fees(&r)[3], dec!(500_000));
    assert_eq!(fees(&r)[4], dec!(50_000));
    assert_eq!(fees(&r)[11], dec!(0));
    assert_eq!(r.metrics.management_fees, dec!(2_350_000));
}

#[test]
fn lower_of_cost_and_nav_follows_a_write_down_but_not_a_write_up() {
    // Marked linearly from 5× at the acquisition (quarter 0) to the exit multiple at the
    // exit (quarter 11) on a flat 2M LTM EBITDA, no net debt.
    // Exit at 2.5×: quarter 4 multiple 5 − 2.5 × 4/11 = 45/11, NAV 90/11 M =
    // 8,181,818.18, fee 0.5 % = 40,909.09; quarter 8: 5 − 2.5 × 8/11 = 35/11, NAV
    // 6,363,636.36, fee 31,818.18 (below cost, so the NAV is the basis).
    let mut p = test_fund();
    p.fund.fee_terms.post_investment_basis = FeeBasis::LowerOfCostAndNav;
    p.companies[0].marking_policy = Some(MarkingPolicy::LinearToExit);
    p.companies[0].exit_multiple = dec!(2.5);
    let r = run(&p);
    assert_eq!(r.periods[4].gross_nav, dec!(8_181_818.18));
    assert_eq!(fees(&r)[4], dec!(40_909.09));
    assert_eq!(fees(&r)[8], dec!(31_818.18));
    // Exit at 7.5×: quarter 4 NAV (5 + 10/11) × 2M ≈ 11.8M is above the 10M cost, so
    // the fee stays on cost: 50,000.
    p.companies[0].exit_multiple = dec!(7.5);
    let r = run(&p);
    assert_eq!(fees(&r)[4], dec!(50_000));
}

#[test]
fn dated_steps_override_the_two_periods() {
    // Quarters 0–3: investment period, 500,000 each (2,000,000). Quarter 4 (2021-03-31):
    // no step yet, net invested capital 10M: 50,000. From 2021-06-30 (quarters 5–8) 1 % on
    // commitments: 250,000 each (1,000,000). From 2022-06-30 (quarters 9, 10) 0.5 % on
    // the 10M held: 12,500 each; quarter 11 nothing held: 0. Total 3,075,000.
    let mut p = test_fund();
    p.fund.fee_terms.steps = vec![
        FeeStep {
            from: d(2021, 6, 30),
            rate: dec!(0.01),
            basis: FeeBasis::Commitment,
        },
        FeeStep {
            from: d(2022, 6, 30),
            rate: dec!(0.005),
            basis: FeeBasis::NetInvestedCapital,
        },
    ];
    let r = run(&p);
    let f = fees(&r);
    assert_eq!(
        (f[4], f[5], f[8], f[9], f[11]),
        (dec!(50_000), dec!(250_000), dec!(250_000), dec!(12_500), dec!(0))
    );
    assert_eq!(r.metrics.management_fees, dec!(3_075_000));
}

#[test]
fn a_step_inside_the_investment_period_overrides_it() {
    // From 2020-06-30 (quarter 1) 1.5 % on commitments, to the end: quarter 0 at 2 %
    // (500,000), then 11 × 375,000 = 4,125,000. Total 4,625,000.
    let mut p = test_fund();
    p.fund.fee_terms.steps = vec![FeeStep {
        from: d(2020, 6, 30),
        rate: dec!(0.015),
        basis: FeeBasis::Commitment,
    }];
    let r = run(&p);
    assert_eq!(fees(&r)[1], dec!(375_000));
    assert_eq!(r.metrics.management_fees, dec!(4_625_000));
}

#[test]
fn a_fee_holiday_charges_nothing_in_its_quarters() {
    // Two quarters' holiday: quarters 0 and 1 free; the default's 2,350,000 less
    // 2 × 500,000 = 1,350,000.
    let mut p = test_fund();
    p.fund.fee_terms.holiday_quarters = 2;
    let r = run(&p);
    assert_eq!(
        (fees(&r)[0], fees(&r)[1], fees(&r)[2]),
        (dec!(0), dec!(0), dec!(500_000))
    );
    assert_eq!(r.metrics.management_fees, dec!(1_350_000));
}

/// The test deal charged a 10 % transaction fee (1M on its 10M EV) and a 200,000 yearly
/// monitoring fee (50,000 a quarter).
fn fund_with_company_fees(ownership: Decimal, offset_share: Decimal) -> Portfolio {
    let mut p = test_fund();
    p.fund.fee_terms.offset_share = offset_share;
    let c = &mut p.companies[0];
    c.ownership = ownership;
    c.transaction_fee = dec!(0.1);
    c.monitoring_fee = dec!(200_000);
    p
}

#[test]
fn full_offset_carries_the_excess_forward() {
    // Owned outright. Cheque 10M + 1M fee = 11M. Quarter 0: fee 500,000, offset
    // available 1,000,000 → fee 0, 500,000 carried. Quarter 1: 500,000 + 50,000
    // monitoring → fee 0, 50,000 carried. Quarter 2: 50,000 + 50,000 → 400,000.
    // Quarter 3: 450,000. Quarters 4–10: 0.5 % × 11M = 55,000 − 50,000 = 5,000 each
    // (35,000). Quarter 11 (the exit quarter): no fee; its 50,000 lapses.
    // Total 400,000 + 450,000 + 35,000 = 885,000.
    let r = run(&fund_with_company_fees(Decimal::ONE, Decimal::ONE));
    assert_eq!(r.companies[0].equity_cheque, dec!(11_000_000));
    let f = fees(&r);
    assert_eq!(
        (f[0], f[1], f[2], f[3], f[4]),
        (dec!(0), dec!(0), dec!(400_000), dec!(450_000), dec!(5_000))
    );
    assert_eq!(r.periods[0].portfolio_company_fees, dec!(1_000_000));
    assert_eq!(r.periods[11].portfolio_company_fees, dec!(50_000));
    assert_eq!(r.periods[1].fee_offset, dec!(500_000));
    assert_eq!(r.metrics.management_fees, dec!(885_000));
}

#[test]
fn half_offset_of_a_half_owned_company() {
    // 50 % owned: cheque 50 % × 11M = 5.5M. The fund's share of the fees: 500,000
    // transaction, 25,000 monitoring a quarter; half of them offset: 250,000 and 12,500.
    // Quarter 0: 500,000 − 250,000 = 250,000. Quarters 1–3: 487,500 each (1,462,500).
    // Quarters 4–10: 0.5 % × 5.5M = 27,500 − 12,500 = 15,000 each (105,000). Quarter 11:
    // 0. Total 250,000 + 1,462,500 + 105,000 = 1,817,500.
    let r = run(&fund_with_company_fees(dec!(0.5), dec!(0.5)));
    assert_eq!(r.companies[0].equity_cheque, dec!(5_500_000));
    let f = fees(&r);
    assert_eq!((f[0], f[1], f[4]), (dec!(250_000), dec!(487_500), dec!(15_000)));
    assert_eq!(r.metrics.management_fees, dec!(1_817_500));
}

#[test]
fn the_monitoring_fee_is_a_deductible_company_cost() {
    // 25 % tax and no D&A: EBIT = 500,000 EBITDA − 50,000 fee = 450,000, tax 112,500
    // (125,000 without the fee). Free cash flow = 500,000 − 112,500 tax − 500,000 capex
    // − 50,000 fee = −162,500. None in the acquisition quarter; charged in the exit
    // quarter.
    let mut p = fund_with_company_fees(Decimal::ONE, Decimal::ONE);
    p.companies[0].tax_rate = dec!(0.25);
    p.companies[0].depreciation.share_of_revenue = Some(Decimal::ZERO);
    let r = run(&p);
    let c = &r.companies[0].periods;
    assert_eq!(c[0].monitoring_fee, dec!(0));
    assert_eq!(c[1].monitoring_fee, dec!(50_000));
    assert_eq!(c[11].monitoring_fee, dec!(50_000));
    assert_eq!(c[1].ebitda, dec!(500_000));
    assert_eq!(c[1].ebit, dec!(450_000));
    assert_eq!(c[1].tax, dec!(112_500));
    assert_eq!(c[1].free_cash_flow, dec!(-162_500));
    // The transaction fee is in the bridge's entry costs: 10 % of 10M.
    assert_eq!(r.companies[0].bridge.entry_costs, dec!(1_000_000));
}

#[test]
fn expenses_stop_at_the_last_exit() {
    // 4M a year (1M a quarter) and 0.5M of organisational expenses; the only deal is
    // sold on 2021-11-15 (quarter 7), the term runs to quarter 11. Quarters 0–7: 8M + 0.5M
    // = 8.5M; quarters 8–11: nothing (they were 4M before the fund stopped at its last
    // exit).
    let mut p = test_fund();
    p.fund.annual_expenses = dec!(4_000_000);
    p.fund.organisational_expenses = dec!(500_000);
    p.companies[0].exit_date = d(2021, 11, 15);
    let r = run(&p);
    assert_eq!(r.periods[7].fund_expenses, dec!(1_000_000));
    assert_eq!(r.periods[8].fund_expenses, dec!(0));
    assert_eq!(r.metrics.fund_expenses, dec!(8_500_000));
}

#[test]
fn a_fund_without_companies_runs_its_expenses_to_the_end_of_the_term() {
    // 12 quarters × 1M = 12M.
    let mut p = test_fund();
    p.fund.annual_expenses = dec!(4_000_000);
    p.companies.clear();
    let r = run(&p);
    assert_eq!(r.metrics.fund_expenses, dec!(12_000_000));
}

#[test]
fn regression_the_100b_sample_calls_no_expenses_after_its_last_exit() {
    // The last exit is 2035-11-30 (quarter ending 2035-12-31); the term and extension run
    // to 2039-03-31. The 40M a year (10M a quarter) used to be called for the 12 quarters
    // 2036-03-31 … 2038-12-31: 120M. Now none is.
    let p = crate::io::samples::flagship().unwrap();
    let r = run(&p);
    let last_exit = r.companies.iter().map(|c| c.exit_index).max().unwrap();
    assert_eq!(r.dates[last_exit], d(2035, 12, 31));
    let after: Decimal = r.periods[last_exit + 1..].iter().map(|p| p.fund_expenses).sum();
    assert_eq!(after, dec!(0));
    // That quarter: the fund's 10M, plus 15M of the shared AI platform's run cost (60M a
    // year as a fund expense, paid through the last exit of a company using it).
    assert_eq!(r.periods[last_exit].fund_expenses, dec!(25_000_000));
    assert_eq!(r.dates.len() - last_exit - 1, 12);
}
