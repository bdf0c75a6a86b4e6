//! A stage's gate in the stage panel: the tick box that switches it on, its date,
//! condition, threshold and budget kept on failure (registry rows), a tick box per
//! earlier stage for the stages it reads ([`StageGateEdit::SetStagesRead`], one undo
//! step), and what the gate found in the last result.

use egui::{RichText, Ui};

use super::fields;
use crate::app::state::{AppState, Edit};
use crate::engine::edit::StageGateEdit;
use crate::engine::fields::{self as registry, FieldPath, Owner};
use crate::engine::model::{StageCondition, StageGate};
use crate::engine::results::StageGateOutcome;
use crate::units;

/// The key of the stages-read row, drawn as tick boxes rather than text.
const STAGES_READ: &str = "gate.stages";

/// Whether `key` is one of the gate's rows (drawn here, not in the stage's grid).
pub(super) fn is_gate_row(key: &str) -> bool {
    key == "gate" || key.starts_with("gate.")
}

/// The gate section of stage `i`.
pub(super) fn gate_ui(ui: &mut Ui, s: &mut AppState, i: usize) {
    ui.add_space(8.0);
    ui.strong("Stage gate");
    egui::Grid::new("stage_gate_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for path in registry::paths(Owner::Stage(i)) {
                if let FieldPath::Field { key, .. } = path
                    && is_gate_row(key)
                    && key != STAGES_READ
                {
                    fields::row(ui, s, path);
                }
            }
        });
    let Some(stage) = s.portfolio.stages.get(i) else {
        return;
    };
    let name = stage.name.clone();
    let Some(gate) = stage.gate.clone() else {
        ui.label("No gate: the whole stage is committed up front.");
        return;
    };
    stages_read_ui(ui, s, i, &gate);
    let conditional = s
        .portfolio
        .companies
        .iter()
        .filter(|c| c.stage == name && c.conditional)
        .count();
    ui.label(format!(
        "{conditional} companies of this stage are conditional: they are acquired only if the gate passes."
    ));
    outcome_ui(ui, s, &name, &gate);
}

/// A tick box per stage before stage `i`; none ticked reads every earlier stage.
fn stages_read_ui(ui: &mut Ui, s: &mut AppState, i: usize, gate: &StageGate) {
    let earlier: Vec<String> = s
        .portfolio
        .stages
        .iter()
        .take(i)
        .map(|st| st.name.clone())
        .collect();
    ui.add_space(4.0);
    ui.label("Stages the gate reads:");
    let mut ticked: Vec<bool> = earlier.iter().map(|n| gate.stages.contains(n)).collect();
    let mut changed = false;
    ui.vertical(|ui| {
        for (name, on) in earlier.iter().zip(ticked.iter_mut()) {
            changed |= ui
                .checkbox(on, name.as_str())
                .on_hover_text(format!("The gate measures the companies of {name}"))
                .changed();
        }
    });
    if earlier.is_empty() {
        ui.label("This is the first stage: there is nothing before it to measure.");
    } else if !ticked.iter().any(|t| *t) {
        ui.label(RichText::new("None ticked: the gate reads every earlier stage.").small());
    }
    if let Some(path) = FieldPath::field(Owner::Stage(i), STAGES_READ) {
        for problem in s.problems_at(&path) {
            ui.label(
                RichText::new(&problem.message)
                    .color(fields::draft::INVALID)
                    .small(),
            );
        }
    }
    if changed {
        let stages = earlier
            .into_iter()
            .zip(ticked)
            .filter_map(|(name, on)| on.then_some(name))
            .collect();
        s.queue(Edit::StageGate(StageGateEdit::SetStagesRead { stage: i, stages }));
    }
}

/// What the gate of stage `name` found in the last result of the base case.
fn outcome_ui(ui: &mut Ui, s: &AppState, name: &str, gate: &StageGate) {
    let Some(result) = &s.last_good else {
        return;
    };
    let Some(outcome) = result.stage_gates.iter().find(|o| o.stage == name) else {
        ui.label("The last result has no outcome of this gate yet.");
        return;
    };
    ui.add_space(4.0);
    let when = if s.last_good_is_current {
        "Last result (base case)"
    } else {
        "Last result of the last valid model (base case)"
    };
    ui.strong(when);
    let currency = &s.portfolio.fund.currency;
    egui::Grid::new("stage_gate_outcome")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in outcome_rows(outcome, &gate.condition, currency) {
                ui.label(label);
                ui.label(value);
                ui.end_row();
            }
        });
}

/// The outcome as `(label, value)` rows, in the condition's units.
fn outcome_rows(
    outcome: &StageGateOutcome,
    condition: &StageCondition,
    currency: &str,
) -> Vec<(String, String)> {
    let figure = |v| match condition {
        StageCondition::AiUpliftShare { .. } => format!("{} of plan", units::format_percent(v)),
        StageCondition::GrossMarkMultiple { .. } => units::format_multiple(v),
    };
    let not_acquired = if outcome.not_acquired.is_empty() {
        "none".to_string()
    } else {
        outcome.not_acquired.join(", ")
    };
    vec![
        (
            format!("Measured on {}", outcome.date),
            outcome
                .measured
                .map_or_else(|| "nothing to measure".to_string(), figure),
        ),
        (
            format!("Threshold ({})", condition.label()),
            figure(outcome.threshold),
        ),
        (
            "Outcome".to_string(),
            if outcome.passed { "Passed" } else { "Failed" }.to_string(),
        ),
        (
            "Budget after the gate".to_string(),
            units::format_money_in(outcome.budget, currency),
        ),
        ("Companies not acquired".to_string(), not_acquired),
    ]
}
