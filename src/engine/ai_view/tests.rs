//! The AI programme view on a hand-checkable company: revenue 100 a quarter, materials 50
//! and overhead 25 (all variable), no growth, no tax, bought outright at the first close
//! (grid quarter 0, first operating quarter 1) and sold at grid quarter 8.
//!
//! Two levers on materials: A (vision quality control) takes 20 % from quarter 1, no
//! ramp, no cost; B (energy optimisation, acting on materials to make the arithmetic
//! short) has a one-quarter pilot in quarter 1 reaching 4 %, a gate at the end of grid
//! quarter 2 with probability 50 % (keep the pilot on failure), then 10 % at once from
//! quarter 3 (no ramp, no cost).

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::{AiProgramme, compute};
use crate::engine::defaults::{blank_portfolio, template_company};
use crate::engine::grid;
use crate::engine::model::{
    CashPolicy, Company, CostPool, CostPools, DEFAULT_CAPEX_LIFE_YEARS, Depreciation, DisSynergy, Evidence,
    FixedCosts, Gate, GateFailure, Lever, LeverFunding, LeverKind, LeverProgramme, LeverTarget,
    ManagementPool, Pilot, Portfolio, RampShape, Reading, TaxRules, WorkingCapital,
};

pub(super) fn first_close() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_else(|| panic!("no date"))
}

pub(super) fn plain_company() -> Company {
    let mut c = template_company("Stage I", first_close(), grid::nth_quarter_end(first_close(), 40));
    c.name = "Plain".into();
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
    c.exit_date = grid::nth_quarter_end(first_close(), 8);
    c.exit_costs = Decimal::ZERO;
    c.management_pool = ManagementPool {
        share: Decimal::ZERO,
        hurdle_multiple: Decimal::ONE,
    };
    c
}

pub(super) fn materials_lever(name: &str, kind: LeverKind, effect: Decimal) -> Lever {
    Lever {
        name: name.into(),
        kind,
        target: LeverTarget::Pool(CostPool::Materials),
        effect,
        start_delay_quarters: 0,
        ramp_quarters: 0,
        ramp_shape: RampShape::Linear,
        one_time_cost: Decimal::ZERO,
        annual_run_cost: Decimal::ZERO,
        realisation: Decimal::ONE,
        funding: LeverFunding::Company,
        one_time_capex_share: Decimal::ZERO,
        capex_life_years: DEFAULT_CAPEX_LIFE_YEARS,
        programme: LeverProgramme::default(),
    }
}

pub(super) fn gated_lever() -> Lever {
    let mut lever = materials_lever("B", LeverKind::EnergyOptimisation, dec!(0.1));
    lever.programme.pilot = Some(Pilot {
        start_delay_quarters: 0,
        quarters: 1,
        effect: dec!(0.04),
        cost: Decimal::ZERO,
    });
    lever.programme.gate = Some(Gate {
        quarter: 2,
        probability: dec!(0.5),
        on_failure: GateFailure::KeepPilot,
    });
    lever.programme.evidence = Some(Evidence {
        low: dec!(0.05),
        base: dec!(0.1),
        high: dec!(0.15),
        source: "A study (2024)".into(),
    });
    lever
}

pub(super) fn portfolio() -> Portfolio {
    let mut company = plain_company();
    company.levers = vec![
        materials_lever("A", LeverKind::VisionQualityControl, dec!(0.2)),
        gated_lever(),
    ];
    let mut p = blank_portfolio(first_close());
    p.companies = vec![company];
    p
}

pub(super) fn view(p: &Portfolio) -> AiProgramme {
    compute(p).unwrap_or_else(|e| panic!("{e}"))
}

/// The lever kinds' LTM and run-rate uplift, on both readings, sum exactly to the
/// fund's in every quarter, and so do their uplifts at exit.
pub(super) fn assert_kinds_sum_to_the_total(v: &AiProgramme) {
    for reading in [Reading::Plan, Reading::RiskAdjusted] {
        let total = v.total.on(reading);
        for q in 0..v.dates.len() {
            let ltm: Decimal = v.by_kind.iter().map(|k| k.on(reading).ltm[q]).sum();
            let run_rate: Decimal = v.by_kind.iter().map(|k| k.on(reading).run_rate[q]).sum();
            assert_eq!(ltm, total.ltm[q], "LTM, quarter {q}, {reading:?}");
            assert_eq!(run_rate, total.run_rate[q], "run-rate, quarter {q}, {reading:?}");
        }
        let at_exit: Decimal = v.by_kind.iter().map(|k| k.on(reading).at_exit).sum();
        assert_eq!(at_exit, total.at_exit, "at exit, {reading:?}");
    }
}

/// `a` and `b` agree to 1e-20 (shares of a Decimal division carry 28 digits).
pub(super) fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < dec!(0.00000000000000000001)
}

#[test]
fn the_timeline_is_where_the_projection_places_the_phases() {
    let v = view(&portfolio());
    assert_eq!(v.levers.len(), 2);
    let a = &v.levers[0];
    // No programme: the scale-up starts in the first operating quarter and, with no ramp,
    // is at full effect in it.
    assert_eq!(
        (a.pilot, a.gate.clone(), a.scale_up_start, a.full_effect),
        (None, None, 1, 1)
    );
    let b = &v.levers[1];
    // Pilot from quarter 1 for one quarter; the gate 2 quarters after the acquisition
    // (grid quarter 0 + 2); the scale-up the quarter after it.
    assert_eq!(b.pilot, Some((1, 1)));
    let gate = b.gate.clone().unwrap_or_else(|| panic!("no gate"));
    assert_eq!(
        (gate.quarter, gate.probability, gate.on_failure),
        (2, dec!(0.5), GateFailure::KeepPilot)
    );
    assert_eq!((b.scale_up_start, b.full_effect), (3, 3));
    assert_eq!((b.acquisition, b.exit, b.stage.as_str()), (0, 8, "Stage I"));
    assert_eq!(
        b.evidence.as_ref().map(|e| e.source.as_str()),
        Some("A study (2024)")
    );
    // Quarter 3 is the quarter ending 31 December 2026 (quarter 0 ends 31 March 2026).
    assert_eq!(v.date(b.scale_up_start), NaiveDate::from_ymd_opt(2026, 12, 31));
}

#[test]
fn a_ramp_and_a_dis_synergy_end_where_their_quarters_say() {
    let mut p = portfolio();
    let mut lever = materials_lever("C", LeverKind::Throughput, dec!(0.1));
    // Starts 2 quarters after the first operating quarter: grid quarter 3; a 4-quarter
    // ramp is full by the end of its 4th quarter, grid quarter 6; a 2-quarter
    // dis-synergy from the start ends in grid quarter 4.
    lever.start_delay_quarters = 2;
    lever.ramp_quarters = 4;
    lever.programme.dis_synergy = Some(DisSynergy {
        share: dec!(0.01),
        quarters: 2,
    });
    p.companies[0].levers = vec![lever];
    let v = view(&p);
    let c = &v.levers[0];
    assert_eq!(
        (c.scale_up_start, c.full_effect, c.dis_synergy_end),
        (3, 6, Some(4))
    );
}

#[test]
fn uplift_on_both_readings_by_stage_and_at_exit() {
    let v = view(&portfolio());
    let stage = &v.by_stage[0];
    assert_eq!(stage.label, "Stage I");
    // Quarters 1–2 (B's pilot at 4 %, before the gate, the same on both readings):
    // materials 50 × 0.8 × 0.96 = 38.4, a saving of 11.6 a quarter.
    // Quarters 3–8 on the plan: 50 × 0.8 × 0.9 = 36, an uplift of 14.
    // Risk-adjusted, B is 4 % + 0.5 × (10 % − 4 %) = 7 %: 50 × 0.8 × 0.93 = 37.2, 12.8.
    let (plan, risk) = (&stage.plan, &stage.risk_adjusted);
    assert_eq!(plan.ltm[0], dec!(0), "nothing in the acquisition quarter");
    assert_eq!(plan.ltm[2], dec!(23.2), "11.6 + 11.6");
    assert_eq!(plan.ltm[3], dec!(37.2), "11.6 + 11.6 + 14");
    assert_eq!(risk.ltm[3], dec!(36.0), "11.6 + 11.6 + 12.8");
    assert_eq!(plan.run_rate[3], dec!(56), "4 × 14");
    assert_eq!(risk.run_rate[3], dec!(51.2), "4 × 12.8");
    // At the exit (quarter 8) the last four quarters: 4 × 14 = 56 and 4 × 12.8 = 51.2;
    // after it, the company no longer counts.
    assert_eq!((plan.at_exit, risk.at_exit), (dec!(56), dec!(51.2)));
    assert_eq!(plan.ltm[8], dec!(56));
    assert_eq!(plan.ltm[9], dec!(0));
    assert_eq!(v.total.plan, stage.plan);
}

#[test]
fn by_kind_each_lever_gets_its_stand_alone_share_of_the_company_uplift() {
    let v = view(&portfolio());
    let kinds: Vec<&str> = v.by_kind.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(kinds, ["Vision quality control", "Energy optimisation"]);
    let (vision, energy) = (&v.by_kind[0], &v.by_kind[1]);
    // Quarter 3, plan: alone A saves 50 × 20 % = 10 and B 50 × 10 % = 5; together 14.
    // A gets 10 × 14 / 15 = 28/3, B 5 × 14 / 15 = 14/3 (a run-rate of 4× each).
    assert!(close(vision.plan.run_rate[3], dec!(112) / dec!(3)));
    assert!(close(energy.plan.run_rate[3], dec!(56) / dec!(3)));
    // Risk-adjusted: B alone 50 × 7 % = 3.5; A gets 12.8 × 10 / 13.5, B 12.8 × 3.5 / 13.5.
    assert!(close(
        vision.risk_adjusted.run_rate[3],
        dec!(51.2) * dec!(10) / dec!(13.5)
    ));
    assert!(close(
        energy.risk_adjusted.run_rate[3],
        dec!(51.2) * dec!(3.5) / dec!(13.5)
    ));
    // Quarter 1: alone A 10, B 50 × 4 % = 2; together 11.6: A 10 × 11.6 / 12.
    assert!(close(vision.plan.ltm[1], dec!(116) / dec!(12)));
    // The kinds sum exactly to the company's uplift, quarter by quarter and at exit.
    assert_kinds_sum_to_the_total(&v);
    assert_eq!(vision.plan.at_exit + energy.plan.at_exit, dec!(56));
    // Per lever at exit: A's 4 × 28/3 on the plan, the same figure the kind shows.
    assert!(close(v.levers[0].at_exit.plan, dec!(112) / dec!(3)));
    assert_eq!(v.levers[0].at_exit.plan, vision.plan.at_exit);
}

#[test]
fn the_interaction_is_shared_by_size_when_stand_alones_differ_in_sign() {
    // U = 3, stand-alones 4 and −2: interaction 3 − 2 = 1 shared 4/6 and 2/6:
    // 4 + 2/3 and −2 + 1/3; they sum to 3.
    let shares = super::uplift::share_out(&[dec!(3)], &[vec![dec!(4)], vec![dec!(-2)]]);
    assert!(close(shares[0][0], dec!(4) + dec!(2) / dec!(3)));
    assert!(close(shares[1][0], dec!(-2) + dec!(1) / dec!(3)));
    assert_eq!(shares[0][0] + shares[1][0], dec!(3));
    // No stand-alone uplift at all: equal shares.
    let even = super::uplift::share_out(&[dec!(1)], &[vec![dec!(0)], vec![dec!(0)]]);
    assert_eq!((even[0][0], even[1][0]), (dec!(0.5), dec!(0.5)));
}
