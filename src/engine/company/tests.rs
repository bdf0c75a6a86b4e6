//! The company model's conventions (the list at the top of [`super`]) checked one by one
//! against figures worked out by hand. Each test builds a tiny portfolio from
//! [`plain_company`] — a company whose every figure is set so the arithmetic fits on
//! paper — changes only what it tests, projects it with [`fund::project`] and compares
//! the engine's figures with the derivation written in the test.
//!
//! This file holds the helpers and the operating conventions (compounding levers, fixed
//! costs); `valuation` holds LTM, marks, sales, the management pool, the bridge and the
//! f64 agreement; `cash` the lines below EBITDA; `platform` a shared platform charged
//! to the companies.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use crate::engine::defaults::{blank_portfolio, template_company};
use crate::engine::fund::{self, Detail};
use crate::engine::grid;
use crate::engine::model::{
    CashPolicy, Company, CostPool, CostPools, DEFAULT_CAPEX_LIFE_YEARS, Depreciation, FixedCosts, Lever,
    LeverFunding, LeverKind, LeverTarget, ManagementPool, Portfolio, RampShape, TaxRules, WorkingCapital,
};
use crate::engine::num::Num;
use crate::engine::results::{CompanyResult, FundResult};

mod cash;
mod platform;
mod programme;
mod valuation;

/// A calendar date (tests only: a bad date is a bug in the test).
fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| panic!("no date {year}-{month}-{day}"))
}

/// The fund's first close and the acquisition: quarter 0 of the grid.
fn first_close() -> NaiveDate {
    day(2026, 3, 31)
}

/// Annual growth whose quarterly factor is exactly 1.02: 1.02⁴ = 1.0404² = 1.08243216.
const GROWTH_TWO_PERCENT_A_QUARTER: Decimal = dec!(0.08243216);

/// The hand-checkable company, bought outright at the first close (grid quarter 0) and
/// sold `hold_quarters` later. Revenue 400 a year (100 a quarter), no growth; materials
/// 50 % and overhead 25 % of revenue, all variable: EBITDA 25 a quarter, 100 a year.
/// 10× in and out (EV 1,000), no debt, no interest, no tax, no capex, no D&A, no working
/// capital, no minimum cash, no deal or exit costs, no management pool, no levers. The
/// equity cheque is the EV, 1,000, and all of EBITDA piles up as cash.
fn plain_company(hold_quarters: usize) -> Company {
    let mut c = template_company("Stage I", first_close(), day(2040, 12, 31));
    c.name = "Plain".into();
    c.ownership = Decimal::ONE;
    c.entry_revenue = dec!(400);
    c.revenue_growth = Decimal::ZERO;
    c.cost_pools = CostPools {
        materials: dec!(0.5),
        direct_labour: Decimal::ZERO,
        energy: Decimal::ZERO,
        maintenance: Decimal::ZERO,
        overhead: dec!(0.25),
    };
    c.fixed_costs = FixedCosts {
        shares: CostPools::default(),
        inflation: Decimal::ZERO,
    };
    c.working_capital = WorkingCapital::default();
    c.maintenance_capex = Decimal::ZERO;
    c.depreciation = Depreciation {
        share_of_revenue: Some(Decimal::ZERO),
        ..Depreciation::default()
    };
    c.tax_rate = Decimal::ZERO;
    c.tax = TaxRules {
        interest_cap: None,
        loss_offset_cap: None,
        opening_tax_losses: Decimal::ZERO,
    };
    c.cash = CashPolicy::default();
    c.entry_multiple = dec!(10);
    c.exit_multiple = dec!(10);
    c.debt_multiple = Decimal::ZERO;
    c.interest_rate = Decimal::ZERO;
    c.cash_sweep = Decimal::ZERO;
    c.transaction_costs = Decimal::ZERO;
    c.exit_date = grid::nth_quarter_end(first_close(), hold_quarters);
    c.exit_costs = Decimal::ZERO;
    c.partial_exits = Vec::new();
    c.marking_policy = None;
    c.management_pool = ManagementPool {
        share: Decimal::ZERO,
        hurdle_multiple: Decimal::ONE,
    };
    c.levers = Vec::new();
    c
}

/// A lever at full effect from its first quarter (no ramp), fully realised, costing
/// nothing, paid by the company. It starts `start_delay_quarters` after the first
/// operating quarter (grid quarter 1).
fn instant_lever(target: LeverTarget, effect: Decimal, start_delay_quarters: u32) -> Lever {
    Lever {
        name: format!("{target:?} {effect}"),
        kind: LeverKind::SupplyChain,
        target,
        effect,
        start_delay_quarters,
        ramp_quarters: 0,
        ramp_shape: RampShape::Linear,
        one_time_cost: Decimal::ZERO,
        annual_run_cost: Decimal::ZERO,
        realisation: Decimal::ONE,
        funding: LeverFunding::Company,
        one_time_capex_share: Decimal::ZERO,
        capex_life_years: DEFAULT_CAPEX_LIFE_YEARS,
        programme: crate::engine::model::LeverProgramme::default(),
    }
}

/// A fund closing at [`first_close`] (10-year term, 40 quarters) holding `companies`.
fn portfolio_of(companies: Vec<Company>) -> Portfolio {
    let mut p = blank_portfolio(first_close());
    p.companies = companies;
    p
}

/// The exact projection with every company's quarters kept.
fn project(p: &Portfolio) -> FundResult {
    fund::project::<Decimal>(p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

/// The projection's only company.
fn only(r: &FundResult) -> &CompanyResult {
    assert_eq!(r.companies.len(), 1, "the test portfolio holds one company");
    &r.companies[0]
}

#[test]
fn the_hand_checkable_company_is_what_its_doc_says() {
    // Everything below leans on this: EBITDA 25 a quarter, cheque 1,000, FCF 25 to cash,
    // and a growth of 8.243216 % compounding at exactly 1.02 a quarter.
    let r = project(&portfolio_of(vec![plain_company(4)]));
    let c = only(&r);
    assert_eq!(c.acquisition_index, 0);
    assert_eq!(c.exit_index, 4);
    assert_eq!(c.equity_cheque, dec!(1000));
    assert_eq!(c.entry_ebitda, dec!(100));
    assert_eq!(c.periods[1].ebitda, dec!(25));
    assert_eq!(c.periods[1].free_cash_flow, dec!(25));
    assert_eq!(c.periods[3].cash, dec!(75));
    // Exit at 10 × LTM 100 = 1,000 plus 100 of cash.
    assert_eq!(c.proceeds, dec!(1100));
    assert_eq!(
        (Decimal::ONE + GROWTH_TWO_PERCENT_A_QUARTER).fourth_root(),
        Some(dec!(1.02))
    );
}

#[test]
fn levers_on_one_pool_compound() {
    // Two immediate 20 % cuts on materials (50 a quarter). Compounding: the pool keeps
    // 0.8 × 0.8 = 64 %, 32 a quarter (adding would leave 60 %, 30). EBITDA = 100 − 32 −
    // 25 = 43. Attribution in list order: the first lever saves 20 % of 50 = 10, the
    // second 20 % of the 40 left = 8; 10 + 8 = 18 = 50 − 32, the pool's saving.
    let mut c = plain_company(4);
    let cut = || instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0.2), 0);
    c.levers = vec![cut(), cut()];
    let p = portfolio_of(vec![c]);
    let r = project(&p);
    let q1 = &only(&r).periods[1];
    assert_eq!(q1.pool_costs[0], dec!(32));
    assert_eq!(q1.pool_costs[0], dec!(50) * dec!(0.64));
    assert_eq!(q1.ebitda, dec!(43));
    assert_eq!(q1.ebitda_without_levers, dec!(25));

    let lines = super::lever_lines(&p, 0, r.dates.len()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.measure == super::LeverMeasure::CostSaving));
    assert_eq!(lines[0].per_quarter[1], dec!(10));
    assert_eq!(lines[1].per_quarter[1], dec!(8));
    let saved: Decimal = lines.iter().map(|l| l.per_quarter[1]).sum();
    assert_eq!(saved, q1.ebitda - q1.ebitda_without_levers);
    // Nothing is attributed before the deal's first operating quarter or after the exit.
    assert_eq!(lines[0].per_quarter[0], Decimal::ZERO);
    assert_eq!(lines[0].per_quarter[5], Decimal::ZERO);
}

#[test]
fn lever_attribution_sums_to_the_pool_saving_on_the_template_company() {
    // The template company (3 % growth, fixed shares, irrational quarterly factors) with
    // two ramping levers on maintenance and one on materials: in every held quarter the
    // savings attributed to the levers sum to what the levers took off the pools, which
    // (no run costs, no uplift) is EBITDA with levers less EBITDA without. Tolerance
    // 1e-12 of a currency unit on figures of about 10⁶: the two sides round in a
    // different order at Decimal's 28 digits.
    let mut c = template_company("Stage I", first_close(), day(2040, 12, 31));
    let ramped = |pool, effect| Lever {
        ramp_quarters: 6,
        ramp_shape: RampShape::SCurve,
        realisation: dec!(0.8),
        ..instant_lever(LeverTarget::Pool(pool), effect, 1)
    };
    c.levers = vec![
        ramped(CostPool::Maintenance, dec!(0.2)),
        ramped(CostPool::Maintenance, dec!(0.15)),
        ramped(CostPool::Materials, dec!(0.05)),
    ];
    let p = portfolio_of(vec![c]);
    let r = project(&p);
    let company = only(&r);
    let lines = super::lever_lines(&p, 0, r.dates.len()).unwrap_or_else(|e| panic!("{e}"));
    for q in company.acquisition_index + 1..=company.exit_index {
        let period = &company.periods[q];
        let saved: Decimal = lines.iter().map(|l| l.per_quarter[q]).sum();
        let gain = period.ebitda - period.ebitda_without_levers;
        // The projection carries each pool and EBITDA to 1e-8 of a unit between steps
        // ("Precision" in engine::company), the attribution does not: a few 1e-8 apart.
        assert!(
            (saved - gain).abs() < dec!(0.0000001),
            "quarter {q}: {saved} vs {gain}"
        );
    }
    // The levers start in quarter 2 (one quarter's delay after the first operating
    // quarter): something is saved from then on.
    assert_eq!(lines[0].per_quarter[1], Decimal::ZERO);
    assert!(lines[0].per_quarter[2] > Decimal::ZERO);
}

#[test]
fn a_fixed_cost_share_gives_operating_leverage() {
    // Materials 50 % of revenue, half of it fixed at its entry amount (25 a quarter) with
    // 0 % inflation; overhead 25 %, variable. Revenue grows 2 % a quarter: 102, 104.04.
    // Q1: materials = 102 × 0.25 + 25 = 50.5, overhead 25.5, EBITDA 102 − 76 = 26.
    // Q2: materials = 104.04 × 0.25 + 25 = 51.01, overhead 26.01, EBITDA 27.02.
    // The margin rises from 25 % at entry to 26/102 = 25.49 % and 27.02/104.04 = 25.97 %.
    let mut c = plain_company(4);
    c.revenue_growth = GROWTH_TWO_PERCENT_A_QUARTER;
    c.fixed_costs.shares.materials = dec!(0.5);
    let r = project(&portfolio_of(vec![c.clone()]));
    let periods = &only(&r).periods;
    assert_eq!(periods[1].revenue, dec!(102));
    assert_eq!(periods[1].pool_costs[0], dec!(50.5));
    assert_eq!(periods[1].pool_costs[4], dec!(25.5));
    assert_eq!(periods[1].ebitda, dec!(26));
    assert_eq!(periods[2].pool_costs[0], dec!(51.01));
    assert_eq!(periods[2].ebitda, dec!(27.02));
    let margin = |q: usize| periods[q].ebitda / periods[q].revenue;
    assert_eq!(margin(0), dec!(0.25));
    assert!(margin(1) > margin(0) && margin(2) > margin(1));

    // With the fixed part inflating at the revenue's own 2 % a quarter there is no
    // leverage: materials = 102 × 0.25 + 25 × 1.02 = 51, EBITDA 25.5, margin 25 %.
    c.fixed_costs.inflation = GROWTH_TWO_PERCENT_A_QUARTER;
    let r = project(&portfolio_of(vec![c]));
    let q1 = &only(&r).periods[1];
    assert_eq!(q1.pool_costs[0], dec!(51));
    assert_eq!(q1.ebitda, dec!(25.5));
}
