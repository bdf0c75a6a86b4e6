//! XIRR: the internal rate of return of dated cash flows, Excel's convention.
//!
//! `NPV(r) = Σ aᵢ / (1 + r)^tᵢ` with `tᵢ = (dateᵢ − earliest date) / 365` (actual/365).
//!
//! Cash flows stay `Decimal` as inputs; the rate is solved in `f64` and reported as a
//! `Decimal` rounded to 12 places once the NPV at it is verified. A Decimal Newton loop
//! would cost ~50 µs per `powd` (and `powd` panics on overflow), far too slow for sweeps.
//!
//! The solver works in `x = ln(1 + r)`, where `NPV = Σ aᵢ·e^(−tᵢ·x)` is smooth on the
//! whole real line, and scales every term by the largest exponent so that extreme rates
//! (−99.99997 %, +540 %, ...) neither overflow nor underflow:
//! 1. Newton's method from `r = 10 %` (Excel's default guess), with bounded steps;
//! 2. if it fails, a scan of `x` over `r ∈ (−99.99999 %, +10⁶)` for sign changes, each
//!    bracket refined by bisection;
//! 3. every other root is reported too: by the generalised Descartes rule an exponential
//!    sum has at most as many real roots as its time-ordered flows have sign changes, so
//!    with one sign change the root is unique and the scan is skipped.
//!
//! Every loop is bounded: the solver never hangs.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// A dated cash flow: negative = money paid in, positive = money received.
pub type DatedFlow = (NaiveDate, Decimal);

/// A solved rate, with any other rates at which the NPV is also zero.
#[derive(Debug, Clone, PartialEq)]
pub struct Irr {
    /// The rate (a fraction: `0.12` is 12 % a year), 12 decimal places.
    pub rate: Decimal,
    /// Other roots, in increasing order; empty in the usual case.
    pub other_roots: Vec<Decimal>,
}

/// Why there is no rate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XirrError {
    /// No flows at all.
    #[error("there are no cash flows")]
    Empty,
    /// No money flows one of the two ways; the word says what every flow is ("positive",
    /// "negative" — zeros aside — or "zero").
    #[error("every cash flow is {0}: an IRR needs money both paid in and received")]
    NoSignChange(&'static str),
    /// Every flow is on the same date, so time plays no part.
    #[error("all cash flows fall on one date, so no rate discounts them to zero")]
    SingleDate,
    /// No rate in the searched range brings the net present value to zero.
    #[error("the cash flows have no IRR between −99.99999% and +100,000,000% a year")]
    NoRoot,
    /// A sweep skipped the deal-level IRRs to save time.
    #[error("not computed in a fund-level sweep")]
    NotComputed,
}

/// Lowest `x = ln(1 + r)` searched: r = −99.99999 %.
const X_MIN: f64 = -16.118_095_650_958_32; // ln(1e-7)
/// Highest `x` searched: r = +10⁶ (100,000,000 %).
const X_MAX: f64 = 13.815_511_557_963_774; // ln(1 + 1e6)
const SCAN_POINTS: u32 = 400;
const NEWTON_STEPS: usize = 60;
const BISECTION_STEPS: usize = 200;
/// NPV at a reported root, relative to Σ|aᵢ|, must be below this.
const NPV_TOLERANCE: f64 = 1e-10;

/// Normalised flows: amounts divided by the largest magnitude, times in years.
struct Flows {
    amounts: Vec<f64>,
    years: Vec<f64>,
}

impl Flows {
    /// NPV at `x` and its derivative, both divided by `e^(max exponent)` so nothing
    /// overflows; the sign and the ratio are exact.
    fn scaled_npv(&self, x: f64) -> (f64, f64) {
        let shift = self
            .years
            .iter()
            .map(|t| -t * x)
            .fold(f64::NEG_INFINITY, f64::max);
        let mut value = 0.0;
        let mut slope = 0.0;
        for (a, t) in self.amounts.iter().zip(&self.years) {
            let term = a * (-t * x - shift).exp();
            value += term;
            slope -= t * term;
        }
        (value, slope)
    }

    /// NPV at `x`, relative to the sum of magnitudes (1 when unscaled), for verification.
    fn relative_npv(&self, x: f64) -> f64 {
        let (value, _) = self.scaled_npv(x);
        let shift = self
            .years
            .iter()
            .map(|t| -t * x)
            .fold(f64::NEG_INFINITY, f64::max);
        let magnitude: f64 = self
            .amounts
            .iter()
            .zip(&self.years)
            .map(|(a, t)| a.abs() * (-t * x - shift).exp())
            .sum();
        if magnitude > 0.0 {
            (value / magnitude).abs()
        } else {
            f64::INFINITY
        }
    }

    fn newton(&self, guess: f64) -> Option<f64> {
        let mut x = guess;
        for _ in 0..NEWTON_STEPS {
            let (value, slope) = self.scaled_npv(x);
            if !value.is_finite() || !slope.is_finite() || slope == 0.0 {
                return None;
            }
            let step = (value / slope).clamp(-2.0, 2.0);
            x -= step;
            if !(X_MIN - 1.0..=X_MAX + 1.0).contains(&x) {
                return None;
            }
            if step.abs() <= 1e-15 * x.abs().max(1.0) {
                break;
            }
        }
        (self.relative_npv(x) < NPV_TOLERANCE).then_some(x)
    }

    fn bisect(&self, mut lo: f64, mut hi: f64) -> f64 {
        let mut f_lo = self.scaled_npv(lo).0;
        for _ in 0..BISECTION_STEPS {
            let mid = 0.5 * (lo + hi);
            if mid <= lo || mid >= hi {
                break;
            }
            let f_mid = self.scaled_npv(mid).0;
            if f_mid == 0.0 {
                return mid;
            }
            if (f_mid > 0.0) == (f_lo > 0.0) {
                lo = mid;
                f_lo = f_mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    }

    /// Every root found by scanning for sign changes, polished by Newton.
    fn scan(&self) -> Vec<f64> {
        let mut roots = Vec::new();
        let step = (X_MAX - X_MIN) / f64::from(SCAN_POINTS);
        let mut x_prev = X_MIN;
        let mut f_prev = self.scaled_npv(x_prev).0;
        for i in 1..=SCAN_POINTS {
            let x = X_MIN + step * f64::from(i);
            let f = self.scaled_npv(x).0;
            if f == 0.0 {
                roots.push(x);
            } else if f_prev != 0.0 && (f > 0.0) != (f_prev > 0.0) {
                let root = self.bisect(x_prev, x);
                roots.push(
                    self.newton(root)
                        .filter(|r| (r - root).abs() < step)
                        .unwrap_or(root),
                );
            }
            x_prev = x;
            f_prev = f;
        }
        roots
    }

    /// Sign changes of the amounts in time order.
    fn sign_changes(&self) -> usize {
        let mut by_time: Vec<(f64, f64)> = self
            .years
            .iter()
            .copied()
            .zip(self.amounts.iter().copied())
            .collect();
        by_time.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Flows on the same date act as one coefficient: net them first.
        let mut netted: Vec<(f64, f64)> = Vec::new();
        for (t, amount) in by_time {
            match netted.last_mut() {
                Some((last_t, sum)) if *last_t == t => *sum += amount,
                _ => netted.push((t, amount)),
            }
        }
        let signs: Vec<bool> = netted
            .iter()
            .filter(|(_, a)| *a != 0.0)
            .map(|(_, a)| *a > 0.0)
            .collect();
        signs
            .iter()
            .zip(signs.iter().skip(1))
            .filter(|(a, b)| a != b)
            .count()
    }
}

/// Actual/365 years from `earliest` to `date` (dates span far less than i32 days).
fn years_between(earliest: NaiveDate, date: NaiveDate) -> f64 {
    f64::from(i32::try_from((date - earliest).num_days()).unwrap_or(i32::MAX)) / 365.0
}

fn to_rate(x: f64) -> Option<Decimal> {
    Decimal::from_f64(x.exp_m1()).map(|r| r.round_dp(12))
}

/// Solves the XIRR of `flows` (in any order; same-date flows allowed).
pub fn xirr(flows: &[DatedFlow]) -> Result<Irr, XirrError> {
    let earliest = flows.iter().map(|(d, _)| *d).min().ok_or(XirrError::Empty)?;
    let raw: Vec<f64> = flows.iter().map(|(_, a)| a.to_f64().unwrap_or(0.0)).collect();
    if !raw.iter().any(|a| *a > 0.0) {
        return Err(XirrError::NoSignChange(if raw.iter().all(|a| *a == 0.0) {
            "zero"
        } else {
            "negative"
        }));
    }
    if !raw.iter().any(|a| *a < 0.0) {
        return Err(XirrError::NoSignChange("positive"));
    }
    let scale = raw.iter().fold(0.0_f64, |m, a| m.max(a.abs()));
    let data = Flows {
        amounts: raw.iter().map(|a| a / scale).collect(),
        years: flows.iter().map(|(d, _)| years_between(earliest, *d)).collect(),
    };
    if data.years.iter().all(|t| *t == 0.0) {
        return Err(XirrError::SingleDate);
    }

    let guess = 0.1_f64.ln_1p();
    let newton = data.newton(guess);
    let roots = if data.sign_changes() <= 1 && newton.is_some() {
        Vec::new()
    } else {
        data.scan()
    };
    let primary = match newton {
        Some(x) => x,
        None => *roots
            .iter()
            .min_by(|a, b| (*a - guess).abs().total_cmp(&(*b - guess).abs()))
            .ok_or(XirrError::NoRoot)?,
    };
    if data.relative_npv(primary) >= NPV_TOLERANCE * 1e3 {
        return Err(XirrError::NoRoot);
    }
    let rate = to_rate(primary).ok_or(XirrError::NoRoot)?;
    let mut other_roots: Vec<Decimal> = roots
        .iter()
        .filter(|x| (**x - primary).abs() > 1e-7)
        .filter_map(|x| to_rate(*x))
        .collect();
    other_roots.dedup();
    Ok(Irr { rate, other_roots })
}

/// XNPV at `rate` (actual/365 from the earliest date), in `f64`, for checks.
pub fn xnpv(rate: f64, flows: &[DatedFlow]) -> f64 {
    let Some(earliest) = flows.iter().map(|(d, _)| *d).min() else {
        return 0.0;
    };
    flows
        .iter()
        .map(|(d, a)| {
            let t = years_between(earliest, *d);
            a.to_f64().unwrap_or(0.0) / (1.0 + rate).powf(t)
        })
        .sum()
}

#[cfg(test)]
mod tests;
