//! Calls against the commitment and the uncalled commitment, on a three-stage fund whose
//! figures are worked out by hand, and a property over small random portfolios.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::{Decimal, dec};

use crate::engine::model::{
    CostPools, Depreciation, FixedCosts, ManagementPool, MarkingPolicy, Portfolio, Stage, WorkingCapital,
};
use crate::engine::validate::{Rule, Severity};
use crate::engine::{EngineError, compute, compute_checked, defaults, fund};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A company whose fund cheque is exactly `cheque`: revenue = `cheque`, a 20 % margin
/// (EBITDA 0.2 × cheque), bought outright at 5× with no debt, costs or minimum cash
/// (EV = 5 × 0.2 × cheque), no growth; capex equals EBITDA, so no cash builds up.
pub(crate) fn plain_company(
    name: &str,
    stage: &str,
    acquired: NaiveDate,
    exit: NaiveDate,
    cheque: Decimal,
) -> crate::engine::model::Company {
    let mut c = defaults::template_company(stage, acquired, exit);
    c.name = name.into();
    c.exit_date = exit;
    c.entry_revenue = cheque;
    c.revenue_growth = Decimal::ZERO;
    c.cost_pools = CostPools {
        materials: dec!(0.5),
        direct_labour: dec!(0.2),
        energy: dec!(0.03),
        maintenance: dec!(0.03),
        overhead: dec!(0.04),
    };
    c.fixed_costs = FixedCosts::default();
    c.working_capital = WorkingCapital::default();
    c.maintenance_capex = dec!(0.2);
    c.depreciation = Depreciation::default();
    c.tax_rate = Decimal::ZERO;
    c.entry_multiple = dec!(5);
    c.debt_multiple = Decimal::ZERO;
    c.interest_rate = Decimal::ZERO;
    c.cash_sweep = Decimal::ZERO;
    c.transaction_costs = Decimal::ZERO;
    c.exit_multiple = dec!(5);
    c.exit_costs = Decimal::ZERO;
    c.management_pool = ManagementPool::default();
    c.marking_policy = Some(MarkingPolicy::EntryMultiple);
    c
}

/// A $100M fund closing on 2020-01-01 (10-year term, 5-year investment period), a 2 %
/// fee on commitments during the investment period and none after, no expenses, no GP
/// commitment: 0.5M of fees in each of the 20 quarters 2020 Q1 – 2024 Q4 (10M in all).
/// Deals: Stage I 40M (2020 Q1, quarter 0), Stage II 30M (2021 Q1, quarter 4), Stage III
/// `stage_iii` (2022 Q2, quarter 9); all sold at cost in 2027–2028.
fn three_stage_fund(stage_iii: Decimal) -> Portfolio {
    let first_close = d(2020, 1, 1);
    let mut p = defaults::blank_portfolio(first_close);
    p.fund.commitment = dec!(100_000_000);
    p.fund.gp_commitment_share = Decimal::ZERO;
    p.fund.management_fee_rate = dec!(0.02);
    p.fund.post_investment_fee_rate = Some(Decimal::ZERO);
    p.fund.organisational_expenses = Decimal::ZERO;
    p.fund.annual_expenses = Decimal::ZERO;
    let stage = |name: &str, budget: Decimal| Stage {
        name: name.into(),
        start_date: first_close,
        budget,
        reserve: Decimal::ZERO,
        gate: None,
    };
    p.stages = vec![
        stage("Stage I", dec!(40_000_000)),
        stage("Stage II", dec!(30_000_000)),
        stage("Stage III", stage_iii),
    ];
    p.companies = vec![
        plain_company(
            "Anvil",
            "Stage I",
            d(2020, 2, 15),
            d(2027, 2, 15),
            dec!(40_000_000),
        ),
        plain_company(
            "Bellows",
            "Stage II",
            d(2021, 2, 15),
            d(2027, 8, 15),
            dec!(30_000_000),
        ),
        plain_company("Crucible", "Stage III", d(2022, 5, 15), d(2028, 2, 15), stage_iii),
    ];
    p
}

#[test]
fn a_fund_that_calls_108_percent_is_an_error_naming_stage_iii_and_the_fees() {
    // Cumulative calls: 40 + 0.5 (Q0), 42.0 by Q3, 72.5 at Q4 (Stage II), 74.5 by Q8,
    // 74.5 + 28 + 0.5 = 103.0 at Q9 (2022-06-30, Stage III: the first quarter over 100M),
    // then 0.5M a quarter to 103.0 + 10 × 0.5 = 108.0M at Q19 (2024-12-31), the worst.
    // The calls of Q9–Q19: Stage III's 28M and 11 × 0.5 = 5.5M of fees. Overrun: 8.0M.
    let p = three_stage_fund(dec!(28_000_000));
    assert!(
        crate::engine::validate::validate(&p).is_empty(),
        "the static checks see nothing wrong: {:?}",
        crate::engine::validate::validate(&p)
    );
    let (problems, outcome) = compute_checked(&p);
    let errors: Vec<_> = problems
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{problems:?}");
    let error = errors.first().copied().unwrap_or_else(|| panic!("no error"));
    assert_eq!(error.rule, Rule::OverCommitment);
    assert_eq!(error.path.to_string(), "fund.commitment");
    assert_eq!(
        error.message,
        "Contributions reach $108.0m by 2024-12-31, above the $100.0m commitment: \
         the deals of Stage III and the management fees overrun by $8,000,000"
    );
    assert!(matches!(outcome, Err(EngineError::Invalid(ref e)) if e.len() == 1));
    assert!(matches!(compute(&p), Err(EngineError::Invalid(_))));
}

#[test]
fn the_overrun_is_measured_where_it_is_largest_with_its_calls() {
    let p = three_stage_fund(dec!(28_000_000));
    let result = fund::project(&p, None, fund::Detail::Full).unwrap_or_else(|e| panic!("{e}"));
    let overrun = fund::call_overrun(&result, p.fund.commitment).unwrap_or_else(|| panic!("no overrun"));
    assert_eq!(overrun.first_over, d(2022, 6, 30));
    assert_eq!(overrun.date, d(2024, 12, 31));
    assert_eq!(overrun.called, dec!(108_000_000));
    assert_eq!(overrun.overrun, dec!(8_000_000));
    assert_eq!(
        overrun.calls,
        vec![
            (
                fund::CallPurpose::Deals {
                    stage: "Stage III".into()
                },
                dec!(28_000_000)
            ),
            (fund::CallPurpose::ManagementFees, dec!(5_500_000)),
        ]
    );
}

#[test]
fn uncalled_commitment_falls_with_each_call_and_reaching_the_commitment_is_allowed() {
    // With a 20M Stage III cheque the fund calls 40 + 30 + 20 + 10 (fees) = 100M: exactly
    // the commitment, which is allowed. Uncalled = 100M − calls to date:
    // Q0 100 − 40.5 = 59.5; Q3 100 − 42.0 = 58.0; Q4 100 − 72.5 = 27.5;
    // Q8 100 − 74.5 = 25.5; Q9 100 − 95.0 = 5.0; Q19 100 − 100.0 = 0, and 0 after.
    let p = three_stage_fund(dec!(20_000_000));
    let (problems, outcome) = compute_checked(&p);
    assert!(problems.is_empty(), "{problems:?}");
    let r = outcome.unwrap_or_else(|e| panic!("{e}"));
    let uncalled = |q: usize| r.periods.get(q).map(|p| p.uncalled_commitment);
    assert_eq!(uncalled(0), Some(dec!(59_500_000)));
    assert_eq!(uncalled(3), Some(dec!(58_000_000)));
    assert_eq!(uncalled(4), Some(dec!(27_500_000)));
    assert_eq!(uncalled(8), Some(dec!(25_500_000)));
    assert_eq!(uncalled(9), Some(dec!(5_000_000)));
    assert_eq!(uncalled(18), Some(dec!(500_000)));
    assert_eq!(uncalled(19), Some(Decimal::ZERO));
    assert_eq!(crate::export::tables::uncalled_at_end(&r), Decimal::ZERO);
    // The cash-flow table's last column is the uncalled commitment.
    let csv = crate::export::tables::cashflows_csv(&r).unwrap_or_else(|e| panic!("{e}"));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().and_then(|h| h.rsplit(',').next()),
        Some("uncalled_commitment")
    );
    assert_eq!(
        lines.next().and_then(|row| row.rsplit(',').next()),
        Some("59500000.00")
    );
}

#[test]
fn uncalled_commitment_never_goes_below_zero_in_a_plan_that_overruns() {
    // Q9 of the 108 % fund: 100 − 103.0 would be −3.0M; it is 0.
    let p = three_stage_fund(dec!(28_000_000));
    let r = fund::project(&p, None, fund::Detail::Full).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        r.periods.get(8).map(|x| x.uncalled_commitment),
        Some(dec!(25_500_000))
    );
    assert_eq!(
        r.periods.get(9).map(|x| x.uncalled_commitment),
        Some(Decimal::ZERO)
    );
}

/// Small portfolios: a commitment of 40–120M, one to four plain companies of 5–50M
/// bought in the first four years and held 1–10 years (some past the 10-year term).
fn small_portfolio() -> impl Strategy<Value = Portfolio> {
    let company = (5u32..=50, 0usize..16, 4usize..40);
    (40u32..=120, prop::collection::vec(company, 1..=4), 0u32..=3).prop_map(|(commitment, deals, fee)| {
        let mut p = three_stage_fund(Decimal::ZERO);
        p.fund.commitment = Decimal::from(commitment) * dec!(1_000_000);
        p.fund.management_fee_rate = Decimal::from(fee) / dec!(100);
        p.fund.annual_expenses = dec!(400_000);
        p.stages.truncate(1);
        if let Some(stage) = p.stages.first_mut() {
            stage.budget = dec!(200_000_000);
        }
        p.companies = deals
            .into_iter()
            .enumerate()
            .map(|(i, (cheque, bought, held))| {
                let acquired = crate::engine::grid::nth_quarter_end(d(2020, 1, 1), bought);
                let exit = crate::engine::grid::nth_quarter_end(d(2020, 1, 1), bought + held);
                plain_company(
                    &format!("Deal {i}"),
                    "Stage I",
                    acquired,
                    exit,
                    Decimal::from(cheque) * dec!(1_000_000),
                )
            })
            .collect();
        p
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any model that computes calls at most its commitment plus recycling in every
    /// quarter, and a projection that calls more is refused with the commitment error.
    #[test]
    fn calls_never_exceed_commitments_plus_recycling(p in small_portfolio()) {
        let (problems, outcome) = compute_checked(&p);
        let projected = fund::project::<Decimal>(&p, None, fund::Detail::Full)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut limit = p.fund.commitment;
        let mut called = Decimal::ZERO;
        let mut over = false;
        for period in &projected.periods {
            limit += fund::recycled(period);
            called += period.contributions;
            over |= called > limit;
            prop_assert_eq!(period.uncalled_commitment, (limit - called).max(Decimal::ZERO));
        }
        prop_assert!(
            problems.iter().all(|x| x.severity == Severity::Warning || x.rule == Rule::OverCommitment),
            "{:?}", problems
        );
        let refused = problems.iter().any(|x| x.rule == Rule::OverCommitment && x.severity == Severity::Error);
        prop_assert_eq!(over, refused, "{:?}", problems);
        prop_assert_eq!(outcome.is_ok(), !over);
        if let Ok(result) = outcome {
            let mut called = Decimal::ZERO;
            let mut limit = p.fund.commitment;
            for period in &result.periods {
                limit += fund::recycled(period);
                called += period.contributions;
                prop_assert!(called <= limit, "{} called by {}, limit {}", called, period.date, limit);
            }
        }
    }
}
