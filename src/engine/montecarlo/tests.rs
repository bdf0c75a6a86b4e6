//! Monte Carlo: reproducibility, the deterministic limit, the lever and stage gates.

use super::path::draw_adjustments;
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
    let mc = run(&p, &small_config(20), &|_| {}, &AtomicBool::new(false)).unwrap_or_else(|e| panic!("{e}"));
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

/// The midmarket sample with a gate of `probability` on every lever and, when `staged`,
/// a gate on its Add-ons stage (a 1.0x gross mark on the Platform stage on 30 June 2027,
/// half the budget kept on failure) making the last two add-ons conditional.
fn gated(probability: Decimal, staged: bool) -> Portfolio {
    let mut p = sample();
    for c in &mut p.companies {
        for l in &mut c.levers {
            l.programme.gate = Some(crate::engine::model::Gate {
                quarter: 2,
                probability,
                on_failure: crate::engine::model::GateFailure::KeepPilot,
            });
        }
    }
    if staged {
        p.stages[1].gate = Some(crate::engine::model::StageGate {
            date: chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap_or_default(),
            condition: crate::engine::model::StageCondition::GrossMarkMultiple {
                min_multiple: dec!(1.0),
            },
            stages: Vec::new(),
            budget_share_on_failure: dec!(0.5),
        });
        for c in p.companies.iter_mut().skip(6) {
            c.conditional = true;
        }
    }
    p
}

/// Fixes every driver but the lever gates at its plan value (realisation 1, no shifts).
fn fix_other_drivers(p: &mut Portfolio) {
    let fixed = |v: Decimal| Distribution::Fixed { value: v };
    p.uncertainty = Some(Uncertainty {
        realisation_scale: fixed(dec!(1)),
        exit_multiple_shift: fixed(dec!(0)),
        exit_delay_quarters: fixed(dec!(0)),
        growth_shift: fixed(dec!(0)),
        ..default_uncertainty()
    });
}

#[test]
fn gates_of_probability_one_reproduce_the_plan() {
    // Every gate passes on every path and the other drivers are fixed: each path is the
    // plan, so its TVPI is the exact plan's and its AI uplift is 100 % of plan.
    let mut p = gated(dec!(1), false);
    fix_other_drivers(&mut p);
    let mc = run(&p, &small_config(20), &|_| {}, &AtomicBool::new(false)).unwrap_or_else(|e| panic!("{e}"));
    let exact = compute(&p).unwrap_or_else(|e| panic!("{e}")).metrics;
    let tvpi = exact.tvpi.and_then(|t| t.to_f64()).unwrap_or_default();
    for v in mc.tvpi.values {
        assert!((v - tvpi).abs() < 1e-9, "{v} vs {tvpi}");
    }
    let uplift = mc
        .programme
        .ai_uplift_share
        .unwrap_or_else(|| panic!("no plan uplift"));
    for v in uplift.values {
        assert!((v - 1.0).abs() < 1e-9, "{v}");
    }
    assert!(!mc.programme.lever_gates.is_empty());
    assert!(mc.programme.lever_gates.iter().all(|g| g.pass_rate == 1.0));
    // Every path is the plan, so each stage's simulated band collapses onto the plan line
    // the AI view draws (computed there in Decimal, lever by lever).
    let view = crate::engine::ai_view::compute(&p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mc.programme.uplift_by_stage.len(), view.by_stage.len());
    for (band, plan) in mc.programme.uplift_by_stage.iter().zip(&view.by_stage) {
        assert_eq!(band.stage, plan.label);
        assert!(plan.plan.ltm.iter().any(|v| *v > Decimal::ZERO));
        for ([p10, p50, p90], exact) in band.p10_p50_p90.iter().zip(&plan.plan.ltm) {
            let exact = exact.to_f64().unwrap_or_default();
            for v in [p10, p50, p90] {
                assert!((v - exact).abs() < 1e-4 * exact.abs().max(1.0), "{v} vs {exact}");
            }
        }
    }
}

#[test]
fn failing_gates_spread_the_simulated_uplift_below_the_plan() {
    // Gates of 60 %, every other driver fixed: a failed gate keeps only the pilot's
    // effect, so no path realises more than the plan and some realise less — each
    // stage's P90 is at most the plan and, once its gates are behind it, its P10 is
    // below it.
    let mut p = gated(dec!(0.6), false);
    fix_other_drivers(&mut p);
    let mc = run(&p, &small_config(200), &|_| {}, &AtomicBool::new(false)).unwrap_or_else(|e| panic!("{e}"));
    let view = crate::engine::ai_view::compute(&p).unwrap_or_else(|e| panic!("{e}"));
    for (band, plan) in mc.programme.uplift_by_stage.iter().zip(&view.by_stage) {
        let mut below = false;
        for ([p10, p50, p90], exact) in band.p10_p50_p90.iter().zip(&plan.plan.ltm) {
            let exact = exact.to_f64().unwrap_or_default();
            assert!(p10 <= p50 && p50 <= p90);
            assert!(*p90 <= exact + 1e-4 * exact.abs().max(1.0), "{p90} vs {exact}");
            below |= *p10 < exact * 0.99;
        }
        assert!(below, "stage {} never below plan", band.stage);
    }
}

#[test]
fn gated_runs_are_the_same_bits_on_one_or_two_threads() {
    let p = gated(dec!(0.6), true);
    let config = McConfig {
        compare_ungated: true,
        ..small_config(300)
    };
    let run_with = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .install(|| run(&p, &config, &|_| {}, &AtomicBool::new(false)))
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let one = run_with(1);
    assert_eq!(one, run_with(2));
    let figures = &one.programme;
    assert_eq!(figures.stage_gates.len(), 1);
    let staging = figures.staging.as_ref().unwrap_or_else(|| panic!("compared"));
    // A failed stage gate leaves its conditional companies' cheques uncalled: where the
    // gate fails on some paths, the LPs pay in less on average with the gates.
    let pass_rate = figures.stage_gates[0].pass_rate;
    assert!(pass_rate > 0.0 && pass_rate < 1.0, "{pass_rate}");
    assert!(staging.gated.paid_in.mean < staging.ungated.paid_in.mean);
    // 300 paths: a pass rate of 0.6 has a standard error of √(0.24 / 300) = 0.028.
    for g in &figures.lever_gates {
        assert!((g.pass_rate - 0.6).abs() < 4.0 * 0.028, "{g:?}");
    }
}

#[test]
fn lever_gates_leave_the_other_drivers_draws_alone() {
    // Gates draw from their own stream: the same path draws the same realisation, exit
    // multiple, exit delay and growth whether or not the run draws any gate.
    let p = gated(dec!(0.5), false);
    let config = small_config(50);
    let with_gates = setup(&p, &config).unwrap_or_else(|e| panic!("{e}"));
    let mut without = setup(&p, &config).unwrap_or_else(|e| panic!("{e}"));
    without.copula.levers.clear();
    for path in [0, 1, 17, 49] {
        let (a, passes) = draw_adjustments(&with_gates, path);
        let (b, none) = draw_adjustments(&without, path);
        assert_eq!(passes.len(), with_gates.copula.levers.len());
        assert!(none.is_empty());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.realisation_scale.to_bits(), y.realisation_scale.to_bits());
            assert_eq!(x.exit_multiple_shift.to_bits(), y.exit_multiple_shift.to_bits());
            assert_eq!(x.growth_shift.to_bits(), y.growth_shift.to_bits());
            assert_eq!(x.exit_delay_quarters, y.exit_delay_quarters);
            assert!(x.gate_outcomes.is_some() && y.gate_outcomes.is_none());
        }
    }
}
