//! Classes, closes and equalisation against figures worked out by hand.
//!
//! The test fund: 100M of commitments, first close 2020-01-01 (quarter ends 2020-03-31 …
//! 2022-12-31, quarters 0 to 11), a one-year investment period, a three-year term with
//! no extension, 2 % a year in both periods (0.5 % a quarter on commitments), no
//! expenses. The test deal is worth exactly its cheque while held (10M of revenue at a
//! 20 % margin, 5× entry, no debt, no tax, no growth, capex equal to EBITDA) and is sold
//! at `exit_multiple ×` its 2M EBITDA.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use crate::engine::defaults::{blank_portfolio, template_company};
use crate::engine::fund::{Detail, project};
use crate::engine::model::{Company, CostPools, FixedCosts, ManagementPool, Portfolio, WorkingCapital};
use crate::engine::results::FundResult;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn deal(name: &str, acquired: NaiveDate, exit: NaiveDate, exit_multiple: Decimal) -> Company {
    let mut c = template_company("Stage I", acquired, exit);
    c.name = name.into();
    c.entry_revenue = dec!(10_000_000);
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
    c.tax_rate = Decimal::ZERO;
    c.entry_multiple = dec!(5);
    c.debt_multiple = Decimal::ZERO;
    c.interest_rate = Decimal::ZERO;
    c.cash_sweep = Decimal::ZERO;
    c.transaction_costs = Decimal::ZERO;
    c.exit_multiple = exit_multiple;
    c.exit_costs = Decimal::ZERO;
    c.management_pool = ManagementPool::default();
    c.exit_date = exit;
    c
}

/// The test fund with one deal bought in quarter 0 and sold in quarter 11 at 10× (20M).
fn test_fund() -> Portfolio {
    let mut p = blank_portfolio(d(2020, 1, 1));
    let f = &mut p.fund;
    f.commitment = dec!(100_000_000);
    f.investment_period_years = 1;
    f.term_years = 3;
    f.extension_years = 0;
    f.management_fee_rate = dec!(0.02);
    f.post_investment_fee_rate = None;
    f.organisational_expenses = Decimal::ZERO;
    f.annual_expenses = Decimal::ZERO;
    f.gp_commitment_share = Decimal::ZERO;
    p.companies = vec![deal("Deal", d(2020, 2, 15), d(2022, 11, 15), dec!(10))];
    p
}

fn run(p: &Portfolio) -> FundResult {
    project(p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn without_classes_the_one_class_is_the_lps_of_the_fund() {
    // 2 % GP commitment: the class "LPs" holds 100M × 0.98 = 98M, and its account is the
    // LPs' flows of the fund quarter by quarter; its metrics are the fund's LP metrics.
    let mut p = test_fund();
    p.fund.gp_commitment_share = dec!(0.02);
    let r = run(&p);
    assert_eq!(r.classes.len(), 1);
    let class = &r.classes[0];
    assert_eq!(class.name, "LPs");
    assert_eq!(class.investors, 1);
    assert_eq!(class.commitment, dec!(98_000_000));
    assert_eq!(class.periods.len(), r.periods.len());
    let mut contributed = Decimal::ZERO;
    for (a, f) in class.periods.iter().zip(&r.periods) {
        contributed += f.lp_contributions;
        assert_eq!(a.date, f.date);
        assert_eq!(a.commitment, dec!(98_000_000));
        assert_eq!(a.contributed, f.lp_contributions);
        assert_eq!(a.contributed_to_date, contributed);
        assert_eq!(a.distributed, f.lp_distributions);
        assert_eq!(a.nav, f.lp_nav);
        assert_eq!(a.management_fees, f.management_fees);
        assert_eq!(a.carried_interest, f.carried_interest);
        assert_eq!(a.unfunded, (dec!(98_000_000) - contributed).max(Decimal::ZERO));
        assert_eq!(a.equalisation, Decimal::ZERO);
        assert_eq!(a.equalisation_interest, Decimal::ZERO);
    }
    // The deal's 10M cheque: the LPs pay 98 % of it, 9.8M, with the fees of quarter 0,
    // 0.5 % × 100M × 0.98 = 490,000: 10,290,000 in the first quarter.
    assert_eq!(class.periods[0].contributed, dec!(10_290_000));
    let m = &class.metrics;
    let fm = &r.metrics;
    assert_eq!(m.paid_in, fm.lp_paid_in);
    assert_eq!(m.distributed, fm.lp_distributed);
    assert_eq!(m.nav, fm.lp_nav);
    assert_eq!((m.tvpi, m.dpi, m.rvpi), (fm.tvpi, fm.dpi, fm.rvpi));
    assert_eq!(m.net_irr, fm.net_irr);
    assert!(m.net_irr.is_ok());
    assert_eq!(m.carried_interest, fm.carried_interest);
    assert_eq!(m.management_fees, fm.management_fees);
}

#[test]
fn a_sweep_keeps_no_statement() {
    let r: FundResult = project(&test_fund(), None, Detail::FundOnly).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.classes.len(), 1);
    assert!(r.classes[0].periods.is_empty());
    assert_eq!(r.classes[0].metrics.paid_in, r.metrics.lp_paid_in);
}
