//! `goalseek`: the driver value at which a metric reaches a target.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use rust_decimal::Decimal;

use super::{Failure, Outcome, opened, values};
use crate::engine::drivers::{Driver, Metric};
use crate::engine::goalseek;

/// Goal seek: the driver value at which a metric reaches a target.
#[derive(Debug, clap::Args)]
pub struct GoalseekArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// Driver to solve for (see `sensitivity --list-drivers` for what each moves).
    #[arg(long, value_parser = values::driver())]
    pub driver: Driver,
    /// Metric to reach.
    #[arg(long, value_parser = values::metric())]
    pub metric: Metric,
    /// Target value (a fraction for rates: 0.2 is 20 %), from -1 to 1000.
    #[arg(long, allow_hyphen_values = true, value_parser = values::target)]
    pub target: Decimal,
    /// Low end of the search (default: the driver's tornado low, widened).
    #[arg(long, allow_hyphen_values = true, value_parser = values::driver_value)]
    pub low: Option<Decimal>,
    /// High end of the search.
    #[arg(long, allow_hyphen_values = true, value_parser = values::driver_value)]
    pub high: Option<Decimal>,
    /// Scenario to apply first (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
}

/// Bisection stops when the metric is this close to the target.
const TOLERANCE: Decimal = rust_decimal::dec!(0.0000001);

/// Solves and prints `driver = X gives metric = Y (N iterations)`.
pub fn run(args: &GoalseekArgs, out: &mut dyn Write) -> Outcome {
    let driver = args.driver;
    let bounded = |option: &str, value: Option<Decimal>| {
        value
            .map(|v| values::check_driver_value(driver, option, v))
            .transpose()
            .map_err(Failure::Usage)
    };
    let (low, high) = (bounded("--low", args.low)?, bounded("--high", args.high)?);
    let opened = opened::open(&args.file, args.scenario.as_deref())?;
    let model = opened.model()?;
    let (lo, hi) = driver.tornado_range(&model);
    let span = hi - lo;
    let range = (low.unwrap_or(lo - span), high.unwrap_or(hi + span));
    let s = goalseek::solve(&model, driver, args.metric, args.target, range, TOLERANCE)
        .map_err(|e| Failure::Data(anyhow!(e)))?;
    writeln!(
        out,
        "{} = {} gives {} = {} ({} iterations)",
        driver.name(),
        s.value.round_dp(9).normalize(),
        args.metric.name(),
        s.achieved.round_dp(9).normalize(),
        s.iterations
    )
    .context("could not write")?;
    Ok(())
}
