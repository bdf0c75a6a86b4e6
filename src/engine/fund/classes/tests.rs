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

use crate::engine::defaults::blank_portfolio;
use crate::engine::fund::{Detail, project};
use crate::engine::model::{Close, Company, LpClass, Portfolio};
use crate::engine::results::FundResult;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

pub(super) fn deal(name: &str, acquired: NaiveDate, exit: NaiveDate, exit_multiple: Decimal) -> Company {
    crate::engine::fixtures::plain_deal(name, acquired, exit, exit_multiple)
}

/// The test fund with one deal bought in quarter 0 and sold in quarter 11 at 10× (20M).
pub(super) fn test_fund() -> Portfolio {
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

/// A class with the fund's terms.
pub(super) fn class(name: &str) -> LpClass {
    LpClass {
        name: name.into(),
        investors: 3,
        management_fee_rate: None,
        post_investment_fee_rate: None,
        carry_rate: None,
        preferred_return: None,
    }
}

pub(super) fn close(date: NaiveDate, class: &str, amount: Decimal) -> Close {
    Close {
        date,
        class: class.into(),
        amount,
    }
}

#[test]
fn a_second_close_pays_its_share_of_earlier_calls_with_interest() {
    // "First" closes 60M on 2020-01-01, "Second" 40M on 2020-07-15 (in quarter 2, which
    // ends 2020-09-30); weights 0.6 and 0.4; no GP commitment; fees 0.5 % a quarter on
    // the 100M of commitments in the investment period (500,000), split 300,000 / 200,000.
    // Entitled calls: quarter 0 (deal 10M + fee): First 6,000,000 + 300,000 = 6,300,000,
    // Second 4,000,000 + 200,000 = 4,200,000; quarters 1 and 2: 300,000 and 200,000.
    // Before the second close First pays everything: 10,500,000 and 500,000. In quarter
    // 2 Second pays its own 200,000 and the equalisation 4,200,000 + 200,000 =
    // 4,400,000, in all 4,600,000; First pays 300,000 and is refunded 4,400,000:
    // −4,100,000. Interest at 8 %, actual/365, to 2020-07-15: 4,200,000 from 2020-03-31
    // (30 + 31 + 30 + 15 = 106 days) and 200,000 from 2020-06-30 (15 days):
    // (4,200,000 × 106 + 200,000 × 15) × 0.08 / 365 = 448,200,000 × 0.08 / 365 =
    // 35,856,000 / 365 = 98,235.616… → 98,235.62, all to First.
    let mut p = test_fund();
    p.fund.investors.classes = vec![class("First"), class("Second")];
    p.fund.investors.closes = vec![
        close(d(2020, 1, 1), "First", dec!(60_000_000)),
        close(d(2020, 7, 15), "Second", dec!(40_000_000)),
    ];
    let r = run(&p);
    let plain = run(&test_fund());
    let (first, second) = (&r.classes[0], &r.classes[1]);
    assert_eq!(
        (first.commitment, second.commitment),
        (dec!(60_000_000), dec!(40_000_000))
    );
    let contributed = |c: &crate::engine::results::ClassResult, q: usize| c.periods[q].contributed;
    assert_eq!(contributed(first, 0), dec!(10_500_000));
    assert_eq!(contributed(second, 0), Decimal::ZERO);
    assert_eq!(contributed(first, 1), dec!(500_000));
    assert_eq!(contributed(first, 2), dec!(-4_100_000));
    assert_eq!(contributed(second, 2), dec!(4_600_000));
    assert_eq!(second.periods[2].equalisation, dec!(4_400_000));
    assert_eq!(first.periods[2].equalisation, dec!(-4_400_000));
    assert_eq!(second.periods[2].equalisation_interest, dec!(98_235.62));
    assert_eq!(first.periods[2].equalisation_interest, dec!(-98_235.62));
    assert_eq!(second.metrics.equalisation_interest_paid, dec!(98_235.62));
    assert_eq!(first.metrics.equalisation_interest_received, dec!(98_235.62));
    // After the close each has paid its entitled calls: 6,900,000 and 4,600,000.
    assert_eq!(first.periods[2].contributed_to_date, dec!(6_900_000));
    assert_eq!(second.periods[2].contributed_to_date, dec!(4_600_000));
    // Commitments admitted and unfunded: Second has none before its close.
    assert_eq!(
        (second.periods[1].commitment, second.periods[1].unfunded),
        (Decimal::ZERO, Decimal::ZERO)
    );
    assert_eq!(first.periods[0].unfunded, dec!(49_500_000));
    assert_eq!(second.periods[2].unfunded, dec!(35_400_000));
    // The deal is held at its 10M cost: First holds all the NAV before the close, 60 %
    // after it; fees split 300,000 / 200,000 every quarter of the investment period.
    assert_eq!(
        (first.periods[1].nav, second.periods[1].nav),
        (dec!(10_000_000), Decimal::ZERO)
    );
    assert_eq!(
        (first.periods[2].nav, second.periods[2].nav),
        (dec!(6_000_000), dec!(4_000_000))
    );
    assert_eq!(
        (
            first.periods[0].management_fees,
            second.periods[0].management_fees
        ),
        (dec!(300_000), dec!(200_000))
    );
    // No class has its own fee rate: the fund's fees are as without classes.
    for (a, b) in r.periods.iter().zip(&plain.periods) {
        assert_eq!(a.management_fees, b.management_fees);
        assert_eq!(a.lp_contributions, b.lp_contributions);
    }
}

#[test]
fn an_anchor_class_pays_its_lower_fee_and_the_fund_fee_is_the_sum() {
    // Anchor 40M at 1.5 %, Standard 60M at the fund's 2 %, both at the first close. In the
    // investment period (quarters 0–3) the fees are 0.015 / 4 × 0.4 × 100M = 150,000 and
    // 0.02 / 4 × 0.6 × 100M = 300,000, the fund's 450,000. After it the basis is the net
    // invested capital, 10M (quarters 4–10; none in 11, after the sale), and the Anchor,
    // with no post-investment rate in the fund, keeps its 1.5 %: 15,000 and 30,000, the
    // fund's 45,000. Over the life: Anchor 4 × 150,000 + 7 × 15,000 = 705,000, Standard
    // 4 × 300,000 + 7 × 30,000 = 1,410,000, the fund 2,115,000. The Anchor's first call:
    // 0.4 × 10M + 150,000 = 4,150,000.
    let mut p = test_fund();
    let mut anchor = class("Anchor");
    anchor.management_fee_rate = Some(dec!(0.015));
    p.fund.investors.classes = vec![anchor, class("Standard")];
    p.fund.investors.closes = vec![
        close(d(2020, 1, 1), "Anchor", dec!(40_000_000)),
        close(d(2020, 1, 1), "Standard", dec!(60_000_000)),
    ];
    let r = run(&p);
    let (anchor, standard) = (&r.classes[0], &r.classes[1]);
    assert_eq!(r.periods[0].management_fees, dec!(450_000));
    assert_eq!(r.periods[4].management_fees, dec!(45_000));
    assert_eq!(
        (
            anchor.periods[0].management_fees,
            standard.periods[0].management_fees
        ),
        (dec!(150_000), dec!(300_000))
    );
    assert_eq!(
        (
            anchor.periods[4].management_fees,
            standard.periods[4].management_fees
        ),
        (dec!(15_000), dec!(30_000))
    );
    assert_eq!(anchor.metrics.management_fees, dec!(705_000));
    assert_eq!(standard.metrics.management_fees, dec!(1_410_000));
    assert_eq!(r.metrics.management_fees, dec!(2_115_000));
    assert_eq!(anchor.periods[0].contributed, dec!(4_150_000));
    assert_eq!(standard.periods[0].contributed, dec!(6_300_000));
}

#[test]
fn an_anchor_class_with_a_lower_carry_pays_less_and_the_fund_carry_is_the_sum() {
    // No preferred return (so no catch-up tier): carry is the rate on the profit. Fees:
    // 4 × 500,000 in the investment period, then 0.5 % of the 10M invested in quarters
    // 4–10, 7 × 50,000 = 350,000: calls 10M + 2,350,000 = 12,350,000, half from each
    // class (50M each): 6,175,000. The sale at 10× returns 20M in quarter 11, 10M to each
    // class. Anchor at 10 %: (10,000,000 − 6,175,000) × 0.1 = 382,500; Standard at the
    // fund's 20 %: 765,000; the fund's carry 1,147,500. No NAV is above the calls before
    // the sale, so no carry accrues.
    let mut p = test_fund();
    p.fund.preferred_return = Decimal::ZERO;
    let mut anchor = class("Anchor");
    anchor.carry_rate = Some(dec!(0.1));
    p.fund.investors.classes = vec![anchor, class("Standard")];
    p.fund.investors.closes = vec![
        close(d(2020, 1, 1), "Anchor", dec!(50_000_000)),
        close(d(2020, 1, 1), "Standard", dec!(50_000_000)),
    ];
    let r = run(&p);
    let (anchor, standard) = (&r.classes[0], &r.classes[1]);
    assert_eq!(r.metrics.lp_paid_in, dec!(12_350_000));
    assert_eq!(anchor.metrics.paid_in, dec!(6_175_000));
    assert_eq!(anchor.metrics.carried_interest, dec!(382_500));
    assert_eq!(standard.metrics.carried_interest, dec!(765_000));
    assert_eq!(r.metrics.carried_interest, dec!(1_147_500));
    assert_eq!(r.periods[11].carried_interest, dec!(1_147_500));
    assert_eq!(anchor.periods[11].distributed, dec!(9_617_500));
    assert_eq!(standard.periods[11].distributed, dec!(9_235_000));
    assert_eq!(r.periods[11].lp_distributions, dec!(18_852_500));
}
