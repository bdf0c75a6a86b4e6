//! `lp`: the LP classes' quarterly capital-account statement as CSV (one row per quarter
//! per class, or for one class), to standard output or a file (never over the portfolio
//! file itself).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};

use super::{Outcome, opened};
use crate::export::lp_accounts;

/// Write the LP classes' quarterly capital accounts as CSV.
#[derive(Debug, clap::Args)]
pub struct LpArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// Only this LP class, by its name in the model (default: every class).
    #[arg(long, value_parser = class_name)]
    pub class: Option<String>,
    /// Scenario to apply (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// A class name as typed: surrounding spaces dropped, never empty.
fn class_name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        Err("give the LP class's name as it appears in the model".into())
    } else {
        Ok(name.to_string())
    }
}

/// Writes the capital accounts of the case `--scenario` names.
pub fn run(args: &LpArgs, out: &mut dyn Write) -> Outcome {
    if let Some(path) = &args.out {
        opened::refuse_overwriting(&args.file, path, "--out")?;
    }
    let opened = opened::open(&args.file, args.scenario.as_deref())?;
    let result = opened.result()?;
    let accounts = lp_accounts::lp_accounts(&result, args.class.as_deref()).map_err(|e| anyhow!(e))?;
    let csv = lp_accounts::to_csv(&accounts);
    match &args.out {
        Some(path) => crate::io::write_atomically(path, csv.as_bytes())
            .with_context(|| format!("could not write {}", path.display()))?,
        None => out
            .write_all(csv.as_bytes())
            .context("could not write the capital accounts")?,
    }
    Ok(())
}
