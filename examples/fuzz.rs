//! A long fuzz run of the library entry points a user's file reaches, on stable Rust:
//!
//! ```text
//! cargo run --release --example fuzz -- --minutes 10 --seed 1
//! ```
//!
//! Seeded structure-aware and byte-level mutations of the bundled samples
//! (`millwright::io::fuzz`) go through load, validation, every case of a study, small
//! sweeps, every chart and, every 200th input, the memo pack (`tests/integration/
//! fuzz_driver.rs`, shared with the CI smoke test). Each input that panics is written to
//! `tests/fuzz_reproducers/<hash>.json` with its panic in `<hash>.txt` (at most three per
//! distinct panic); a summary of panics by message is printed at the end.
//!
//! Options: `--minutes M` (default 1), `--seed N` (default 1), `--iterations K` (stop
//! after K inputs), `--out DIR` (default `tests/fuzz_reproducers`).

// A command-line tool: progress and the panic summary go to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/integration/fuzz_driver.rs"]
mod fuzz_driver;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fuzz_driver::{Budget, Tally, drive, quiet_every_thread, save_reproducer};
use millwright::io::fuzz::Mutator;
use millwright::io::samples::SAMPLES;

struct Options {
    minutes: f64,
    seed: u64,
    iterations: Option<u64>,
    out: PathBuf,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        minutes: 1.0,
        seed: 1,
        iterations: None,
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_reproducers"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{flag} {value}: {e}");
        match flag.as_str() {
            "--minutes" => options.minutes = value.parse().map_err(|e| bad(&e))?,
            "--seed" => options.seed = value.parse().map_err(|e| bad(&e))?,
            "--iterations" => options.iterations = Some(value.parse().map_err(|e| bad(&e))?),
            "--out" => options.out = PathBuf::from(value),
            _ => {
                return Err(format!(
                    "unknown option {flag} (--minutes, --seed, --iterations, --out)"
                ));
            }
        }
    }
    if !options.minutes.is_finite() || options.minutes < 0.0 {
        return Err("--minutes must be a non-negative number".into());
    }
    Ok(options)
}

fn main() -> std::process::ExitCode {
    let options = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    quiet_every_thread();
    let budget_time = Duration::from_secs_f64(options.minutes * 60.0);
    let started = Instant::now();
    let mut last_report = started;
    let mut mutator = Mutator::new(options.seed);
    let mut tally = Tally::default();
    let mut saved: HashMap<String, usize> = HashMap::new();
    // An abort (an allocation that fails) cannot be caught: the input in flight is kept
    // on disk so that it is not lost with the process.
    let in_flight =
        std::env::temp_dir().join(format!("millwright-fuzz-in-flight-{}.json", std::process::id()));
    println!(
        "fuzzing for {:.1} min with seed {}; reproducers go to {}; if the run aborts, its input is {}",
        options.minutes,
        options.seed,
        options.out.display(),
        in_flight.display()
    );
    for i in 0u64.. {
        if started.elapsed() >= budget_time || options.iterations.is_some_and(|n| i >= n) {
            break;
        }
        let Some((_, sample)) = SAMPLES.get(usize::try_from(i % 2).unwrap_or(0) % SAMPLES.len()) else {
            break;
        };
        let input = mutator.mutate(sample);
        let budget = Budget {
            sweeps: i % 4 == 0,
            export: i % 200 == 100,
        };
        if let Err(e) = std::fs::write(&in_flight, &input) {
            eprintln!("fuzz: could not keep the input in flight: {e}");
        }
        let outcome = drive(&input, budget);
        if let Err(panic) = &outcome {
            let count = saved.entry(panic.message.clone()).or_default();
            if *count < 3 {
                *count += 1;
                match save_reproducer(&options.out, &input, panic) {
                    Ok(path) => println!("panic [{}] {} → {}", panic.stage, panic.message, path.display()),
                    Err(e) => eprintln!("fuzz: could not save a reproducer: {e}"),
                }
            }
        }
        tally.record(&outcome);
        if last_report.elapsed() >= Duration::from_secs(30) {
            last_report = Instant::now();
            println!(
                "{:>6.0} s: {} iterations, {} loaded, {} computed, {} panics",
                started.elapsed().as_secs_f64(),
                tally.iterations,
                tally.loaded,
                tally.computed,
                tally.panics.values().sum::<u64>()
            );
        }
    }
    std::fs::remove_file(&in_flight).ok();
    println!("{:.0} s: {}", started.elapsed().as_secs_f64(), tally.summary());
    if tally.panics.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
