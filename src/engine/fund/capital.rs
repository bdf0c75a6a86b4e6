//! Capital: calls held to the commitment, and the commitment still uncalled.
//!
//! Rules (each a modelling choice, stated so a reviewer can check it):
//!
//! **The limit on calls.** Capital called from partners to date — the running sum of
//! `FundPeriod::contributions`: deal cheques, follow-ons, management fees and fund
//! expenses, after whatever recycling or a credit line already took out of them — may
//! not exceed the commitment plus the amounts recycled to date ([`recycled`]). Reaching
//! the commitment exactly is allowed. A plan that needs more is a validation error
//! (`engine::validate`), checked on the projection because the calls depend on it; the
//! engine does not trim calls to fit, it refuses the plan and says what overruns.
//!
//! **Uncalled commitment** at each quarter end: the commitment plus the amounts recycled
//! to date, less the capital called to date, never below zero.
//!
//! **What overruns.** The overrun is the largest excess of the capital called over the
//! limit, in the first quarter it is reached. The calls that make it are those of the
//! quarters from the first one over the limit to that quarter: each stage's deals (the
//! cheques and follow-ons of its companies), the management fees, the fund expenses, and
//! whatever else the contributions hold (reported as other calls).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::model::FundTerms;
use crate::engine::num::Num;
use crate::engine::results::{FundPeriod, FundResult};

/// The recycled amount of `period` that raises the limit on calls: the hook for recycling
/// (`engine::fund::recycling`). Zero until recycling books amounts that partners may be
/// called for again (recallable distributions); proceeds retained and reinvested instead
/// of called are already out of `contributions` and must not be counted here too.
pub fn recycled<T: Num>(_period: &FundPeriod<T>) -> T {
    T::zero()
}

/// Books `uncalled_commitment` in every quarter (see the module doc).
pub(super) fn book_uncalled<T: Num>(fund: &FundTerms, periods: &mut [FundPeriod<T>]) {
    let mut limit = T::from_dec(fund.commitment);
    let mut called = T::zero();
    for p in periods {
        limit += recycled(p);
        called += p.contributions;
        p.uncalled_commitment = (limit - called).max_of(T::zero());
    }
}

/// What a call beyond the commitment was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallPurpose {
    /// Cheques and follow-ons of the companies of the named stage.
    Deals {
        /// The stage's name.
        stage: String,
    },
    /// Management fees (after offsets).
    ManagementFees,
    /// Fund expenses.
    FundExpenses,
    /// Whatever else the contributions hold.
    Other,
}

/// Calls that go beyond the commitment (see the module doc).
#[derive(Debug, Clone, PartialEq)]
pub struct CallOverrun {
    /// The quarter of the largest overrun.
    pub date: NaiveDate,
    /// Capital called to that quarter.
    pub called: Decimal,
    /// The commitment.
    pub commitment: Decimal,
    /// Amounts recycled to that quarter (raising the limit).
    pub recycled: Decimal,
    /// `called − commitment − recycled`.
    pub overrun: Decimal,
    /// The first quarter over the limit.
    pub first_over: NaiveDate,
    /// The calls from `first_over` to `date`, each purpose once, largest first (amounts
    /// above zero only).
    pub calls: Vec<(CallPurpose, Decimal)>,
}

/// The overrun of `result`'s calls over `commitment` plus recycling, if any.
pub fn call_overrun(result: &FundResult, commitment: Decimal) -> Option<CallOverrun> {
    let mut recycled_to_date = Decimal::ZERO;
    let mut called = Decimal::ZERO;
    let mut first_over: Option<usize> = None;
    let mut worst: Option<(usize, Decimal, Decimal, Decimal)> = None;
    for (q, p) in result.periods.iter().enumerate() {
        recycled_to_date += recycled(p);
        called += p.contributions;
        let excess = called - commitment - recycled_to_date;
        if excess > Decimal::ZERO {
            first_over.get_or_insert(q);
            if worst.is_none_or(|(_, _, _, most)| excess > most) {
                worst = Some((q, called, recycled_to_date, excess));
            }
        }
    }
    let (first, (last, called, recycled, overrun)) = (first_over?, worst?);
    Some(CallOverrun {
        date: result.periods.get(last)?.date,
        called,
        commitment,
        recycled,
        overrun,
        first_over: result.periods.get(first)?.date,
        calls: calls_between(result, first, last),
    })
}

/// The calls of quarters `first..=last` by purpose, largest first.
fn calls_between(result: &FundResult, first: usize, last: usize) -> Vec<(CallPurpose, Decimal)> {
    let window = |q: usize| (first..=last).contains(&q);
    let mut calls: Vec<(CallPurpose, Decimal)> = Vec::new();
    let mut add = |purpose: CallPurpose, amount: Decimal| match calls.iter_mut().find(|(p, _)| *p == purpose)
    {
        Some((_, total)) => *total += amount,
        None => calls.push((purpose, amount)),
    };
    let mut deals = Decimal::ZERO;
    for company in &result.companies {
        let mut amount = Decimal::ZERO;
        if window(company.acquisition_index) {
            amount += company.equity_cheque;
        }
        for (q, period) in company.periods.iter().enumerate() {
            if window(q) {
                amount += period.fund_follow_on;
            }
        }
        deals += amount;
        add(
            CallPurpose::Deals {
                stage: company.stage.clone(),
            },
            amount,
        );
    }
    let periods = result.periods.iter().enumerate().filter(|(q, _)| window(*q));
    let (mut fees, mut expenses, mut contributions) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (_, p) in periods {
        fees += p.management_fees;
        expenses += p.fund_expenses;
        contributions += p.contributions;
    }
    add(CallPurpose::ManagementFees, fees);
    add(CallPurpose::FundExpenses, expenses);
    add(CallPurpose::Other, contributions - deals - fees - expenses);
    calls.retain(|(_, amount)| *amount > Decimal::ZERO);
    // Largest first; a stable sort keeps model order (stages, then fees, expenses) on ties.
    calls.sort_by_key(|(_, amount)| std::cmp::Reverse(*amount));
    calls
}

#[cfg(test)]
pub(super) mod tests;
