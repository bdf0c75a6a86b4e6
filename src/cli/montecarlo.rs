//! `montecarlo`: a simulation over per-company uncertainty, run through the study so it
//! records the case and configuration; printed as a percentile table or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};
use serde_json::json;

use super::{Failure, Outcome, opened, values};
use crate::engine::montecarlo::{McConfig, McResult, PERCENTILES, ProgrammeRisk, ReturnSpread, Summary};

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
    /// Also run the same seeds with every stage committed up front (stage gates ignored,
    /// conditional companies acquired) and print the value of staging.
    #[arg(long)]
    pub compare_ungated: bool,
}

/// Runs the simulation and prints it.
pub fn run(args: &MontecarloArgs, out: &mut dyn Write) -> Outcome {
    let mut opened = opened::open(&args.file, args.scenario.as_deref())?;
    opened.result()?;
    let config = McConfig {
        paths: args.paths,
        seed: args.seed,
        compare_ungated: args.compare_ungated,
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
        "gross_moic": summary(&r.gross_moic),
        "paid_in": summary(&r.paid_in),
        "at_years": at_years,
        "probability_tvpi_below_1": r.probability_tvpi_below_one,
        "tvpi_histogram": r.tvpi_histogram.iter().map(|(lo, hi, n)| json!([lo, hi, n])).collect::<Vec<_>>(),
        "dates": r.dates.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "programme": programme_json(&r.programme, &summary),
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
    writeln!(out, "{}", row("Gross MOIC", &r.gross_moic, false)).context("could not write")?;
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
    write_programme(&r.programme, out)
}

fn spread_json(s: &ReturnSpread) -> serde_json::Value {
    json!({
        "net_irr": {"mean": s.net_irr.mean, "p10": s.net_irr.values[1], "p90": s.net_irr.values[5]},
        "tvpi": {"mean": s.tvpi.mean, "p10": s.tvpi.values[1], "p90": s.tvpi.values[5]},
        "probability_of_loss": s.probability_of_loss,
        "paid_in": {"mean": s.paid_in.mean, "p10": s.paid_in.values[1], "p90": s.paid_in.values[5]},
    })
}

fn programme_json(p: &ProgrammeRisk, summary: &dyn Fn(&Summary) -> serde_json::Value) -> serde_json::Value {
    json!({
        "ai_uplift_share_of_plan": p.ai_uplift_share.as_ref().map(summary),
        "plan_ai_uplift": p.plan_ai_uplift,
        "hurdle": p.hurdle,
        "probability_net_irr_below_hurdle": p.probability_below_hurdle,
        "lever_gates": p.lever_gates.iter().map(|g| json!({
            "company": g.company, "lever": g.lever, "probability": g.probability, "pass_rate": g.pass_rate,
        })).collect::<Vec<_>>(),
        "stage_gates": p.stage_gates.iter().map(|g| json!({"stage": g.stage, "pass_rate": g.pass_rate}))
            .collect::<Vec<_>>(),
        "value_of_staging": p.staging.as_ref().map(|s| json!({
            "gated": spread_json(&s.gated), "ungated": spread_json(&s.ungated),
        })),
        "ai_uplift_by_stage": p.uplift_by_stage.iter().map(|b| json!({
            "stage": b.stage,
            "p10": b.p10_p50_p90.iter().map(|v| v[0]).collect::<Vec<_>>(),
            "p50": b.p10_p50_p90.iter().map(|v| v[1]).collect::<Vec<_>>(),
            "p90": b.p10_p50_p90.iter().map(|v| v[2]).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn write_programme(p: &ProgrammeRisk, out: &mut dyn Write) -> Outcome {
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").context("could not write");
    if let Some(s) = &p.ai_uplift_share {
        w(
            out,
            format!(
                "AI value at risk (exit LTM AI EBITDA uplift / plan): P10 {:.1}%, P50 {:.1}%, P90 {:.1}%",
                s.values[1] * 100.0,
                s.values[3] * 100.0,
                s.values[5] * 100.0
            ),
        )?;
    }
    w(
        out,
        format!(
            "P(net IRR < {:.2}% hurdle) = {:.2}%",
            p.hurdle * 100.0,
            p.probability_below_hurdle * 100.0
        ),
    )?;
    if !p.lever_gates.is_empty() {
        w(
            out,
            format!(
                "{:<28} {:<28} {:>11} {:>9}",
                "Lever gate", "Company", "probability", "passed"
            ),
        )?;
        for g in &p.lever_gates {
            w(
                out,
                format!(
                    "{:<28} {:<28} {:>10.1}% {:>8.1}%",
                    g.lever,
                    g.company,
                    g.probability * 100.0,
                    g.pass_rate * 100.0
                ),
            )?;
        }
    }
    for g in &p.stage_gates {
        w(
            out,
            format!(
                "Stage gate '{}' passed on {:.1}% of paths",
                g.stage,
                g.pass_rate * 100.0
            ),
        )?;
    }
    if let Some(s) = &p.staging {
        w(
            out,
            "Value of staging (same seeds)      gated   committed up front".into(),
        )?;
        let pair = |name: &str, a: f64, b: f64, percent: bool| {
            if percent {
                format!("{name:<32} {:>8.2}% {:>8.2}%", a * 100.0, b * 100.0)
            } else {
                format!("{name:<32} {a:>8.2}x {b:>8.2}x")
            }
        };
        let (g, u) = (&s.gated, &s.ungated);
        w(out, pair("Net IRR mean", g.net_irr.mean, u.net_irr.mean, true))?;
        w(
            out,
            pair("Net IRR P10", g.net_irr.values[1], u.net_irr.values[1], true),
        )?;
        w(
            out,
            pair("Net IRR P90", g.net_irr.values[5], u.net_irr.values[5], true),
        )?;
        w(out, pair("TVPI mean", g.tvpi.mean, u.tvpi.mean, false))?;
        w(out, pair("TVPI P10", g.tvpi.values[1], u.tvpi.values[1], false))?;
        w(out, pair("TVPI P90", g.tvpi.values[5], u.tvpi.values[5], false))?;
        w(
            out,
            pair(
                "P(loss: TVPI < 1)",
                g.probability_of_loss,
                u.probability_of_loss,
                true,
            ),
        )?;
        let billions = |name: &str, a: f64, b: f64| format!("{name:<32} {:>8.2}  {:>8.2}", a / 1e9, b / 1e9);
        w(
            out,
            billions("LP paid-in mean (bn)", g.paid_in.mean, u.paid_in.mean),
        )?;
        w(
            out,
            billions("LP paid-in P10 (bn)", g.paid_in.values[1], u.paid_in.values[1]),
        )?;
        w(
            out,
            billions("LP paid-in P90 (bn)", g.paid_in.values[5], u.paid_in.values[5]),
        )?;
    }
    Ok(())
}
