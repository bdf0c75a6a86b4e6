//! The `millwright` binary: a thin shell over [`millwright::cli::run`].

use std::process::ExitCode;

/// mimalloc rather than the system allocator: a Monte Carlo path allocates and frees a
/// quarterly buffer per company, and glibc's per-thread arenas hand the freed memory
/// back to the kernel after every path (about 110 page faults a path on the $100B
/// sample), which cost as much system time as the gates' own arithmetic. rerun makes the
/// same choice for the same reason.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    millwright::cli::run(
        std::env::args_os(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    )
}
