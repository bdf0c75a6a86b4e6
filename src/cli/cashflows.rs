//! `cashflows`: the fund's quarterly cash flows as CSV, to standard output or a file
//! (never over the portfolio file itself).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{Outcome, opened};

/// Write the fund's quarterly cash flows as CSV.
#[derive(Debug, clap::Args)]
pub struct CashflowsArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Scenario to apply (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
}

/// Writes the case's cash flows.
pub fn run(args: &CashflowsArgs, out: &mut dyn Write) -> Outcome {
    if let Some(path) = &args.out {
        opened::refuse_overwriting(&args.file, path, "--out")?;
    }
    let opened = opened::open(&args.file, args.scenario.as_deref())?;
    let csv = crate::export::tables::cashflows_csv(&*opened.result()?)?;
    match &args.out {
        Some(path) => crate::io::write_atomically(path, csv.as_bytes())
            .with_context(|| format!("could not write {}", path.display()))?,
        None => out
            .write_all(csv.as_bytes())
            .context("could not write the cash flows")?,
    }
    Ok(())
}
