//! The credit line on a tiny fund whose figures are worked out by hand: one 10M deal
//! called on 2020-03-31 and sold for 20M on 2022-03-31, no fees, expenses or carry.
//!
//! Without the line the partners pay 10M on 2020-03-31 and get 20M back 730 days later:
//! TVPI = DPI = 2.0 and net IRR = 2^(365/730) − 1 = √2 − 1 = 41.4214 %.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use crate::engine::model::*;
use crate::engine::results::FundResult;
use crate::engine::validate::{Rule, Severity, validate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// 6 % all in (4 % base + 2 % spread), no unused fee, size up to the whole commitment.
fn line(max_days_outstanding: u32) -> CreditLine {
    CreditLine {
        share_of_uncalled: Decimal::ONE,
        cap: dec!(100_000_000),
        base_rate: dec!(0.04),
        base_rate_curve: Vec::new(),
        spread: dec!(0.02),
        unused_fee_rate: Decimal::ZERO,
        max_days_outstanding,
        facility_years: None,
    }
}

/// A 100M fund closing 2020-01-01 with one deal: revenue 10M at a 20 % margin (EBITDA
/// 2M), bought at 5x with no debt (cheque 10M, quarter ending 2020-03-31), capex equal
/// to EBITDA and no tax (no cash builds), sold at 10x LTM EBITDA = 20M in the quarter
/// ending 2022-03-31.
fn tiny_fund(credit_line: Option<CreditLine>) -> Portfolio {
    let mut p = crate::engine::defaults::blank_portfolio(d(2020, 1, 1));
    let f = &mut p.fund;
    f.commitment = dec!(100_000_000);
    f.management_fee_rate = Decimal::ZERO;
    f.post_investment_fee_rate = None;
    f.carry_rate = Decimal::ZERO;
    // No GP commitment: the figures below are the LPs' (issue 12: the GP commitment is
    // its own capital account, outside the LP metrics).
    f.gp_commitment_share = Decimal::ZERO;
    f.credit_line = credit_line;
    p.stages[0].budget = dec!(90_000_000);
    p.stages[0].reserve = Decimal::ZERO;
    let mut c = crate::engine::defaults::template_company(&p.stages[0].name, d(2020, 1, 15), d(2022, 2, 15));
    c.name = "Only deal".into();
    c.entry_revenue = dec!(10_000_000);
    c.revenue_growth = Decimal::ZERO;
    c.cost_pools = CostPools {
        materials: dec!(0.5),
        direct_labour: dec!(0.2),
        energy: dec!(0.03),
        maintenance: dec!(0.03),
        overhead: dec!(0.04),
    };
    c.maintenance_capex = dec!(0.2);
    c.tax_rate = Decimal::ZERO;
    c.entry_multiple = dec!(5);
    c.debt_multiple = Decimal::ZERO;
    c.interest_rate = Decimal::ZERO;
    c.transaction_costs = Decimal::ZERO;
    c.exit_multiple = dec!(10);
    c.exit_costs = Decimal::ZERO;
    c.fixed_costs = FixedCosts::default();
    c.working_capital = WorkingCapital::default();
    c.depreciation = Depreciation::default();
    c.tax = TaxRules::default();
    c.cash = CashPolicy::default();
    c.management_pool = ManagementPool::default();
    p.companies = vec![c];
    p
}

fn computed(p: &Portfolio) -> FundResult {
    let problems = validate(p);
    assert!(
        !crate::engine::validate::has_errors(&problems),
        "model should validate: {problems:?}"
    );
    match crate::engine::compute(p) {
        Ok(r) => r,
        Err(e) => panic!("model should compute: {e}"),
    }
}

fn contribution_on(r: &FundResult, date: NaiveDate) -> Decimal {
    r.periods
        .iter()
        .find(|p| p.date == date)
        .map_or(Decimal::MIN, |p| p.contributions)
}

fn irr(m: &crate::engine::results::FundMetrics) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    m.net_irr
        .as_ref()
        .ok()
        .and_then(|r| r.to_f64())
        .unwrap_or(f64::NAN)
}

#[test]
fn the_tiny_fund_without_a_line_doubles_in_two_years() {
    let r = computed(&tiny_fund(None));
    assert!(r.credit_line.is_none());
    assert_eq!(contribution_on(&r, d(2020, 3, 31)), dec!(10_000_000));
    assert_eq!(r.metrics.distributed, dec!(20_000_000));
    assert_eq!(r.metrics.tvpi, Some(dec!(2)));
    assert!((irr(&r.metrics) - (2f64.sqrt() - 1.0)).abs() < 1e-6);
}

#[test]
fn a_call_bridged_for_two_quarters_lifts_irr_and_lowers_tvpi() {
    // Limit 184 days: the 2020-03-31 draw is 91 days old on 2020-06-30 and would be 183
    // on 2020-09-30 (held), 275 on 2020-12-31 (too old): it is repaid on 2020-09-30.
    // Interest at 6 % actual/360 on 10M: Q2 (91 days) 10M × 0.06 × 91/360 = 151,666.67;
    // Q3 (92 days) 10M × 0.06 × 92/360 = 153,333.33. Partners pay nothing on 2020-03-31,
    // 151,666.67 on 2020-06-30 and 10,000,000 + 153,333.33 on 2020-09-30: 10,305,000.00.
    // TVPI = DPI = 20,000,000 / 10,305,000 = 1.9408054 (down 0.0591946 from 2.0).
    // Net IRR solves −151,666.67 − 10,153,333.33·v^(92/365) + 20,000,000·v^(639/365) = 0
    // (v = 1/(1+r), days from 2020-06-30); bisection by hand gives r = 55.4755 %, up
    // 14.0541 points from 41.4214 %.
    let r = computed(&tiny_fund(Some(line(184))));
    assert_eq!(contribution_on(&r, d(2020, 3, 31)), Decimal::ZERO);
    assert_eq!(contribution_on(&r, d(2020, 6, 30)), dec!(151_666.67));
    assert_eq!(contribution_on(&r, d(2020, 9, 30)), dec!(10_153_333.33));
    assert_eq!(r.metrics.paid_in, dec!(10_305_000.00));
    let tvpi = r.metrics.tvpi.unwrap_or_default();
    assert!((tvpi - dec!(1.9408054)).abs() < dec!(0.0000001), "TVPI {tvpi}");
    assert_eq!(r.metrics.dpi, r.metrics.tvpi);
    assert!(
        (irr(&r.metrics) - 0.554_755).abs() < 1e-5,
        "IRR {}",
        irr(&r.metrics)
    );

    let Some(cl) = &r.credit_line else {
        panic!("the line should report")
    };
    assert_eq!(cl.without_line.tvpi, Some(dec!(2)));
    assert!((irr(&cl.without_line) - (2f64.sqrt() - 1.0)).abs() < 1e-6);
    assert!((irr(&r.metrics) - irr(&cl.without_line) - 0.140_541).abs() < 1e-5);
    assert_eq!(cl.interest, dec!(305_000.00));
    assert_eq!(cl.peak_balance, dec!(10_000_000));
    assert_eq!(cl.longest_days_outstanding, 183);
    let q = |i: usize| cl.periods.get(i).cloned().unwrap_or_default();
    assert_eq!(
        (q(0).drawn, q(0).balance, q(0).oldest_draw_days),
        (dec!(10_000_000), dec!(10_000_000), 0)
    );
    assert_eq!(
        (q(1).interest, q(1).balance, q(1).oldest_draw_days),
        (dec!(151_666.67), dec!(10_000_000), 91)
    );
    assert_eq!(q(1).average_days_outstanding, dec!(91));
    assert_eq!(
        (q(2).interest, q(2).repaid, q(2).balance),
        (dec!(153_333.33), dec!(10_000_000), Decimal::ZERO)
    );
    // Interest is a fund expense; the J-curve without the line is the one of the fund
    // without it.
    assert_eq!(r.metrics.fund_expenses, dec!(305_000.00));
    let plain = computed(&tiny_fund(None));
    let plain_curve: Vec<Decimal> = plain.periods.iter().map(|p| p.cumulative_net_cash_flow).collect();
    assert_eq!(cl.cumulative_net_cash_flow_without_line, plain_curve);
}

#[test]
fn the_day_limit_decides_how_long_a_draw_is_held() {
    // 120 days: the draw could be held to 2020-06-30 (91 days) but not to 2020-09-30
    // (183): repaid on 2020-06-30 with one quarter's interest, 151,666.67. Paid in
    // 10,151,666.67; TVPI 20,000,000 / 10,151,666.67 = 1.9701198.
    let r = computed(&tiny_fund(Some(line(120))));
    assert_eq!(contribution_on(&r, d(2020, 3, 31)), Decimal::ZERO);
    assert_eq!(contribution_on(&r, d(2020, 6, 30)), dec!(10_151_666.67));
    let tvpi = r.metrics.tvpi.unwrap_or_default();
    assert!((tvpi - dec!(1.9701198)).abs() < dec!(0.0000001), "TVPI {tvpi}");

    // 90 days: not even the next quarter end (91 days on) is within the limit, so the
    // line draws nothing and the fund is the one without it.
    let r = computed(&tiny_fund(Some(line(90))));
    let plain = computed(&tiny_fund(None));
    assert_eq!(r.periods, plain.periods);
    assert_eq!(r.credit_line.map(|c| c.peak_balance), Some(Decimal::ZERO));
}

#[test]
fn the_unused_fee_is_charged_on_the_undrawn_facility_while_it_is_open() {
    // Size min(30M cap, 50 % × uncalled ≈ 100M) = 30M; open one year (to 2021-01-01),
    // so 2020-12-31 takes no draw (2021-03-31 is past the end) and the size is zero from
    // then on. Unused fee 0.4 % actual/360 on the size less the balance:
    //   2020-03-31: 30M undrawn since the close, 90 days: 30M × 0.004 × 90/360 = 30,000.00
    //   2020-06-30: 20M undrawn (10M drawn), 91 days:  20M × 0.004 × 91/360 = 20,222.22
    //   2020-09-30: 20M undrawn, 92 days:             20M × 0.004 × 92/360 = 20,444.44
    //   2020-12-31: 30M undrawn (repaid), 92 days:    30M × 0.004 × 92/360 = 30,666.67
    // Total 101,333.33; interest as with the two-quarter bridge, 305,000.00.
    let mut facility = line(184);
    facility.share_of_uncalled = dec!(0.5);
    facility.cap = dec!(30_000_000);
    facility.unused_fee_rate = dec!(0.004);
    facility.facility_years = Some(1);
    let r = computed(&tiny_fund(Some(facility)));
    let Some(cl) = &r.credit_line else {
        panic!("the line should report")
    };
    let fees: Vec<Decimal> = cl.periods.iter().take(6).map(|p| p.unused_fee).collect();
    assert_eq!(
        fees,
        [
            dec!(30_000.00),
            dec!(20_222.22),
            dec!(20_444.44),
            dec!(30_666.67),
            Decimal::ZERO,
            Decimal::ZERO
        ]
    );
    assert_eq!(cl.unused_fees, dec!(101_333.33));
    assert_eq!(cl.periods.get(3).map(|p| p.facility_size), Some(Decimal::ZERO));
    assert_eq!(contribution_on(&r, d(2020, 3, 31)), dec!(30_000.00));
    assert_eq!(contribution_on(&r, d(2020, 6, 30)), dec!(171_888.89));
    assert_eq!(r.metrics.paid_in, dec!(10_406_333.33));
}

#[test]
fn a_dated_base_rate_applies_from_its_date() {
    // From 2020-04-01 the base rate is 8 % (10 % all in): Q2 starts on 2020-03-31 at the
    // 4 % base (151,666.67), Q3 starts on 2020-06-30 at 8 %: 10M × 0.10 × 92/360 =
    // 255,555.56.
    let mut facility = line(184);
    facility.base_rate_curve = vec![RatePoint {
        date: d(2020, 4, 1),
        rate: dec!(0.08),
    }];
    let r = computed(&tiny_fund(Some(facility)));
    let interest: Vec<Decimal> = r
        .credit_line
        .map(|c| c.periods.iter().take(3).map(|p| p.interest).collect())
        .unwrap_or_default();
    assert_eq!(interest, [Decimal::ZERO, dec!(151_666.67), dec!(255_555.56)]);
}

#[test]
fn a_negative_size_is_an_error_naming_the_field() {
    let mut facility = line(180);
    facility.share_of_uncalled = dec!(-0.1);
    facility.cap = dec!(-1);
    let problems = validate(&tiny_fund(Some(facility)));
    let about = |key: &str| {
        problems
            .iter()
            .find(|p| p.path.to_string() == format!("fund.{key}"))
            .cloned()
    };
    let share =
        about("credit_line.share_of_uncalled").unwrap_or_else(|| panic!("no share problem: {problems:?}"));
    assert_eq!((share.severity, share.rule), (Severity::Error, Rule::OutOfRange));
    assert!(
        share.message.contains("share of uncalled commitments"),
        "{}",
        share.message
    );
    assert!(share.message.contains("-10%"), "{}", share.message);
    let cap = about("credit_line.cap").unwrap_or_else(|| panic!("no cap problem: {problems:?}"));
    assert_eq!((cap.severity, cap.rule), (Severity::Error, Rule::Negative));
    assert!(
        cap.message.contains("size cap cannot be negative"),
        "{}",
        cap.message
    );
}

#[test]
fn base_rate_points_out_of_order_are_an_error() {
    let mut facility = line(180);
    facility.base_rate_curve = vec![
        RatePoint {
            date: d(2022, 1, 1),
            rate: dec!(0.03),
        },
        RatePoint {
            date: d(2021, 1, 1),
            rate: dec!(0.03),
        },
    ];
    let problems = validate(&tiny_fund(Some(facility)));
    assert!(
        problems
            .iter()
            .any(|p| p.rule == Rule::DateOrder && p.message.contains("2021-01-01 follows 2022-01-01")),
        "{problems:?}"
    );
}

#[test]
fn a_sweep_bridges_the_calls_the_same_but_keeps_no_line_report() {
    // Monte Carlo and sweeps project with `Detail::FundOnly`: the line must still re-time
    // the calls (same contributions, interest and metrics as the full projection), but
    // the second waterfall for the figures without the line is skipped.
    let p = tiny_fund(Some(line(180)));
    let full = computed(&p);
    let sweep = crate::engine::fund::project::<Decimal>(&p, None, crate::engine::fund::Detail::FundOnly)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(full.credit_line.is_some());
    assert!(sweep.credit_line.is_none());
    let calls = |r: &FundResult| r.periods.iter().map(|q| q.contributions).collect::<Vec<_>>();
    assert_eq!(calls(&sweep), calls(&full));
    assert_eq!(sweep.metrics.tvpi, full.metrics.tvpi);
    assert_eq!(sweep.metrics.fund_expenses, full.metrics.fund_expenses);
    assert!(full.metrics.fund_expenses > Decimal::ZERO);
}
