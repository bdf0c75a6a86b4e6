//! Each class's fees, its entitled (equalised) flows and its own waterfall (rules 2–4 at
//! the top of [`super`]).

use super::LpClasses;
use super::book::ClassBook;
use crate::engine::fund::partners::{lp_distributable, lp_gross_nav};
use crate::engine::fund::{Deals, ProjectError, carry_waterfall};
use crate::engine::model::FundTerms;
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;
use crate::engine::waterfall::Terms;

/// Each class's own run of the waterfall: its entitled flows and what its waterfall made
/// of them, one list of periods per class (`lp_contributions` its entitled call,
/// `management_fees` its fee, `gross_proceeds` and `gross_nav` its entitled shares,
/// `lp_distributions`, `carried_interest`, `accrued_carry` and the settlement fields its
/// waterfall's).
#[derive(Debug, Clone, PartialEq)]
pub(in crate::engine::fund) struct ClassRuns<T> {
    /// The periods of each class, in the book's order.
    pub periods: Vec<Vec<FundPeriod<T>>>,
}

/// `total` split in proportion to `weights`, each share to the cent, the remainder on the
/// largest weight (the first of equals); all of it on the first when the weights do not
/// sum above zero.
pub(super) fn split_to_cent<T: Num>(total: T, weights: &[T]) -> Vec<T> {
    let zero = T::zero();
    let sum: T = weights.iter().copied().sum();
    let mut shares: Vec<T> = weights
        .iter()
        .map(|&w| {
            if sum > zero {
                (total * w / sum).round_money()
            } else {
                zero
            }
        })
        .collect();
    let largest = if sum > zero {
        weights
            .iter()
            .enumerate()
            .fold((0, zero), |best, (i, &w)| if w > best.1 { (i, w) } else { best })
            .0
    } else {
        0
    };
    let remainder = total - shares.iter().copied().sum::<T>();
    if let Some(share) = shares.get_mut(largest) {
        *share += remainder;
    }
    shares
}

/// Rule 2: each class's fee after the GP waiver and the offsets in each quarter — the LPs'
/// fee split in proportion to the classes' fees before offset (`before_offset`, one list
/// per class), or to their weights when no class has a rate of its own or a quarter's fees
/// before offset are nil.
pub(super) fn class_fees<T: Num>(
    book: &ClassBook,
    before_offset: Option<&[Vec<T>]>,
    periods: &[FundPeriod<T>],
) -> Vec<Vec<T>> {
    let weights: Vec<T> = book.classes.iter().map(|c| T::from_dec(c.weight)).collect();
    let mut fees = vec![Vec::with_capacity(periods.len()); book.classes.len()];
    for (q, p) in periods.iter().enumerate() {
        let quarter: Option<Vec<T>> = before_offset.map(|by_class| {
            by_class
                .iter()
                .map(|f| f.get(q).copied().unwrap_or_default())
                .collect()
        });
        let key = match quarter {
            Some(k) if k.iter().copied().sum::<T>() > T::zero() => k,
            _ => weights.clone(),
        };
        for (class, share) in fees.iter_mut().zip(split_to_cent(p.management_fees, &key)) {
            class.push(share);
        }
    }
    fees
}

/// Rule 3: each class's entitled call in each quarter, by the cumulative split of the LPs'
/// calls in proportion to the obligations to date (the last class takes the remainder).
fn entitled_calls<T: Num>(
    book: &ClassBook,
    lp_share: T,
    fees: &[Vec<T>],
    periods: &[FundPeriod<T>],
) -> Vec<Vec<T>> {
    let zero = T::zero();
    let n = book.classes.len();
    let weights: Vec<T> = book.classes.iter().map(|c| T::from_dec(c.weight)).collect();
    let mut obligations = vec![zero; n];
    let mut called_to_date = vec![zero; n];
    let mut lp_obligations = zero;
    let mut lp_called = zero;
    let mut calls = vec![Vec::with_capacity(periods.len()); n];
    for (q, p) in periods.iter().enumerate() {
        let shared = lp_share * (p.deal_equity + p.follow_ons + p.fund_expenses);
        lp_obligations += shared + p.management_fees;
        lp_called += p.lp_contributions;
        for (c, owed) in obligations.iter_mut().enumerate() {
            let weight = weights.get(c).copied().unwrap_or(zero);
            let fee = fees.get(c).and_then(|f| f.get(q)).copied().unwrap_or(zero);
            *owed += weight * shared + fee;
        }
        let mut assigned = zero;
        for c in 0..n {
            let to_date = if c + 1 == n {
                lp_called - assigned
            } else {
                let owed = obligations.get(c).copied().unwrap_or(zero);
                let weight = weights.get(c).copied().unwrap_or(zero);
                let share = (lp_called * owed)
                    .checked_div(lp_obligations)
                    .filter(|_| lp_obligations > zero)
                    .unwrap_or(lp_called * weight);
                share.round_money()
            };
            assigned += to_date;
            if let (Some(list), Some(before)) = (calls.get_mut(c), called_to_date.get_mut(c)) {
                list.push(to_date - *before);
                *before = to_date;
            }
        }
    }
    calls
}

/// Rules 3 and 4: when the book does not run the waterfall once (see
/// [`ClassBook::runs_once`]), each class's entitled flows through its own waterfall, and
/// the fund's carry, LP distributions, accrued carry and settlement fields set to the
/// sums over classes; `None` (and nothing done) otherwise.
pub(in crate::engine::fund) fn run_by_class<T: Num>(
    fund: &FundTerms,
    terms: &Terms<T>,
    lp_classes: &LpClasses<T>,
    deals: &Deals<T>,
    periods: &mut [FundPeriod<T>],
) -> Result<Option<ClassRuns<T>>, ProjectError> {
    let book = &lp_classes.book;
    if book.runs_once(fund) {
        return Ok(None);
    }
    let lp_share = T::one() - T::from_dec(fund.gp_commitment_share);
    let fees = class_fees(book, lp_classes.fees_before_offset.as_deref(), periods);
    let calls = entitled_calls(book, lp_share, &fees, periods);
    let weights: Vec<T> = book.classes.iter().map(|c| T::from_dec(c.weight)).collect();
    let mut runs: Vec<Vec<FundPeriod<T>>> = vec![Vec::with_capacity(periods.len()); book.classes.len()];
    for (q, p) in periods.iter().enumerate() {
        let proceeds = split_to_cent(lp_distributable(p), &weights);
        let navs = split_to_cent(lp_gross_nav(p), &weights);
        for (c, run) in runs.iter_mut().enumerate() {
            let get = |list: &[T]| list.get(c).copied().unwrap_or_default();
            run.push(FundPeriod {
                date: p.date,
                fund_expenses: p.fund_expenses,
                management_fees: fees.get(c).and_then(|f| f.get(q)).copied().unwrap_or_default(),
                lp_contributions: calls.get(c).and_then(|f| f.get(q)).copied().unwrap_or_default(),
                gross_proceeds: get(&proceeds),
                gross_nav: get(&navs),
                ..FundPeriod::default()
            });
        }
    }
    for (class, run) in book.classes.iter().zip(runs.iter_mut()) {
        let mut class_terms = terms.clone();
        if let Some(rate) = class.carry_rate {
            class_terms.carry_rate = T::from_dec(rate);
        }
        if let Some(pref) = class.preferred_return {
            class_terms.hurdle_quarter_factor = (T::one() + T::from_dec(pref))
                .fourth_root()
                .ok_or(ProjectError::PreferredReturn)?;
        }
        carry_waterfall(
            fund,
            &class_terms,
            deals,
            lp_share * T::from_dec(class.weight),
            run,
        );
    }
    add_up(&runs, periods);
    Ok(Some(ClassRuns { periods: runs }))
}

/// The fund's waterfall figures as the sums over the classes' runs (rule 4).
fn add_up<T: Num>(runs: &[Vec<FundPeriod<T>>], periods: &mut [FundPeriod<T>]) {
    for (q, p) in periods.iter_mut().enumerate() {
        let sum = |f: fn(&FundPeriod<T>) -> T| runs.iter().filter_map(|run| run.get(q)).map(f).sum::<T>();
        p.lp_distributions = sum(|c| c.lp_distributions);
        p.carried_interest = sum(|c| c.carried_interest);
        p.accrued_carry = sum(|c| c.accrued_carry);
        p.clawback = sum(|c| c.clawback);
        p.clawback_tax_kept = sum(|c| c.clawback_tax_kept);
        p.carry_escrowed = sum(|c| c.carry_escrowed);
        p.escrow_balance = sum(|c| c.escrow_balance);
    }
}
