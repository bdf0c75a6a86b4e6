//! Levers as programmes (pilot, gate, scale-up, phased cost, dis-synergy) and the plan /
//! risk-adjusted readings, on the hand-checkable company of [`super::plain_company`]:
//! revenue 100 a quarter, materials 50, overhead 25, EBITDA 25, no tax, no D&A of its
//! own. The company is bought at grid quarter 0 and first operates in quarter 1.

use rust_decimal::{Decimal, dec};

use super::{instant_lever, only, plain_company, portfolio_of, project};
use crate::engine::company::CompanyAdjustment;
use crate::engine::fund::{self, Detail};
use crate::engine::model::{
    CostPool, DisSynergy, Gate, GateFailure, Lever, LeverFunding, LeverTarget, Pilot, Portfolio, Reading,
};
use crate::engine::results::FundResult;

/// A materials lever reaching 0.4 × 0.5 = 20 % over a 4-quarter linear ramp, run cost 8 a
/// year (2 a quarter), no one-time cost; a 2-quarter pilot from quarter 1 reaching 5 %
/// for 6 (3 a quarter); a gate 3 quarters after the acquisition (grid quarter 3), passed
/// with probability 60 %. The scale-up starts in grid quarter 4.
fn gated_lever(on_failure: GateFailure) -> Lever {
    let mut lever = instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0.4), 0);
    lever.realisation = dec!(0.5);
    lever.ramp_quarters = 4;
    lever.annual_run_cost = dec!(8);
    lever.programme.pilot = Some(Pilot {
        start_delay_quarters: 0,
        quarters: 2,
        effect: dec!(0.05),
        cost: dec!(6),
    });
    lever.programme.gate = Some(Gate {
        quarter: 3,
        probability: dec!(0.6),
        on_failure,
    });
    lever
}

fn portfolio_with(lever: Lever) -> Portfolio {
    let mut company = plain_company(16);
    company.levers = vec![lever];
    portfolio_of(vec![company])
}

/// The exact projection with `adjustment` on the only company.
fn project_with(p: &Portfolio, adjustment: CompanyAdjustment<Decimal>) -> FundResult {
    fund::project::<Decimal>(p, Some(&[adjustment]), Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

fn drawn(pass: bool) -> CompanyAdjustment<Decimal> {
    CompanyAdjustment {
        gate_outcomes: Some(vec![pass]),
        ..CompanyAdjustment::default()
    }
}

fn risk_adjusted() -> CompanyAdjustment<Decimal> {
    CompanyAdjustment {
        reading: Reading::RiskAdjusted,
        ..CompanyAdjustment::default()
    }
}

#[test]
fn a_failed_gate_that_keeps_the_pilot_keeps_exactly_the_pilot_effect() {
    let p = portfolio_with(gated_lever(GateFailure::KeepPilot));
    let failed = project_with(&p, drawn(false));
    let c = only(&failed);
    // Pilot: 5 % × 1/2 in quarter 1 (materials 50 × 0.975 = 48.75), 5 % in quarter 2 and
    // while waiting for the gate in quarter 3 (47.5); its cost 6 / 2 = 3 in quarters 1–2,
    // no run cost before the scale-up.
    assert_eq!(c.periods[1].pool_costs[0], dec!(48.75));
    assert_eq!(c.periods[1].lever_one_time_costs, dec!(3));
    assert_eq!(c.periods[2].lever_one_time_costs, dec!(3));
    assert_eq!(c.periods[3].lever_one_time_costs, dec!(0));
    assert_eq!(c.periods[3].pool_costs[0], dec!(47.5));
    assert_eq!(c.periods[3].lever_run_costs, dec!(0));
    // Failed at quarter 3: from quarter 4 to the exit the pilot's 5 % stays (47.5) and its
    // share of the run cost: 2 × 0.05 / 0.2 = 0.5. EBITDA 100 − 47.5 − 25 − 0.5 = 27, an
    // uplift of 2, run-rate 8 a year.
    for q in 4..=16 {
        let period = &c.periods[q];
        assert_eq!(period.pool_costs[0], dec!(47.5), "quarter {q}");
        assert_eq!(period.lever_run_costs, dec!(0.5), "quarter {q}");
        assert_eq!(period.ai_ebitda_uplift, dec!(2), "quarter {q}");
        assert_eq!(period.ai_run_rate_uplift, dec!(8), "quarter {q}");
    }
    // Passed: the scale-up ramps from the pilot's 5 % to 20 %: 5 % + 15 % × 1/4 = 8.75 %
    // in quarter 4 (45.625), 20 % from quarter 7 (40), with the full run cost 2:
    // EBITDA 100 − 40 − 25 − 2 = 33.
    let passed = project_with(&p, drawn(true));
    let c = only(&passed);
    assert_eq!(c.periods[4].pool_costs[0], dec!(45.625));
    assert_eq!(c.periods[7].pool_costs[0], dec!(40));
    assert_eq!(c.periods[7].ebitda, dec!(33));
    // The plan is the passed gate.
    assert_eq!(project(&p).companies[0].periods, c.periods);
}

#[test]
fn a_failed_gate_that_stops_leaves_no_effect_and_writes_the_pilot_off() {
    // The pilot's 8 is half capitalised (2 of each quarter's 4), depreciated over 1 year
    // (0.5 a quarter each, from the quarter after it is spent).
    let mut lever = gated_lever(GateFailure::StopAndWriteOff);
    lever.one_time_capex_share = dec!(0.5);
    lever.capex_life_years = 1;
    if let Some(pilot) = &mut lever.programme.pilot {
        pilot.cost = dec!(8);
    }
    let p = portfolio_with(lever);
    let failed = project_with(&p, drawn(false));
    let c = only(&failed);
    assert_eq!(c.periods[1].lever_capex, dec!(2));
    assert_eq!(c.periods[1].lever_one_time_expensed, dec!(2));
    assert_eq!(c.periods[2].depreciation, dec!(0.5));
    assert_eq!(c.periods[3].depreciation, dec!(1));
    // Quarter 4, after the gate: no effect (materials back to 50), no run cost, and the
    // book value at the end of quarter 3 written off: (2 − 2 × 0.5) + (2 − 1 × 0.5) = 2.5.
    // 0.5 + 1 + 2.5 = 4, all that was capitalised; nothing after.
    for q in 4..=16 {
        assert_eq!(c.periods[q].pool_costs[0], dec!(50), "quarter {q}");
        assert_eq!(c.periods[q].lever_run_costs, dec!(0), "quarter {q}");
        assert_eq!(c.periods[q].ai_ebitda_uplift, dec!(0), "quarter {q}");
    }
    assert_eq!(c.periods[4].depreciation, dec!(2.5));
    assert_eq!(c.periods[5].depreciation, dec!(0));
    // Risk-adjusted (60 %): quarter 4's effect 0.6 × 8.75 % = 5.25 % (materials 47.375);
    // depreciation 0.6 × (0.5 + 0.5) + 0.4 × 2.5 = 1.6; run cost 0.6 × 2 = 1.2.
    let weighted = project_with(&p, risk_adjusted());
    let c = only(&weighted);
    assert_eq!(c.periods[4].pool_costs[0], dec!(47.375));
    assert_eq!(c.periods[4].depreciation, dec!(1.6));
    assert_eq!(c.periods[4].lever_run_costs, dec!(1.2));
}

#[test]
fn the_risk_adjusted_effect_is_the_pilot_plus_the_probability_times_the_increment() {
    let p = portfolio_with(gated_lever(GateFailure::KeepPilot));
    let weighted = project_with(&p, risk_adjusted());
    let c = only(&weighted);
    // Before the gate nothing is weighted: the pilot as on the plan.
    assert_eq!(c.periods[2].pool_costs[0], dec!(47.5));
    // Full ramp: 5 % + 0.6 × (20 % − 5 %) = 14 %: materials 43; run cost
    // 0.5 + 0.6 × (2 − 0.5) = 1.4; EBITDA 100 − 43 − 25 − 1.4 = 30.6.
    assert_eq!(c.periods[10].pool_costs[0], dec!(43));
    assert_eq!(c.periods[10].lever_run_costs, dec!(1.4));
    assert_eq!(c.periods[10].ebitda, dec!(30.6));
    // The same through the engine's entry point that records the reading.
    let (_, computed) = crate::engine::compute_checked_on(&p, Reading::RiskAdjusted);
    let computed = computed.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(computed.companies[0].periods[10].ebitda, dec!(30.6));
}

#[test]
fn a_probability_of_one_reproduces_the_plan_exactly() {
    let mut lever = gated_lever(GateFailure::StopAndWriteOff);
    lever.one_time_cost = dec!(40);
    lever.one_time_capex_share = dec!(0.25);
    lever.programme.cost_phasing = vec![dec!(0.5), dec!(0.5)];
    if let Some(gate) = &mut lever.programme.gate {
        gate.probability = Decimal::ONE;
    }
    let p = portfolio_with(lever);
    let plan = project(&p);
    let weighted = project_with(&p, risk_adjusted());
    assert_eq!(plan.companies[0].periods, weighted.companies[0].periods);
    assert_eq!(plan.periods, weighted.periods);
}

#[test]
fn cost_phasing_lands_each_share_in_its_quarter() {
    // 100 spent 50 / 30 / 20 from the start (grid quarter 2, one quarter's delay), 40 %
    // capitalised over 1 year, funded by the fund (it owns all of the company).
    let mut lever = instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0.1), 1);
    lever.one_time_cost = dec!(100);
    lever.one_time_capex_share = dec!(0.4);
    lever.capex_life_years = 1;
    lever.funding = LeverFunding::FundFollowOn;
    lever.programme.cost_phasing = vec![dec!(0.5), dec!(0.3), dec!(0.2)];
    let p = portfolio_with(lever.clone());
    let r = project(&p);
    let c = only(&r);
    let spent: Vec<Decimal> = (1..=5).map(|q| c.periods[q].lever_one_time_costs).collect();
    assert_eq!(spent, [dec!(0), dec!(50), dec!(30), dec!(20), dec!(0)]);
    let capex: Vec<Decimal> = (2..=4).map(|q| c.periods[q].lever_capex).collect();
    assert_eq!(capex, [dec!(20), dec!(12), dec!(8)]);
    let follow_ons: Vec<Decimal> = (2..=4).map(|q| c.periods[q].fund_follow_on).collect();
    assert_eq!(follow_ons, [dec!(50), dec!(30), dec!(20)]);
    // Depreciation a quarter: 20 / 4 = 5 from quarter 3 to 6, 12 / 4 = 3 from 4 to 7,
    // 8 / 4 = 2 from 5 to 8: 5, 8, 10, 10, 5, 2, then nothing.
    let depreciation: Vec<Decimal> = (2..=9).map(|q| c.periods[q].depreciation).collect();
    assert_eq!(
        depreciation,
        [
            dec!(0),
            dec!(5),
            dec!(8),
            dec!(10),
            dec!(10),
            dec!(5),
            dec!(2),
            dec!(0)
        ]
    );
    // Behind a gate at quarter 1 (scale-up from grid quarter 2) passed with 50 %, the
    // risk-adjusted tranches are halved: 25, 15, 10.
    lever.start_delay_quarters = 0;
    lever.programme.gate = Some(Gate {
        quarter: 1,
        probability: dec!(0.5),
        on_failure: GateFailure::StopAndWriteOff,
    });
    let weighted = project_with(&portfolio_with(lever), risk_adjusted());
    let spent: Vec<Decimal> = (2..=4)
        .map(|q| only(&weighted).periods[q].lever_one_time_costs)
        .collect();
    assert_eq!(spent, [dec!(25), dec!(15), dec!(10)]);
}

#[test]
fn a_dis_synergy_raises_the_pool_by_its_share_for_its_quarters() {
    // A lever of no effect of its own, losing 10 % of materials for 2 quarters from its
    // start (grid quarter 1): materials 50 × 1.1 = 55 in quarters 1–2, 50 after.
    let mut lever = instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0), 0);
    lever.programme.dis_synergy = Some(DisSynergy {
        share: dec!(0.1),
        quarters: 2,
    });
    let r = project(&portfolio_with(lever.clone()));
    let c = only(&r);
    assert_eq!(c.periods[1].pool_costs[0], dec!(55));
    assert_eq!(c.periods[2].pool_costs[0], dec!(55));
    assert_eq!(c.periods[2].ai_ebitda_uplift, dec!(-5));
    assert_eq!(c.periods[3].pool_costs[0], dec!(50));
    // With a 20 % cut of its own: 50 × (1 − 0.2 + 0.1) = 45 while it lasts, then 40.
    lever.effect = dec!(0.2);
    let r = project(&portfolio_with(lever));
    let c = only(&r);
    assert_eq!(c.periods[1].pool_costs[0], dec!(45));
    assert_eq!(c.periods[3].pool_costs[0], dec!(40));
}

#[test]
fn a_lever_without_a_programme_is_as_before_on_every_reading() {
    // 20 % of materials over a 2-quarter linear ramp from quarter 1, one-time cost 10 in
    // its start quarter, run cost 4 a year: quarter 1 at 10 % (45), EBITDA
    // 100 − 45 − 25 − 1 = 29; quarter 2 on at 20 % (40), EBITDA 34.
    let mut lever = instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0.2), 0);
    lever.ramp_quarters = 2;
    lever.one_time_cost = dec!(10);
    lever.annual_run_cost = dec!(4);
    let p = portfolio_with(lever);
    let plan = project(&p);
    let c = only(&plan);
    assert_eq!(c.periods[1].ebitda, dec!(29));
    assert_eq!(c.periods[1].lever_one_time_costs, dec!(10));
    assert_eq!(c.periods[2].ebitda, dec!(34));
    assert_eq!(c.periods[2].lever_one_time_costs, dec!(0));
    assert_eq!(c.periods[2].ai_ebitda_uplift, dec!(9));
    let weighted = project_with(&p, risk_adjusted());
    assert_eq!(plan.companies[0].periods, weighted.companies[0].periods);
}
