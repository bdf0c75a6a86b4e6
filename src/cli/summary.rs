//! `summary`: the fund's headline metrics as a table or JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{Outcome, opened, output};

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
    let text = if args.json {
        crate::export::tables::summary_json(opened.study.portfolio(), &opened.scenario_label, &result.metrics)
    } else {
        output::summary_text(opened.study.portfolio(), &opened.scenario_label, &result)
    };
    writeln!(out, "{text}").context("could not write the summary")?;
    Ok(())
}
