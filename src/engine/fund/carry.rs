//! Carried interest through the fund's waterfall, quarter by quarter: European (whole
//! fund) or American (deal by deal, with an optional clawback), and the final true-up.

use crate::engine::num::Num;
use crate::engine::results::FundPeriod;
use crate::engine::waterfall::{Ledger, Terms};

/// Whole fund: one ledger takes every contribution and distribution; the carry accrued
/// each quarter is what a liquidation at that quarter's gross NAV would pay.
pub(super) fn run_european<T: Num>(periods: &mut [FundPeriod<T>], terms: &Terms<T>) {
    let mut ledger = Ledger::default();
    for p in periods.iter_mut() {
        ledger.accrue_quarter(terms);
        ledger.contribute(p.contributions);
        let split = ledger.distribute(p.distributable_proceeds(), terms);
        p.distributions = split.partners;
        p.carried_interest = split.carry;
        p.accrued_carry = ledger.clone().distribute(p.gross_nav, terms).carry;
    }
}

/// Deal by deal: each deal's ledger holds its own cheque and follow-ons; fees and
/// expenses sit in no deal. A whole-fund ledger runs alongside; the carry it would have
/// paid over the life (with a liquidation at the final NAV) is returned for the clawback.
pub(super) fn run_american<T: Num>(
    periods: &mut [FundPeriod<T>],
    terms: &Terms<T>,
    deal_flows: &[Vec<(usize, T)>],
    deal_navs: &[Vec<T>],
) -> T {
    let zero = T::zero();
    let mut deals = vec![Ledger::<T>::default(); deal_flows.len()];
    let mut whole_fund = Ledger::<T>::default();
    for (q, p) in periods.iter_mut().enumerate() {
        whole_fund.accrue_quarter(terms);
        whole_fund.contribute(p.contributions);
        whole_fund.distribute(p.distributable_proceeds(), terms);
        let mut carry = zero;
        let mut accrued = zero;
        for ((ledger, flows), navs) in deals.iter_mut().zip(deal_flows).zip(deal_navs) {
            ledger.accrue_quarter(terms);
            for (_, amount) in flows.iter().filter(|(at, a)| *at == q && *a < zero) {
                ledger.contribute(-*amount);
            }
            for (_, amount) in flows.iter().filter(|(at, a)| *at == q && *a > zero) {
                carry += ledger.distribute(*amount, terms).carry;
            }
            let value = navs.get(q).copied().unwrap_or(zero);
            if value > zero {
                accrued += ledger.clone().distribute(value, terms).carry;
            }
        }
        p.distributions = p.distributable_proceeds() - carry;
        p.carried_interest = carry;
        p.accrued_carry = accrued;
    }
    let final_nav = periods.last().map_or(zero, |p| p.gross_nav);
    whole_fund.carry_paid + whole_fund.clone().distribute(final_nav, terms).carry
}

/// The GP clawback at the end of the fund: carry paid plus carry accrued on the final NAV
/// may not exceed the carry rate times the fund's lifetime profit (nor, when given, the
/// whole-fund carry `cap`). Any excess returns to the partners on the last date.
pub(super) fn final_true_up<T: Num>(periods: &mut [FundPeriod<T>], terms: &Terms<T>, cap: Option<T>) {
    let zero = T::zero();
    let contributed: T = periods.iter().map(|p| p.contributions).sum();
    let proceeds: T = periods.iter().map(FundPeriod::distributable_proceeds).sum();
    let paid: T = periods.iter().map(|p| p.carried_interest).sum();
    let Some(last) = periods.last_mut() else { return };
    let profit = (proceeds + last.gross_nav - contributed).max_of(zero);
    let mut entitlement = terms.carry_rate * profit;
    if let Some(cap) = cap {
        entitlement = entitlement.min_of(cap);
    }
    let excess = paid + last.accrued_carry - entitlement;
    if excess > zero {
        let from_paid = excess.min_of(paid.max_of(zero));
        last.carried_interest -= from_paid;
        last.distributions += from_paid;
        last.accrued_carry -= excess - from_paid;
    }
}
