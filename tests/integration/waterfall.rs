//! Issue 12's waterfall against figures worked out by hand: the whole-life clawback (with
//! a net-of-tax rate and an escrow), American ledgers with fees and realised losses, a
//! multiple hurdle, tiered carry, and the GP commitment free of fees and carry.
//!
//! The test fund: first close 2020-01-01 (quarter q ends on the q-th quarter end from
//! 2020-03-31), a ten-year term, no fee or expenses unless a test says so, 20 % carry,
//! an 8 % preferred return compounding annually, a full catch-up, no GP commitment unless
//! a test says so. A deal of revenue `R` has a 20 % margin, 5× entry and no debt, tax or
//! costs, and capex equal to EBITDA: its cheque is `R` and its proceeds are the exit
//! multiple × `0.2 R`.

use chrono::NaiveDate;
use millwright::engine::defaults::{blank_portfolio, template_company};
use millwright::engine::fund::{Detail, project};
use millwright::engine::model::{
    AmericanCapital, CarryTier, Company, CostPools, FixedCosts, HurdleKind, ManagementPool, Portfolio,
    Waterfall, WorkingCapital,
};
use millwright::engine::results::FundResult;
use rust_decimal::{Decimal, dec};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn deal(
    name: &str,
    revenue: Decimal,
    acquired: NaiveDate,
    exit: NaiveDate,
    exit_multiple: Decimal,
) -> Company {
    let mut c = template_company("Stage I", acquired, exit);
    c.name = name.into();
    c.entry_revenue = revenue;
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
    c.transaction_fee = Decimal::ZERO;
    c.monitoring_fee = Decimal::ZERO;
    c.exit_multiple = exit_multiple;
    c.exit_costs = Decimal::ZERO;
    c.management_pool = ManagementPool::default();
    c
}

fn fund(companies: Vec<Company>) -> Portfolio {
    let mut p = blank_portfolio(d(2020, 1, 1));
    let f = &mut p.fund;
    f.commitment = dec!(100_000_000);
    f.gp_commitment_share = Decimal::ZERO;
    f.investment_period_years = 1;
    f.term_years = 10;
    f.extension_years = 0;
    f.management_fee_rate = Decimal::ZERO;
    f.post_investment_fee_rate = Some(Decimal::ZERO);
    f.organisational_expenses = Decimal::ZERO;
    f.annual_expenses = Decimal::ZERO;
    f.carry_rate = dec!(0.2);
    f.preferred_return = dec!(0.08);
    f.gp_catch_up = Decimal::ONE;
    f.waterfall = Waterfall::European;
    p.companies = companies;
    p
}

fn run(p: &Portfolio) -> FundResult {
    project(p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

fn carry_by_quarter(r: &FundResult) -> Vec<Decimal> {
    r.periods.iter().map(|p| p.carried_interest).collect()
}

/// Deal A: 10M in q0 (2020-01-15), 20M back in q4 (2021-02-15, 10× on 2M). Deal B: 20M
/// in q5 (2021-04-15), 14M back in q25 (2026-05-15, 3.5× on 4M).
fn interim_carry_then_below_the_hurdle() -> Portfolio {
    fund(vec![
        deal("A", dec!(10_000_000), d(2020, 1, 15), d(2021, 2, 15), dec!(10)),
        deal("B", dec!(20_000_000), d(2021, 4, 15), d(2026, 5, 15), dec!(3.5)),
    ])
}

#[test]
fn a_european_fund_that_ends_below_its_hurdle_pays_no_carry_over_its_life() {
    // q4: A's 20M against 10M × 1.08 = 10.8M of capital and pref; catch-up
    // 0.2 × 0.8 / 0.8 = 0.2M, then 20% of the last 9M = 1.8M: interim carry 2.0M.
    // Whole life: 30M in, 34M back. Hurdle account: 10.8 − 20 = −9.2 at q4, + 20 = 10.8
    // at q5, × 1.08^5 by q25 = 15.87; pref owed ≥ 0.8 + 5.07, so partners need ≥ 35.87M
    // before any carry: lifetime carry 0, clawback = the 2.0M of interim carry. (The old
    // true-up capped carry at 20% of the 4M profit and let the GP keep 0.8M.)
    let r = run(&interim_carry_then_below_the_hurdle());
    assert_eq!(carry_by_quarter(&r)[4], dec!(2_000_000));
    let last = r.periods.last().cloned().unwrap_or_default();
    assert_eq!(last.clawback, dec!(2_000_000));
    assert_eq!(last.carried_interest, dec!(-2_000_000));
    assert_eq!(r.metrics.carried_interest, Decimal::ZERO);
    assert_eq!(r.metrics.lp_distributed, dec!(34_000_000));
    assert_eq!(r.metrics.gp.clawback, dec!(2_000_000));
}

#[test]
fn a_net_of_tax_clawback_returns_seventy_percent_at_a_thirty_percent_rate() {
    // The same fund; the GP repays the 2.0M excess net of 30% tax: 1.4M, keeping 0.6M.
    let mut p = interim_carry_then_below_the_hurdle();
    p.fund.carry_terms.clawback_tax_rate = dec!(0.3);
    let r = run(&p);
    let last = r.periods.last().cloned().unwrap_or_default();
    assert_eq!(last.clawback, dec!(1_400_000));
    assert_eq!(last.clawback_tax_kept, dec!(600_000));
    assert_eq!(r.metrics.carried_interest, dec!(600_000));
    assert_eq!(r.metrics.lp_distributed, dec!(33_400_000));
}

#[test]
fn an_escrow_holds_a_fifth_of_interim_carry_and_funds_the_clawback_first() {
    // 20% escrow: 0.4M of q4's 2.0M is held until the end. Clawback 2.0M: 0.4M from the
    // escrow, 1.6M repaid by the GP. With a 30% tax as well: 0.4 + 1.6 × 0.7 = 1.52M.
    let mut p = interim_carry_then_below_the_hurdle();
    p.fund.carry_terms.escrow_share = dec!(0.2);
    let r = run(&p);
    assert_eq!(r.periods[4].carry_escrowed, dec!(400_000));
    assert_eq!(r.periods[38].escrow_balance, dec!(400_000));
    let last = r.periods.last().cloned().unwrap_or_default();
    assert_eq!(last.clawback, dec!(2_000_000));
    assert_eq!(last.carry_escrowed, dec!(-400_000));
    assert_eq!(last.escrow_balance, Decimal::ZERO);
    p.fund.carry_terms.clawback_tax_rate = dec!(0.3);
    let taxed = run(&p);
    assert_eq!(taxed.periods.last().map(|l| l.clawback), Some(dec!(1_520_000)));
}

/// Two 10M deals bought in q0 (2020-01-15); 2% on 100M in the one-year investment period
/// (500,000 in each of q0–q3), none after; no preferred return. `first` exits in q8
/// (2022-02-15), `second` in q12 (2023-02-15).
fn american(
    first: (&str, Decimal),
    second: (&str, Decimal),
    capital: AmericanCapital,
    clawback: bool,
) -> Portfolio {
    let mut p = fund(vec![
        deal(first.0, dec!(10_000_000), d(2020, 1, 15), d(2022, 2, 15), first.1),
        deal(
            second.0,
            dec!(10_000_000),
            d(2020, 1, 15),
            d(2023, 2, 15),
            second.1,
        ),
    ]);
    p.fund.management_fee_rate = dec!(0.02);
    p.fund.preferred_return = Decimal::ZERO;
    p.fund.waterfall = Waterfall::American { clawback };
    p.fund.carry_terms.american_capital = capital;
    p
}

#[test]
fn american_ledgers_carry_their_share_of_fees() {
    // Each quarter's 500,000 fee goes half to each deal (equal cost to date): each deal's
    // capital is 10M + 4 × 250,000 = 11M. Winner (10× → 20M) exits first: carry
    // 20% × (20 − 11) = 1.8M (2.0M with fees left out, the old rule). The loser (2.5× →
    // 5M) pays none. With the clawback: whole fund 22M in, 25M back, carry 0.6M, so
    // 1.2M comes back at the end.
    let deal_fees = AmericanCapital::DealFeesAndRealisedLosses;
    let r = run(&american(
        ("Win", dec!(10)),
        ("Lose", dec!(2.5)),
        deal_fees,
        false,
    ));
    assert_eq!(carry_by_quarter(&r)[8], dec!(1_800_000));
    assert_eq!(r.metrics.carried_interest, dec!(1_800_000));
    let r = run(&american(("Win", dec!(10)), ("Lose", dec!(2.5)), deal_fees, true));
    assert_eq!(r.periods.last().map(|l| l.clawback), Some(dec!(1_200_000)));
    assert_eq!(r.metrics.carried_interest, dec!(600_000));
}

#[test]
fn american_ledgers_recover_realised_losses_first() {
    // The loser exits first (q8): 5M back on 11M, a 6M realised loss. The winner's 20M
    // (q12) repays the 6M first; its own ledger sees 14M on 11M: carry 0.6M.
    let deal_fees = AmericanCapital::DealFeesAndRealisedLosses;
    let r = run(&american(
        ("Lose", dec!(2.5)),
        ("Win", dec!(10)),
        deal_fees,
        false,
    ));
    assert_eq!(carry_by_quarter(&r)[8], Decimal::ZERO);
    assert_eq!(carry_by_quarter(&r)[12], dec!(600_000));
}

#[test]
fn all_contributed_capital_first_defers_the_winners_carry() {
    // Winner first (q8): its 1.8M of carry waits, as 20M back is short of the 22M called.
    // q12: 25M back against 22M called leaves room for 3M; the 1.8M is paid out of the
    // loser's 5M.
    let strict = AmericanCapital::AllContributedCapital;
    let r = run(&american(("Win", dec!(10)), ("Lose", dec!(2.5)), strict, false));
    assert_eq!(carry_by_quarter(&r)[8], Decimal::ZERO);
    assert_eq!(carry_by_quarter(&r)[12], dec!(1_800_000));
}

/// One 10M deal, q0 to q4 (2021-02-15), at `exit_multiple` on 2M of EBITDA.
fn one_deal(exit_multiple: Decimal) -> Portfolio {
    fund(vec![deal(
        "Only",
        dec!(10_000_000),
        d(2020, 1, 15),
        d(2021, 2, 15),
        exit_multiple,
    )])
}

#[test]
fn a_multiple_hurdle_and_the_higher_of_both() {
    // 16M back after a year on 10M. IRR hurdle: 10 + 0.8 pref, catch-up 0.2, 20% of the
    // last 5M = 1.0: carry 1.2M. 1.5× multiple: partners 15M first, then the catch-up
    // takes the last 1M (its tier would be 0.2 × 5 / 0.8 = 1.25): carry 1.0M. Higher:
    // the 5M multiple pref beats the 0.8M IRR pref: 1.0M.
    let mut p = one_deal(dec!(8));
    assert_eq!(run(&p).metrics.carried_interest, dec!(1_200_000));
    p.fund.carry_terms.hurdle_multiple = dec!(1.5);
    p.fund.carry_terms.hurdle = HurdleKind::Multiple;
    assert_eq!(run(&p).metrics.carried_interest, dec!(1_000_000));
    p.fund.carry_terms.hurdle = HurdleKind::Higher;
    assert_eq!(run(&p).metrics.carried_interest, dec!(1_000_000));
}

#[test]
fn tiered_carry_25_percent_above_a_two_and_a_half_times_net_multiple() {
    // 40M back after a year on 10M. Capital 10 + pref 0.8; catch-up 0.2; at 20% partners
    // go from 10.8 to 25 (2.5× net) over 14.2 / 0.8 = 17.75 (GP 3.55); the last
    // 40 − 10.8 − 0.2 − 17.75 = 11.25 pays 25%: 2.8125. GP 0.2 + 3.55 + 2.8125 = 6.5625M.
    let mut p = one_deal(dec!(20));
    p.fund.carry_terms.tiers = vec![CarryTier {
        above_net_multiple: Some(dec!(2.5)),
        above_net_irr: None,
        rate: dec!(0.25),
    }];
    let r = run(&p);
    assert_eq!(r.metrics.carried_interest, dec!(6_562_500));
    assert_eq!(r.metrics.lp_distributed, dec!(33_437_500));
}

#[test]
fn the_gp_commitment_pays_no_fee_and_no_carry() {
    // 1% GP commitment; 2% on 100M in the one-year investment period, on the LPs' 99%:
    // 495,000 in each of q0–q3 (1.98M). One 10M deal, 20M back in q4.
    // GP commitment: 1% of the cheque in (100,000), 1% of the proceeds out (200,000), no
    // fee, no carry: 2.0×. LPs: 9.9M + 1.98M = 11.88M in, 19.8M into their waterfall;
    // their pref (≈0.89M) and catch-up are covered, so carry is 20% of their profit
    // 19.8 − 11.88 = 7.92M: 1,584,000. LPs receive 18,216,000: TVPI 18.216 / 11.88.
    // GP economics: fees 1.98M + carry 1.584M + 0.1M on its commitment = 3.664M.
    let mut p = one_deal(dec!(10));
    p.fund.gp_commitment_share = dec!(0.01);
    p.fund.management_fee_rate = dec!(0.02);
    let r = run(&p);
    let m = &r.metrics;
    assert_eq!(m.management_fees, dec!(1_980_000));
    assert_eq!(m.carried_interest, dec!(1_584_000));
    assert_eq!(m.lp_paid_in, dec!(11_880_000));
    assert_eq!(m.lp_distributed, dec!(18_216_000));
    assert_eq!(m.tvpi, Some(dec!(18.216) / dec!(11.88)));
    assert_eq!(m.gp.commitment_paid_in, dec!(100_000));
    assert_eq!(m.gp.commitment_distributed, dec!(200_000));
    assert_eq!(m.gp.commitment_multiple, Some(dec!(2)));
    assert_eq!(m.gp.total, dec!(3_664_000));
    assert_eq!(r.periods[4].gp_distributions, dec!(200_000));
    assert_eq!(r.periods[0].gp_contributions, dec!(100_000));
    assert_eq!(r.periods[1].gp_contributions, Decimal::ZERO);
}
