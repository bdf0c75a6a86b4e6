//! `montecarlo`: a simulation over per-company uncertainty, run through the study so it
//! records the case and configuration; printed as a percentile table or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use serde_json::json;

use super::{Failure, Outcome, opened, values};
use crate::engine::montecarlo::{McConfig, McResult, PERCENTILES, Summary};

/// Monte Carlo over per-company uncertainty (estimates, in f64).
#[derive(Debug, clap::Args)]
pub struct MontecarloArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// Number of paths (10 to 1,000,000).
    #[arg(long, default_value_t = 10_000, value_parser = values::paths())]
    pub paths: usize,
    /// Random seed: the same seed gives the same results, bit for bit.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Scenario to apply first (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
}

/// Runs the simulation and prints it.
pub fn run(args: &MontecarloArgs, out: &mut dyn Write) -> Outcome {
    let mut opened = opened::open(&args.file, args.scenario.as_deref())?;
    opened.result()?;
    let config = McConfig {
        paths: args.paths,
        seed: args.seed,
        ..McConfig::default()
    };
    let run = opened.study.ensure_monte_carlo(&opened.case, &config);
    let result = run
        .outcome
        .as_ref()
        .map_err(|e| Failure::Data(anyhow!(e.clone())))?;
    if args.json {
        write_json(result, out)
    } else {
        write_table(result, out)
    }
}

/// `p5` … `p95`, one key per reported percentile.
fn percentile_keys() -> [String; 7] {
    PERCENTILES.map(|p| format!("p{p:.0}"))
}

fn summary_json(keys: &[String; 7], s: &Summary) -> serde_json::Value {
    let mut o = serde_json::Map::new();
    for (k, v) in keys.iter().zip(s.values) {
        o.insert(k.clone(), json!(v));
    }
    o.insert("mean".into(), json!(s.mean));
    serde_json::Value::Object(o)
}

fn write_json(r: &McResult, out: &mut dyn Write) -> Outcome {
    let keys = percentile_keys();
    let summary = |s: &Summary| summary_json(&keys, s);
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
    let text = serde_json::to_string_pretty(&value).context("could not format the JSON")?;
    writeln!(out, "{text}").context("could not write")?;
    Ok(())
}

/// One row of the table: a name, then each percentile as a rate or a multiple.
fn row(name: &str, s: &Summary, percent: bool) -> String {
    let cells: String = s
        .values
        .iter()
        .map(|v| {
            if percent {
                format!("{:>7.2}%", v * 100.0)
            } else {
                format!("{v:>7.2}x")
            }
        })
        .collect();
    format!("{name:<10} {cells}")
}

fn write_table(r: &McResult, out: &mut dyn Write) -> Outcome {
    let keys = percentile_keys();
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
