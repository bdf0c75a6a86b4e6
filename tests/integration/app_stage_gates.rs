//! Issue 13's gated stages in the desktop app (egui_kittest, headless): a gate switched
//! on in the stage panel, the earlier stage it reads ticked, both undone step by step;
//! the panel shows what the gate found in the last result; the Monte Carlo tab offers
//! the comparison with every stage committed up front.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::state::Selection;
use millwright::engine::model::{Portfolio, StageCondition, StageGate};
use millwright::io::samples;
use rust_decimal::dec;

use super::app_harness::{harness_selecting, undo};

/// The flagship with no stage gates and no conditional companies.
fn sample() -> Portfolio {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    for stage in &mut p.stages {
        stage.gate = None;
    }
    for company in &mut p.companies {
        company.conditional = false;
    }
    p
}

/// Tall enough for the stage panel and its gate.
const PANEL: egui::Vec2 = egui::vec2(1500.0, 3200.0);

fn gate_of(harness: &Harness<'_, MillwrightApp>, stage: usize) -> Option<StageGate> {
    harness
        .state()
        .state
        .portfolio
        .stages
        .get(stage)
        .and_then(|s| s.gate.clone())
}

#[test]
fn a_gate_added_in_the_stage_panel_reads_the_stage_ticked_and_undoes_step_by_step() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = sample();
    let (Some(first), Some(second)) = (original.stages.first(), original.stages.get(1)) else {
        panic!("the flagship has two stages")
    };
    let (first, start) = (first.name.clone(), second.start_date);
    let mut harness = harness_selecting(&dir, original.clone(), Selection::Stage(1), PANEL);
    harness.get_by_label("No gate: the whole stage is committed up front.");
    harness
        .get_by_label("Gate on the earlier stages' results")
        .click();
    harness.run();
    // A new gate: on the stage's start date, 75 % of the plan's AI uplift of every
    // earlier stage, half the budget kept on failure.
    assert_eq!(
        gate_of(&harness, 1),
        Some(StageGate {
            date: start,
            condition: StageCondition::AiUpliftShare {
                min_share: dec!(0.75)
            },
            stages: Vec::new(),
            budget_share_on_failure: dec!(0.5),
        })
    );
    harness.get_by_label("None ticked: the gate reads every earlier stage.");
    harness.get_by_label("Gate: measured on");
    harness.get_by_role_and_label(Role::CheckBox, &first).click();
    harness.run();
    assert_eq!(gate_of(&harness, 1).map(|g| g.stages), Some(vec![first.clone()]));
    undo(&mut harness);
    assert_eq!(gate_of(&harness, 1).map(|g| g.stages), Some(Vec::new()));
    undo(&mut harness);
    assert_eq!(gate_of(&harness, 1), None);
    assert_eq!(harness.state().state.portfolio, original);
}

#[test]
fn the_stage_panel_shows_what_the_gate_found_in_the_last_result() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut p = sample();
    let Some(third) = p.stages.get_mut(2) else {
        panic!("the flagship has a third stage")
    };
    third.gate = Some(StageGate {
        date: third.start_date,
        // No earlier stage can reach 100x by then: the gate fails.
        condition: StageCondition::GrossMarkMultiple {
            min_multiple: dec!(100),
        },
        stages: Vec::new(),
        budget_share_on_failure: dec!(0.5),
    });
    let harness = harness_selecting(&dir, p, Selection::Stage(2), PANEL);
    let outcome = harness
        .state()
        .state
        .last_good
        .as_ref()
        .and_then(|r| r.stage_gates.first().cloned())
        .unwrap_or_else(|| panic!("no gate outcome in the result"));
    assert!(!outcome.passed);
    harness.get_by_label("Failed");
    harness.get_by_label("Threshold (gross mark multiple)");
    harness.get_by_label("Budget after the gate");
}

#[test]
fn the_monte_carlo_tab_offers_the_comparison_with_every_stage_committed_up_front() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness_selecting(&dir, sample(), Selection::Fund, PANEL);
    harness.state_mut().prefs.tab = millwright::app::files::Tab::MonteCarlo;
    harness.run();
    assert!(!harness.state().monte_carlo.compare_ungated);
    harness
        .get_by_label("Compare with every stage committed up front")
        .click();
    harness.run();
    assert!(harness.state().monte_carlo.compare_ungated);
    harness.get_by_label("Uncertainty: market factor and lever-gate correlation");
}
