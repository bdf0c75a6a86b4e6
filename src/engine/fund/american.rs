//! The American (deal-by-deal) waterfall on the LPs' flows.
//!
//! Rules (ILPA Principles 3.0, "Waterfall Structure", for models other than whole of
//! fund: "return of all realized cost for a given investment with continuous makeup of
//! partial unrealized impairments and write-offs, and return of all fees and expenses to
//! date"):
//!
//! 1. **Each deal's ledger** takes the LPs' share of its cheque and follow-ons when they
//!    are paid, and of its proceeds when they are received; the waterfall of
//!    [`crate::engine::waterfall`] (pref, catch-up, split, tiers measured on the deal)
//!    runs on it.
//! 2. **Fees and expenses** (`AmericanCapital::DealFeesAndRealisedLosses`, the default):
//!    each quarter's LP fees and the LPs' share of fund expenses are added to the capital
//!    of the deals open that quarter (acquired in or before it, finally exited in or after
//!    it, not written off), in proportion to each deal's cost contributed to date (its
//!    cheque and follow-ons so far). Fees of a quarter with no deal open wait for the next
//!    quarter that has one (fees before the first deal go to the first deals); fees after
//!    the last exit sit in no deal (the whole-fund clawback covers them).
//! 3. **Realised losses first**: a deal is realised at its final exit and written off in a
//!    quarter it is held at a mark of zero; its capital not returned (cost and fee share
//!    less what its ledger distributed, pref not included) joins a pool of losses. Every
//!    later distribution of any deal repays that pool first, without pref, before the
//!    deal's own ledger sees the rest. A written-off deal's ledger starts afresh (so
//!    proceeds it later makes, after the pool, are profit).
//! 4. **All contributed capital first** (`AmericanCapital::AllContributedCapital`, the
//!    stricter variant): deal ledgers and the pool of losses as in rules 1–3, and in
//!    addition carry a deal earns is paid only out of the part of a quarter's
//!    distribution by which the LPs' distributions to date, net of carry, exceed every
//!    call they have paid to date (no pref in this test); carry that cannot be paid yet
//!    waits and is paid from later distributions.
//! 5. **Accrued carry** is each held deal's carry if sold at its mark (the LPs' share),
//!    after the pool of losses is taken out of the marks in deal order; in the stricter
//!    variant, the waiting carry plus that, within the room the test of rule 4 would leave
//!    were the NAV distributed.
//! 6. A whole-fund ledger runs alongside on the LPs' calls and distributable proceeds;
//!    its lifetime entitlement caps the carry when the clawback is on.

use super::partners::{lp_distributable, lp_gross_nav};
use crate::engine::model::AmericanCapital;
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;
use crate::engine::waterfall::{Ledger, Terms, floor_money};

/// What the deal ledgers need of the projected deals.
pub(super) struct DealBook<'a, T> {
    /// Each deal's `(quarter, amount)` flows: cheques and follow-ons negative, proceeds
    /// positive (100 % of the fund's share).
    pub flows: &'a [Vec<(usize, T)>],
    /// Each deal's fund equity value in each quarter.
    pub navs: &'a [Vec<T>],
    /// Each deal's acquisition and final-exit quarters.
    pub held: Vec<(usize, usize)>,
    /// `1 − gp_commitment_share`: the LPs' share of every deal flow and of expenses.
    pub lp_share: T,
}

struct DealLedger<T> {
    ledger: Ledger<T>,
    cost_to_date: T,
    closed: bool,
}

struct American<'a, T> {
    terms: &'a Terms<T>,
    book: &'a DealBook<'a, T>,
    capital: AmericanCapital,
    deals: Vec<DealLedger<T>>,
    losses: T,
    unallocated_fees: T,
    whole: Ledger<T>,
    waiting_carry: T,
    carry_paid: T,
    lp_received: T,
}

/// Runs the deal ledgers over `periods`; returns the whole-fund lifetime entitlement
/// (rule 6) before rounding.
pub(super) fn run_american<T: Num>(
    periods: &mut [FundPeriod<T>],
    terms: &Terms<T>,
    book: &DealBook<'_, T>,
    capital: AmericanCapital,
) -> T {
    let mut run = American {
        terms,
        book,
        capital,
        deals: book
            .flows
            .iter()
            .map(|_| DealLedger {
                ledger: Ledger::new(terms),
                cost_to_date: T::zero(),
                closed: false,
            })
            .collect(),
        losses: T::zero(),
        unallocated_fees: T::zero(),
        whole: Ledger::new(terms),
        waiting_carry: T::zero(),
        carry_paid: T::zero(),
        lp_received: T::zero(),
    };
    for (q, p) in periods.iter_mut().enumerate() {
        run.quarter(q, p);
    }
    let final_nav = periods.last().map_or(T::zero(), lp_gross_nav);
    run.whole.entitlement(final_nav, terms)
}

impl<T: Num> American<'_, T> {
    fn quarter(&mut self, q: usize, p: &mut FundPeriod<T>) {
        let terms = self.terms;
        self.whole.accrue_quarter(terms);
        self.whole.contribute(p.lp_contributions);
        for deal in &mut self.deals {
            deal.ledger.accrue_quarter(terms);
        }
        self.contribute_costs(q);
        self.allocate_fees(q, p.management_fees + p.fund_expenses * self.book.lp_share);
        let deal_carry = self.distribute(q);
        let lp_gross = lp_distributable(p);
        self.lp_received += lp_gross;
        self.whole.record_distribution(lp_gross);
        let carry = match self.capital {
            AmericanCapital::DealFeesAndRealisedLosses => deal_carry,
            AmericanCapital::AllContributedCapital => {
                self.waiting_carry += deal_carry;
                let room = self.lp_received - self.carry_paid - self.whole.contributed;
                let pay = self
                    .waiting_carry
                    .min_of(room.max_of(T::zero()))
                    .min_of(lp_gross.max_of(T::zero()));
                self.waiting_carry -= pay;
                pay
            }
        };
        self.carry_paid += carry;
        self.realise_losses(q);
        p.carried_interest = carry;
        p.lp_distributions = lp_gross - carry;
        p.accrued_carry = self.accrued(q, lp_gross_nav(p));
    }

    /// Rule 1: the LPs' share of this quarter's cheques and follow-ons.
    fn contribute_costs(&mut self, q: usize) {
        let lp_share = self.book.lp_share;
        for (deal, flows) in self.deals.iter_mut().zip(self.book.flows) {
            for (_, amount) in flows.iter().filter(|(at, a)| *at == q && *a < T::zero()) {
                let cost = -*amount * lp_share;
                deal.ledger.contribute(cost);
                deal.cost_to_date += cost;
            }
        }
    }

    fn is_open(&self, i: usize, q: usize) -> bool {
        let held = self
            .book
            .held
            .get(i)
            .is_some_and(|&(from, to)| from <= q && q <= to);
        held && self.deals.get(i).is_some_and(|d| !d.closed)
    }

    /// Rule 2: this quarter's fees and expenses (and any waiting) to the open deals.
    fn allocate_fees(&mut self, q: usize, fees: T) {
        self.unallocated_fees += fees;
        let open: Vec<usize> = (0..self.deals.len()).filter(|&i| self.is_open(i, q)).collect();
        let key: T = open
            .iter()
            .filter_map(|&i| self.deals.get(i))
            .map(|d| d.cost_to_date)
            .sum();
        if key <= T::zero() {
            return;
        }
        let fees = self.unallocated_fees;
        for i in open {
            if let Some(deal) = self.deals.get_mut(i) {
                deal.ledger.contribute(fees * deal.cost_to_date / key);
            }
        }
        self.unallocated_fees = T::zero();
    }

    /// Rules 1 and 3: this quarter's proceeds, the pool of losses first; returns the
    /// deals' carry.
    fn distribute(&mut self, q: usize) -> T {
        let terms = self.terms;
        let lp_share = self.book.lp_share;
        let mut carry = T::zero();
        for (deal, flows) in self.deals.iter_mut().zip(self.book.flows) {
            for (_, amount) in flows.iter().filter(|(at, a)| *at == q && *a > T::zero()) {
                let mut proceeds = *amount * lp_share;
                let recovered = proceeds.min_of(self.losses.max_of(T::zero()));
                self.losses -= recovered;
                proceeds -= recovered;
                carry += deal.ledger.distribute(proceeds, terms).carry;
            }
        }
        carry
    }

    /// Rule 3: deals finally exited this quarter, or held at a mark of zero, join the
    /// pool with the capital they did not return.
    fn realise_losses(&mut self, q: usize) {
        for (i, deal) in self.deals.iter_mut().enumerate() {
            let Some(&(from, to)) = self.book.held.get(i) else {
                continue;
            };
            let mark = self
                .book
                .navs
                .get(i)
                .and_then(|n| n.get(q))
                .copied()
                .unwrap_or_default();
            let written_off = from <= q && q < to && mark <= T::zero() && deal.cost_to_date > T::zero();
            if deal.closed || !(q == to || written_off) {
                continue;
            }
            let lost = (deal.ledger.contributed - deal.ledger.distributed).max_of(T::zero());
            self.losses += lost;
            deal.closed = true;
            if written_off {
                deal.ledger = Ledger::new(self.terms);
            }
        }
    }

    /// Rule 5.
    fn accrued(&self, q: usize, lp_nav: T) -> T {
        let zero = T::zero();
        let mut losses_left = self.losses.max_of(zero);
        let mut accrued = zero;
        for (deal, navs) in self.deals.iter().zip(self.book.navs) {
            let mark = navs.get(q).copied().unwrap_or(zero) * self.book.lp_share;
            if mark <= zero {
                continue;
            }
            let to_losses = mark.min_of(losses_left);
            losses_left -= to_losses;
            accrued += deal.ledger.carry_on(mark - to_losses, self.terms);
        }
        if self.capital == AmericanCapital::AllContributedCapital {
            let room = self.lp_received + lp_nav - self.carry_paid - self.whole.contributed;
            accrued = (accrued + self.waiting_carry).min_of(room.max_of(zero));
        }
        floor_money(accrued)
    }
}
