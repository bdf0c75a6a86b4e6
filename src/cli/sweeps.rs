//! The sweep commands: sensitivity grids and tornado, Monte Carlo, goal seek.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, anyhow};
use rust_decimal::Decimal;
use serde_json::json;

use super::Failure;
use super::commands::computed_model;
use crate::engine::drivers::{Driver, Metric};
use crate::engine::goalseek;
use crate::engine::montecarlo::{self, McConfig, PERCENTILES};
use crate::engine::sensitivity::{self, Axis};

fn metric(name: &str) -> Result<Metric, Failure> {
    Metric::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
        Failure::Usage(format!("'{name}' is not a metric; metrics: {}", names.join(", ")))
    })
}

fn cell(value: Option<Decimal>) -> String {
    value
        .map(|v| v.round_dp(10).normalize().to_string())
        .unwrap_or_default()
}

/// `sensitivity`.
#[expect(clippy::too_many_arguments, reason = "one argument per command-line option")]
pub fn sensitivity(
    file: Option<&Path>,
    list_drivers: bool,
    x: Option<&str>,
    y: Option<&str>,
    metric_name: &str,
    tornado: bool,
    scenario: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if list_drivers {
        for d in Driver::ALL {
            writeln!(out, "{:<22} {}", d.name(), d.label()).context("could not write")?;
        }
        return Ok(());
    }
    let file = file.ok_or_else(|| Failure::Usage("sensitivity needs a FILE".into()))?;
    let portfolio = computed_model(file, scenario)?;
    if tornado {
        let t = sensitivity::tornado(&portfolio).map_err(|e| Failure::Data(anyhow!(e)))?;
        writeln!(
            out,
            "driver,low,high,net_irr_low,net_irr_high,tvpi_low,tvpi_high,net_irr_swing"
        )
        .context("could not write")?;
        for r in &t.rows {
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
        return Ok(());
    }
    let metric = metric(metric_name)?;
    let x = x.ok_or_else(|| Failure::Usage("give --x DRIVER:LOW:HIGH:STEPS (or --tornado)".into()))?;
    let x = Axis::parse(x).map_err(Failure::Usage)?;
    let y = y.map(Axis::parse).transpose().map_err(Failure::Usage)?;
    let grid = sensitivity::grid(&portfolio, x, y, metric).map_err(|e| Failure::Data(anyhow!(e)))?;
    let x_name = grid.x.driver.name();
    match &grid.y {
        None => {
            writeln!(out, "{x_name},{}", metric.name()).context("could not write")?;
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

/// `montecarlo`.
pub fn monte_carlo(
    file: &Path,
    paths: usize,
    seed: u64,
    json_output: bool,
    scenario: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let portfolio = computed_model(file, scenario)?;
    let config = McConfig {
        paths,
        seed,
        ..McConfig::default()
    };
    let r = montecarlo::run(&portfolio, &config, &|_| {}, &AtomicBool::new(false))
        .map_err(|e| Failure::Data(anyhow!(e)))?;
    let keys = PERCENTILES.map(|p| format!("p{p:.0}"));
    let summary = |s: &montecarlo::Summary| {
        let mut o = serde_json::Map::new();
        for (k, v) in keys.iter().zip(s.values) {
            o.insert(k.clone(), json!(v));
        }
        o.insert("mean".into(), json!(s.mean));
        serde_json::Value::Object(o)
    };
    if json_output {
        let at_years: Vec<serde_json::Value> = r
            .at_years
            .iter()
            .map(|(y, dpi, tvpi)| json!({"year": y, "dpi": summary(dpi), "tvpi": summary(tvpi)}))
            .collect();
        let value = json!({
            "estimate": "Monte Carlo (f64), not booked figures",
            "paths": r.paths,
            "seed": r.seed,
            "net_irr": summary(&r.net_irr),
            "paths_without_irr": r.paths_without_irr,
            "tvpi": summary(&r.tvpi),
            "dpi": summary(&r.dpi),
            "at_years": at_years,
            "probability_tvpi_below_1": r.probability_tvpi_below_one,
            "tvpi_histogram": r.tvpi_histogram.iter().map(|(lo, hi, n)| json!([lo, hi, n])).collect::<Vec<_>>(),
        });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        )
        .context("could not write")?;
        return Ok(());
    }
    writeln!(
        out,
        "Monte Carlo estimate: {} paths, seed {} (f64 simulation, not booked figures)",
        r.paths, r.seed
    )
    .context("could not write")?;
    writeln!(
        out,
        "{:<10} {}",
        "",
        keys.iter().map(|k| format!("{k:>8}")).collect::<String>()
    )
    .context("could not write")?;
    let row = |name: &str, s: &montecarlo::Summary, pct: bool| {
        let cells: String = s
            .values
            .iter()
            .map(|v| {
                if pct {
                    format!("{:>7.2}%", v * 100.0)
                } else {
                    format!("{v:>7.2}x")
                }
            })
            .collect();
        format!("{name:<10} {cells}")
    };
    writeln!(out, "{}", row("Net IRR", &r.net_irr, true)).context("could not write")?;
    writeln!(out, "{}", row("TVPI", &r.tvpi, false)).context("could not write")?;
    writeln!(out, "{}", row("DPI", &r.dpi, false)).context("could not write")?;
    for (y, dpi, tvpi) in &r.at_years {
        writeln!(out, "{}", row(&format!("DPI y{y}"), dpi, false)).context("could not write")?;
        writeln!(out, "{}", row(&format!("TVPI y{y}"), tvpi, false)).context("could not write")?;
    }
    writeln!(
        out,
        "P(TVPI < 1) = {:.2}%; paths with no IRR: {}",
        r.probability_tvpi_below_one * 100.0,
        r.paths_without_irr
    )
    .context("could not write")?;
    Ok(())
}

/// `goalseek`.
#[expect(clippy::too_many_arguments, reason = "one argument per command-line option")]
pub fn goal_seek(
    file: &Path,
    driver: &str,
    metric_name: &str,
    target: Decimal,
    low: Option<Decimal>,
    high: Option<Decimal>,
    scenario: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let driver = Driver::parse(driver).ok_or_else(|| {
        Failure::Usage(format!(
            "'{driver}' is not a driver (see sensitivity --list-drivers)"
        ))
    })?;
    let metric = metric(metric_name)?;
    let portfolio = computed_model(file, scenario)?;
    let (lo, hi) = driver.tornado_range(&portfolio);
    let span = hi - lo;
    let range = (low.unwrap_or(lo - span), high.unwrap_or(hi + span));
    let s = goalseek::solve(&portfolio, driver, metric, target, range, Decimal::new(1, 7))
        .map_err(|e| Failure::Data(anyhow!(e)))?;
    writeln!(
        out,
        "{} = {} gives {} = {} ({} iterations)",
        driver.name(),
        s.value.round_dp(9).normalize(),
        metric.name(),
        s.achieved.round_dp(9).normalize(),
        s.iterations
    )
    .context("could not write")?;
    Ok(())
}
