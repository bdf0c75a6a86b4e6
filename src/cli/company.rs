//! `company`: one company's quarterly statement as CSV (acquisition to exit, one row a
//! quarter), to standard output or a file (never over the portfolio file itself).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};

use super::{Outcome, opened};
use crate::export::statement;

/// Write one company's quarterly statement as CSV.
#[derive(Debug, clap::Args)]
pub struct CompanyArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
    /// The company, by its name in the model.
    #[arg(long, value_parser = company_name)]
    pub company: String,
    /// Scenario to apply (default: the base case).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// A company name as typed: surrounding spaces dropped, never empty.
fn company_name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        Err("give the company's name as it appears in the model".into())
    } else {
        Ok(name.to_string())
    }
}

/// Writes the company's statement in the case `--scenario` names.
pub fn run(args: &CompanyArgs, out: &mut dyn Write) -> Outcome {
    if let Some(path) = &args.out {
        opened::refuse_overwriting(&args.file, path, "--out")?;
    }
    let opened = opened::open(&args.file, args.scenario.as_deref())?;
    // A model with errors or an unknown scenario is reported as the other commands do.
    opened.result()?;
    let statement =
        statement::company_statement(&opened.study, &opened.case, &args.company).map_err(|e| anyhow!(e))?;
    let csv = statement::to_csv(&statement);
    match &args.out {
        Some(path) => crate::io::write_atomically(path, csv.as_bytes())
            .with_context(|| format!("could not write {}", path.display()))?,
        None => out
            .write_all(csv.as_bytes())
            .context("could not write the company statement")?,
    }
    Ok(())
}
