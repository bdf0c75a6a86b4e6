//! The fuzz harness in CI: a short seeded run of the same mutators and driver as
//! `examples/fuzz.rs` (`cargo run --release --example fuzz -- --minutes 10` for a long
//! one), and a replay of every reproducer committed in `tests/fuzz_reproducers/`.

#[path = "fuzz_driver.rs"]
mod fuzz_driver;

use fuzz_driver::{Budget, Tally, drive};
use millwright::io::fuzz::Mutator;
use millwright::io::samples::SAMPLES;

/// Fixed seed and budget: the same 1,000 inputs on every run (about 6 s in the debug test profile).
const SEED: u64 = 9;
const ITERATIONS: u64 = 1000;

#[test]
fn a_short_seeded_fuzz_run_finds_no_panic() {
    let mut mutator = Mutator::new(SEED);
    let mut tally = Tally::default();
    for i in 0..ITERATIONS {
        let Some((_, sample)) = SAMPLES.get(usize::try_from(i).unwrap_or(0) % SAMPLES.len()) else {
            continue;
        };
        let input = mutator.mutate(sample);
        let budget = Budget {
            sweeps: i % 8 == 0,
            export: i % 100 == 50,
        };
        tally.record(&drive(&input, budget));
    }
    assert_eq!(tally.iterations, ITERATIONS);
    assert!(
        tally.loaded > 0,
        "no mutated input loaded: the run exercised only the loader"
    );
    assert!(tally.panics.is_empty(), "{}", tally.summary());
}

#[test]
fn every_committed_reproducer_replays_without_a_panic() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_reproducers");
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path)?;
            let budget = Budget {
                sweeps: true,
                export: true,
            };
            if let Err(panic) = drive(&bytes, budget) {
                failures.push(format!("{}: [{}] {}", path.display(), panic.stage, panic.message));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}
