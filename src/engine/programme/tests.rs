//! The programme's schedule and platform costs against figures worked out by hand.
//!
//! The test fund closes on 2020-01-01: quarter 0 ends 2020-03-31, quarter 4 ends
//! 2021-03-31, and so on; a ten-year term (quarters 0–39). Its companies are bought on
//! 2020-02-15 (quarter 0, so quarter 1 is their first operating quarter) unless said
//! otherwise.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::{schedule, scheduled_companies, wright_factor};
use crate::engine::defaults::{blank_portfolio, template_company, template_lever};
use crate::engine::fund::{Detail, project};
use crate::engine::model::{
    Company, DatedAmount, LearningRate, Lever, LeverKind, Platform, PlatformCharging, Portfolio,
};
use crate::engine::results::FundResult;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A company with no tax, debt, growth or working capital, so a platform charge shows
/// one-for-one in EBIT and free cash flow; 40M revenue a year unless `revenue` says.
fn company(name: &str, revenue: Decimal, levers: Vec<Lever>) -> Company {
    let mut c = template_company("Stage I", d(2020, 2, 15), d(2025, 2, 15));
    c.name = name.into();
    c.entry_revenue = revenue;
    c.revenue_growth = Decimal::ZERO;
    c.fixed_costs = Default::default();
    c.working_capital = Default::default();
    c.tax_rate = Decimal::ZERO;
    c.debt_multiple = Decimal::ZERO;
    c.levers = levers;
    c
}

/// A lever of `kind` starting `delay` quarters after the first operating quarter,
/// on `platform` if given, costing 1M once with an 8-quarter ramp.
fn lever(kind: LeverKind, delay: u32, platform: Option<&str>) -> Lever {
    let mut l = template_lever();
    l.kind = kind;
    l.start_delay_quarters = delay;
    l.ramp_quarters = 8;
    l.one_time_cost = dec!(1_000_000);
    l.programme.platform = platform.map(str::to_string);
    l
}

fn platform(go_live: NaiveDate, charging: PlatformCharging) -> Platform {
    Platform {
        name: "Foundry AI".into(),
        go_live,
        build_costs: Vec::new(),
        annual_run_cost: Decimal::ZERO,
        charging,
    }
}

fn fund(companies: Vec<Company>) -> Portfolio {
    let mut p = blank_portfolio(d(2020, 1, 1));
    p.fund.commitment = dec!(10_000_000_000);
    p.companies = companies;
    p
}

fn run(p: &Portfolio) -> FundResult {
    project(p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

/// The quarter a company's one-time lever cost is spent in (its scale-up's start).
fn cost_quarter(r: &FundResult, company: usize) -> Option<usize> {
    r.companies[company]
        .periods
        .iter()
        .position(|p| p.lever_one_time_costs > Decimal::ZERO)
}

#[test]
fn a_platform_two_quarters_late_moves_its_levers_by_two_and_leaves_the_others() {
    // Lever A runs on the platform, delay 1: it would start in quarter 1 + 1 = 2. Lever B
    // (on no platform) starts in quarter 1 + 3 = 4. Live 2020-08-15 (quarter 2): A may
    // start in the go-live quarter, so neither moves. Live two quarters later, 2021-02-15
    // (quarter 4): A moves to quarter 4 (by 2), B stays in quarter 4.
    let mut p = fund(vec![
        company(
            "A",
            dec!(40_000_000),
            vec![lever(LeverKind::SupplyChain, 1, Some("Foundry AI"))],
        ),
        company(
            "B",
            dec!(40_000_000),
            vec![lever(LeverKind::SupplyChain, 3, None)],
        ),
    ]);
    p.programme
        .platforms
        .push(platform(d(2020, 8, 15), PlatformCharging::FundExpense));
    let on_time = schedule(&p);
    assert_eq!(on_time.levers[0].start(), 2);
    assert_eq!(on_time.levers[0].shift_quarters, 0);
    assert_eq!(cost_quarter(&run(&p), 0), Some(2));

    p.programme.platforms[0].go_live = d(2021, 2, 15);
    let late = schedule(&p);
    assert_eq!(late.levers[0].start(), 4);
    assert_eq!(late.levers[0].shift_quarters, 2);
    assert_eq!(late.levers[1].start(), 4);
    assert_eq!(late.levers[1].shift_quarters, 0);
    let r = run(&p);
    assert_eq!(
        cost_quarter(&r, 0),
        Some(4),
        "the dependent lever's cost moves two quarters"
    );
    assert_eq!(cost_quarter(&r, 1), Some(4), "the independent lever stays");
    // The scheduled model carries the move: start delay 1 + 2 = 3.
    assert_eq!(scheduled_companies(&p)[0].levers[0].start_delay_quarters, 3);
}

#[test]
fn a_pilot_and_gate_move_with_their_lever() {
    // A lever with a pilot starting 1 quarter after the first operating quarter (quarter 2)
    // and a gate 4 quarters after the acquisition (quarter 4). Live in quarter 5
    // (2021-05-15): the programme moves by 5 − 2 = 3: pilot delay 4, gate 7.
    let mut l = lever(LeverKind::SupplyChain, 0, Some("Foundry AI"));
    l.programme.pilot = Some(crate::engine::model::Pilot {
        start_delay_quarters: 1,
        quarters: 2,
        effect: dec!(0.05),
        cost: dec!(100_000),
    });
    l.programme.gate = Some(crate::engine::model::Gate {
        quarter: 4,
        probability: dec!(0.6),
        on_failure: Default::default(),
    });
    let mut p = fund(vec![company("A", dec!(40_000_000), vec![l])]);
    p.programme
        .platforms
        .push(platform(d(2021, 5, 15), PlatformCharging::FundExpense));
    let s = schedule(&p);
    assert_eq!(s.levers[0].planned_start, 2);
    assert_eq!(s.levers[0].shift_quarters, 3);
    // The scale-up starts the quarter after the gate: 0 + 4 + 1 = 5, moved to 8.
    assert_eq!(s.levers[0].scale_up_start, 8);
    let moved = scheduled_companies(&p);
    let programme = &moved[0].levers[0].programme;
    assert_eq!(programme.pilot.as_ref().map(|x| x.start_delay_quarters), Some(4));
    assert_eq!(programme.gate.as_ref().map(|x| x.quarter), Some(7));
}

#[test]
fn wright_factors_of_the_second_third_and_fourth_deployment() {
    // n^{log₂ 0.8}: 2 → 0.8 and 4 → 0.8² = 0.64 exactly (powers of two); 3 →
    // exp(ln 3 × ln 0.8 / ln 2) = exp(1.0986122887 × −0.3219280949) = exp(−0.3536718) =
    // 0.702103702778560… (computed to 30 digits with mpmath), rounded to 12 places.
    let r = dec!(0.2);
    assert_eq!(wright_factor(r, 1), Some(Decimal::ONE));
    assert_eq!(wright_factor(r, 2), Some(dec!(0.8)));
    assert_eq!(wright_factor(r, 4), Some(dec!(0.64)));
    assert_eq!(wright_factor(r, 8), Some(dec!(0.512)));
    assert_eq!(wright_factor(r, 3), Some(dec!(0.702103702779)));
    // 6 = 2 × 3: 0.8 × 0.702103702778560 = 0.561682962222848.
    assert_eq!(wright_factor(r, 6), Some(dec!(0.561682962223)));
    assert_eq!(wright_factor(Decimal::ZERO, 5), Some(Decimal::ONE));
    assert_eq!(wright_factor(Decimal::ONE, 2), None);
    assert_eq!(wright_factor(r, 0), None);
}

#[test]
fn learning_cuts_cost_and_ramp_in_start_order_across_the_portfolio() {
    // Four supply-chain levers of 1M and 8 quarters, r = 20 %. Start quarters: company A's
    // lever 1 + 3 = 4, company B's two levers 1 + 0 = 1 and 1 + 5 = 6, company C's 1 + 0 =
    // 1 (a tie with B's first: B comes first in company order). Deployments: B0 (1), C0
    // (2), A0 (3), B1 (4). Costs: 1,000,000; 800,000; 702,103.70 (× 0.702103702779 to the
    // cent); 640,000. Ramps 8 × factor: 8; 6.4 → 6; 5.6168 → 6; 5.12 → 5. An energy lever
    // (no learning rate) keeps its cost.
    let sc = LeverKind::SupplyChain;
    let mut p = fund(vec![
        company("A", dec!(40_000_000), vec![lever(sc, 3, None)]),
        company(
            "B",
            dec!(40_000_000),
            vec![lever(sc, 0, None), lever(sc, 5, None)],
        ),
        company(
            "C",
            dec!(40_000_000),
            vec![lever(sc, 0, None), lever(LeverKind::EnergyOptimisation, 0, None)],
        ),
    ]);
    p.programme.learning.push(LearningRate {
        kind: sc,
        rate: dec!(0.2),
    });
    let s = schedule(&p);
    let at = |c: usize, l: usize| s.lever(c, l).unwrap();
    assert_eq!(at(1, 0).deployment, Some(1));
    assert_eq!(at(2, 0).deployment, Some(2));
    assert_eq!(at(0, 0).deployment, Some(3));
    assert_eq!(at(1, 1).deployment, Some(4));
    assert_eq!(at(1, 0).one_time_cost, dec!(1_000_000));
    assert_eq!(at(2, 0).one_time_cost, dec!(800_000.00));
    assert_eq!(at(0, 0).one_time_cost, dec!(702_103.70));
    assert_eq!(at(1, 1).one_time_cost, dec!(640_000.00));
    let ramps: Vec<u32> = [(1, 0), (2, 0), (0, 0), (1, 1)]
        .iter()
        .map(|&(c, l)| at(c, l).ramp_quarters)
        .collect();
    assert_eq!(ramps, vec![8, 6, 6, 5]);
    assert_eq!(at(2, 1).deployment, None);
    assert_eq!(at(2, 1).one_time_cost, dec!(1_000_000));
    // The curve lists the deployments in number order, and the projection spends the
    // scheduled cost: company C's lever costs 800,000 in quarter 1.
    let curve = &s.curves[0];
    let costs: Vec<Decimal> = curve.points.iter().map(|x| x.one_time_cost).collect();
    assert_eq!(
        costs,
        vec![
            dec!(1_000_000),
            dec!(800_000.00),
            dec!(702_103.70),
            dec!(640_000.00)
        ]
    );
    let r = run(&p);
    assert_eq!(r.companies[2].periods[1].lever_one_time_costs, dec!(1_800_000.00));
}

/// The difference in fund expenses, quarter by quarter, between `with` and `without`.
fn extra_expenses(with: &FundResult, without: &FundResult) -> Vec<Decimal> {
    with.periods
        .iter()
        .zip(&without.periods)
        .map(|(a, b)| a.fund_expenses - b.fund_expenses)
        .collect()
}

#[test]
fn a_platform_paid_by_the_fund_lands_in_its_quarters() {
    // Build costs: 6M dated 2020-05-10 (quarter 1) and 3M and 1M both in quarter 2
    // (2020-07-01, 2020-09-30); run cost 4M a year = 1M a quarter from go-live 2020-08-15
    // (quarter 2) to the user's exit 2025-02-15 (quarter 20). Company B (no lever on the
    // platform) exits 2027-02-15, later, but does not hold the run cost. Extra expenses:
    // q1 6M; q2 3M + 1M + 1M = 5M; q3…q20 1M each; nothing after. Contributions rise by
    // the same amounts.
    let mut b = company("B", dec!(40_000_000), Vec::new());
    b.exit_date = d(2027, 2, 15);
    let mut p = fund(vec![
        company(
            "A",
            dec!(40_000_000),
            vec![lever(LeverKind::SupplyChain, 1, Some("Foundry AI"))],
        ),
        b,
    ]);
    let without = run(&p);
    let mut platform = platform(d(2020, 8, 15), PlatformCharging::FundExpense);
    platform.build_costs = vec![
        DatedAmount {
            date: d(2020, 5, 10),
            amount: dec!(6_000_000),
        },
        DatedAmount {
            date: d(2020, 7, 1),
            amount: dec!(3_000_000),
        },
        DatedAmount {
            date: d(2020, 9, 30),
            amount: dec!(1_000_000),
        },
    ];
    platform.annual_run_cost = dec!(4_000_000);
    p.programme.platforms.push(platform);
    let with = run(&p);
    let mut expected = vec![Decimal::ZERO; with.periods.len()];
    expected[1] = dec!(6_000_000);
    expected[2] = dec!(5_000_000);
    for slot in expected.iter_mut().take(21).skip(3) {
        *slot = dec!(1_000_000);
    }
    assert_eq!(extra_expenses(&with, &without), expected);
    let extra_calls: Vec<Decimal> = with
        .periods
        .iter()
        .zip(&without.periods)
        .map(|(a, b)| a.contributions - b.contributions)
        .collect();
    assert_eq!(extra_calls, expected);
    assert!(
        with.companies
            .iter()
            .all(|c| c.periods.iter().all(|x| x.platform_charge.is_zero()))
    );
}

#[test]
fn a_platform_charged_by_revenue_splits_in_proportion_and_sums_to_the_cost() {
    // Run cost 4M a year = 1M a quarter from go-live 2020-08-15 (quarter 2). Users A (10M
    // revenue a year = 2.5M a quarter) and C (30M = 7.5M a quarter), no growth and no
    // revenue levers: shares 1 : 3, 250,000 and 750,000 a quarter. B (80M, no lever on the
    // platform) is charged nothing. A and C exit 2025-02-15 (quarter 20): the run cost
    // stops there. The charge is below EBITDA: EBIT falls by it, EBITDA does not, and the
    // fund pays no platform expense.
    let pl = Some("Foundry AI");
    let mut p = fund(vec![
        company("A", dec!(10_000_000), vec![lever(LeverKind::SupplyChain, 1, pl)]),
        company("B", dec!(80_000_000), Vec::new()),
        company(
            "C",
            dec!(30_000_000),
            vec![lever(LeverKind::EnergyOptimisation, 4, pl)],
        ),
    ]);
    let without = run(&p);
    let mut platform = platform(d(2020, 8, 15), PlatformCharging::ByRevenue);
    platform.annual_run_cost = dec!(4_000_000);
    p.programme.platforms.push(platform);
    let with = run(&p);
    for q in 2..=20 {
        let a = &with.companies[0].periods[q];
        let c = &with.companies[2].periods[q];
        assert_eq!(a.platform_charge, dec!(250_000), "quarter {q}");
        assert_eq!(c.platform_charge, dec!(750_000), "quarter {q}");
        assert_eq!(a.platform_charge + c.platform_charge, dec!(1_000_000));
        assert_eq!(with.companies[1].periods[q].platform_charge, Decimal::ZERO);
        let a0 = &without.companies[0].periods[q];
        assert_eq!(a.ebitda, a0.ebitda);
        assert_eq!(a0.ebit - a.ebit, dec!(250_000));
    }
    assert_eq!(with.companies[0].periods[1].platform_charge, Decimal::ZERO);
    assert_eq!(with.companies[0].periods[21].platform_charge, Decimal::ZERO);
    assert!(extra_expenses(&with, &without).iter().all(|x| x.is_zero()));
}

#[test]
fn charged_by_usage_a_quarter_with_no_lever_live_is_a_fund_expense() {
    // By usage: A's lever starts in quarter 1 + 1 = 2, C's in 1 + 4 = 5. Run cost 1M a
    // quarter from quarter 2. Quarters 2–4: only A has a lever live, A pays 1M. From
    // quarter 5: one lever each, 500,000 each. A 2M build cost in quarter 0 (2020-02-01),
    // before any user operates (they operate from quarter 1): a fund expense.
    let pl = Some("Foundry AI");
    let mut p = fund(vec![
        company("A", dec!(10_000_000), vec![lever(LeverKind::SupplyChain, 1, pl)]),
        company("C", dec!(30_000_000), vec![lever(LeverKind::SupplyChain, 4, pl)]),
    ]);
    let without = run(&p);
    let mut platform = platform(d(2020, 8, 15), PlatformCharging::ByUsage);
    platform.annual_run_cost = dec!(4_000_000);
    platform.build_costs = vec![DatedAmount {
        date: d(2020, 2, 1),
        amount: dec!(2_000_000),
    }];
    p.programme.platforms.push(platform);
    let with = run(&p);
    let charge = |c: usize, q: usize| with.companies[c].periods[q].platform_charge;
    assert_eq!((charge(0, 2), charge(1, 2)), (dec!(1_000_000), Decimal::ZERO));
    assert_eq!((charge(0, 4), charge(1, 4)), (dec!(1_000_000), Decimal::ZERO));
    assert_eq!((charge(0, 5), charge(1, 5)), (dec!(500_000), dec!(500_000)));
    let extra = extra_expenses(&with, &without);
    assert_eq!(extra[0], dec!(2_000_000));
    assert!(extra.iter().skip(1).all(|x| x.is_zero()));
}

#[test]
fn revenue_by_quarter_is_the_projections_revenue() {
    // The key's revenue is computed apart from the projection; on a company with growth
    // and a revenue lever it must match the projection's revenue to the unit.
    use crate::engine::company::{CompanyAdjustment, PreparedCompany};
    use crate::engine::model::LeverTarget;
    let mut uplift = lever(LeverKind::Throughput, 2, None);
    uplift.target = LeverTarget::Revenue;
    uplift.effect = dec!(0.05);
    let mut c = company("A", dec!(40_000_000), vec![uplift]);
    c.revenue_growth = dec!(0.04);
    let p = fund(vec![c]);
    let prepared = PreparedCompany::<Decimal>::new(&p.companies[0], &p.fund, &CompanyAdjustment::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let len = 40;
    let projected: Vec<Decimal> = prepared
        .project(len)
        .periods
        .iter()
        .enumerate()
        .map(|(q, x)| if q == 0 { Decimal::ZERO } else { x.revenue })
        .collect();
    assert_eq!(prepared.revenue_by_quarter(len), projected);
}
