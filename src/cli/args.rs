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
    /// Export one chart as a memo-ready SVG or PNG (by the file extension).
    Chart {
        /// Portfolio file (JSON); not needed with --list.
        #[arg(required_unless_present = "list")]
        file: Option<PathBuf>,
        /// List the chart names.
        #[arg(long)]
        list: bool,
        /// Which chart (see --list).
        #[arg(long, required_unless_present = "list")]
        chart: Option<String>,
        /// Output file: PATH.svg or PATH.png.
        #[arg(long, required_unless_present = "list")]
        out: Option<PathBuf>,
        /// Scenario to apply (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
        /// Width in pixels (default 1200 for SVG, 2400 for PNG).
        #[arg(long)]
        width: Option<u32>,
        /// Height in pixels (default 750 for SVG, 1500 for PNG).
        #[arg(long)]
        height: Option<u32>,
    },
    /// Write the memo pack: every chart as SVG and PNG, summary/cashflows/companies CSV and
    /// model.xlsx.
    Export {
        /// Portfolio file (JSON).
        file: PathBuf,
        /// Folder to write into (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Scenario to apply (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Sensitivity: a one- or two-driver grid of a metric (CSV), or a tornado.
    Sensitivity {
        /// Portfolio file (JSON); not needed with --list-drivers.
        #[arg(required_unless_present = "list_drivers")]
        file: Option<PathBuf>,
        /// List the drivers and their tornado ranges.
        #[arg(long)]
        list_drivers: bool,
        /// First axis: DRIVER:LOW:HIGH:STEPS (e.g. exit_multiple_shift:-2:2:21).
        #[arg(long)]
        x: Option<String>,
        /// Second axis: DRIVER:LOW:HIGH:STEPS.
        #[arg(long)]
        y: Option<String>,
        /// Metric in each cell: net_irr, gross_irr, tvpi, dpi, rvpi, gross_moic, pme.
        #[arg(long, default_value = "net_irr")]
        metric: String,
        /// Print the tornado (every driver low and high, sorted by net IRR swing) instead.
        #[arg(long)]
        tornado: bool,
        /// Scenario to apply first (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Monte Carlo over per-company uncertainty (estimates, in f64).
    Montecarlo {
        /// Portfolio file (JSON).
        file: PathBuf,
        /// Number of paths.
        #[arg(long, default_value_t = 10_000)]
        paths: usize,
        /// Random seed: the same seed gives the same results, bit for bit.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Scenario to apply first (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Goal seek: the driver value at which a metric reaches a target.
    Goalseek {
        /// Portfolio file (JSON).
        file: PathBuf,
        /// Driver to solve for (see `sensitivity --list-drivers`).
        #[arg(long)]
        driver: String,
        /// Metric: net_irr, gross_irr, tvpi, dpi, rvpi, gross_moic, pme.
        #[arg(long)]
        metric: String,
        /// Target value (a fraction for rates: 0.2 is 20 %).
        #[arg(long)]
        target: rust_decimal::Decimal,
        /// Low end of the search (default: the driver's tornado low, widened).
        #[arg(long, allow_hyphen_values = true)]
        low: Option<rust_decimal::Decimal>,
        /// High end of the search.
        #[arg(long, allow_hyphen_values = true)]
        high: Option<rust_decimal::Decimal>,
        /// Scenario to apply first (default: the base case).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Solve the XIRR of `date,amount` rows (ISO dates; header optional).
    Xirr {
        /// CSV file; standard input when absent.
        csv: Option<PathBuf>,
    },
}
