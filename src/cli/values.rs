//! Typed command-line values. clap turns driver, metric and chart names, sensitivity
//! axes and bounded numbers into engine values while it parses, so a bad value is a
//! usage error (exit 2) that names the option and lists or bounds what it accepts, and
//! only typed, bounded values reach the commands.
//!
//! The bounds keep every number a user types far inside `Decimal`'s range (about 7.9e28)
//! and inside what the model can mean: a driver value moves an input by at most a few
//! hundred units, so axis spacing, goal-seek midpoints and the driver's override cannot
//! overflow.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use rust_decimal::Decimal;
use rust_decimal::dec;

use crate::charts::ChartId;
use crate::engine::drivers::{Driver, Metric};
use crate::engine::sensitivity::Axis;

/// Fewest Monte Carlo paths (the engine needs at least 10 for its percentiles).
pub const MIN_PATHS: u64 = 10;
/// Most Monte Carlo paths: each path keeps its NAV and cash series (at most 160 quarters
/// of two f64s, about 2.6 KB), so a million paths stay under about 3 GB.
pub const MAX_PATHS: u64 = 1_000_000;
/// Most steps along one sensitivity axis (a 101 × 101 grid is 10,201 recomputes).
pub const MAX_STEPS: u32 = 101;
/// Smallest and largest chart side in pixels (a PNG of 8000 × 8000 is about 190 MB).
pub const MIN_PIXELS: u32 = 100;
/// See [`MIN_PIXELS`].
pub const MAX_PIXELS: u32 = 8_000;
/// Goal-seek targets: −1 (an IRR of −100 %, the lowest there is) to 1000 (a multiple of
/// 1000x or an IRR of 100,000 %).
pub const TARGET_RANGE: (Decimal, Decimal) = (dec!(-1), dec!(1000));

/// The values a user may give `driver` on the command line (axis ends, goal-seek ends).
pub fn driver_range(driver: Driver) -> (Decimal, Decimal) {
    match driver {
        // No lever effect up to ten times as modelled (validation caps each lever's
        // realisation at 150 % anyway).
        Driver::RealisationScale => (Decimal::ZERO, dec!(10)),
        // Turns of EBITDA: beyond fifty turns no multiple or leverage means anything.
        Driver::ExitMultipleShift | Driver::EntryMultipleShift | Driver::LeverageShift => {
            (dec!(-50), dec!(50))
        }
        // Added to annual growth: up to ±100 percentage points a year.
        Driver::GrowthShift => (dec!(-1), dec!(1)),
        // Quarters: the projection spans at most 160 quarters (40 years).
        Driver::ExitDelayQuarters => (dec!(-160), dec!(160)),
        // Rates between 0 and 100 %.
        Driver::ManagementFeeRate | Driver::HurdleRate => (Decimal::ZERO, Decimal::ONE),
    }
}

/// Checks that `value`, given for `option`, lies in `driver`'s range.
pub fn check_driver_value(driver: Driver, option: &str, value: Decimal) -> Result<Decimal, String> {
    let (low, high) = driver_range(driver);
    if (low..=high).contains(&value) {
        Ok(value)
    } else {
        Err(format!(
            "{option}: {} must be between {low} and {high}, not {value}",
            driver.name()
        ))
    }
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> String {
    all.iter().map(|v| name(*v)).collect::<Vec<_>>().join(", ")
}

/// A parser accepting exactly the names `name` gives the values in `all`; clap's error
/// for any other name lists them (and suggests the nearest).
fn named<T>(all: &'static [T], name: fn(T) -> &'static str) -> impl TypedValueParser<Value = T>
where
    T: Copy + Send + Sync + 'static,
{
    PossibleValuesParser::new(all.iter().map(|v| name(*v))).try_map(move |text: String| {
        all.iter()
            .copied()
            .find(|v| name(*v) == text)
            .ok_or_else(|| format!("'{text}' is not one of {}", names(all, name)))
    })
}

/// `--driver NAME`.
pub fn driver() -> impl TypedValueParser<Value = Driver> {
    named(&Driver::ALL, Driver::name)
}

/// `--metric NAME`.
pub fn metric() -> impl TypedValueParser<Value = Metric> {
    named(&Metric::ALL, Metric::name)
}

/// `--chart NAME`.
pub fn chart() -> impl TypedValueParser<Value = ChartId> {
    named(CHARTS.as_slice(), ChartId::name)
}

/// The charts `chart` draws: the memo pack's, then the value of staging (it needs a
/// Monte Carlo run that compares, which `chart` makes for it).
pub static CHARTS: std::sync::LazyLock<Vec<ChartId>> = std::sync::LazyLock::new(|| {
    ChartId::ALL
        .into_iter()
        .chain([ChartId::ValueOfStaging])
        .collect()
});

/// `--paths N`, between [`MIN_PATHS`] and [`MAX_PATHS`].
pub fn paths() -> impl TypedValueParser<Value = usize> {
    clap::builder::RangedU64ValueParser::<usize>::new().range(MIN_PATHS..=MAX_PATHS)
}

/// `--width` / `--height` in pixels, between [`MIN_PIXELS`] and [`MAX_PIXELS`].
pub fn pixels() -> impl TypedValueParser<Value = u32> {
    clap::value_parser!(u32).range(i64::from(MIN_PIXELS)..=i64::from(MAX_PIXELS))
}

fn decimal(text: &str) -> Result<Decimal, String> {
    text.trim()
        .parse::<Decimal>()
        .map_err(|_| format!("'{text}' is not a number"))
}

/// `--target X`, a number in [`TARGET_RANGE`].
pub fn target(text: &str) -> Result<Decimal, String> {
    let value = decimal(text)?;
    let (low, high) = TARGET_RANGE;
    if (low..=high).contains(&value) {
        Ok(value)
    } else {
        Err(format!("the target must be between {low} and {high}"))
    }
}

/// `--low` / `--high`: a number, bounded by the driver's range once the driver is known
/// ([`check_driver_value`]).
pub fn driver_value(text: &str) -> Result<Decimal, String> {
    decimal(text)
}

/// `--x` / `--y DRIVER:LOW:HIGH:STEPS` (e.g. `exit_multiple_shift:-2:2:21`): a known
/// driver, both ends within its range, 1 to [`MAX_STEPS`] steps.
pub fn axis(text: &str) -> Result<Axis, String> {
    let parts: Vec<&str> = text.split(':').collect();
    let [name, low, high, steps] = parts.as_slice() else {
        return Err("expected DRIVER:LOW:HIGH:STEPS, e.g. exit_multiple_shift:-2:2:21".into());
    };
    let driver = Driver::parse(name).ok_or_else(|| {
        format!(
            "'{name}' is not a driver; drivers: {}",
            names(&Driver::ALL, Driver::name)
        )
    })?;
    let low = check_driver_value(driver, "LOW", decimal(low)?)?;
    let high = check_driver_value(driver, "HIGH", decimal(high)?)?;
    let steps = steps
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|s| (1..=MAX_STEPS).contains(s))
        .ok_or_else(|| format!("STEPS must be a whole number from 1 to {MAX_STEPS}, not '{steps}'"))?;
    Ok(Axis {
        driver,
        low,
        high,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_parses_into_its_driver_ends_and_steps() {
        let axis = axis("exit_multiple_shift:-2:2:21").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(axis.driver, Driver::ExitMultipleShift);
        assert_eq!((axis.low, axis.high, axis.steps), (dec!(-2), dec!(2), 21));
    }

    #[test]
    fn an_axis_out_of_bounds_names_the_range() {
        let error = axis("growth_shift:-100000000000000000000:0:3")
            .err()
            .unwrap_or_default();
        assert!(error.contains("between -1 and 1"), "{error}");
        let error = axis("growth_shift:one:0:3").err().unwrap_or_default();
        assert!(error.contains("not a number"), "{error}");
        let error = axis("growth_shift:-5:0:3").err().unwrap_or_default();
        assert!(error.contains("between -1 and 1"), "{error}");
        let error = axis("growth_shift:0:1:102").err().unwrap_or_default();
        assert!(error.contains("1 to 101"), "{error}");
        let error = axis("pie:0:1:3").err().unwrap_or_default();
        assert!(error.contains("realisation_scale"), "{error}");
    }

    #[test]
    fn targets_accept_negative_rates_and_refuse_huge_numbers() {
        assert_eq!(target("-0.05"), Ok(dec!(-0.05)));
        assert!(target("-2").is_err());
        assert!(target("79228162514264337593543950335").is_err());
    }
}
