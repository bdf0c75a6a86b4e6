//! Goal seek: the value of one driver at which a metric reaches a target (the exit
//! multiple shift that gives a 20 % net IRR, the realisation needed for 2.0x TVPI).
//!
//! Bisection on exact Decimal recomputes over `[low, high]`: both ends are evaluated
//! first, and when the target lies outside what they give, the answer says so with the
//! range reached. Stops when the metric is within `tolerance` of the target or the
//! bracket is narrower than 1e-9, after at most 80 halvings.

use rust_decimal::Decimal;

use super::drivers::{Driver, Metric};
use super::model::Portfolio;
use super::{EngineError, compute_for_sweep};

/// A solved goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub value: Decimal,
    /// The metric at `value`.
    pub achieved: Decimal,
    pub iterations: u32,
}

/// Why there is no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GoalSeekError {
    #[error(
        "no value of {driver} between {low} and {high} reaches {target}: the metric goes from {at_low} to {at_high}"
    )]
    NotBracketed {
        driver: &'static str,
        low: Decimal,
        high: Decimal,
        target: Decimal,
        at_low: String,
        at_high: String,
    },
    #[error("the model does not compute at {driver} = {value}: {source}")]
    Model {
        driver: &'static str,
        value: Decimal,
        source: EngineError,
    },
    #[error("{metric} is undefined at {driver} = {value} (e.g. an IRR with no root)")]
    Undefined {
        metric: &'static str,
        driver: &'static str,
        value: Decimal,
    },
    #[error("the low end must be below the high end")]
    EmptyRange,
}

const MAX_ITERATIONS: u32 = 80;

fn evaluate(p: &Portfolio, driver: Driver, metric: Metric, value: Decimal) -> Result<Decimal, GoalSeekError> {
    let applied = driver.apply(p, value).map_err(|e| GoalSeekError::Model {
        driver: driver.name(),
        value,
        source: EngineError::Invalid(vec![super::validate::Problem::error(
            super::fields::FieldPath::AppliedScenario,
            super::validate::Rule::BadOverride,
            e.to_string(),
        )]),
    })?;
    let result = compute_for_sweep(&applied).map_err(|source| GoalSeekError::Model {
        driver: driver.name(),
        value,
        source,
    })?;
    metric.of(&result.metrics).ok_or(GoalSeekError::Undefined {
        metric: metric.name(),
        driver: driver.name(),
        value,
    })
}

/// Finds the `driver` value in `[low, high]` at which `metric` equals `target` to within
/// `tolerance`.
pub fn solve(
    portfolio: &Portfolio,
    driver: Driver,
    metric: Metric,
    target: Decimal,
    (low, high): (Decimal, Decimal),
    tolerance: Decimal,
) -> Result<Solution, GoalSeekError> {
    if low >= high {
        return Err(GoalSeekError::EmptyRange);
    }
    let (mut lo, mut hi) = (low, high);
    let f_lo = evaluate(portfolio, driver, metric, lo)?;
    let f_hi = evaluate(portfolio, driver, metric, hi)?;
    for (v, f) in [(lo, f_lo), (hi, f_hi)] {
        if (f - target).abs() <= tolerance {
            return Ok(Solution {
                value: v,
                achieved: f,
                iterations: 0,
            });
        }
    }
    if (f_lo - target).is_sign_positive() == (f_hi - target).is_sign_positive() {
        return Err(GoalSeekError::NotBracketed {
            driver: driver.name(),
            low,
            high,
            target,
            at_low: f_lo.round_dp(6).to_string(),
            at_high: f_hi.round_dp(6).to_string(),
        });
    }
    let rising = f_hi > f_lo;
    let mut best = (lo, f_lo);
    for iteration in 1..=MAX_ITERATIONS {
        let mid = (lo + hi) / Decimal::TWO;
        let f_mid = evaluate(portfolio, driver, metric, mid)?;
        if (f_mid - target).abs() < (best.1 - target).abs() {
            best = (mid, f_mid);
        }
        if (f_mid - target).abs() <= tolerance || hi - lo < Decimal::new(1, 9) {
            return Ok(Solution {
                value: mid,
                achieved: f_mid,
                iterations: iteration,
            });
        }
        if (f_mid < target) == rising {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Solution {
        value: best.0,
        achieved: best.1,
        iterations: MAX_ITERATIONS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use rust_decimal::dec;

    fn sample() -> Portfolio {
        crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn finds_the_exit_multiple_shift_for_a_target_tvpi_and_the_model_confirms_it() {
        let p = sample();
        let target = dec!(2.0);
        let s = solve(
            &p,
            Driver::ExitMultipleShift,
            Metric::Tvpi,
            target,
            (dec!(-3), dec!(6)),
            dec!(0.000001),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!((s.achieved - target).abs() <= dec!(0.000001));
        // Re-run the model at the answer, the long way round.
        let mut direct = p.clone();
        for c in &mut direct.companies {
            c.exit_multiple += s.value;
        }
        let tvpi = compute(&direct)
            .unwrap_or_else(|e| panic!("{e}"))
            .metrics
            .tvpi
            .unwrap_or_default();
        assert!((tvpi - target).abs() <= dec!(0.000001), "{tvpi}");
    }

    #[test]
    fn finds_the_realisation_for_a_target_net_irr() {
        let p = sample();
        let s = solve(
            &p,
            Driver::RealisationScale,
            Metric::NetIrr,
            dec!(0.11),
            (dec!(0), dec!(1.3)),
            dec!(0.0000001),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!((s.achieved - dec!(0.11)).abs() <= dec!(0.0000001));
        assert!(
            s.value > dec!(1),
            "11% needs more than the modelled realisation (base is 10.8%)"
        );
    }

    #[test]
    fn an_unreachable_target_says_what_the_range_gives() {
        let p = sample();
        let e = solve(
            &p,
            Driver::RealisationScale,
            Metric::Tvpi,
            dec!(5),
            (dec!(0), dec!(1.5)),
            dec!(0.0001),
        );
        let message = e.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with("no value of realisation_scale between 0 and 1.5 reaches 5"),
            "{message}"
        );
    }
}
