//! The AI programme tab on the $100B sample (egui_kittest, headless): once the view is
//! computed it shows the sample's shared platform by name with its dependent levers, and
//! a row per stage gate and reading with the gate's condition and threshold and an
//! outcome; with no Monte Carlo run it says how to see the simulated pass rates. The
//! outcomes themselves are not fixed here (the sample's gates may pass or fail). The
//! "Three readings" table at the top has its plan, risk-adjusted and simulated columns.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::engine::model::StageCondition;
use millwright::io::samples;
use millwright::units::{format_multiple, format_percent};

use super::app_ai_programme::harness;

/// Runs frames until the tab shows `label`: the $100B sample's view is computed on a
/// worker thread and takes a while in a debug build.
fn wait_for(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while Instant::now() < deadline {
        harness.run_steps(1);
        if harness.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the AI programme tab never showed {label:?}");
}

/// The threshold as the tab writes it.
fn threshold(condition: &StageCondition) -> String {
    match condition {
        StageCondition::AiUpliftShare { min_share } => format!("{} of plan", format_percent(*min_share)),
        StageCondition::GrossMarkMultiple { min_multiple } => format_multiple(*min_multiple),
    }
}

#[test]
fn the_sample_shows_its_platform_and_its_stage_gates() {
    let portfolio = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let platform = portfolio
        .programme
        .platforms
        .first()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| panic!("the sample has a shared platform"));
    let gated: Vec<_> = portfolio
        .stages
        .iter()
        .filter_map(|s| s.gate.as_ref().map(|g| (s.name.clone(), g.clone())))
        .collect();
    assert!(!gated.is_empty(), "the sample has gated stages");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&dir, portfolio);
    // The fund editor has an "AI programme" section too: open the tab directly.
    harness.state_mut().prefs.tab = millwright::app::files::Tab::AiProgramme;
    wait_for(&mut harness, "Stage gates and their outcomes");

    harness.get_by_label("Shared AI platforms and their dependants");
    assert!(
        harness.query_all_by_label(&platform).next().is_some(),
        "the platform {platform:?} is named"
    );
    assert!(
        harness
            .query_all_by_label_contains("Dependent levers (")
            .next()
            .is_some(),
        "its dependent levers are listed"
    );
    harness.get_by_label("Planned start");
    harness.get_by_label("Scheduled start");
    harness.get_by_label("Delay (quarters)");

    // Each gated stage: its name (also a row of the uplift table by stage), its
    // condition and threshold in the gate table; one outcome per reading.
    for (stage, gate) in &gated {
        assert!(
            harness.query_all_by_label(stage).count() >= 2,
            "no stage gate row for {stage:?}"
        );
        assert!(
            harness
                .query_all_by_label(gate.condition.label())
                .next()
                .is_some()
        );
        assert!(
            harness
                .query_all_by_label(&threshold(&gate.condition))
                .next()
                .is_some(),
            "no threshold for {stage:?}"
        );
    }
    let outcomes =
        harness.query_all_by_label("Passed").count() + harness.query_all_by_label("Failed").count();
    assert_eq!(outcomes, 2 * gated.len(), "one outcome per gate and reading");
    assert_eq!(
        harness.query_all_by_label("Measured").count(),
        gated.len(),
        "an outcome table per gate"
    );
    harness.get_by_label("Run Monte Carlo to see pass rates (the Monte Carlo tab).");

    // The three readings at the top: a column per reading; with no run, every simulated
    // cell (six rows) says to run Monte Carlo, and the gates row counts the gated stages.
    assert!(harness.query_all_by_label("Three readings").next().is_some());
    assert!(harness.query_all_by_label("Risk-adjusted").next().is_some());
    assert!(
        harness
            .query_all_by_label("Simulated P10 / P50 / P90")
            .next()
            .is_some()
    );
    assert!(harness.query_all_by_label("Stage gates passed").next().is_some());
    assert_eq!(harness.query_all_by_label("run Monte Carlo").count(), 6);
    let of_all = format!(" of {}", gated.len());
    assert_eq!(
        harness.query_all_by_label_contains(&of_all).count(),
        2,
        "the plan and the risk-adjusted gates passed, of {} gated stages",
        gated.len()
    );
    assert!(
        harness
            .query_all_by_label_contains("not the expected value of the fund's waterfall")
            .next()
            .is_some()
    );
}
