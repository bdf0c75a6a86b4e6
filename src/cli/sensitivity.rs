//! `sensitivity`: a one- or two-driver grid of a metric as CSV, or the tornado, each run
//! through the study so it records the case and settings it was computed on.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use rust_decimal::Decimal;

use super::{Failure, Outcome, opened, values};
use crate::engine::drivers::{Driver, Metric};
use crate::engine::sensitivity::{Axis, Grid, Tornado};
use crate::engine::study::GridSettings;

/// Sensitivity: a one- or two-driver grid of a metric (CSV), or a tornado.
#[derive(Debug, clap::Args)]
pub struct SensitivityArgs {
    /// Portfolio file (JSON); not needed with --list-drivers.
    #[arg(required_unless_present = "list_drivers")]
    pub file: Option<PathBuf>,
    /// List the drivers and their tornado ranges.
    #[arg(long)]
    pub list_drivers: bool,
    /// First axis (e.g. exit_multiple_shift:-2:2:21; see --list-drivers).
    #[arg(long, value_name = "DRIVER:LOW:HIGH:STEPS", value_parser = values::axis)]
    pub x: Option<Axis>,
    /// Second axis, with another driver.
    #[arg(long, value_name = "DRIVER:LOW:HIGH:STEPS", value_parser = values::axis)]
    pub y: Option<Axis>,
    /// Metric in each cell.
    #[arg(long, default_value = "net_irr", value_parser = values::metric())]
    pub metric: Metric,
    /// Print the tornado (every driver low and high, sorted by net IRR swing) instead.
    #[arg(long)]
    pub tornado: bool,
    /// Scenario to apply first (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
}

/// A cell of the CSV: ten decimals at most, empty where the metric is undefined.
fn cell(value: Option<Decimal>) -> String {
    value
        .map(|v| v.round_dp(10).normalize().to_string())
        .unwrap_or_default()
}

/// Lists the drivers, or prints the tornado or the grid asked for.
pub fn run(args: &SensitivityArgs, out: &mut dyn Write) -> Outcome {
    if args.list_drivers {
        for d in Driver::ALL {
            writeln!(out, "{:<22} {}", d.name(), d.label()).context("could not write")?;
        }
        return Ok(());
    }
    let file = args
        .file
        .as_deref()
        .ok_or_else(|| Failure::Usage("sensitivity needs a FILE".into()))?;
    let settings = match (&args.x, args.tornado) {
        (_, true) => None,
        (Some(x), false) => Some(GridSettings {
            x: x.clone(),
            y: args.y.clone(),
            metric: args.metric,
        }),
        (None, false) => {
            return Err(Failure::Usage(
                "give --x DRIVER:LOW:HIGH:STEPS (or --tornado)".into(),
            ));
        }
    };
    let mut opened = opened::open(file, args.scenario.as_deref())?;
    opened.result()?;
    match settings {
        None => {
            let run = opened.study.ensure_tornado(&opened.case);
            let tornado = run
                .outcome
                .as_ref()
                .map_err(|e| Failure::Data(anyhow!(e.clone())))?;
            write_tornado(tornado, out)
        }
        Some(settings) => {
            let run = opened.study.ensure_grid(&opened.case, &settings);
            let grid = run
                .outcome
                .as_ref()
                .map_err(|e| Failure::Data(anyhow!(e.clone())))?;
            write_grid(grid, out)
        }
    }
}

fn write_tornado(tornado: &Tornado, out: &mut dyn Write) -> Outcome {
    writeln!(
        out,
        "driver,low,high,net_irr_low,net_irr_high,tvpi_low,tvpi_high,net_irr_swing"
    )
    .context("could not write")?;
    for r in &tornado.rows {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            r.driver.name(),
            r.low_value.normalize(),
            r.high_value.normalize(),
            cell(r.net_irr_low),
            cell(r.net_irr_high),
            cell(r.tvpi_low),
            cell(r.tvpi_high),
            cell(Some(r.irr_swing()))
        )
        .context("could not write")?;
    }
    Ok(())
}

/// One driver: a `driver,metric` column pair; two: a table with y down and x across.
fn write_grid(grid: &Grid, out: &mut dyn Write) -> Outcome {
    let x_name = grid.x.driver.name();
    match &grid.y {
        None => {
            writeln!(out, "{x_name},{}", grid.metric.name()).context("could not write")?;
            for (x, v) in grid.xs.iter().zip(grid.cells.first().into_iter().flatten()) {
                writeln!(out, "{},{}", x.normalize(), cell(*v)).context("could not write")?;
            }
        }
        Some(y_axis) => {
            let header: Vec<String> = grid
                .xs
                .iter()
                .map(|x| format!("{x_name}={}", x.normalize()))
                .collect();
            writeln!(out, "{}\\{},{}", y_axis.driver.name(), x_name, header.join(","))
                .context("could not write")?;
            for (y, row) in grid.ys.iter().zip(&grid.cells) {
                let cells: Vec<String> = row.iter().map(|v| cell(*v)).collect();
                writeln!(out, "{},{}", y.normalize(), cells.join(",")).context("could not write")?;
            }
        }
    }
    Ok(())
}
