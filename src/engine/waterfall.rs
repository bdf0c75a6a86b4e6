//! The distribution waterfall as a whole-life ledger: return of contributed capital, the
//! preferred return, the GP catch-up, then the carry split (and any higher tiers).
//!
//! Rules (sources: ILPA Principles 3.0, "Waterfall Structure" and "Clawback", 2019; the
//! ILPA Model LPA, whole-of-fund version, 2020):
//!
//! 1. **Lifetime carry is the waterfall applied to the whole life's flows.** A [`Ledger`]
//!    holds every contribution and every distribution made into it. The GP's
//!    *entitlement* at any moment is what the four tiers give the GP on the aggregate:
//!    partners first receive all capital contributed ([`Ledger::contributed`]) and the
//!    preferred return, then the catch-up, then the split. Interim carry on a
//!    distribution is the entitlement after it less the carry already paid (never
//!    negative); the clawback at the end is the carry paid above the entitlement on the
//!    whole life (with the final NAV distributed), so a fund below its hurdle over its
//!    life pays no carry (Model LPA: the GP returns distributions "in excess of" what the
//!    whole-of-fund waterfall gives it).
//! 2. **Preferred return as an IRR** (`HurdleKind::Irr`): a hurdle account takes each
//!    contribution and compounds at `(1 + p)^(1/4)` each quarter while positive (annual
//!    compounding on every anniversary, as before); each distribution, in full, reduces
//!    it. On the aggregate every distribution counts as the partners' (carry clawed back
//!    is theirs), so the account measures the partners' return at the fund's timing. The
//!    preferred return owed is the sum of the quarterly accruals. A surplus (account
//!    below zero) earns nothing and nets against later contributions — whole of fund.
//!    ILPA: the pref runs "from the date capital is called ... to the point of
//!    distribution".
//! 3. **Preferred return as a multiple** (`HurdleKind::Multiple`): partners first receive
//!    `hurdle_multiple ×` capital contributed, i.e. a preferred return of
//!    `(hurdle_multiple − 1) ×` contributed (none below 1×). `HurdleKind::Higher` takes
//!    whichever of the IRR and the multiple amounts is larger.
//! 4. **Catch-up**: the GP receives `gp_catch_up` of the next distributions until it holds
//!    `carry_rate` of the profit distributed so far (the preferred return plus the
//!    catch-up tier): the tier is `carry_rate × pref / (gp_catch_up − carry_rate)`. No
//!    catch-up when `gp_catch_up ≤ carry_rate`.
//! 5. **Split and tiers**: the rest is split `carry_rate` to the GP. A tier starts once the
//!    partners' distributions *net of carry* reach its threshold, and from there the GP's
//!    share of further distributions is the tier's rate (no catch-up at a tier). A
//!    threshold is measured as the partners' net amount it takes: a net multiple `M` is
//!    `M ×` capital contributed; a net IRR `r` is capital contributed plus the return
//!    accrued on a hurdle account at `r` (kept like the preferred return's, rule 2); a tier
//!    giving both needs both (the larger amount). Tiers are taken in order; a tier whose
//!    threshold partners have already passed applies from the start of the split.
//! 6. **To the cent**: carry paid on a distribution, the lifetime entitlement the
//!    clawback is measured against and so the clawback itself are booked rounded to the
//!    cent (half away from zero): the GP keeps at most its entitlement to within half a
//!    cent. Accrued carry (a NAV figure) is rounded down to the cent.

use super::model::{FundTerms, HurdleKind};
use super::num::Num;

/// One carry tier in the projection's number type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tier<T> {
    /// Net multiple of contributed capital partners must have received.
    pub above_multiple: Option<T>,
    /// `(1 + net IRR)^(1/4)` partners must have earned.
    pub above_irr_quarter_factor: Option<T>,
    /// The GP's share of distributions once the threshold is passed.
    pub rate: T,
}

/// The economic terms of the waterfall, in the projection's number type.
#[derive(Debug, Clone, PartialEq)]
pub struct Terms<T> {
    /// The GP's share of profits (fraction: 0.2 is 20 %).
    pub carry_rate: T,
    /// `(1 + preferred return)^(1/4)`.
    pub hurdle_quarter_factor: T,
    /// Share of catch-up-tier distributions going to the GP.
    pub gp_catch_up: T,
    /// What the preferred return is measured as.
    pub hurdle: HurdleKind,
    /// Multiple of contributed capital partners receive first (multiple hurdles).
    pub hurdle_multiple: T,
    /// Tiers above the base rate, in order.
    pub tiers: Vec<Tier<T>>,
}

impl<T: Num> Terms<T> {
    /// A plain IRR-hurdle waterfall without tiers.
    pub fn simple(carry_rate: T, hurdle_quarter_factor: T, gp_catch_up: T) -> Self {
        Self {
            carry_rate,
            hurdle_quarter_factor,
            gp_catch_up,
            hurdle: HurdleKind::Irr,
            hurdle_multiple: T::one(),
            tiers: Vec::new(),
        }
    }

    /// The fund's terms; `None` when the preferred return or a tier's IRR is at or below
    /// −100 % (no quarterly rate).
    pub fn from_fund(fund: &FundTerms) -> Option<Self> {
        let quarterly = |annual| (T::one() + T::from_dec(annual)).fourth_root();
        let terms = &fund.carry_terms;
        let tiers = terms
            .tiers
            .iter()
            .map(|t| {
                let irr = match t.above_net_irr {
                    Some(r) => Some(quarterly(r)?),
                    None => None,
                };
                Some(Tier {
                    above_multiple: t.above_net_multiple.map(T::from_dec),
                    above_irr_quarter_factor: irr,
                    rate: T::from_dec(t.rate),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            carry_rate: T::from_dec(fund.carry_rate),
            hurdle_quarter_factor: quarterly(fund.preferred_return)?,
            gp_catch_up: T::from_dec(fund.gp_catch_up),
            hurdle: terms.hurdle,
            hurdle_multiple: T::from_dec(terms.hurdle_multiple),
            tiers,
        })
    }
}

/// The split of one distribution.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Split<T> {
    /// To the partners whose ledger this is.
    pub partners: T,
    /// Carried interest to the GP.
    pub carry: T,
}

/// A hurdle account at some rate: balance (capital plus return not yet distributed) and
/// the return accrued on it over the life.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HurdleAccount<T> {
    /// Contributions plus accrued return less distributions (negative: a surplus).
    pub balance: T,
    /// Sum of the quarterly accruals.
    pub accrued: T,
}

impl<T: Num> HurdleAccount<T> {
    fn accrue(&mut self, quarter_factor: T) {
        if self.balance > T::zero() {
            let growth = self.balance * (quarter_factor - T::one());
            self.balance += growth;
            self.accrued += growth;
        }
    }
}

/// Running state of one waterfall over the whole life (see the module doc).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger<T> {
    /// Capital contributed into the ledger so far.
    pub contributed: T,
    /// Distributions (before carry) made from it so far.
    pub distributed: T,
    /// The preferred return's hurdle account.
    pub hurdle: HurdleAccount<T>,
    /// One hurdle account per tier (used by tiers with an IRR threshold).
    pub tier_accounts: Vec<HurdleAccount<T>>,
    /// Carry paid to the GP from this ledger.
    pub carry_paid: T,
}

impl<T: Num> Ledger<T> {
    /// An empty ledger for `terms`.
    pub fn new(terms: &Terms<T>) -> Self {
        Self {
            tier_accounts: vec![HurdleAccount::default(); terms.tiers.len()],
            ..Self::default()
        }
    }

    /// Partners pay in `amount`.
    pub fn contribute(&mut self, amount: T) {
        self.contributed += amount;
        self.hurdle.balance += amount;
        for account in &mut self.tier_accounts {
            account.balance += amount;
        }
    }

    /// One quarter of return accrues on every hurdle account.
    pub fn accrue_quarter(&mut self, terms: &Terms<T>) {
        self.hurdle.accrue(terms.hurdle_quarter_factor);
        for (account, tier) in self.tier_accounts.iter_mut().zip(&terms.tiers) {
            if let Some(factor) = tier.above_irr_quarter_factor {
                account.accrue(factor);
            }
        }
    }

    /// Records `amount` distributed without paying carry on it (a ledger kept only for
    /// its entitlement).
    pub fn record_distribution(&mut self, amount: T) {
        self.distributed += amount;
        self.hurdle.balance -= amount;
        for account in &mut self.tier_accounts {
            account.balance -= amount;
        }
    }

    /// Distributes `amount`: the carry is the entitlement after it less the carry paid
    /// (rule 1), to the cent; partners get the rest.
    pub fn distribute(&mut self, amount: T, terms: &Terms<T>) -> Split<T> {
        if amount <= T::zero() {
            return Split::default();
        }
        let owed = (self.entitlement(amount, terms) - self.carry_paid).max_of(T::zero());
        let carry = owed.min_of(amount).round_money();
        self.record_distribution(amount);
        self.carry_paid += carry;
        Split {
            partners: amount - carry,
            carry,
        }
    }

    /// Carry the GP would be owed on top of what it was paid if `value` more were
    /// distributed now (accrued carry on a NAV), rounded down to the cent.
    pub fn carry_on(&self, value: T, terms: &Terms<T>) -> T {
        floor_money((self.entitlement(value, terms) - self.carry_paid).max_of(T::zero()))
    }

    /// The preferred return partners are owed before the catch-up (rules 2 and 3).
    pub fn preferred_return(&self, terms: &Terms<T>) -> T {
        let zero = T::zero();
        let multiple = ((terms.hurdle_multiple - T::one()) * self.contributed).max_of(zero);
        let irr = self.hurdle.accrued.max_of(zero);
        match terms.hurdle {
            HurdleKind::Irr => irr,
            HurdleKind::Multiple => multiple,
            HurdleKind::Higher => irr.max_of(multiple),
        }
    }

    /// Partners' net distributions at which tier `index` starts (rule 5).
    fn tier_threshold(&self, tier: &Tier<T>, account: Option<&HurdleAccount<T>>) -> T {
        let by_multiple = tier.above_multiple.map(|m| m * self.contributed);
        let by_irr = tier
            .above_irr_quarter_factor
            .map(|_| self.contributed + account.map_or(T::zero(), |a| a.accrued.max_of(T::zero())));
        match (by_multiple, by_irr) {
            (Some(a), Some(b)) => a.max_of(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => T::zero(),
        }
    }

    /// The GP's whole-life entitlement were `extra` distributed on top of what has been
    /// (rules 1–5), before rounding.
    pub fn entitlement(&self, extra: T, terms: &Terms<T>) -> T {
        let zero = T::zero();
        let one = T::one();
        let capital = self.contributed.max_of(zero);
        let pref = self.preferred_return(terms);
        let mut left = self.distributed + extra - capital - pref;
        if left <= zero {
            return zero;
        }
        let mut partners = capital + pref;
        let mut gp = zero;
        let (c, s) = (terms.carry_rate, terms.gp_catch_up);
        if s > c {
            let tier = (c * pref / (s - c)).min_of(left);
            gp += s * tier;
            partners += tier - s * tier;
            left -= tier;
        }
        let mut rate = c;
        for (i, tier) in terms.tiers.iter().enumerate() {
            if left <= zero {
                break;
            }
            let threshold = self.tier_threshold(tier, self.tier_accounts.get(i));
            if partners < threshold && rate < one {
                let span = ((threshold - partners) / (one - rate)).min_of(left);
                gp += rate * span;
                partners += span - rate * span;
                left -= span;
            }
            rate = tier.rate;
        }
        if left > zero {
            gp += rate * left;
        }
        gp
    }
}

/// `value` rounded down to the cent (unchanged for `f64`, which does not round).
pub fn floor_money<T: Num>(value: T) -> T {
    let rounded = value.round_money();
    if rounded > value {
        rounded - T::from_dec(rust_decimal::Decimal::new(1, 2))
    } else {
        rounded
    }
}

#[cfg(test)]
mod tests;
