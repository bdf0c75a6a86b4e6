//! Draws from the uncertainty distributions: each distribution is turned into `f64`
//! once per run ([`Spread::of`]), so a path's thousands of draws do no decimal
//! conversion; a draw gives the same bits as converting the decimals on every draw.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::super::model::{Distribution, Uncertainty};

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Standard normal CDF.
pub(super) fn phi(z: f64) -> f64 {
    0.5 * (1.0 + libm::erf(z / std::f64::consts::SQRT_2))
}

/// A [`Distribution`] in `f64`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Spread {
    Fixed(f64),
    Uniform {
        min: f64,
        max: f64,
    },
    Triangular {
        min: f64,
        mode: f64,
        max: f64,
    },
    Normal {
        mean: f64,
        sd: f64,
        min: f64,
        max: f64,
    },
    /// Each value with its share of the total weight (negative weights count as zero).
    Discrete {
        values: Vec<f64>,
        shares: Vec<f64>,
    },
}

impl Spread {
    /// `dist` in `f64`.
    pub(super) fn of(dist: &Distribution) -> Spread {
        match dist {
            Distribution::Fixed { value } => Spread::Fixed(f(*value)),
            Distribution::Uniform { min, max } => Spread::Uniform {
                min: f(*min),
                max: f(*max),
            },
            Distribution::Triangular { min, mode, max } => Spread::Triangular {
                min: f(*min),
                mode: f(*mode),
                max: f(*max),
            },
            Distribution::Normal { mean, sd, min, max } => Spread::Normal {
                mean: f(*mean),
                sd: f(*sd),
                min: f(*min),
                max: f(*max),
            },
            Distribution::Discrete { values, weights } => {
                let total: f64 = weights.iter().map(|w| f(*w).max(0.0)).sum();
                Spread::Discrete {
                    values: values.iter().map(|v| f(*v)).collect(),
                    shares: weights
                        .iter()
                        .map(|w| f(*w).max(0.0) / total.max(f64::MIN_POSITIVE))
                        .collect(),
                }
            }
        }
    }

    /// A draw given a standard normal `z` (and `u = Φ(z)`).
    pub(super) fn draw(&self, z: f64) -> f64 {
        let u = phi(z).clamp(0.0, 1.0);
        match self {
            Spread::Fixed(value) => *value,
            Spread::Uniform { min, max } => min + u * (max - min),
            Spread::Triangular { min, mode, max } => {
                let (a, c, b) = (*min, *mode, *max);
                if b <= a {
                    return a;
                }
                let cut = (c - a) / (b - a);
                if u < cut {
                    a + (u * (b - a) * (c - a)).sqrt()
                } else {
                    b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
                }
            }
            // `max(min).min(max)`, not `clamp`, which panics when min > max (validation
            // refuses that; this keeps an unvalidated caller from crashing).
            Spread::Normal { mean, sd, min, max } => (mean + sd * z).max(*min).min(*max),
            Spread::Discrete { values, shares } => {
                let mut acc = 0.0;
                for (v, share) in values.iter().zip(shares) {
                    acc += share;
                    if u <= acc {
                        return *v;
                    }
                }
                values.last().copied().unwrap_or(0.0)
            }
        }
    }
}

/// The model's uncertainty in `f64`, ready to draw from.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Spreads {
    pub(super) realisation_scale: Spread,
    pub(super) exit_multiple_shift: Spread,
    pub(super) exit_delay_quarters: Spread,
    pub(super) growth_shift: Spread,
    /// The market factor's share of variance, clamped to 0–1.
    pub(super) market_weight: f64,
}

impl Spreads {
    /// `u` in `f64`.
    pub(super) fn of(u: &Uncertainty) -> Spreads {
        Spreads {
            realisation_scale: Spread::of(&u.realisation_scale),
            exit_multiple_shift: Spread::of(&u.exit_multiple_shift),
            exit_delay_quarters: Spread::of(&u.exit_delay_quarters),
            growth_shift: Spread::of(&u.growth_shift),
            market_weight: f(u.market_factor_weight).clamp(0.0, 1.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn draw(dist: &Distribution, z: f64) -> f64 {
        Spread::of(dist).draw(z)
    }

    #[test]
    fn draws_follow_their_distributions() {
        // Uniform(0, 10) through the normal CDF: the z for u = 0.25 gives 2.5.
        let z_quarter = -0.674_489_750_196_081_7; // Φ⁻¹(0.25), from tables
        let uniform = Distribution::Uniform {
            min: dec!(0),
            max: dec!(10),
        };
        assert!((draw(&uniform, z_quarter) - 2.5).abs() < 1e-6);
        // Triangular(0, 0, 1): CDF 1 − (1 − x)² → at u = 0.75, x = 0.5.
        let tri = Distribution::Triangular {
            min: dec!(0),
            mode: dec!(0),
            max: dec!(1),
        };
        assert!((draw(&tri, -z_quarter) - 0.5).abs() < 1e-6);
        let normal = Distribution::Normal {
            mean: dec!(1),
            sd: dec!(2),
            min: dec!(-1),
            max: dec!(2),
        };
        assert_eq!(draw(&normal, 0.25), 1.5);
        assert_eq!(draw(&normal, 3.0), 2.0);
        let discrete = Distribution::Discrete {
            values: vec![dec!(0), dec!(4)],
            weights: vec![dec!(1), dec!(3)],
        };
        assert_eq!(draw(&discrete, -1.0), 0.0); // u = 0.16 ≤ 0.25
        assert_eq!(draw(&discrete, 0.0), 4.0); // u = 0.5 > 0.25
    }
}
