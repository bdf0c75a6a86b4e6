//! The `millwright` binary: a thin shell over [`millwright::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    millwright::cli::run(
        std::env::args_os(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    )
}
