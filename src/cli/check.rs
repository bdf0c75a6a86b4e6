//! `check`: validate a portfolio file and print each problem with its field.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, anyhow};

use super::{Failure, Outcome, opened};
use crate::engine::validate::Severity;

/// Validate a portfolio file; print each problem with its field.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Portfolio file (JSON).
    pub file: PathBuf,
}

/// Prints every problem, then a one-line verdict; errors make it a data failure.
pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Outcome {
    let portfolio = opened::load(&args.file)?;
    // The projection is checked too: the calls against the commitment need it.
    let (problems, outcome) = crate::engine::compute_checked(&portfolio);
    for problem in &problems {
        writeln!(out, "{problem}").context("could not write")?;
    }
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    if errors > 0 {
        return Err(Failure::Data(anyhow!(
            "{}: {errors} error(s), {warnings} warning(s)",
            args.file.display()
        )));
    }
    if let Err(e) = outcome {
        return Err(Failure::Data(anyhow!("{}: {e}", args.file.display())));
    }
    writeln!(
        out,
        "{}: ok — {} stages, {} companies, {warnings} warning(s)",
        args.file.display(),
        portfolio.stages.len(),
        portfolio.companies.len()
    )
    .context("could not write")?;
    Ok(())
}
