//! The command line's shape (clap): the program's own arguments and one subcommand per
//! command, each with its argument struct beside its `run` function.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::cashflows::CashflowsArgs;
use super::chart::ChartArgs;
use super::check::CheckArgs;
use super::company::CompanyArgs;
use super::export::ExportArgs;
use super::goalseek::GoalseekArgs;
use super::lp::LpArgs;
use super::montecarlo::MontecarloArgs;
use super::sensitivity::SensitivityArgs;
use super::summary::SummaryArgs;
use super::xirr::XirrArgs;

/// Millwright: model a staged industrial-AI buyout fund.
///
/// With no command, opens the desktop app on FILE (or on the built-in $100B sample).
#[derive(Debug, Parser)]
#[command(name = "millwright", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Portfolio file to open in the desktop app.
    pub file: Option<PathBuf>,
    /// The command to run (none: open the desktop app).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// One command of the command line.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a portfolio file; print each problem with its field.
    Check(CheckArgs),
    /// Print the fund's headline metrics.
    Summary(SummaryArgs),
    /// Write the fund's quarterly cash flows as CSV.
    Cashflows(CashflowsArgs),
    /// Write one company's quarterly statement as CSV (acquisition to exit).
    Company(CompanyArgs),
    /// Write the LP classes' quarterly capital accounts as CSV (one row per quarter per
    /// class).
    Lp(LpArgs),
    /// Export one chart as a memo-ready SVG or PNG (by the file extension).
    Chart(ChartArgs),
    /// Write the memo pack: every chart as SVG and PNG, summary/cashflows/companies CSV and
    /// model.xlsx.
    Export(ExportArgs),
    /// Sensitivity: a one- or two-driver grid of a metric (CSV), or a tornado.
    Sensitivity(SensitivityArgs),
    /// Monte Carlo over per-company uncertainty (estimates, in f64).
    Montecarlo(MontecarloArgs),
    /// Goal seek: the driver value at which a metric reaches a target.
    Goalseek(GoalseekArgs),
    /// Solve the XIRR of `date,amount` rows (ISO dates; header optional).
    Xirr(XirrArgs),
}
