//! Learning across the portfolio (Wright's law): deployments of a lever kind numbered in
//! start order, and the factor `n^{log₂(1 − r)}` on deployment `n`'s one-time cost and
//! ramp (rules at the top of [`super`]).

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};

use super::ScheduledLever;
use crate::engine::model::{LeverKind, PortfolioProgramme};

/// Decimal places a learning factor that is not a power of `1 − r` is rounded to.
pub const FACTOR_PLACES: u32 = 12;

/// One deployment on a kind's learning curve.
#[derive(Debug, Clone, PartialEq)]
pub struct LearningPoint {
    /// The deployment's number within its kind (1 is the first).
    pub deployment: u32,
    /// Position of the company in `companies`.
    pub company: usize,
    /// Position of the lever in the company's `levers`.
    pub lever: usize,
    /// `deployment^{log₂(1 − rate)}`.
    pub factor: Decimal,
    /// The lever's one-time cost before learning.
    pub base_one_time_cost: Decimal,
    /// Its one-time cost after learning, to the cent.
    pub one_time_cost: Decimal,
}

/// The learning curve of one lever kind: one point per deployment, in number order.
#[derive(Debug, Clone, PartialEq)]
pub struct LearningCurve {
    /// The kind.
    pub kind: LeverKind,
    /// Its learning rate (the cut per doubling of deployments).
    pub rate: Decimal,
    /// Each deployment, first to last.
    pub points: Vec<LearningPoint>,
}

/// `n^{log₂(1 − rate)}`: the share of the first deployment's cost the `n`-th one costs.
/// Computed as `(1 − rate)^k × m^{log₂(1 − rate)}` for `n = 2^k × m` with `m` odd, so a
/// power of two is exact; otherwise rounded to 12 decimal places. `None` for `n = 0` or
/// a rate outside `[0, 1)` (validation refuses those).
pub fn wright_factor(rate: Decimal, n: u32) -> Option<Decimal> {
    let mut cache = HashMap::new();
    let exponent = exponent(rate)?;
    factor_with(rate, exponent, n, &mut cache)
}

/// `log₂(1 − rate)`, or `None` outside `[0, 1)`.
fn exponent(rate: Decimal) -> Option<Decimal> {
    if rate < Decimal::ZERO || rate >= Decimal::ONE {
        return None;
    }
    if rate.is_zero() {
        return Some(Decimal::ZERO);
    }
    let ln_two = Decimal::TWO.checked_ln()?;
    (Decimal::ONE - rate).checked_ln()?.checked_div(ln_two)
}

/// The factor of deployment `n` for `rate` with `exponent = log₂(1 − rate)`, reusing the
/// logarithms of odd numbers in `ln_odd`.
fn factor_with(
    rate: Decimal,
    exponent: Decimal,
    n: u32,
    ln_odd: &mut HashMap<u32, Decimal>,
) -> Option<Decimal> {
    if n == 0 {
        return None;
    }
    let doublings = n.trailing_zeros();
    let odd = n >> doublings;
    let of_doublings = (Decimal::ONE - rate).checked_powu(u64::from(doublings))?;
    if odd == 1 || exponent.is_zero() {
        return Some(of_doublings);
    }
    let ln_m = match ln_odd.get(&odd) {
        Some(ln) => *ln,
        None => {
            let ln = Decimal::from(odd).checked_ln()?;
            ln_odd.insert(odd, ln);
            ln
        }
    };
    let of_odd = exponent.checked_mul(ln_m)?.checked_exp()?;
    Some(
        of_doublings
            .checked_mul(of_odd)?
            .round_dp_with_strategy(FACTOR_PLACES, RoundingStrategy::MidpointNearestEven),
    )
}

/// A ramp of `quarters` scaled by `factor`: the nearest whole quarter (halves away from
/// zero), at least 1 if it was at least 1.
pub(super) fn scaled_ramp(quarters: u32, factor: Decimal) -> u32 {
    if quarters == 0 {
        return 0;
    }
    let scaled =
        (Decimal::from(quarters) * factor).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    scaled.to_u32().unwrap_or(quarters).clamp(1, quarters)
}

/// Numbers each kind's deployments and scales their one-time cost and ramp; returns the
/// curve of each kind with a learning rate.
pub(super) fn apply_learning(
    programme: &PortfolioProgramme,
    levers: &mut [ScheduledLever],
) -> Vec<LearningCurve> {
    let mut curves = Vec::new();
    let mut ln_odd = HashMap::new();
    for (i, learning) in programme.learning.iter().enumerate() {
        let first_of_kind = programme.learning.iter().position(|l| l.kind == learning.kind);
        let Some(exponent) = exponent(learning.rate).filter(|_| first_of_kind == Some(i)) else {
            continue;
        };
        let mut order: Vec<usize> = (0..levers.len())
            .filter(|&j| levers.get(j).is_some_and(|l| l.kind == learning.kind))
            .collect();
        order.sort_by_key(|&j| levers.get(j).map(|l| (l.scale_up_start, l.company, l.lever)));
        let mut points = Vec::with_capacity(order.len());
        for (n, j) in (1u32..).zip(order) {
            let Some(lever) = levers.get_mut(j) else {
                continue;
            };
            let factor = factor_with(learning.rate, exponent, n, &mut ln_odd).unwrap_or(Decimal::ONE);
            lever.deployment = Some(n);
            lever.learning_factor = factor;
            lever.one_time_cost = lever
                .base_one_time_cost
                .checked_mul(factor)
                .map_or(lever.base_one_time_cost, |c| c.round_dp(2));
            lever.ramp_quarters = scaled_ramp(lever.ramp_quarters, factor);
            points.push(LearningPoint {
                deployment: n,
                company: lever.company,
                lever: lever.lever,
                factor,
                base_one_time_cost: lever.base_one_time_cost,
                one_time_cost: lever.one_time_cost,
            });
        }
        curves.push(LearningCurve {
            kind: learning.kind,
            rate: learning.rate,
            points,
        });
    }
    curves
}
