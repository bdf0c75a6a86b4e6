//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Millwright: model a staged industrial-AI buyout fund.
///
/// With no command, opens the desktop app on FILE (or on the built-in $100B sample).
#[derive(Debug, Parser)]
#[command(name = "millwright", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Portfolio file to open in the desktop app.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a portfolio file; print each problem with its field.
    Check {
        /// Portfolio file (JSON).
        file: PathBuf,
    },
    /// Print the fund's headline metrics.
    Summary {
        /// Portfolio file (JSON).
        file: PathBuf,
        /// Print a JSON object (values as decimal strings, null where undefined).
        #[arg(long)]
        json: bool,
        /// Scenario to apply (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Write the fund's quarterly cash flows as CSV.
    Cashflows {
        /// Portfolio file (JSON).
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Scenario to apply (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Solve the XIRR of `date,amount` rows (ISO dates; header optional).
    Xirr {
        /// CSV file; standard input when absent.
        csv: Option<PathBuf>,
    },
}
