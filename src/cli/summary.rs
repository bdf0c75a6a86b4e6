//! `summary`: the fund's headline metrics as a table or JSON, the marking policy in
//! force (a line "Marking policy: …" under the table; `marking_policy` in the JSON) and
//! the reading of the levers' gates it was computed on (`--reading`; a line "Reading: …"
//! above the marking policy; `reading` in the JSON).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde_json::Value;

use super::{Outcome, opened, output};
use crate::charts::marking::marking_description;
use crate::engine::model::Reading;

/// Print the fund's headline metrics.
#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// Print a JSON object (values as decimal strings, null where undefined).
    #[arg(long)]
    pub json: bool,
    /// Scenario to apply (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Reading of the levers' gates: the plan (every gate passes) or risk-adjusted (each
    /// lever's post-gate effect weighted by its probability).
    #[arg(long, value_enum, default_value_t = ReadingArg::Plan)]
    pub reading: ReadingArg,
}

/// The `--reading` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReadingArg {
    /// Every gate passes.
    Plan,
    /// Each lever's post-gate effect and scale-up costs weighted by its probability.
    RiskAdjusted,
}

impl From<ReadingArg> for Reading {
    fn from(arg: ReadingArg) -> Reading {
        match arg {
            ReadingArg::Plan => Reading::Plan,
            ReadingArg::RiskAdjusted => Reading::RiskAdjusted,
        }
    }
}

/// The line saying which reading the figures are on.
fn reading_line(reading: Reading) -> &'static str {
    match reading {
        Reading::Plan => "Reading: plan (every gate passes)",
        Reading::RiskAdjusted => {
            "Reading: risk-adjusted (each lever's post-gate effect and scale-up costs weighted by \
             its gate probability; not the expected value of the fund's nonlinear waterfall)"
        }
    }
}

/// Prints the case's metrics.
pub fn run(args: &SummaryArgs, out: &mut dyn Write) -> Outcome {
    let reading = Reading::from(args.reading);
    let opened = opened::open_on(&args.file, args.scenario.as_deref(), reading)?;
    let result = opened.result()?;
    let portfolio = opened.study.portfolio();
    let marking = marking_description(portfolio);
    let text = if args.json {
        let mut map = crate::export::tables::summary_map(portfolio, &opened.scenario_label, &result.metrics);
        map.insert("marking_policy".into(), Value::String(marking));
        map.insert("reading".into(), Value::String(reading.label().to_string()));
        let uncalled = crate::export::tables::uncalled_at_end(&result);
        map.insert(
            "uncalled_commitment".into(),
            Value::String(uncalled.round_dp(crate::export::tables::MONEY_DP).to_string()),
        );
        if let Some(line) = crate::export::credit_line::summary_json(&result) {
            map.insert("credit_line".into(), line);
        }
        map.insert(
            "gp_economics".into(),
            crate::export::gp_economics::summary_json(&result.metrics.gp),
        );
        if let Some(gates) = crate::export::stage_gates::summary_json(&result) {
            map.insert("stage_gates".into(), gates);
        }
        serde_json::to_string_pretty(&Value::Object(map)).context("could not write the summary as JSON")?
    } else {
        let table = output::summary_text(portfolio, &opened.scenario_label, &result);
        let line: String = crate::export::credit_line::summary_lines(&result)
            .iter()
            .map(|l| format!("\n{l}"))
            .collect();
        let blocks: String = crate::export::lp_accounts::class_lines(&result)
            .into_iter()
            .chain(crate::export::gp_economics::summary_lines(&result))
            .chain(crate::export::stage_gates::summary_lines(portfolio, &result))
            .map(|l| format!("\n{l}"))
            .collect();
        format!(
            "{table}{line}{blocks}\n{}\nMarking policy: {marking}",
            reading_line(reading)
        )
    };
    writeln!(out, "{text}").context("could not write the summary")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::MarkingPolicy;

    /// The summary of the flagship sample with the fund on the optimistic policy and its
    /// first company held at the entry multiple, as text or JSON.
    fn summary_of_optimistic_flagship(json: bool) -> String {
        let mut portfolio = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        portfolio.fund.marking_policy = MarkingPolicy::LinearToExit;
        for company in &mut portfolio.companies {
            company.marking_policy = None;
        }
        portfolio.companies[0].marking_policy = Some(MarkingPolicy::EntryMultiple);
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("fund.json");
        crate::io::portfolio_file::save(&file, &portfolio).unwrap_or_else(|e| panic!("{e}"));
        let args = SummaryArgs {
            file,
            json,
            scenario: None,
            reading: ReadingArg::Plan,
        };
        let mut out = Vec::new();
        if let Err(e) = run(&args, &mut out) {
            panic!("summary failed: {e:?}");
        }
        String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
    }

    const IN_FORCE: &str =
        "linear to exit multiple (optimistic); 1 company held at entry multiple (IPEV calibration)";

    #[test]
    fn the_text_summary_ends_with_the_marking_policy_in_force() {
        let text = summary_of_optimistic_flagship(false);
        assert_eq!(
            text.lines().last(),
            Some(format!("Marking policy: {IN_FORCE}").as_str()),
            "{text}"
        );
        assert!(text.starts_with("Fund"), "{text}");
    }

    #[test]
    fn the_json_summary_has_the_marking_policy_beside_the_metrics() {
        let text = summary_of_optimistic_flagship(true);
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(json["marking_policy"], Value::String(IN_FORCE.into()));
        assert!(json["tvpi"].is_string(), "{text}");
    }
}
