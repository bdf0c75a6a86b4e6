//! The headless command line over the engine: check a file, print its metrics and cash
//! flows, export charts and the memo pack, run sensitivities, Monte Carlo and goal seek,
//! solve an XIRR. clap parses every name and number into a typed, bounded value
//! (`values`); each command is one `run` function in its own module, and every command
//! that computes builds one [`crate::engine::study::Study`] (`opened`).
//!
//! Exit codes: 0 ok, 1 data or model error, 2 usage error.

mod args;
mod cashflows;
mod chart;
mod check;
mod company;
mod export;
mod goalseek;
mod lp;
mod montecarlo;
mod opened;
mod output;
mod sensitivity;
mod summary;
mod values;
mod xirr;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

pub use args::{Cli, Command};

/// What went wrong, and so which exit code to use.
#[derive(Debug)]
pub enum Failure {
    /// A bad file, a model with errors, no IRR: exit 1.
    Data(anyhow::Error),
    /// The command line itself was wrong: exit 2.
    Usage(String),
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::Data(error)
    }
}

/// What a command returns.
pub type Outcome = Result<(), Failure>;

/// Parses `args` (program name first) and runs the command, writing results to `stdout`
/// and problems to `stderr`.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitCode {
    let cli = match <Cli as clap::Parser>::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return parse_failure(&error, stdout, stderr),
    };
    let (code, message) = match execute(cli, stdout, stderr) {
        Ok(()) => return ExitCode::SUCCESS,
        Err(Failure::Data(error)) => (1, format!("error: {error:#}")),
        Err(Failure::Usage(message)) => (2, format!("error: {message}")),
    };
    // The last word: if stderr itself cannot be written (closed, a full disk) there is
    // nowhere left to report that, and the exit code still says what happened.
    writeln!(stderr, "{message}").ok();
    ExitCode::from(code)
}

/// Help and version go to stdout with exit 0; every other parse error is a usage error.
fn parse_failure(error: &clap::Error, stdout: &mut dyn Write, stderr: &mut dyn Write) -> ExitCode {
    use clap::error::ErrorKind;
    // As in `run`: a stream that cannot be written leaves only the exit code to tell.
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            write!(stdout, "{}", error.render().ansi()).ok();
            ExitCode::SUCCESS
        }
        _ => {
            write!(stderr, "{}", error.render()).ok();
            ExitCode::from(2)
        }
    }
}

/// Runs the parsed command.
fn execute(cli: Cli, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Outcome {
    match cli.command {
        None => open_app(cli.file),
        Some(Command::Check(args)) => check::run(&args, stdout),
        Some(Command::Summary(args)) => summary::run(&args, stdout),
        Some(Command::Cashflows(args)) => cashflows::run(&args, stdout),
        Some(Command::Company(args)) => company::run(&args, stdout),
        Some(Command::Lp(args)) => lp::run(&args, stdout),
        Some(Command::Chart(args)) => chart::run(&args, stdout),
        Some(Command::Export(args)) => export::run(&args, stdout),
        Some(Command::Sensitivity(args)) => sensitivity::run(&args, stdout),
        Some(Command::Montecarlo(args)) => montecarlo::run(&args, stdout),
        Some(Command::Goalseek(args)) => goalseek::run(&args, stdout),
        Some(Command::Xirr(args)) => xirr::run(&args, stdout, stderr),
    }
}

#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>) -> Outcome {
    crate::app::run(file).map_err(Failure::Data)
}

#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>) -> Outcome {
    Err(Failure::Usage(
        "this build has no desktop app (built without the `gui` feature); use a command such as `summary`"
            .into(),
    ))
}
