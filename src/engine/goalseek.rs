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
use super::{EngineError, compute};

/// A solved goal.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The driver's value that reaches the target, in the driver's units.
    pub value: Decimal,
    /// The metric at `value`.
    pub achieved: Decimal,
    /// Model evaluations the search took.
    pub iterations: u32,
}

/// Why there is no answer. Messages are in words: the driver and metric by name, values
/// in their units ("No exit multiple shift between −6 and +6 turns reaches a net IRR of
/// 20.0%").
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GoalSeekError {
    #[error(
        "No {} between {} and {} reaches {} of {}: from one end to the other it goes from {} to {}",
        driver_noun(*.driver),
        driver_value(*.driver, *.low),
        driver_value_with_unit(*.driver, *.high),
        metric_article(*.metric),
        metric_value(*.metric, *.target),
        metric_value(*.metric, *.at_low),
        metric_value(*.metric, *.at_high)
    )]
    /// The target lies outside what the metric reaches at the two ends of the range.
    NotBracketed {
        /// The driver searched.
        driver: Driver,
        /// The metric aimed at.
        metric: Metric,
        /// Low end of the driver's range.
        low: Decimal,
        /// High end of the driver's range.
        high: Decimal,
        /// The metric's target value.
        target: Decimal,
        /// The metric with the driver at `low`.
        at_low: Decimal,
        /// The metric with the driver at `high`.
        at_high: Decimal,
    },
    #[error(
        "The model does not compute with the {} at {}: {source}",
        driver_noun(*.driver),
        driver_value_with_unit(*.driver, *.value)
    )]
    /// The model fails to compute at one of the driver values tried.
    Model {
        /// The driver searched.
        driver: Driver,
        /// The driver value at which it failed.
        value: Decimal,
        /// Why it failed.
        source: EngineError,
    },
    #[error(
        "{} is undefined with the {} at {} (e.g. an IRR with no root)",
        .metric.label(),
        driver_noun(*.driver),
        driver_value_with_unit(*.driver, *.value)
    )]
    /// The metric has no value at one of the driver values tried.
    Undefined {
        /// The metric aimed at.
        metric: Metric,
        /// The driver searched.
        driver: Driver,
        /// The driver value at which the metric is undefined.
        value: Decimal,
    },
    /// The range's low end is not below its high end.
    #[error("the low end must be below the high end")]
    EmptyRange,
}

/// The driver in a sentence ("exit multiple shift").
fn driver_noun(driver: Driver) -> &'static str {
    match driver {
        Driver::RealisationScale => "AI lever realisation scale",
        Driver::ExitMultipleShift => "exit multiple shift",
        Driver::EntryMultipleShift => "entry multiple shift",
        Driver::GrowthShift => "revenue growth shift",
        Driver::ExitDelayQuarters => "exit delay",
        Driver::LeverageShift => "leverage shift",
        Driver::ManagementFeeRate => "management fee rate",
        Driver::HurdleRate => "hurdle rate",
    }
}

/// A signed amount with a true minus sign (`−6`, `+6`, `0`).
fn signed(value: Decimal) -> String {
    let magnitude = value.abs().normalize();
    if value.is_zero() {
        "0".into()
    } else if value.is_sign_negative() {
        format!("\u{2212}{magnitude}")
    } else {
        format!("+{magnitude}")
    }
}

/// A fraction as a percentage with at least one decimal (`0.2` → `20.0`).
fn percent_number(value: Decimal) -> String {
    let percent = value
        .checked_mul(Decimal::ONE_HUNDRED)
        .map_or(value, |p| p.round_dp(2).normalize());
    if percent.scale() == 0 {
        format!("{percent}.0")
    } else {
        percent.to_string()
    }
}

/// A driver value without its unit, as the low end of a range (`−6`, `1.0%`, `0.5x`).
fn driver_value(driver: Driver, value: Decimal) -> String {
    match driver {
        Driver::RealisationScale => format!("{}x", value.round_dp(4).normalize()),
        Driver::ExitMultipleShift
        | Driver::EntryMultipleShift
        | Driver::LeverageShift
        | Driver::ExitDelayQuarters => signed(value.round_dp(4)),
        Driver::GrowthShift => {
            let points = percent_number(value);
            if value.is_sign_negative() {
                format!("\u{2212}{}", points.trim_start_matches('-'))
            } else if value.is_zero() {
                points
            } else {
                format!("+{points}")
            }
        }
        Driver::ManagementFeeRate | Driver::HurdleRate => format!("{}%", percent_number(value)),
    }
}

/// A driver value with its unit (`+6 turns`, `+1.0 pp a year`, `1.5x modelled`).
fn driver_value_with_unit(driver: Driver, value: Decimal) -> String {
    let number = driver_value(driver, value);
    match driver {
        Driver::RealisationScale => format!("{number} modelled"),
        Driver::ExitMultipleShift | Driver::EntryMultipleShift => format!("{number} turns"),
        Driver::LeverageShift => format!("{number} turns of EBITDA"),
        Driver::ExitDelayQuarters => format!("{number} quarters"),
        Driver::GrowthShift => format!("{number} pp a year"),
        Driver::ManagementFeeRate | Driver::HurdleRate => number,
    }
}

/// "a net IRR", "a DPI", "an RVPI".
fn metric_article(metric: Metric) -> String {
    let label = metric.label();
    let article = if matches!(metric, Metric::Rvpi) { "an" } else { "a" };
    let mut chars = label.chars();
    let in_sentence = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    };
    format!("{article} {in_sentence}")
}

/// A metric value in its unit (`20.0%`, `2.00x`).
fn metric_value(metric: Metric, value: Decimal) -> String {
    if metric.is_rate() {
        format!("{}%", percent_number(value))
    } else {
        format!("{:.2}x", value.round_dp(2))
    }
}

const MAX_ITERATIONS: u32 = 80;

fn evaluate(p: &Portfolio, driver: Driver, metric: Metric, value: Decimal) -> Result<Decimal, GoalSeekError> {
    let applied = driver.apply(p, value).map_err(|e| GoalSeekError::Model {
        driver,
        value,
        source: EngineError::Invalid(vec![super::validate::Problem::error(
            super::fields::FieldPath::AppliedScenario,
            super::validate::Rule::BadOverride,
            e.to_string(),
        )]),
    })?;
    let result = compute(&applied).map_err(|source| GoalSeekError::Model {
        driver,
        value,
        source,
    })?;
    metric.of(&result.metrics).ok_or(GoalSeekError::Undefined {
        metric,
        driver,
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
            driver,
            metric,
            low,
            high,
            target,
            at_low: f_lo,
            at_high: f_hi,
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
        // Half a point above the base case's net IRR: more realisation is needed.
        let base = compute(&p)
            .unwrap_or_else(|e| panic!("{e}"))
            .metrics
            .net_irr
            .unwrap_or_default();
        let target = base + dec!(0.005);
        let s = solve(
            &p,
            Driver::RealisationScale,
            Metric::NetIrr,
            target,
            (dec!(0), dec!(1.3)),
            dec!(0.0000001),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!((s.achieved - target).abs() <= dec!(0.0000001));
        assert!(
            s.value > dec!(1),
            "{target} needs more than the modelled realisation (base is {base})"
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
        // Issue 10: the driver and metric in words, values in their units.
        assert!(
            message.starts_with(
                "No AI lever realisation scale between 0x and 1.5x modelled reaches a net TVPI of 5.00x: \
                 from one end to the other it goes from "
            ),
            "{message}"
        );
    }

    /// Issue 10: "no value of exit_multiple_shift between -6 and 6 reaches 0.20" read as
    /// code; the message names the driver, its unit and the metric in words.
    #[test]
    fn an_unreachable_irr_is_said_in_words() {
        let e = solve(
            &sample(),
            Driver::ExitMultipleShift,
            Metric::NetIrr,
            dec!(0.20),
            (dec!(-6), dec!(6)),
            dec!(0.0001),
        );
        let message = e.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with(
                "No exit multiple shift between \u{2212}6 and +6 turns reaches a net IRR of 20.0%: "
            ),
            "{message}"
        );
        assert!(
            !message.contains("exit_multiple_shift") && !message.contains("0.20"),
            "{message}"
        );
    }
}
