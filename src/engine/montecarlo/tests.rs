//! Monte Carlo: reproducibility, the deterministic limit, the lever and stage gates.

use super::*;
use crate::engine::compute;
use rust_decimal::Decimal;

fn small_config(paths: usize) -> McConfig {
    McConfig {
        paths,
        seed: 7,
        at_years: vec![5],
        histogram_bins: 10,
        compare_ungated: false,
    }
}

fn sample() -> Portfolio {
    crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn zero_width_distributions_give_the_deterministic_result() {
    let mut p = sample();
    let fixed = |v: Decimal| Distribution::Fixed { value: v };
    p.uncertainty = Some(Uncertainty {
        realisation_scale: fixed(dec!(1)),
        exit_multiple_shift: fixed(dec!(0)),
        exit_delay_quarters: fixed(dec!(0)),
        growth_shift: fixed(dec!(0)),
        market_factor_weight: dec!(0.5),
        ..default_uncertainty()
    });
    let mc =
        run(&p, &small_config(20), &|_| {}, &AtomicBool::new(false)).unwrap_or_else(|e| panic!("{e}"));
    let exact = compute(&p).unwrap_or_else(|e| panic!("{e}")).metrics;
    let tvpi = exact.tvpi.and_then(|t| t.to_f64()).unwrap_or_default();
    let irr = exact.net_irr.ok().and_then(|t| t.to_f64()).unwrap_or_default();
    for v in mc.tvpi.values {
        assert!((v - tvpi).abs() < 1e-9, "{v} vs {tvpi}");
    }
    assert!((mc.net_irr.values[3] - irr).abs() < 1e-9);
    assert_eq!(mc.probability_tvpi_below_one, 0.0);
}

#[test]
fn same_seed_same_bits_whatever_the_thread_count() {
    let p = sample();
    let config = small_config(300);
    let run_with = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .install(|| run(&p, &config, &|_| {}, &AtomicBool::new(false)))
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let one = run_with(1);
    let three = run_with(3);
    assert_eq!(one, three);
    let other_seed = run(
        &p,
        &McConfig {
            seed: 8,
            ..config.clone()
        },
        &|_| {},
        &AtomicBool::new(false),
    );
    assert_ne!(other_seed.ok().map(|r| r.tvpi), Some(one.tvpi.clone()));
    // A spread exists, in the right order.
    assert!(one.tvpi.values.windows(2).all(|w| w[0] <= w[1]));
    assert!(one.tvpi.values[0] < one.tvpi.values[6]);
    assert_eq!(one.tvpi_histogram.iter().map(|b| b.2).sum::<usize>(), 300);
}

#[test]
fn cancel_stops_the_run() {
    let p = sample();
    let cancel = AtomicBool::new(true);
    assert_eq!(
        run(&p, &small_config(1000), &|_| {}, &cancel),
        Err(McError::Cancelled)
    );
}
