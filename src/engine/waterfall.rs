//! The distribution waterfall: return of contributed capital, preferred return, GP
//! catch-up, then the carry split.
//!
//! A [`Ledger`] tracks one pool of capital (the whole fund for a European waterfall, one
//! deal for an American one). Contributions raise both the capital outstanding and the
//! hurdle account; the hurdle account compounds at the preferred return each quarter
//! (`(1 + p)^(1/4)` a quarter, so it compounds annually on every anniversary); each
//! distribution pays the tiers in order.

use super::num::Num;

/// The economic terms of the waterfall, in the projection's number type.
#[derive(Debug, Clone, Copy)]
pub struct Terms<T> {
    /// The GP's share of profits (fraction: 0.2 is 20 %).
    pub carry_rate: T,
    /// `(1 + preferred return)^(1/4)`.
    pub hurdle_quarter_factor: T,
    /// Share of catch-up-tier distributions going to the GP.
    pub gp_catch_up: T,
}

/// The split of one distribution.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Split<T> {
    /// To the partners (LPs and the GP commitment).
    pub partners: T,
    /// Carried interest to the GP.
    pub carry: T,
}

/// Running state of one waterfall.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ledger<T> {
    /// Contributed capital not yet returned.
    pub capital_outstanding: T,
    /// Capital outstanding plus preferred return accrued and not yet paid.
    pub hurdle_account: T,
    /// Distributions to partners above the return of capital.
    pub partner_profit: T,
    /// Carry paid to the GP.
    pub carry_paid: T,
}

impl<T: Num> Ledger<T> {
    /// Partners pay in `amount`.
    pub fn contribute(&mut self, amount: T) {
        self.capital_outstanding += amount;
        self.hurdle_account += amount;
    }

    /// One quarter of preferred return accrues.
    pub fn accrue_quarter(&mut self, terms: &Terms<T>) {
        if self.hurdle_account > T::zero() {
            self.hurdle_account = self.hurdle_account * terms.hurdle_quarter_factor;
        }
    }

    /// Splits `amount` between partners and GP, tier by tier, and books it.
    pub fn distribute(&mut self, amount: T, terms: &Terms<T>) -> Split<T> {
        let zero = T::zero();
        if amount <= zero {
            return Split::default();
        }
        let mut left = amount;
        let mut carry = zero;

        // 1. Return of contributed capital.
        let capital = left.min_of(self.capital_outstanding.max_of(zero));
        self.capital_outstanding -= capital;
        self.hurdle_account -= capital;
        left -= capital;

        // 2. Preferred return on capital outstanding.
        let preferred = left.min_of(self.hurdle_account.max_of(zero));
        self.hurdle_account -= preferred;
        self.partner_profit += preferred;
        left -= preferred;

        // 3. GP catch-up until the GP holds carry_rate of all profit distributed.
        let c = terms.carry_rate;
        let s = terms.gp_catch_up;
        if left > zero && s > c {
            let shortfall = c * (self.partner_profit + self.carry_paid) - self.carry_paid;
            if shortfall > zero {
                let tier = (shortfall / (s - c)).min_of(left);
                let to_gp = tier * s;
                carry += to_gp;
                self.carry_paid += to_gp;
                self.partner_profit += tier - to_gp;
                left -= tier;
            }
        }

        // 4. Carry split of the rest.
        if left > zero {
            let to_gp = left * c;
            carry += to_gp;
            self.carry_paid += to_gp;
            self.partner_profit += left - to_gp;
        }
        // Carry is booked to the cent; partners get exactly what the GP does not, so the
        // split adds up to the amount distributed.
        let carry = carry.round_money();
        Split {
            partners: amount - carry,
            carry,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use rust_decimal::dec;

    fn terms(carry: Decimal, pref: Decimal, catch_up: Decimal) -> Terms<Decimal> {
        Terms {
            carry_rate: carry,
            hurdle_quarter_factor: (Decimal::ONE + pref).fourth_root().unwrap_or(Decimal::ONE),
            gp_catch_up: catch_up,
        }
    }

    #[test]
    fn european_textbook_example_lp_110m_gp_15m() {
        // Contributed 50M, proceeds 125M after 5 years, 8% preferred compounding annually,
        // 100% catch-up, 20% carry. By hand: capital 50; pref 50 × (1.08^5 − 1) =
        // 23.4664; catch-up until GP = 20% of profit; profit 75 → GP 15, LP 50 + 60 = 110.
        let t = terms(dec!(0.20), dec!(0.08), dec!(1));
        let mut ledger = Ledger::default();
        ledger.contribute(dec!(50_000_000));
        for _ in 0..20 {
            ledger.accrue_quarter(&t);
        }
        let split = ledger.distribute(dec!(125_000_000), &t);
        assert!((split.partners - dec!(110_000_000)).abs() < dec!(0.000001));
        assert!((split.carry - dec!(15_000_000)).abs() < dec!(0.000001));
        assert_eq!(split.partners + split.carry, dec!(125_000_000));
    }

    #[test]
    fn below_the_hurdle_the_gp_gets_nothing() {
        // 100 in, 5 years at 8%: hurdle 146.93; 140 back is all capital and pref.
        let t = terms(dec!(0.20), dec!(0.08), dec!(1));
        let mut ledger = Ledger::default();
        ledger.contribute(dec!(100));
        for _ in 0..20 {
            ledger.accrue_quarter(&t);
        }
        let split = ledger.distribute(dec!(140), &t);
        assert_eq!(split.carry, Decimal::ZERO);
        assert_eq!(split.partners, dec!(140));
    }

    #[test]
    fn partial_catch_up_splits_the_catch_up_tier() {
        // 100 in with 10 of preferred return accrued, 150 out, 80% catch-up, 20% carry.
        // By hand: capital 100, pref 10; catch-up y solves 0.8y = 0.2(10 + y) → y = 10/3
        // (GP 8/3, partners 2/3); the remaining 110/3 splits 80/20 (GP 22/3).
        // GP total 8/3 + 22/3 = 10 = 20% of the 50 profit.
        let t = Terms {
            carry_rate: dec!(0.2),
            hurdle_quarter_factor: Decimal::ONE,
            gp_catch_up: dec!(0.8),
        };
        let mut ledger = Ledger::default();
        ledger.contribute(dec!(100));
        ledger.hurdle_account += dec!(10); // pretend 10 of preferred return accrued
        let split = ledger.distribute(dec!(150), &t);
        assert!((split.carry - dec!(10)).abs() < dec!(0.0000001));
        assert_eq!(split.partners + split.carry, dec!(150));
    }

    #[test]
    fn distributions_in_instalments_match_one_lump() {
        let t = terms(dec!(0.20), dec!(0.08), dec!(1));
        let mut one = Ledger::default();
        one.contribute(dec!(1000));
        let mut many = one;
        let lump = one.distribute(dec!(2500), &t);
        let mut carry = Decimal::ZERO;
        for _ in 0..25 {
            carry += many.distribute(dec!(100), &t).carry;
        }
        assert!((lump.carry - carry).abs() < dec!(0.000001));
        assert_eq!(lump.carry, dec!(300)); // 20% of 1500 profit, no time for the pref to bind
    }
}
