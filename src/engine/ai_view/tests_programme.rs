//! The platform, its dependants, the stage gates and the attribution on the scheduled
//! model, by hand, on the company of `tests` (revenue 100 a quarter, materials 50, bought
//! at the first close, 31 March 2026 = grid quarter 0, sold at grid quarter 8; lever A
//! takes 20 % of materials from quarter 1, lever B pilots 4 % in quarters 1–2, gate at the
//! end of quarter 2 at 50 %, then 10 %).

use rust_decimal::{Decimal, dec};

use super::tests::{assert_kinds_sum_to_the_total, close, first_close, plain_company, portfolio, view};
use crate::engine::grid;
use crate::engine::model::{
    DatedAmount, Platform, PlatformCharging, Portfolio, Reading, Stage, StageCondition, StageGate,
};

const PLATFORM: &str = "Shared vision models";

/// The sample company with lever A on a platform going live at the end of grid quarter
/// 3 (31 December 2026), two quarters after A's planned start in quarter 1. Build costs:
/// 100 on 30 June 2026 and 50 on 15 May 2026 (both in quarter 1, April to June), 200 on 31 December
/// 2026 (quarter 3); a run cost of 40 a year.
fn on_platform(charging: PlatformCharging) -> Portfolio {
    let mut p = portfolio();
    let day = |q| grid::nth_quarter_end(first_close(), q);
    let may = chrono::NaiveDate::from_ymd_opt(2026, 5, 15).unwrap_or_else(|| panic!("no date"));
    p.programme.platforms = vec![Platform {
        name: PLATFORM.into(),
        go_live: day(3),
        build_costs: vec![
            DatedAmount {
                date: day(1),
                amount: dec!(100),
            },
            DatedAmount {
                date: may,
                amount: dec!(50),
            },
            DatedAmount {
                date: day(3),
                amount: dec!(200),
            },
        ],
        annual_run_cost: dec!(40),
        charging,
    }];
    p.companies[0].levers[0].programme.platform = Some(PLATFORM.into());
    p
}

#[test]
fn a_platform_live_two_quarters_late_delays_its_dependant_by_two() {
    let v = view(&on_platform(PlatformCharging::FundExpense));
    assert_eq!(v.platforms.len(), 1);
    let platform = &v.platforms[0];
    assert_eq!(platform.name, PLATFORM);
    assert_eq!(platform.go_live_quarter, 3);
    // One dependant, A: planned in quarter 1 (the first operating quarter, no delay),
    // held to the go-live quarter 3, a delay of 3 − 1 = 2. B is on no platform.
    assert_eq!(platform.dependants.len(), 1);
    let a = &platform.dependants[0];
    assert_eq!((a.company.as_str(), a.lever.as_str()), ("Plain", "A"));
    assert_eq!((a.planned_start, a.scheduled_start, a.delay_quarters), (1, 3, 2));
    // The timeline agrees: A's scale-up starts in quarter 3.
    assert_eq!(v.levers[0].scale_up_start, 3);
    assert_eq!(v.levers[0].platform_shift_quarters, 2);
}

#[test]
fn the_platform_costs_by_quarter_and_who_pays_them() {
    // Build: 100 + 50 in quarter 1, 200 in quarter 3: 350. Run: 40 / 4 = 10 a quarter from
    // the go-live quarter 3 to the last quarter its user is held (the exit, 8): six
    // quarters, 60. Paid as a fund expense, the fund pays all 410 on both readings.
    let v = view(&on_platform(PlatformCharging::FundExpense));
    let platform = &v.platforms[0];
    assert_eq!(platform.build_by_quarter, vec![(1, dec!(150)), (3, dec!(200))]);
    assert_eq!(platform.build_cost, dec!(350));
    assert_eq!(platform.run_cost, dec!(60));
    assert_eq!(platform.total_cost(), dec!(410));
    assert_eq!(platform.cost_to_fund.plan, dec!(410));
    assert_eq!(platform.cost_to_fund.risk_adjusted, dec!(410));
    assert_eq!(platform.cost_to_companies.plan, Decimal::ZERO);

    // Charged by usage: in quarter 1 the company operates but A has not started (it starts
    // in quarter 3), so no company has a key and the fund pays the 150. From quarter 3 A
    // is live: the company pays 200 + 10 in quarter 3 and 10 in each of quarters 4–8.
    let v = view(&on_platform(PlatformCharging::ByUsage));
    let platform = &v.platforms[0];
    assert_eq!(platform.charging, PlatformCharging::ByUsage);
    assert_eq!(platform.cost_to_fund.plan, dec!(150));
    assert_eq!(platform.cost_to_companies.plan, dec!(210) + dec!(50));
    assert_eq!(platform.cost_to_companies.risk_adjusted, dec!(260));
}

#[test]
fn a_platform_delay_moves_the_attributed_uplift_with_the_lever() {
    let v = view(&on_platform(PlatformCharging::FundExpense));
    let (vision, energy) = (&v.by_kind[0], &v.by_kind[1]);
    // Quarters 1–2: A waits for the platform, so only B's pilot saves 50 × 4 % = 2; alone
    // A saves nothing then and B 2, so A gets 0 and B 2. Quarter 3: as without the
    // platform, A alone 10, B alone 5, together 14: A 10 × 14 / 15 = 28/3, B 14/3.
    // LTM at quarter 3 (quarters 1–3, plan): A 28/3, B 2 + 2 + 14/3 = 26/3; the company
    // 2 + 2 + 14 = 18. Without the platform A had 29/3 in each of quarters 1 and 2
    // (10 × 11.6 / 12), an LTM of 86/3: the delay takes 58/3 off A.
    assert!(close(vision.plan.ltm[3], dec!(28) / dec!(3)));
    assert!(close(energy.plan.ltm[3], dec!(26) / dec!(3)));
    assert_eq!(v.total.plan.ltm[3], dec!(18));
    let undelayed = view(&portfolio());
    assert!(close(
        undelayed.by_kind[0].plan.ltm[3] - vision.plan.ltm[3],
        dec!(58) / dec!(3)
    ));
    // The kinds still sum exactly to the company's uplift, quarter by quarter and at exit.
    assert_kinds_sum_to_the_total(&v);
}

/// The sample company as Stage I, and a Stage II starting 30 June 2027 (grid quarter 5)
/// with a budget of 2,000, gated on 31 March 2027 (quarter 4) on Stage I's AI uplift
/// reaching 96 % of plan (half the budget kept on failure), buying "Later" (conditional,
/// no levers) at its start.
fn gated_stages() -> Portfolio {
    let mut p = portfolio();
    let start = grid::nth_quarter_end(first_close(), 5);
    p.stages.push(Stage {
        name: "Stage II".into(),
        start_date: start,
        budget: dec!(2000),
        reserve: Decimal::ZERO,
        gate: Some(StageGate {
            date: grid::nth_quarter_end(first_close(), 4),
            condition: StageCondition::AiUpliftShare {
                min_share: dec!(0.96),
            },
            stages: vec!["Stage I".into()],
            budget_share_on_failure: dec!(0.5),
        }),
    });
    let mut later = plain_company();
    later.name = "Later".into();
    later.stage = "Stage II".into();
    later.acquisition_date = start;
    later.exit_date = grid::nth_quarter_end(first_close(), 12);
    later.conditional = true;
    p.companies.push(later);
    p
}

#[test]
fn a_stage_gate_passes_on_the_plan_and_fails_risk_adjusted() {
    let v = view(&gated_stages());
    assert_eq!(v.stage_gates.len(), 1);
    let gate = &v.stage_gates[0];
    assert_eq!(gate.stage, "Stage II");
    assert_eq!(gate.date, grid::nth_quarter_end(first_close(), 4));
    assert_eq!(gate.condition.threshold(), dec!(0.96));
    assert_eq!(gate.reads_label(), "Stage I");
    // Stage I's uplift over quarters 1–4 (B's pilot saves 11.6 with A in quarters 1–2;
    // from quarter 3 the plan saves 14 and the risk-adjusted reading, B at 7 %, 12.8):
    // plan 11.6 + 11.6 + 14 + 14 = 51.2; risk-adjusted 11.6 + 11.6 + 12.8 + 12.8 = 48.8.
    // The plan measured against itself is 1 and passes; risk-adjusted 48.8 / 51.2 =
    // 0.953125 < 0.96 fails, keeping 50 % of 2,000 and leaving Later unacquired.
    let plan = gate
        .on(Reading::Plan)
        .unwrap_or_else(|| panic!("no plan outcome"));
    assert_eq!(plan.measured, Some(Decimal::ONE));
    assert!(plan.passed);
    assert_eq!(plan.budget, dec!(2000));
    assert!(plan.not_acquired.is_empty());
    let risk = gate
        .on(Reading::RiskAdjusted)
        .unwrap_or_else(|| panic!("no risk-adjusted outcome"));
    assert_eq!(risk.measured, Some(dec!(0.953125)));
    assert!(!risk.passed);
    assert_eq!(risk.budget, dec!(1000));
    assert_eq!(risk.not_acquired, vec!["Later".to_string()]);
}
