//! `xirr`: solve the XIRR of `date,amount` rows from a file or standard input.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{Context, anyhow};

use super::{Failure, Outcome};
use crate::engine;
use crate::io::flows_csv;

/// Solve the XIRR of `date,amount` rows (ISO dates; header optional).
#[derive(Debug, clap::Args)]
pub struct XirrArgs {
    /// CSV file; standard input when absent.
    pub csv: Option<PathBuf>,
}

/// Prints the rate; any other root the flows have goes to `err` as a note.
pub fn run(args: &XirrArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let text = match &args.csv {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))?
        }
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("could not read standard input")?;
            text
        }
    };
    let flows = flows_csv::parse_dated_flows(&text).map_err(|e| Failure::Data(anyhow!(e)))?;
    let irr = engine::xirr::xirr(&flows).map_err(|e| Failure::Data(anyhow!(e)))?;
    writeln!(out, "{}", irr.rate).context("could not write")?;
    for other in &irr.other_roots {
        writeln!(err, "note: the flows have another IRR: {other}").context("could not write")?;
    }
    Ok(())
}
