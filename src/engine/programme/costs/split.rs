//! One quarter's platform cost split among the companies charged for it.
//!
//! Rule (largest remainder, to the cent):
//!
//! 1. The cost is taken to the cent and each key to the cent (a revenue key is money; a
//!    usage key is a whole count of levers), a negative key as zero.
//! 2. Each company with a positive key has the exact share `cost × key / Σ keys`, which it
//!    receives rounded down to the cent.
//! 3. The cents those roundings leave over (fewer than the number of companies with a
//!    key) go one each to the companies whose exact shares lost most in step 2; on a tie,
//!    to the company first in the portfolio's order.
//!
//! So the shares sum exactly to the cost, each is within a cent of its exact share, and
//! no company carries the whole rounding of the others (as "the last company takes the
//! remainder" would: half a cent per other company, a dollar and more across a large
//! portfolio).
//!
//! The split is worked out in `Decimal` whatever the projection's number type, from keys
//! taken to the cent, so the `f64` projection (Monte Carlo) charges each company the same
//! cents as the exact projection whenever its keys agree with the exact keys to the cent
//! (a usage key always does; a revenue key unless the two revenues straddle a half cent,
//! some 1e-7 of a unit apart on the $100B sample).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// `cost` split in proportion to `keys` by the rule at the top of this module, one share
/// per key (zero for a key that is not positive); empty when no key is positive.
pub(super) fn split_by_key(cost: Decimal, keys: &[Decimal]) -> Vec<Decimal> {
    let keys: Vec<Decimal> = keys.iter().map(|k| to_cent((*k).max(Decimal::ZERO))).collect();
    let total: Decimal = keys.iter().copied().sum();
    if total <= Decimal::ZERO {
        return Vec::new();
    }
    let cost = to_cent(cost);
    let cents = cost.abs() * Decimal::ONE_HUNDRED;
    // Each share in cents: (rounded down, what the rounding lost).
    let mut shares: Vec<(Decimal, Decimal)> = keys
        .iter()
        .map(|key| {
            let exact = cents
                .checked_mul(*key)
                .and_then(|product| product.checked_div(total))
                .unwrap_or_else(|| cents * (*key / total));
            (exact.floor(), exact - exact.floor())
        })
        .collect();
    let given: Decimal = shares.iter().map(|(floor, _)| *floor).sum();
    let left = (cents - given).to_usize().unwrap_or(0);
    let mut order: Vec<usize> = (0..keys.len())
        .filter(|&i| keys.get(i).is_some_and(|k| *k > Decimal::ZERO))
        .collect();
    // Largest loss first; the sort is stable, so a tie keeps the portfolio's order.
    order.sort_by_key(|&i| std::cmp::Reverse(lost(&shares, i)));
    for i in order.into_iter().take(left) {
        if let Some((floor, _)) = shares.get_mut(i) {
            *floor += Decimal::ONE;
        }
    }
    let unit = if cost < Decimal::ZERO {
        -Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE_HUNDRED
    };
    shares.iter().map(|(in_cents, _)| *in_cents / unit).collect()
}

/// What rounding share `i` down to the cent lost, in cents.
fn lost(shares: &[(Decimal, Decimal)], i: usize) -> Decimal {
    shares.get(i).map_or(Decimal::ZERO, |(_, lost)| *lost)
}

/// `value` to the cent, halves away from zero (how the engine books money).
fn to_cent(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use rust_decimal::{Decimal, dec};

    use super::split_by_key;

    #[test]
    fn a_cost_splits_by_key_to_the_cent_and_sums_back() {
        // 100 split 1 : 2 : 0 : 3 (total 6): exact shares 16.666…, 33.333…, 0, 50. Rounded
        // down: 16.66, 33.33, 0, 50.00, summing to 99.99; the cent left goes to the largest
        // loss (0.666… of a cent, the first key): 16.67.
        let shares = split_by_key(dec!(100), &[dec!(1), dec!(2), Decimal::ZERO, dec!(3)]);
        assert_eq!(shares, vec![dec!(16.67), dec!(33.33), Decimal::ZERO, dec!(50.00)]);
        assert_eq!(shares.iter().copied().sum::<Decimal>(), dec!(100));
        assert!(split_by_key(dec!(100), &[Decimal::ZERO, Decimal::ZERO]).is_empty());
    }

    #[test]
    fn three_companies_by_revenue_share_a_million_by_largest_remainder() {
        // Revenue 100 : 200 : 300 (total 600) sharing 1,000,000.00: exact shares
        // 166,666.666…, 333,333.333…, 500,000; rounded down 166,666.66 + 333,333.33 +
        // 500,000.00 = 999,999.99. The cent left goes to the largest loss, the first
        // company's 0.666… of a cent (the second lost 0.333…, the third nothing).
        let shares = split_by_key(dec!(1_000_000.00), &[dec!(100), dec!(200), dec!(300)]);
        assert_eq!(shares, vec![dec!(166_666.67), dec!(333_333.33), dec!(500_000.00)]);
        assert_eq!(shares.iter().copied().sum::<Decimal>(), dec!(1_000_000.00));
    }

    #[test]
    fn leftover_cents_go_one_each_in_portfolio_order_on_a_tie() {
        // 1.00 among seven equal keys: 100 / 7 = 14.2857… cents each, rounded down 14 ×
        // 7 = 98; the 2 cents left go to the first two (every loss is 0.2857…). The last
        // company does not take the 2 cents (as "the last takes the remainder" had it:
        // 0.14 × 6 and 0.16).
        let shares = split_by_key(dec!(1.00), &[dec!(5); 7]);
        let mut expected = vec![dec!(0.14); 7];
        expected[0] = dec!(0.15);
        expected[1] = dec!(0.15);
        assert_eq!(shares, expected);
        assert_eq!(shares.iter().copied().sum::<Decimal>(), dec!(1.00));
    }

    #[test]
    fn keys_count_to_the_cent_so_a_sub_cent_difference_splits_the_same() {
        // What the f64 projection hands over: revenues a few 1e-7 off the exact ones. Taken
        // to the cent they are the exact keys, 1 : 2, so 10.00 splits 3.33… / 6.66… →
        // 3.33 + 6.66 = 9.99, the cent to the larger loss (the second's 0.666…): 3.33 and
        // 6.67, both ways.
        let exact = split_by_key(dec!(10.00), &[dec!(1_000_000.00), dec!(2_000_000.00)]);
        let off = split_by_key(dec!(10.00), &[dec!(999_999.9999998), dec!(2_000_000.0000003)]);
        assert_eq!(exact, vec![dec!(3.33), dec!(6.67)]);
        assert_eq!(off, exact);
        // A negative key is no key; a negative cost splits like its opposite.
        assert_eq!(
            split_by_key(dec!(-10.00), &[dec!(1), dec!(-4), dec!(2)]),
            vec![dec!(-3.33), Decimal::ZERO, dec!(-6.67)]
        );
    }
}
