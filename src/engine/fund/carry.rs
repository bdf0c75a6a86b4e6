//! Carried interest on the LPs' flows, quarter by quarter, and its settlement at the end
//! of the fund: the escrow and the clawback.
//!
//! Rules (the waterfall itself is at the top of [`crate::engine::waterfall`]; the GP
//! commitment, which pays no carry, at the top of `partners`):
//!
//! 1. **European (whole of fund).** One ledger takes the LPs' calls and their share of
//!    each quarter's distributable proceeds; interim carry is the whole-life entitlement
//!    after the distribution less the carry already paid. ILPA Principles 3.0 ("Waterfall
//!    Structure"): "all-contributions-plus-preferred-return-back-first, i.e., whole of
//!    fund, model is best practice".
//! 2. **Accrued carry** in a quarter is the carry the LPs' share of the gross NAV would
//!    add were it distributed at that quarter end (rounded down to the cent).
//! 3. **Clawback.** At the last date the GP's lifetime entitlement is the waterfall on the
//!    whole life's flows with the LPs' share of the final gross NAV distributed, rounded
//!    to the cent like the carry paid (so arithmetic noise below a cent never books a
//!    clawback). Carry paid above it is the excess, to the cent; the carry
//!    accrued on the final NAV is first cut so that paid plus accrued never exceeds the
//!    entitlement. Always on for a European waterfall; for an American one when its
//!    `clawback` is set.
//! 4. **Escrow.** `escrow_share` of each quarter's interim carry (to the cent) is held in
//!    escrow, not paid to the GP; `carried_interest` still counts it (it is out of the
//!    LPs' distributions), `carry_escrowed` and `escrow_balance` show it. At the end the
//!    escrow first funds the clawback, dollar for dollar (that carry never reached the
//!    GP, so no tax relief applies to it), and what is left is released to the GP.
//!    ILPA Principles 3.0 asks for an escrow of "30% of carry distributions or more" in
//!    deal-by-deal funds.
//! 5. **Net-of-tax clawback.** The part of the excess not covered by the escrow is repaid
//!    by the GP net of its assumed taxes: `× (1 − clawback_tax_rate)`, to the cent; the
//!    rest (`clawback_tax_kept`) stays with the GP. The default rate 0 is ILPA's
//!    preference ("all clawback amounts should be gross of taxes paid"); a rate is the
//!    common LPA term ILPA accepts where gross is impractical, at the GP's actual
//!    marginal rate.
//! 6. The amount returned (escrow plus repayment) is booked on the last date as negative
//!    `carried_interest`, in `clawback`, and added to the LPs' distributions, so LP + GP
//!    distributions + carry equal the distributable proceeds in every quarter.

use super::partners::{lp_distributable, lp_gross_nav};
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;
use crate::engine::waterfall::{Ledger, Terms};

/// Rules 1 and 2; returns the GP's lifetime entitlement (rule 3) before rounding.
pub(super) fn run_european<T: Num>(periods: &mut [FundPeriod<T>], terms: &Terms<T>) -> T {
    let mut ledger = Ledger::new(terms);
    for p in periods.iter_mut() {
        ledger.accrue_quarter(terms);
        ledger.contribute(p.lp_contributions);
        let split = ledger.distribute(lp_distributable(p), terms);
        p.lp_distributions = split.partners;
        p.carried_interest = split.carry;
        p.accrued_carry = ledger.carry_on(lp_gross_nav(p), terms);
    }
    let final_nav = periods.last().map_or(T::zero(), lp_gross_nav);
    ledger.entitlement(final_nav, terms)
}

/// The settlement terms in the projection's number type.
#[derive(Debug, Clone, Copy)]
pub(super) struct Settlement<T> {
    /// Share of interim carry held in escrow.
    pub escrow_share: T,
    /// The GP's assumed tax rate on carry it repays.
    pub clawback_tax_rate: T,
}

/// Rules 3–6: the escrow through the life and, when `entitlement` is given, the clawback
/// on the last date.
pub(super) fn settle<T: Num>(periods: &mut [FundPeriod<T>], entitlement: Option<T>, terms: Settlement<T>) {
    let zero = T::zero();
    let mut balance = zero;
    let mut paid = zero;
    for p in periods.iter_mut() {
        let deposit = if p.carried_interest > zero {
            (terms.escrow_share * p.carried_interest).round_money()
        } else {
            zero
        };
        p.carry_escrowed = deposit;
        balance += deposit;
        p.escrow_balance = balance;
        paid += p.carried_interest;
    }
    let Some(last) = periods.last_mut() else { return };
    if let Some(entitlement) = entitlement {
        let kept_at_most = entitlement.round_money();
        last.accrued_carry = last.accrued_carry.min_of((kept_at_most - paid).max_of(zero));
        let excess = paid - kept_at_most;
        if excess > zero {
            let from_escrow = excess.min_of(balance);
            let rest = excess - from_escrow;
            let repaid = (rest * (T::one() - terms.clawback_tax_rate)).round_money();
            let returned = from_escrow + repaid;
            last.carried_interest -= returned;
            last.lp_distributions += returned;
            last.clawback = returned;
            last.clawback_tax_kept = rest - repaid;
            last.carry_escrowed -= from_escrow;
            balance -= from_escrow;
        }
    }
    last.carry_escrowed -= balance;
    last.escrow_balance = zero;
}

#[cfg(test)]
mod tests;
