//! `export`: the memo pack (every chart as SVG and PNG, the CSV tables and the workbook)
//! written into one folder.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};

use super::{Failure, Outcome, opened};
use crate::export::pack;

/// Write the memo pack: every chart as SVG and PNG, summary/cashflows/companies CSV and
/// model.xlsx.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// Folder to write into (created if needed).
    #[arg(long)]
    pub out: PathBuf,
    /// Scenario to apply (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
}

/// Writes the pack and prints each file written.
pub fn run(args: &ExportArgs, out: &mut dyn Write) -> Outcome {
    // Checked before anything is computed: a pack file named like the portfolio
    // (`summary.csv` in the folder holding it) would replace it.
    for name in pack::file_names() {
        opened::refuse_overwriting(&args.file, &args.out.join(name), "--out")?;
    }
    let mut opened = opened::open(&args.file, args.scenario.as_deref())?;
    opened.result()?;
    let source = opened.source();
    let written = pack::export_pack(
        &mut opened.study,
        &opened.case,
        &source,
        &args.out,
        &mut |_, _| {},
    )
    .map_err(|e| Failure::Data(anyhow!(e)))?;
    for path in written {
        writeln!(out, "{}", path.display()).context("could not write")?;
    }
    Ok(())
}
