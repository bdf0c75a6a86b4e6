//! The small numeric trait the projection is written against, so one model serves both
//! exact figures ([`Decimal`]) and fast statistical sweeps (`f64`, Monte Carlo and large
//! grids). Every figure shown or exported comes from the `Decimal` instance; `f64`
//! results are estimates and are labelled as such where they appear.

use std::fmt::Debug;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// Decimal places an amount carried from step to step of the projection keeps (1e-8 of a
/// currency unit; booked amounts are rounded to the cent where they are booked).
pub const AMOUNT_DP: u32 = 8;
/// Decimal places a computed factor or share (a ramp fraction, the share of a pool kept
/// after levers, the fixed-cost index) keeps.
pub const FACTOR_DP: u32 = 14;

/// Arithmetic the projection needs. Implemented for [`Decimal`] and `f64`.
pub trait Num:
    Copy
    + Debug
    + PartialOrd
    + Default
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + Sum
    + Send
    + Sync
    + 'static
{
    /// Converts an exact model value into this type.
    fn from_dec(value: Decimal) -> Self;
    /// Converts a small integer (counts of quarters and the like).
    fn from_i64(value: i64) -> Self;
    /// The value as `f64`, for root finding and plotting.
    fn to_f64(self) -> f64;
    /// Rounds an amount of money where it is booked: to the cent for `Decimal` (half away
    /// from zero), so sums of booked amounts are exact; unchanged for `f64` estimates.
    fn round_money(self) -> Self;
    /// Rounds a figure carried between quarters to `dp` decimal places (`Decimal`), so
    /// products stay inside its 28 significant digits instead of being rescaled at every
    /// step; unchanged for `f64`. See "Precision" in [`crate::engine::company`].
    fn carried(self, dp: u32) -> Self;
    /// The value as an exact `Decimal` (`None` for a non-finite `f64`).
    fn to_decimal(self) -> Option<Decimal>;
    /// `self^(1/4)`, for turning an annual factor into a quarterly one; `None` when
    /// `self` is negative.
    fn fourth_root(self) -> Option<Self>;

    /// `self + other`, `None` when it leaves the type's range (`Decimal`) or is not
    /// finite (`f64`).
    fn checked_add(self, other: Self) -> Option<Self>;
    /// `self × other`, `None` when it leaves the type's range or is not finite.
    fn checked_mul(self, other: Self) -> Option<Self>;
    /// `self / other`, `None` when `other` is zero or the quotient leaves the type's
    /// range or is not finite.
    fn checked_div(self, other: Self) -> Option<Self>;

    /// Zero.
    fn zero() -> Self {
        Self::default()
    }
    /// One.
    fn one() -> Self {
        Self::from_i64(1)
    }
    /// The larger of two values.
    fn max_of(self, other: Self) -> Self {
        if self >= other { self } else { other }
    }
    /// The smaller of two values.
    fn min_of(self, other: Self) -> Self {
        if self <= other { self } else { other }
    }
    /// `self` raised to a whole power, by repeated squaring.
    fn powi_u32(self, mut exponent: u32) -> Self {
        let mut base = self;
        let mut acc = Self::one();
        while exponent > 0 {
            if exponent & 1 == 1 {
                acc = acc * base;
            }
            base = base * base;
            exponent >>= 1;
        }
        acc
    }
}

impl Num for Decimal {
    fn from_dec(value: Decimal) -> Self {
        value
    }
    fn from_i64(value: i64) -> Self {
        Decimal::from(value)
    }
    fn to_f64(self) -> f64 {
        ToPrimitive::to_f64(&self).unwrap_or(f64::NAN)
    }
    fn round_money(self) -> Self {
        self.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    }
    fn carried(self, dp: u32) -> Self {
        if self.scale() > dp {
            self.round_dp(dp)
        } else {
            self
        }
    }
    fn to_decimal(self) -> Option<Decimal> {
        Some(self)
    }
    fn fourth_root(self) -> Option<Self> {
        use rust_decimal::MathematicalOps;
        self.sqrt().and_then(|root| root.sqrt())
    }
    fn checked_add(self, other: Self) -> Option<Self> {
        Decimal::checked_add(self, other)
    }
    fn checked_mul(self, other: Self) -> Option<Self> {
        Decimal::checked_mul(self, other)
    }
    fn checked_div(self, other: Self) -> Option<Self> {
        Decimal::checked_div(self, other)
    }
}

impl Num for f64 {
    fn from_dec(value: Decimal) -> Self {
        ToPrimitive::to_f64(&value).unwrap_or(f64::NAN)
    }
    #[expect(clippy::cast_precision_loss, reason = "quarter counts are far below 2^52")]
    fn from_i64(value: i64) -> Self {
        value as f64
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn round_money(self) -> Self {
        self
    }
    fn carried(self, _dp: u32) -> Self {
        self
    }
    fn to_decimal(self) -> Option<Decimal> {
        Decimal::from_f64(self)
    }
    fn fourth_root(self) -> Option<Self> {
        (self >= 0.0).then(|| self.sqrt().sqrt())
    }
    fn checked_add(self, other: Self) -> Option<Self> {
        Some(self + other).filter(|sum| sum.is_finite())
    }
    fn checked_mul(self, other: Self) -> Option<Self> {
        Some(self * other).filter(|product| product.is_finite())
    }
    fn checked_div(self, other: Self) -> Option<Self> {
        (other != 0.0)
            .then(|| self / other)
            .filter(|quotient| quotient.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn fourth_root_of_annual_factor_compounds_back_exactly_enough() {
        // 1.08^(1/4) = 1.019426546... (hand check: 1.0194265^4 = 1.0799999...)
        let q = dec!(1.08).fourth_root().unwrap_or_default();
        assert!((q - dec!(1.0194265469)).abs() < dec!(0.0000000001));
        let back = q.powi_u32(4);
        assert!((back - dec!(1.08)).abs() < dec!(0.000000000000000000001));
    }

    #[test]
    fn powi_matches_repeated_multiplication() {
        assert_eq!(dec!(1.5).powi_u32(3), dec!(3.375));
        assert_eq!(2.0_f64.powi_u32(10), 1024.0);
        assert_eq!(dec!(7).powi_u32(0), dec!(1));
    }

    #[test]
    fn checked_operations_refuse_what_leaves_the_range() {
        assert_eq!(Num::checked_mul(dec!(1e14), dec!(1e14)), Some(dec!(1e28)));
        assert_eq!(Num::checked_mul(Decimal::MAX, dec!(2)), None);
        assert_eq!(Num::checked_add(Decimal::MAX, Decimal::ONE), None);
        assert_eq!(Num::checked_div(dec!(1e14), Decimal::new(1, 28)), None);
        assert_eq!(Num::checked_div(dec!(1), Decimal::ZERO), None);
        assert_eq!(Num::checked_div(6.0_f64, 3.0), Some(2.0));
        assert_eq!(Num::checked_div(1.0_f64, 0.0), None);
        assert_eq!(Num::checked_mul(f64::MAX, 2.0), None);
        assert_eq!(Num::checked_add(f64::MAX, f64::MAX), None);
    }

    #[test]
    fn negative_has_no_fourth_root() {
        assert!(dec!(-1).fourth_root().is_none());
        assert!((-1.0_f64).fourth_root().is_none());
    }
}
