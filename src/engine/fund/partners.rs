//! The GP commitment as its own capital account beside the LPs'.
//!
//! Rules (ILPA Principles 3.0, "GP Commitment and Ownership": the GP's commitment is
//! contributed in cash and invests pari passu through the fund; the ILPA Model LPA charges
//! the management fee and the carry to the limited partners only):
//!
//! 1. **No fee on the GP commitment.** Fees are charged first on the whole fund (see
//!    `fees`); then each quarter's fee is re-scaled to the LPs' share,
//!    `fee × (1 − gp_commitment_share)` rounded to the cent, and the call falls by what
//!    was waived ([`waive_gp_fees`], run right after the fees, before recycling and the
//!    credit line, so those see the fee LPs pay).
//! 2. **Calls.** The GP commitment owes `gp_commitment_share` of deal cheques, follow-ons
//!    and fund expenses; LPs owe the rest and every fee. Calls actually made (after
//!    recycling and a credit line re-time them) are split in the proportion of these
//!    obligations to date: the GP's cumulative call is the fund's cumulative call times
//!    its share of the obligations to date, rounded to the cent, and its call in a
//!    quarter is the change in that; LPs pay the rest of the quarter's call.
//! 3. **Distributions.** The GP commitment receives `gp_commitment_share` of each
//!    quarter's distributable proceeds (to the cent), free of carry; the LPs' share (the
//!    rest) goes through the waterfall. Its NAV is the same share of the gross NAV.
//! 4. **LP NAV** is the LPs' share of the gross NAV less the carry accrued on it.

use crate::engine::model::FundTerms;
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;

/// Rule 1: each quarter's management fee re-scaled to the LPs' share; the call falls by
/// what is waived.
pub(super) fn waive_gp_fees<T: Num>(fund: &FundTerms, periods: &mut [FundPeriod<T>]) {
    let lp_share = T::one() - T::from_dec(fund.gp_commitment_share);
    for p in periods {
        let lp_fee = (p.management_fees * lp_share).round_money();
        let waived = p.management_fees - lp_fee;
        p.management_fees = lp_fee;
        p.contributions -= waived;
    }
}

/// Rules 2 and 3: the LP and GP shares of each quarter's calls, and the GP commitment's
/// distributions and NAV.
pub(super) fn split_calls_and_proceeds<T: Num>(fund: &FundTerms, periods: &mut [FundPeriod<T>]) {
    let zero = T::zero();
    let share = T::from_dec(fund.gp_commitment_share);
    let mut obligations = zero;
    let mut gp_obligations = zero;
    let mut called = zero;
    let mut gp_called = zero;
    for p in periods {
        let invested_and_expenses = p.deal_equity + p.follow_ons + p.fund_expenses;
        obligations += invested_and_expenses + p.management_fees;
        gp_obligations += share * invested_and_expenses;
        called += p.contributions;
        let gp_to_date = if obligations > zero {
            (called * gp_obligations / obligations).round_money()
        } else {
            zero
        };
        p.gp_contributions = gp_to_date - gp_called;
        gp_called = gp_to_date;
        p.lp_contributions = p.contributions - p.gp_contributions;
        p.gp_distributions = (share * p.distributable_proceeds()).round_money();
        p.gp_nav = (share * p.gross_nav).round_money();
    }
}

/// The LPs' share of a quarter's distributable proceeds (what their waterfall splits).
pub(super) fn lp_distributable<T: Num>(p: &FundPeriod<T>) -> T {
    p.distributable_proceeds() - p.gp_distributions
}

/// The LPs' share of a quarter's gross NAV (what accrued carry is measured on).
pub(super) fn lp_gross_nav<T: Num>(p: &FundPeriod<T>) -> T {
    p.gross_nav - p.gp_nav
}

/// Rule 4, and the partners' totals once the waterfall has run.
pub(super) fn finish<T: Num>(periods: &mut [FundPeriod<T>]) {
    for p in periods {
        p.distributions = p.lp_distributions + p.gp_distributions;
        p.lp_nav = p.gross_nav - p.gp_nav - p.accrued_carry;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::defaults;
    use rust_decimal::Decimal;
    use rust_decimal::dec;

    #[test]
    fn the_gp_commitment_pays_no_fee_and_its_share_of_the_rest() {
        // 1% GP commitment. A quarter with a 2,000,000 fee and a 10,000,000 cheque:
        // LP fee 2,000,000 × 0.99 = 1,980,000 (20,000 waived); the call 12,000,000 falls
        // to 11,980,000. GP owes 1% of the cheque, 100,000; LPs the other 11,880,000.
        let mut fund = defaults::blank_portfolio(chrono::NaiveDate::default()).fund;
        fund.gp_commitment_share = dec!(0.01);
        let mut periods = vec![FundPeriod::<Decimal> {
            deal_equity: dec!(10_000_000),
            management_fees: dec!(2_000_000),
            contributions: dec!(12_000_000),
            gross_proceeds: dec!(3_000_000),
            gross_nav: dec!(10_000_000),
            ..FundPeriod::default()
        }];
        waive_gp_fees(&fund, &mut periods);
        split_calls_and_proceeds(&fund, &mut periods);
        let p = &periods[0];
        assert_eq!(p.management_fees, dec!(1_980_000));
        assert_eq!(p.contributions, dec!(11_980_000));
        assert_eq!(p.gp_contributions, dec!(100_000));
        assert_eq!(p.lp_contributions, dec!(11_880_000));
        assert_eq!(p.gp_distributions, dec!(30_000));
        assert_eq!(lp_distributable(p), dec!(2_970_000));
        assert_eq!(p.gp_nav, dec!(100_000));
    }
}
