//! Conventions below EBITDA by hand: working capital and the inventory lever, losses
//! carried forward, the interest cap, pro-rata follow-ons, minimum cash and the
//! overdraft, D&A on an asset base and capitalised lever costs.

use rust_decimal::{Decimal, dec};

use super::{GROWTH_TWO_PERCENT_A_QUARTER, instant_lever, only, plain_company, portfolio_of, project};
use crate::engine::company::LeverMeasure;
use crate::engine::model::{CostPool, DepreciationMethod, Lever, LeverFunding, LeverTarget};
use crate::engine::results::CompanyPeriod;

/// A lever with no effect whose one-time cost of `cost` is spent in the first operating
/// quarter (grid quarter 1), expensed, paid by the company.
fn one_off_cost(cost: Decimal) -> Lever {
    Lever {
        one_time_cost: cost,
        ..instant_lever(LeverTarget::Pool(CostPool::Materials), Decimal::ZERO, 0)
    }
}

/// One figure of each quarter from 1 to `last`.
fn column(periods: &[CompanyPeriod], last: usize, figure: fn(&CompanyPeriod) -> Decimal) -> Vec<Decimal> {
    periods[1..=last].iter().map(figure).collect()
}

#[test]
fn working_capital_grows_with_revenue_and_takes_cash() {
    // Revenue grows 2 % a quarter: 100 at entry, 102, 104.04. Cost of goods is materials
    // only (overhead is not), 50 % of revenue. Days chosen so days × 4 / 365 is round:
    // receivables 73 days → 0.8 × quarterly revenue; inventory 36.5 → 0.4 × cost of goods;
    // payables 18.25 → 0.2 × cost of goods. So WC = 0.8 R + 0.5 R × (0.4 − 0.2) = 0.9 R.
    // Entry 90; Q1 91.8 (change 1.8); Q2 93.636 (change 1.836).
    // EBITDA 25 % of revenue: 25.5, 26.01. FCF = EBITDA − ΔWC: 23.7, 24.174.
    // Cash: 23.7, then 47.874.
    let mut c = plain_company(4);
    c.revenue_growth = GROWTH_TWO_PERCENT_A_QUARTER;
    c.working_capital.receivable_days = dec!(73);
    c.working_capital.inventory_days = dec!(36.5);
    c.working_capital.payable_days = dec!(18.25);
    let r = project(&portfolio_of(vec![c]));
    let periods = &only(&r).periods;
    assert_eq!(periods[0].working_capital, dec!(90));
    assert_eq!(column(periods, 2, |p| p.revenue), vec![dec!(102), dec!(104.04)]);
    assert_eq!(
        column(periods, 2, |p| p.working_capital),
        vec![dec!(91.8), dec!(93.636)]
    );
    assert_eq!(
        column(periods, 2, |p| p.change_in_working_capital),
        vec![dec!(1.8), dec!(1.836)]
    );
    assert_eq!(column(periods, 2, |p| p.ebitda), vec![dec!(25.5), dec!(26.01)]);
    assert_eq!(
        column(periods, 2, |p| p.free_cash_flow),
        vec![dec!(23.7), dec!(24.174)]
    );
    assert_eq!(column(periods, 2, |p| p.cash), vec![dec!(23.7), dec!(47.874)]);
}

#[test]
fn an_inventory_lever_releases_cash() {
    // Flat revenue 100 a quarter, cost of goods 50, inventory 36.5 days → 0.4 × 50 = 20.
    // An inventory-days lever cuts days 25 % from quarter 1: inventory 15, so working
    // capital falls by 5, once. FCF = 25 + 5 = 30 in Q1, 25 after; cash 30, 55.
    // EBITDA is untouched (25). The statement shows 5 released (a balance) each quarter.
    let mut c = plain_company(4);
    c.working_capital.inventory_days = dec!(36.5);
    c.levers = vec![instant_lever(LeverTarget::InventoryDays, dec!(0.25), 0)];
    let p = portfolio_of(vec![c]);
    let r = project(&p);
    let periods = &only(&r).periods;
    assert_eq!(periods[0].working_capital, dec!(20));
    assert_eq!(
        column(periods, 2, |p| p.working_capital),
        vec![dec!(15), dec!(15)]
    );
    assert_eq!(
        column(periods, 2, |p| p.change_in_working_capital),
        vec![dec!(-5), dec!(0)]
    );
    assert_eq!(column(periods, 2, |p| p.ebitda), vec![dec!(25), dec!(25)]);
    assert_eq!(column(periods, 2, |p| p.free_cash_flow), vec![dec!(30), dec!(25)]);
    assert_eq!(column(periods, 2, |p| p.cash), vec![dec!(30), dec!(55)]);
    let lines = crate::engine::company::lever_lines(&p, 0, r.dates.len()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lines[0].measure, LeverMeasure::InventoryReleased);
    assert_eq!(lines[0].per_quarter[1..=2], [dec!(5), dec!(5)]);
}

#[test]
fn losses_are_carried_forward_with_and_without_an_offset_cap() {
    // Tax 25 %. EBITDA 25 a quarter; a one-time cost of 100, expensed in Q1, makes EBIT
    // −75 there: no tax, 75 of losses carried.
    // No cap: Q2–Q4 each use 25 of losses (tax 0; 50, 25, 0 left); Q5 pays 25 % × 25 =
    // 6.25.
    // Cap 50 %: losses offset at most half of each quarter's 25, 12.5; tax 25 % × 12.5 =
    // 3.125 in Q2–Q7 while 62.5, 50, 37.5, 25, 12.5, 0 are left; Q8 pays 6.25.
    let mut c = plain_company(8);
    c.tax_rate = dec!(0.25);
    c.levers = vec![one_off_cost(dec!(100))];
    let r = project(&portfolio_of(vec![c.clone()]));
    let periods = &only(&r).periods;
    assert_eq!(periods[1].ebit, dec!(-75));
    let t = |v: &[i64]| v.iter().map(|&x| Decimal::new(x, 3)).collect::<Vec<_>>();
    assert_eq!(column(periods, 5, |p| p.tax), t(&[0, 0, 0, 0, 6_250]));
    assert_eq!(
        column(periods, 5, |p| p.tax_losses_carried_forward),
        t(&[75_000, 50_000, 25_000, 0, 0])
    );

    c.tax.loss_offset_cap = Some(dec!(0.5));
    let r = project(&portfolio_of(vec![c]));
    let periods = &only(&r).periods;
    assert_eq!(
        column(periods, 8, |p| p.tax),
        t(&[0, 3_125, 3_125, 3_125, 3_125, 3_125, 3_125, 6_250])
    );
    assert_eq!(
        column(periods, 8, |p| p.tax_losses_carried_forward),
        t(&[75_000, 62_500, 50_000, 37_500, 25_000, 12_500, 0, 0])
    );
}

#[test]
fn interest_above_the_cap_is_carried_forward_and_used_later() {
    // Debt 4 × 100 = 400 at 10 %: interest 10 a quarter, no sweep; tax 25 %; cap 30 % of
    // EBITDA. EBITDA 25 in Q1–Q2, then 45 (materials cut 40 % from Q3: 50 → 30).
    // Q1: cap 7.5 → deduct 7.5, carry 2.5; taxable 17.5, tax 4.375.
    // Q2: claim 10 + 2.5 = 12.5 → deduct 7.5, carry 5; tax 4.375.
    // Q3: cap 13.5; claim 15 → deduct 13.5, carry 1.5; taxable 31.5, tax 7.875.
    // Q4: claim 11.5 ≤ 13.5 → deduct 11.5, carry 0; taxable 33.5, tax 8.375.
    // Q5: deduct 10; taxable 35, tax 8.75.
    let mut c = plain_company(8);
    c.debt_multiple = dec!(4);
    c.interest_rate = dec!(0.1);
    c.tax_rate = dec!(0.25);
    c.tax.interest_cap = Some(dec!(0.3));
    c.levers = vec![instant_lever(
        LeverTarget::Pool(CostPool::Materials),
        dec!(0.4),
        2,
    )];
    let r = project(&portfolio_of(vec![c]));
    let periods = &only(&r).periods;
    let d = |v: &[i64]| v.iter().map(|&x| Decimal::new(x, 3)).collect::<Vec<_>>();
    assert_eq!(column(periods, 5, |p| p.interest), d(&[10_000; 5]));
    assert_eq!(
        column(periods, 5, |p| p.ebitda),
        d(&[25_000, 25_000, 45_000, 45_000, 45_000])
    );
    assert_eq!(
        column(periods, 5, |p| p.deductible_interest),
        d(&[7_500, 7_500, 13_500, 11_500, 10_000])
    );
    assert_eq!(
        column(periods, 5, |p| p.interest_carried_forward),
        d(&[2_500, 5_000, 1_500, 0, 0])
    );
    assert_eq!(
        column(periods, 5, |p| p.taxable_income),
        d(&[17_500, 17_500, 31_500, 33_500, 35_000])
    );
    assert_eq!(
        column(periods, 5, |p| p.tax),
        d(&[4_375, 4_375, 7_875, 8_375, 8_750])
    );
}

#[test]
fn follow_ons_are_pro_rata_and_leave_the_company_cash_alone() {
    // Half owned (cheque 500). A fund-funded lever cuts materials 10 % from Q1 (EBITDA
    // 100 − 45 − 25 = 30) and costs 100 once: the owners put in 100, the fund its half,
    // 50. The company's FCF = 30 − 100 + 100 = 30, cash 30, as if the lever were free.
    // Cost basis 500 + 50 = 550 from Q1. A second fund-funded lever of 40 starting in
    // the exit quarter (Q4) is paid by the company: no follow-on; cash at exit
    // 30 × 4 − 40 = 80. Exit 10 × LTM (30 × 4 = 120) + 80 = 1,280; the fund's half 640.
    let mut c = plain_company(4);
    c.ownership = dec!(0.5);
    c.levers = vec![
        Lever {
            one_time_cost: dec!(100),
            funding: LeverFunding::FundFollowOn,
            ..instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0.1), 0)
        },
        Lever {
            one_time_cost: dec!(40),
            funding: LeverFunding::FundFollowOn,
            ..instant_lever(LeverTarget::Pool(CostPool::Materials), Decimal::ZERO, 3)
        },
    ];
    let r = project(&portfolio_of(vec![c]));
    let company = only(&r);
    let q1 = &company.periods[1];
    assert_eq!(q1.ebitda, dec!(30));
    assert_eq!(q1.equity_injected, dec!(100));
    assert_eq!(q1.fund_follow_on, dec!(50));
    assert_eq!(q1.free_cash_flow, dec!(30));
    assert_eq!(q1.cash, dec!(30));
    assert_eq!(r.periods[1].follow_ons, dec!(50));
    assert_eq!(company.follow_ons, dec!(50));
    assert_eq!(company.invested, dec!(550));
    assert_eq!(r.periods[1].net_invested_capital, dec!(550));
    let exit = &company.periods[4];
    assert_eq!(exit.equity_injected, Decimal::ZERO);
    assert_eq!(exit.fund_follow_on, Decimal::ZERO);
    assert_eq!(exit.cash, dec!(80));
    assert_eq!(company.proceeds, dec!(640));
}

#[test]
fn a_shortfall_is_drawn_on_a_priced_overdraft_repaid_first() {
    // Minimum cash 20, funded at entry: cheque = 1,000 − debt 100 + 20 = 920. Debt 1 × 100
    // at 8 % (2 % a quarter, on the overdraft too), full sweep. A 100 one-off in Q1.
    // Q1: interest 2; FCF 25 − 2 − 100 = −77; cash 20 − 77 = −57 → overdraft 77, cash 20.
    // Q2: interest 177 × 2 % = 3.54; FCF 21.46, all to the overdraft: 55.54; no sweep.
    // Q3: interest 155.54 × 2 % = 3.1108; FCF 21.8892; overdraft 33.6508.
    // Q4: interest 133.6508 × 2 % = 2.673016; FCF 22.326984; overdraft 11.323816.
    // Q5: interest 111.323816 × 2 % = 2.22647632; FCF 22.77352368: 11.323816 clears the
    // overdraft, the other 11.44970768 (under the 100 % sweep of FCF) repays debt:
    // 88.55029232. Cash stays at the minimum, 20.
    let mut c = plain_company(8);
    c.cash.minimum_cash = dec!(20);
    c.debt_multiple = dec!(1);
    c.interest_rate = dec!(0.08);
    c.cash_sweep = dec!(1);
    c.levers = vec![one_off_cost(dec!(100))];
    let r = project(&portfolio_of(vec![c]));
    let company = only(&r);
    assert_eq!(company.equity_cheque, dec!(920));
    assert_eq!(company.periods[0].cash, dec!(20));
    let periods = &company.periods;
    assert_eq!(
        column(periods, 5, |p| p.interest),
        vec![
            dec!(2),
            dec!(3.54),
            dec!(3.1108),
            dec!(2.673016),
            dec!(2.22647632)
        ]
    );
    assert_eq!(
        column(periods, 5, |p| p.free_cash_flow),
        vec![
            dec!(-77),
            dec!(21.46),
            dec!(21.8892),
            dec!(22.326984),
            dec!(22.77352368)
        ]
    );
    assert_eq!(
        column(periods, 5, |p| p.overdraft),
        vec![dec!(77), dec!(55.54), dec!(33.6508), dec!(11.323816), dec!(0)]
    );
    assert_eq!(
        column(periods, 5, |p| p.debt),
        vec![dec!(100), dec!(100), dec!(100), dec!(100), dec!(88.55029232)]
    );
    assert_eq!(column(periods, 5, |p| p.cash), vec![dec!(20); 5]);
    // Net debt counts the overdraft: Q1 100 + 77 − 20 = 157.
    assert_eq!(periods[1].net_debt, dec!(157));
}

#[test]
fn depreciation_of_the_asset_base_and_of_capitalised_lever_costs() {
    // Asset base 400, 10-year life (1/40 a quarter); capex 4 % of revenue, 4 a quarter,
    // joins the base after its quarter's charge. A lever's one-time cost of 80 in Q1,
    // half capitalised over 2 years (40 / 8 = 5 a quarter from Q2 to Q9), half expensed.
    // Q1: 400/40 = 10; EBIT = 25 − 10 − 40 expensed = −25. FCF = 25 − 4 − 80 = −59.
    // Q2: 404/40 = 10.1 + 5 = 15.1; EBIT 9.9.  Q3: 408/40 = 10.2 + 5 = 15.2; EBIT 9.8.
    // Q9: 432/40 = 10.8 + 5 = 15.8.  Q10: 436/40 = 10.9, the lever's cost written off.
    let mut c = plain_company(12);
    c.maintenance_capex = dec!(0.04);
    c.depreciation.method = DepreciationMethod::AssetBase;
    c.depreciation.opening_assets = dec!(400);
    c.depreciation.useful_life_years = 10;
    c.levers = vec![Lever {
        one_time_capex_share: dec!(0.5),
        capex_life_years: 2,
        programme: crate::engine::model::LeverProgramme::default(),
        ..one_off_cost(dec!(80))
    }];
    let r = project(&portfolio_of(vec![c.clone()]));
    let periods = &only(&r).periods;
    assert_eq!(periods[1].lever_capex, dec!(40));
    assert_eq!(periods[1].lever_one_time_expensed, dec!(40));
    assert_eq!(periods[1].capex, dec!(4));
    assert_eq!(periods[1].free_cash_flow, dec!(-59));
    assert_eq!(
        column(periods, 3, |p| p.depreciation),
        vec![dec!(10), dec!(15.1), dec!(15.2)]
    );
    assert_eq!(
        column(periods, 3, |p| p.ebit),
        vec![dec!(-25), dec!(9.9), dec!(9.8)]
    );
    assert_eq!(periods[9].depreciation, dec!(15.8));
    assert_eq!(periods[10].depreciation, dec!(10.9));
    assert_eq!(periods[10].ebit, dec!(14.1));

    // The charge stops at the net book value: 10 of assets over 1 year, no capex, is
    // 2.5 a quarter for four quarters, then nothing.
    let mut short = plain_company(8);
    short.depreciation.method = DepreciationMethod::AssetBase;
    short.depreciation.opening_assets = dec!(10);
    short.depreciation.useful_life_years = 1;
    let r = project(&portfolio_of(vec![short]));
    let d = column(&only(&r).periods, 6, |p| p.depreciation);
    assert_eq!(
        d,
        vec![dec!(2.5), dec!(2.5), dec!(2.5), dec!(2.5), dec!(0), dec!(0)]
    );

    // Share of revenue with no share given: D&A equals the capex share, 4 % × 100 = 4.
    c.depreciation = crate::engine::model::Depreciation::default();
    c.levers.clear();
    let r = project(&portfolio_of(vec![c]));
    assert_eq!(only(&r).periods[1].depreciation, dec!(4));
    assert_eq!(only(&r).periods[1].ebit, dec!(21));
}
