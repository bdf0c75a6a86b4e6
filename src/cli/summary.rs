//! `summary`: the fund's headline metrics as a table or JSON, and the marking policy in
//! force (a line "Marking policy: …" under the table; `marking_policy` in the JSON).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde_json::Value;

use super::{Outcome, opened, output};
use crate::charts::marking::marking_description;

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
}

/// Prints the case's metrics.
pub fn run(args: &SummaryArgs, out: &mut dyn Write) -> Outcome {
    let opened = opened::open(&args.file, args.scenario.as_deref())?;
    let result = opened.result()?;
    let portfolio = opened.study.portfolio();
    let marking = marking_description(portfolio);
    let text = if args.json {
        let mut map = crate::export::tables::summary_map(portfolio, &opened.scenario_label, &result.metrics);
        map.insert("marking_policy".into(), Value::String(marking));
        let uncalled = crate::export::tables::uncalled_at_end(&result);
        map.insert(
            "uncalled_commitment".into(),
            Value::String(uncalled.round_dp(crate::export::tables::MONEY_DP).to_string()),
        );
        if let Some(line) = crate::export::credit_line::summary_json(&result) {
            map.insert("credit_line".into(), line);
        }
        serde_json::to_string_pretty(&Value::Object(map)).context("could not write the summary as JSON")?
    } else {
        let table = output::summary_text(portfolio, &opened.scenario_label, &result);
        let line: String = crate::export::credit_line::summary_lines(&result)
            .iter()
            .map(|l| format!("\n{l}"))
            .collect();
        format!("{table}{line}\nMarking policy: {marking}")
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
