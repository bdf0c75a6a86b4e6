//! Recycling against figures worked out by hand on a tiny fund: no fees or expenses
//! unless said, no carry, two deals whose equity is exactly what they cost or sell for.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use crate::engine::compute;
use crate::engine::defaults::{blank_portfolio, template_company};
use crate::engine::fields::{FieldPath, Owner};
use crate::engine::model::{
    CashPolicy, Company, CostPools, Depreciation, FixedCosts, ManagementPool, Portfolio, Recycling,
    WorkingCapital,
};
use crate::engine::results::FundResult;
use crate::engine::validate::{Rule, Severity, validate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A company with revenue 10M a year at a 20 % EBITDA margin (2M a year, 0.5M a
/// quarter), bought at 5× (EV = equity = 10M: no debt, no costs), capex equal to EBITDA
/// so no cash builds up, no tax, no working capital, no pool. Sold at `exit_multiple` ×
/// LTM EBITDA of 2M.
fn deal(name: &str, acquired: NaiveDate, exit: NaiveDate, exit_multiple: Decimal) -> Company {
    Company {
        name: name.into(),
        stage: "Stage I".into(),
        acquisition_date: acquired,
        entry_revenue: dec!(10_000_000),
        revenue_growth: Decimal::ZERO,
        cost_pools: CostPools {
            materials: dec!(0.5),
            direct_labour: dec!(0.2),
            energy: dec!(0.03),
            maintenance: dec!(0.03),
            overhead: dec!(0.04),
        },
        fixed_costs: FixedCosts::default(),
        working_capital: WorkingCapital::default(),
        maintenance_capex: dec!(0.2),
        depreciation: Depreciation::default(),
        tax_rate: Decimal::ZERO,
        cash: CashPolicy::default(),
        entry_multiple: dec!(5),
        debt_multiple: Decimal::ZERO,
        interest_rate: Decimal::ZERO,
        cash_sweep: Decimal::ZERO,
        transaction_costs: Decimal::ZERO,
        exit_date: exit,
        exit_multiple,
        exit_costs: Decimal::ZERO,
        management_pool: ManagementPool::default(),
        ..template_company("Stage I", acquired, exit)
    }
}

/// A 100M fund from 1 January 2020, five-year investment period, ten-year term, no fees,
/// expenses, carry or GP commitment. Deal A: bought in Q1 2020 for 10M, sold in Q1 2021
/// (quarter 4) at 10× for 20M. Deal B: bought in Q1 2022 (quarter 8) for 10M, sold flat in Q1 2026
/// (quarter 24) for 10M. Without recycling: calls 10M + 10M = 20M, distributions 20M +
/// 10M = 30M, DPI = TVPI = 1.5.
fn tiny_fund(recycling: Recycling) -> Portfolio {
    let mut p = blank_portfolio(d(2020, 1, 1));
    p.fund.commitment = dec!(100_000_000);
    p.fund.management_fee_rate = Decimal::ZERO;
    p.fund.post_investment_fee_rate = None;
    p.fund.carry_rate = Decimal::ZERO;
    p.fund.gp_commitment_share = Decimal::ZERO;
    p.fund.recycling = recycling;
    if let Some(stage) = p.stages.first_mut() {
        stage.budget = dec!(50_000_000);
        stage.reserve = Decimal::ZERO;
    }
    p.companies = vec![
        deal("Deal A", d(2020, 2, 15), d(2021, 2, 15), dec!(10)),
        deal("Deal B", d(2022, 2, 15), d(2026, 2, 15), dec!(5)),
    ];
    p
}

fn recycle(proceeds_share: Decimal, cap_share: Decimal) -> Recycling {
    Recycling {
        proceeds_share,
        cap_share,
        ..Recycling::default()
    }
}

fn computed(p: &Portfolio) -> FundResult {
    match compute(p) {
        Ok(r) => r,
        Err(e) => panic!("the tiny fund should compute: {e}"),
    }
}

/// `(contributions, distributions)` in quarter `q`.
fn flows(r: &FundResult, q: usize) -> (Decimal, Decimal) {
    r.periods.get(q).map_or((Decimal::MIN, Decimal::MIN), |p| {
        (p.contributions, p.distributions)
    })
}

#[test]
fn without_recycling_the_tiny_fund_is_as_derived() {
    let r = computed(&tiny_fund(Recycling::default()));
    assert_eq!(flows(&r, 0), (dec!(10_000_000), Decimal::ZERO));
    assert_eq!(flows(&r, 4), (Decimal::ZERO, dec!(20_000_000)));
    assert_eq!(flows(&r, 8), (dec!(10_000_000), Decimal::ZERO));
    assert_eq!(flows(&r, 24), (Decimal::ZERO, dec!(10_000_000)));
    assert_eq!(r.metrics.paid_in, dec!(20_000_000));
    assert_eq!(r.metrics.distributed, dec!(30_000_000));
    assert_eq!(r.metrics.dpi, Some(dec!(1.5)));
    assert_eq!(r.metrics.recycled, Decimal::ZERO);
}

#[test]
fn an_early_exit_within_the_cap_funds_the_next_deal() {
    // Half of deal A's 20M is retained in quarter 4: 10M, under the cap of 20% × 100M =
    // 20M. Partners receive 20 − 10 = 10M then. Deal B's 10M in quarter 8 is paid from
    // the 10M held, so nothing is called; the balance is 0 at the window's end (quarter
    // 19, Q4 2024), nothing released. Calls 20M → 10M, distributions 30M → 20M (each 10M
    // lower, the amount recycled), DPI = TVPI = 20 / 10 = 2.0 (up 0.5 from 1.5).
    let r = computed(&tiny_fund(recycle(dec!(0.5), dec!(0.2))));
    let at = |q: usize| r.periods.get(q).cloned().unwrap_or_default();
    assert_eq!(at(4).recycling_retained, dec!(10_000_000));
    assert_eq!(at(4).recyclable_balance, dec!(10_000_000));
    assert_eq!(at(7).recyclable_balance, dec!(10_000_000));
    assert_eq!(flows(&r, 4), (Decimal::ZERO, dec!(10_000_000)));
    assert_eq!(at(8).recycling_reinvested, dec!(10_000_000));
    assert_eq!(at(8).recyclable_balance, Decimal::ZERO);
    assert_eq!(flows(&r, 8), (Decimal::ZERO, Decimal::ZERO));
    assert_eq!(flows(&r, 24), (Decimal::ZERO, dec!(10_000_000)));
    assert!(r.periods.iter().all(|p| p.recycling_released.is_zero()));
    assert_eq!(r.metrics.paid_in, dec!(10_000_000));
    assert_eq!(r.metrics.distributed, dec!(20_000_000));
    assert_eq!(r.metrics.recycled, dec!(10_000_000));
    assert_eq!(r.metrics.dpi, Some(dec!(2)));
    assert_eq!(r.metrics.tvpi, Some(dec!(2)));
    // Gross figures are the deals', whoever funded them.
    assert_eq!(r.metrics.invested, dec!(20_000_000));
    assert_eq!(r.metrics.gross_proceeds, dec!(30_000_000));
}

#[test]
fn the_cap_binds() {
    // All of deal A's 20M could be retained, but the cap is 5% × 100M = 5M. Partners get
    // 15M in quarter 4; deal B takes the 5M held and calls 10 − 5 = 5M. Calls 10 + 5 =
    // 15M, distributions 15 + 10 = 25M, DPI = 25 / 15 = 5/3.
    let r = computed(&tiny_fund(recycle(Decimal::ONE, dec!(0.05))));
    assert_eq!(flows(&r, 4), (Decimal::ZERO, dec!(15_000_000)));
    assert_eq!(flows(&r, 8), (dec!(5_000_000), Decimal::ZERO));
    assert_eq!(r.metrics.paid_in, dec!(15_000_000));
    assert_eq!(r.metrics.distributed, dec!(25_000_000));
    assert_eq!(r.metrics.recycled, dec!(5_000_000));
    assert_eq!(r.metrics.dpi, Some(dec!(25_000_000) / dec!(15_000_000)));
}

#[test]
fn recycling_of_fees_retains_up_to_the_fees_paid() {
    // Cap 0% of commitments, fee share 100%: the fund may retain what it has charged in
    // fees. 2% × 100M / 4 = 500k a quarter in the investment period; by quarter 4 five
    // quarters, 2.5M. So 2.5M of deal A's 20M is retained (17.5M distributed) and pays
    // part of deal B's 10M in quarter 8, when 10 − 2.5 + 0.5 (that quarter's fee) = 8.0M
    // is called.
    let mut p = tiny_fund(Recycling {
        proceeds_share: Decimal::ONE,
        cap_share: Decimal::ZERO,
        fee_share: Decimal::ONE,
        ..Recycling::default()
    });
    p.fund.management_fee_rate = dec!(0.02);
    let r = computed(&p);
    let at = |q: usize| r.periods.get(q).cloned().unwrap_or_default();
    assert_eq!(at(4).recycling_retained, dec!(2_500_000));
    assert_eq!(flows(&r, 4), (dec!(500_000), dec!(17_500_000)));
    assert_eq!(at(8).recycling_reinvested, dec!(2_500_000));
    assert_eq!(flows(&r, 8), (dec!(8_000_000), Decimal::ZERO));
}

#[test]
fn proceeds_outside_the_window_are_distributed_in_full() {
    // The window closes one year after the first close (quarters 0–3); deal A sells in
    // quarter 4, so nothing is retained and the fund is the one without recycling.
    let r = computed(&tiny_fund(Recycling {
        window_end_years: Some(1),
        ..recycle(Decimal::ONE, dec!(0.2))
    }));
    assert!(r.periods.iter().all(|p| p.recycling_retained.is_zero()));
    assert_eq!(flows(&r, 4), (Decimal::ZERO, dec!(20_000_000)));
    assert_eq!(r.metrics.paid_in, dec!(20_000_000));
    assert_eq!(r.metrics.distributed, dec!(30_000_000));
}

#[test]
fn what_is_unused_when_the_window_closes_is_distributed_then() {
    // Window of two years (quarters 0–7): half of deal A's 20M (10M) is retained in
    // quarter 4, but deal B comes in quarter 8, outside it. The 10M is distributed in
    // quarter 7, the window's last; deal B is called in full. Totals as without
    // recycling (calls 20M, distributions 30M), 10M of it three quarters later.
    let r = computed(&tiny_fund(Recycling {
        window_end_years: Some(2),
        ..recycle(dec!(0.5), dec!(0.2))
    }));
    let at = |q: usize| r.periods.get(q).cloned().unwrap_or_default();
    assert_eq!(flows(&r, 4), (Decimal::ZERO, dec!(10_000_000)));
    assert_eq!(at(7).recycling_released, dec!(10_000_000));
    assert_eq!(at(7).recyclable_balance, Decimal::ZERO);
    assert_eq!(flows(&r, 7), (Decimal::ZERO, dec!(10_000_000)));
    assert_eq!(flows(&r, 8), (dec!(10_000_000), Decimal::ZERO));
    assert_eq!(r.metrics.paid_in, dec!(20_000_000));
    assert_eq!(r.metrics.distributed, dec!(30_000_000));
    assert_eq!(r.metrics.recycled, Decimal::ZERO);
}

#[test]
fn the_waterfall_splits_only_what_is_not_retained() {
    // With 20% carry over an 8% hurdle: in quarter 4 only the 10M not retained reaches the
    // waterfall, so partners and GP share 10M there, not 20M; in every quarter partners'
    // distributions plus carry are the gross proceeds less retained plus released.
    let mut p = tiny_fund(recycle(dec!(0.5), dec!(0.2)));
    p.fund.carry_rate = dec!(0.2);
    let r = computed(&p);
    let at = |q: usize| r.periods.get(q).cloned().unwrap_or_default();
    assert_eq!(at(4).distributions + at(4).carried_interest, dec!(10_000_000));
    for period in &r.periods {
        assert_eq!(
            period.distributions + period.carried_interest,
            period.gross_proceeds - period.recycling_retained + period.recycling_released
        );
    }
}

fn problems_at(p: &Portfolio, key: &'static str) -> Vec<(Severity, Rule, String)> {
    let path = FieldPath::Field {
        owner: Owner::Fund,
        key,
    };
    validate(p)
        .into_iter()
        .filter(|problem| problem.path == path)
        .map(|problem| (problem.severity, problem.rule, problem.message))
        .collect()
}

#[test]
fn shares_and_caps_outside_0_to_100_percent_are_errors_naming_the_field() {
    let p = tiny_fund(Recycling {
        proceeds_share: dec!(1.2),
        cap_share: dec!(-0.1),
        fee_share: dec!(2),
        ..Recycling::default()
    });
    for (key, words) in [
        (
            "recycling.proceeds_share",
            "share of exit proceeds retained is 120%",
        ),
        (
            "recycling.cap_share",
            "Recycling cap (share of commitments) is -10%",
        ),
        (
            "recycling.fee_share",
            "Recycling of fees (share of fees paid) is 200%",
        ),
    ] {
        let found = problems_at(&p, key);
        assert!(
            found
                .iter()
                .any(|(s, rule, m)| *s == Severity::Error && *rule == Rule::OutOfRange && m.contains(words)),
            "{key}: {found:?}"
        );
    }
}

#[test]
fn a_window_that_closes_before_it_opens_is_an_error() {
    let p = tiny_fund(Recycling {
        window_start_years: 3,
        window_end_years: Some(2),
        ..recycle(dec!(0.5), dec!(0.2))
    });
    let found = problems_at(&p, "recycling.window_end_years");
    assert!(
        found.iter().any(|(s, rule, m)| *s == Severity::Error
            && *rule == Rule::DateOrder
            && m.contains("closes 2 years after the first close, before it opens (3 years")),
        "{found:?}"
    );
}

#[test]
fn sales_outside_the_window_are_a_warning_naming_the_companies() {
    // Window of one year: deal A sells in 2021, deal B in 2026, both outside.
    let p = tiny_fund(Recycling {
        window_end_years: Some(1),
        ..recycle(dec!(0.5), dec!(0.2))
    });
    let found = problems_at(&p, "recycling.window_end_years");
    assert!(
        found.iter().any(|(s, rule, m)| *s == Severity::Warning
            && *rule == Rule::OutsideRecyclingWindow
            && m.starts_with("2 of 2 companies")
            && m.contains("Deal A, Deal B")),
        "{found:?}"
    );
    // Recycling off: no warning.
    assert!(problems_at(&tiny_fund(Recycling::default()), "recycling.window_end_years").is_empty());
}
