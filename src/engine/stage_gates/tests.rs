//! Stage gates by hand: a failing gate drops its conditional companies' cheques and the
//! fees on their cost; the plan reading's uplift share is 1; nothing to measure fails.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::dec;

use crate::engine::compute;
use crate::engine::defaults::{blank_portfolio, template_company, template_lever};
use crate::engine::model::{Portfolio, Stage, StageCondition, StageGate};
use crate::engine::results::FundResult;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date"))
}

/// A $1B fund (first close 31 March 2026, five-year investment period, ten-year term,
/// 1.5 % on net invested capital after the investment period, no GP commitment so no
/// fee is waived): Stage I buys A at the first close and sells it on 31 December 2029;
/// Stage II, gated on 31 March 2028, buys B (conditional) on 30 June 2028 and sells it
/// five years later. Both are the template manufacturer.
fn staged(condition: StageCondition) -> Portfolio {
    let mut p = blank_portfolio(day(2026, 3, 31));
    p.fund.gp_commitment_share = Decimal::ZERO;
    p.stages[0].budget = dec!(500_000_000);
    p.stages.push(Stage {
        name: "Stage II".into(),
        start_date: day(2028, 6, 30),
        budget: dec!(300_000_000),
        reserve: Decimal::ZERO,
        gate: Some(StageGate {
            date: day(2028, 3, 31),
            condition,
            stages: Vec::new(),
            budget_share_on_failure: dec!(0.25),
        }),
    });
    let mut a = template_company("Stage I", day(2026, 3, 31), day(2036, 3, 31));
    a.name = "A".into();
    a.exit_date = day(2029, 12, 31);
    let mut b = template_company("Stage II", day(2028, 6, 30), day(2036, 3, 31));
    b.name = "B".into();
    b.conditional = true;
    p.companies = vec![a, b];
    p
}

fn computed(p: &Portfolio) -> FundResult {
    compute(p).unwrap_or_else(|e| panic!("{e}"))
}

fn fees(r: &FundResult) -> Decimal {
    r.periods.iter().map(|q| q.management_fees).sum()
}

#[test]
fn a_failed_gate_removes_the_conditional_cheque_and_the_fees_on_its_cost() {
    // Any mark passes 0×; none reaches 100×.
    let passed = computed(&staged(StageCondition::GrossMarkMultiple {
        min_multiple: dec!(0),
    }));
    let failed = computed(&staged(StageCondition::GrossMarkMultiple {
        min_multiple: dec!(100),
    }));
    assert!(passed.stage_gates[0].passed);
    assert!(!failed.stage_gates[0].passed);
    assert_eq!(failed.stage_gates[0].not_acquired, vec!["B".to_string()]);
    // The budget shown: 25 % of 300M.
    assert_eq!(failed.stage_gates[0].budget, dec!(75_000_000));
    assert_eq!(passed.stage_gates[0].budget, dec!(300_000_000));

    // B's cheque by hand: revenue 250M at a 1 − 0.82 = 18 % margin is 45M of EBITDA;
    // EV 9 × 45M = 405M; debt 4 × 45M = 180M; costs 2 % × 405M = 8.1M; no minimum cash:
    // 405M − 180M + 8.1M = 233.1M.
    let cheque = dec!(233_100_000);
    assert_eq!(passed.companies[1].equity_cheque, cheque);
    assert_eq!(failed.companies[1].equity_cheque, Decimal::ZERO);
    let deal_equity = |r: &FundResult| r.periods.iter().map(|q| q.deal_equity).sum::<Decimal>();
    assert_eq!(deal_equity(&passed) - deal_equity(&failed), cheque);
    let called = |r: &FundResult| r.periods.iter().map(|q| q.contributions).sum::<Decimal>();
    assert!(called(&passed) - called(&failed) >= cheque);

    // Fees: on commitments until 31 March 2031 whatever is held (the same in both); from
    // the quarter ending 31 March 2031, 1.5 % / 4 on the cost held. A is sold by then, so
    // the cost is B's alone, held at the quarter ends from 31 March 2031 to 31 March 2033
    // (sold in the quarter of 30 June 2033): 9 quarters × 0.00375 × 233.1M = 9 × 874,125
    // = 7,867,125.
    assert_eq!(fees(&passed) - fees(&failed), dec!(7_867_125));
}

#[test]
fn the_plan_reading_meets_its_own_uplift_and_a_gate_with_nothing_to_measure_fails() {
    let mut p = staged(StageCondition::AiUpliftShare { min_share: dec!(1) });
    p.companies[0].levers.push(template_lever());
    let r = computed(&p);
    // The plan reading measured against itself: a share of exactly 1, which passes 100 %.
    assert_eq!(r.stage_gates[0].measured, Some(Decimal::ONE));
    assert!(r.stage_gates[0].passed);
    // Without levers the plan has no uplift: nothing to measure, the gate fails.
    p.companies[0].levers.clear();
    let r = computed(&p);
    assert_eq!(r.stage_gates[0].measured, None);
    assert!(!r.stage_gates[0].passed);
    assert_eq!(r.companies[1].invested, Decimal::ZERO);
}

#[test]
fn the_mark_multiple_is_value_over_cost_of_the_earlier_stage() {
    let r = computed(&staged(StageCondition::GrossMarkMultiple {
        min_multiple: dec!(0),
    }));
    // At 31 March 2028 (quarter 8 of the grid) A is held, nothing sold, no follow-on:
    // the measure is A's marked value then over its cheque.
    let a = &r.companies[0];
    let expected = a.periods[8].fund_equity_value / a.equity_cheque;
    assert_eq!(r.stage_gates[0].measured, Some(expected));
    assert!(
        expected > Decimal::ONE,
        "a growing company marked at its entry multiple"
    );
}

#[test]
fn a_model_without_gates_reports_none() {
    let mut p = staged(StageCondition::GrossMarkMultiple {
        min_multiple: dec!(0),
    });
    p.stages[1].gate = None;
    let r = computed(&p);
    assert!(r.stage_gates.is_empty());
    assert_eq!(r.companies[1].equity_cheque, dec!(233_100_000));
}
