//! Closes and equalisation: each class's actual flows from its entitled ones (rule 5 at
//! the top of [`super`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::account::ClassFlows;
use super::book::ClassBook;
use super::entitled::split_to_cent;
use crate::engine::num::Num;

/// A class's entitled figures in one quarter (rules 2–4).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct EntitledQuarter<T> {
    /// Its entitled call.
    pub call: T,
    /// Its fee after the waiver and offsets.
    pub fee: T,
    /// Its entitled distribution, net of its carry.
    pub distribution: T,
    /// Its entitled NAV, net of the carry accrued on it.
    pub nav: T,
    /// Its carry.
    pub carry: T,
}

/// One tranche's entitled call, distribution and NAV in each quarter.
#[derive(Debug, Clone, Default)]
struct TrancheEntitled<T> {
    calls: Vec<T>,
    distributions: Vec<T>,
    navs: Vec<T>,
}

/// One tranche's actual flows in one quarter.
#[derive(Debug, Clone, Copy, Default)]
struct TrancheQuarter<T> {
    contributed: T,
    distributed: T,
    nav: T,
    equalisation: T,
    /// Interest paid less interest received.
    interest: T,
}

/// Each class's entitled flows split among its tranches by commitment (rule 5).
fn tranche_entitled<T: Num>(
    book: &ClassBook,
    entitled: &[Vec<EntitledQuarter<T>>],
    quarters: usize,
) -> Vec<TrancheEntitled<T>> {
    let mut out = vec![TrancheEntitled::default(); book.tranches.len()];
    for (c, class) in entitled.iter().enumerate() {
        let members: Vec<usize> = (0..book.tranches.len())
            .filter(|&t| book.tranches.get(t).is_some_and(|tr| tr.class == c))
            .collect();
        let weights: Vec<T> = members
            .iter()
            .filter_map(|&t| book.tranches.get(t))
            .map(|t| T::from_dec(t.commitment))
            .collect();
        for q in 0..quarters {
            let e = class.get(q).copied().unwrap_or_default();
            let calls = split_to_cent(e.call, &weights);
            let distributions = split_to_cent(e.distribution, &weights);
            let navs = split_to_cent(e.nav, &weights);
            for (i, &t) in members.iter().enumerate() {
                if let Some(o) = out.get_mut(t) {
                    o.calls.push(calls.get(i).copied().unwrap_or_default());
                    o.distributions
                        .push(distributions.get(i).copied().unwrap_or_default());
                    o.navs.push(navs.get(i).copied().unwrap_or_default());
                }
            }
        }
    }
    out
}

/// The running state of equalisation.
struct Equaliser<'a, T> {
    book: &'a ClassBook,
    dates: &'a [NaiveDate],
    rate: Decimal,
    /// Each tranche's entitled flows.
    own: Vec<TrancheEntitled<T>>,
    /// Each tranche's commitment.
    commitments: Vec<T>,
    /// What each tranche paid on behalf of each tranche not yet admitted
    /// (`[payer][beneficiary]`).
    fronted_calls: Vec<Vec<T>>,
    /// What each tranche received on behalf of each tranche not yet admitted.
    fronted_distributions: Vec<Vec<T>>,
}

/// Each class's actual flows in each quarter (rule 5), with its fees and carry (rules 2
/// and 4) as entitled.
pub(super) fn actual_flows<T: Num>(
    book: &ClassBook,
    dates: &[NaiveDate],
    equalisation_rate: Decimal,
    entitled: &[Vec<EntitledQuarter<T>>],
) -> Vec<Vec<ClassFlows<T>>> {
    let zero = T::zero();
    let n = book.tranches.len();
    let mut run = Equaliser {
        book,
        dates,
        rate: equalisation_rate,
        own: tranche_entitled(book, entitled, dates.len()),
        commitments: book.tranches.iter().map(|t| T::from_dec(t.commitment)).collect(),
        fronted_calls: vec![vec![zero; n]; n],
        fronted_distributions: vec![vec![zero; n]; n],
    };
    let mut classes: Vec<Vec<ClassFlows<T>>> = vec![Vec::with_capacity(dates.len()); book.classes.len()];
    for q in 0..dates.len() {
        let mut quarter = vec![TrancheQuarter::default(); n];
        run.admit(q, &mut quarter);
        run.book_quarter(q, &mut quarter);
        for (c, flows) in classes.iter_mut().enumerate() {
            flows.push(class_quarter(book, c, q, &quarter, entitled));
        }
    }
    classes
}

impl<T: Num> Equaliser<'_, T> {
    /// The equalisation at quarter `q` of the tranches admitted in it: the net of what the
    /// earlier tranches fronted, and the interest on the calls fronted.
    fn admit(&mut self, q: usize, quarter: &mut [TrancheQuarter<T>]) {
        let (book, commitments) = (self.book, &self.commitments);
        if q == 0 {
            return;
        }
        let earlier: Vec<usize> = (0..book.tranches.len())
            .filter(|&s| book.tranches.get(s).is_some_and(|t| t.admitted < q))
            .collect();
        for (u, tranche) in book.tranches.iter().enumerate().filter(|(_, t)| t.admitted == q) {
            let mut fronted_calls = Vec::with_capacity(earlier.len());
            for &s in &earlier {
                let call = self
                    .fronted_calls
                    .get(s)
                    .and_then(|r| r.get(u))
                    .copied()
                    .unwrap_or_default();
                let received = self
                    .fronted_distributions
                    .get(s)
                    .and_then(|r| r.get(u))
                    .copied()
                    .unwrap_or_default();
                let net = call - received;
                if let Some(o) = quarter.get_mut(u) {
                    o.equalisation += net;
                }
                if let Some(o) = quarter.get_mut(s) {
                    o.equalisation -= net;
                }
                fronted_calls.push(call.max_of(T::zero()));
            }
            let calls = self.own.get(u).map_or(&[][..], |o| o.calls.as_slice());
            let interest = equalisation_interest(self.rate, tranche.close_date, self.dates, calls, q);
            let by_commitment: Vec<T> = earlier
                .iter()
                .map(|&s| commitments.get(s).copied().unwrap_or_default())
                .collect();
            let key = if fronted_calls.iter().copied().sum::<T>() > T::zero() {
                fronted_calls
            } else {
                by_commitment
            };
            if let Some(o) = quarter.get_mut(u) {
                o.interest += interest;
            }
            for (&s, share) in earlier.iter().zip(split_to_cent(interest, &key)) {
                if let Some(o) = quarter.get_mut(s) {
                    o.interest -= share;
                }
            }
        }
    }

    /// The quarter's own flows of the admitted tranches, and those of the tranches not yet
    /// admitted paid and received by the admitted ones in proportion to their commitments.
    fn book_quarter(&mut self, q: usize, quarter: &mut [TrancheQuarter<T>]) {
        let (book, commitments) = (self.book, &self.commitments);
        let at = |list: &[T]| list.get(q).copied().unwrap_or_default();
        let admitted: Vec<usize> = (0..book.tranches.len())
            .filter(|&t| book.tranches.get(t).is_some_and(|tr| tr.admitted <= q))
            .collect();
        let key: Vec<T> = admitted
            .iter()
            .map(|&t| commitments.get(t).copied().unwrap_or_default())
            .collect();
        for (t, (tranche, entitled)) in book.tranches.iter().zip(&self.own).enumerate() {
            let (call, distribution, nav) = (
                at(&entitled.calls),
                at(&entitled.distributions),
                at(&entitled.navs),
            );
            if tranche.admitted <= q {
                if let Some(o) = quarter.get_mut(t) {
                    o.contributed += call;
                    o.distributed += distribution;
                    o.nav += nav;
                }
                continue;
            }
            let calls = split_to_cent(call, &key);
            let distributions = split_to_cent(distribution, &key);
            let navs = split_to_cent(nav, &key);
            for (i, &s) in admitted.iter().enumerate() {
                let c = calls.get(i).copied().unwrap_or_default();
                let d = distributions.get(i).copied().unwrap_or_default();
                let v = navs.get(i).copied().unwrap_or_default();
                if let Some(o) = quarter.get_mut(s) {
                    o.contributed += c;
                    o.distributed += d;
                    o.nav += v;
                }
                if let Some(cell) = self.fronted_calls.get_mut(s).and_then(|r| r.get_mut(t)) {
                    *cell += c;
                }
                if let Some(cell) = self.fronted_distributions.get_mut(s).and_then(|r| r.get_mut(t)) {
                    *cell += d;
                }
            }
        }
        for o in quarter.iter_mut() {
            o.contributed += o.equalisation;
        }
    }
}

/// Class `c`'s flows in quarter `q`: the sums over its tranches, interest netted within
/// the class, fees and carry as entitled.
fn class_quarter<T: Num>(
    book: &ClassBook,
    c: usize,
    q: usize,
    quarter: &[TrancheQuarter<T>],
    entitled: &[Vec<EntitledQuarter<T>>],
) -> ClassFlows<T> {
    let zero = T::zero();
    let mut flows = ClassFlows::default();
    let mut interest = zero;
    for (tranche, o) in book.tranches.iter().zip(quarter).filter(|(t, _)| t.class == c) {
        if tranche.admitted <= q {
            flows.commitment += T::from_dec(tranche.commitment);
        }
        flows.contributed += o.contributed;
        flows.distributed += o.distributed;
        flows.nav += o.nav;
        flows.equalisation += o.equalisation;
        interest += o.interest;
    }
    flows.interest_paid = interest.max_of(zero);
    flows.interest_received = (-interest).max_of(zero);
    let e = entitled
        .get(c)
        .and_then(|e| e.get(q))
        .copied()
        .unwrap_or_default();
    flows.management_fees = e.fee;
    flows.carried_interest = e.carry;
    flows
}

/// Simple interest at `rate`, actual/365, on each call of the quarters before `admitted`,
/// from that quarter's end to `close_date`, to the cent.
fn equalisation_interest<T: Num>(
    rate: Decimal,
    close_date: NaiveDate,
    dates: &[NaiveDate],
    calls: &[T],
    admitted: usize,
) -> T {
    let call_days: T = dates
        .iter()
        .zip(calls)
        .take(admitted)
        .map(|(&date, &call)| call * T::from_i64((close_date - date).num_days().max(0)))
        .sum();
    (call_days * T::from_dec(rate) / T::from_i64(365)).round_money()
}
