//! The headless command line over the engine: check a file, print its metrics and cash
//! flows, solve an XIRR. Exit codes: 0 ok, 1 data or model error, 2 usage error.

mod args;
mod commands;
mod output;
mod sweeps;

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

/// Parses `args` (program name first) and runs the command, writing results to `stdout`
/// and problems to `stderr`.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitCode {
    let cli = match <Cli as clap::Parser>::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            let text = error.render().ansi().to_string();
            return match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = write!(stdout, "{text}");
                    ExitCode::SUCCESS
                }
                _ => {
                    let _ = write!(stderr, "{}", error.render());
                    ExitCode::from(2)
                }
            };
        }
    };
    match commands::execute(cli, stdout, stderr) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Data(error)) => {
            let _ = writeln!(stderr, "error: {error:#}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            let _ = writeln!(stderr, "error: {message}");
            ExitCode::from(2)
        }
    }
}
