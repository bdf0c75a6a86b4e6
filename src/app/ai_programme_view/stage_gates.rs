//! The AI programme tab's stage gates: per gated stage a line with the gate date, what it
//! reads, the condition and threshold and, after a Monte Carlo run of the case, the
//! simulated pass rate (an estimate); under it one row per reading (plan, risk-adjusted)
//! with the measured value, pass or fail, the budget after the outcome and the companies
//! not acquired.

use egui::{Color32, RichText, Ui};
use rust_decimal::Decimal;

use crate::engine::ai_view::{AiProgramme, StageGateView};
use crate::engine::model::{Reading, StageCondition};
use crate::engine::montecarlo::McResult;
use crate::units::{format_money_in, format_multiple, format_percent};

const PASSED: Color32 = Color32::from_rgb(0x1E, 0x7B, 0x3A);
const FAILED: Color32 = Color32::from_rgb(0xC0, 0x20, 0x20);
/// Most companies not acquired named in the row (more: a count, names on hover).
const NAMES_SHOWN: usize = 3;

/// The measure or threshold `value` in the condition's units.
fn figure(condition: &StageCondition, value: Decimal) -> String {
    match condition {
        StageCondition::AiUpliftShare { .. } => format!("{} of plan", format_percent(value)),
        StageCondition::GrossMarkMultiple { .. } => format_multiple(value),
    }
}

/// The simulated pass rate of `stage` in `simulated`, as text, if the run has one.
fn pass_rate(simulated: Option<&McResult>, stage: &str) -> Option<String> {
    simulated?
        .programme
        .stage_gates
        .iter()
        .find(|g| g.stage == stage)
        .map(|g| format!("{:.1}%", g.pass_rate * 100.0))
}

/// Every gated stage on both readings, with the pass rates of `simulated` when given.
pub fn stage_gates_ui(ui: &mut Ui, programme: &AiProgramme, simulated: Option<&McResult>, currency: &str) {
    if programme.stage_gates.is_empty() {
        ui.label("No stage has a gate: every stage is committed up front.");
        return;
    }
    match simulated {
        Some(r) => ui.label(
            RichText::new(format!(
                "Simulated pass rate: the share of the last Monte Carlo run's paths on which the gate \
                 passed — an estimate ({} paths, seed {}).",
                crate::units::count(r.paths),
                r.seed
            ))
            .weak(),
        ),
        None => ui.label(RichText::new("Run Monte Carlo to see pass rates (the Monte Carlo tab).").weak()),
    };
    for gate in &programme.stage_gates {
        ui.add_space(4.0);
        gate_heading(ui, gate, simulated);
        let id = ("ai_stage_gate_outcomes", &gate.stage);
        super::table::headed_grid(ui, id, &OUTCOME_HEADINGS, 14.0, |ui| {
            for reading in [Reading::Plan, Reading::RiskAdjusted] {
                outcome_row(ui, gate, reading, currency);
                ui.end_row();
            }
        });
    }
}

/// The columns of a gate's outcomes, one row per reading.
const OUTCOME_HEADINGS: [&str; 5] = ["Reading", "Measured", "Outcome", "Budget after", "Not acquired"];

/// The gate's stage, date, what it reads, its condition and threshold, and its
/// simulated pass rate.
fn gate_heading(ui: &mut Ui, gate: &StageGateView, simulated: Option<&McResult>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&gate.stage).strong());
        ui.label(RichText::new(format!("gate on {}, reading {}:", gate.date, gate.reads_label())).weak());
        ui.label(gate.condition.label());
        ui.label(RichText::new("at least").weak());
        ui.label(figure(&gate.condition, gate.condition.threshold()));
        if let Some(rate) = pass_rate(simulated, &gate.stage) {
            ui.label(RichText::new("· simulated pass rate").weak());
            ui.label(rate);
            ui.label(RichText::new("(estimate)").weak());
        }
    });
}

/// The gate's outcome on `reading`.
fn outcome_row(ui: &mut Ui, gate: &StageGateView, reading: Reading, currency: &str) {
    ui.label(match reading {
        Reading::Plan => "Plan",
        Reading::RiskAdjusted => "Risk-adjusted",
    });
    let Some(outcome) = gate.on(reading) else {
        ui.label("not evaluated");
        for _ in 0..3 {
            ui.label("–");
        }
        return;
    };
    ui.label(
        outcome
            .measured
            .map_or_else(|| "nothing to measure".into(), |m| figure(&gate.condition, m)),
    );
    if outcome.passed {
        ui.colored_label(PASSED, "Passed");
    } else {
        ui.colored_label(FAILED, "Failed");
    }
    ui.label(format_money_in(outcome.budget, currency))
        .on_hover_text(format!(
            "Budget before the gate {}; {} kept on failure",
            format_money_in(gate.budget, currency),
            format_percent(gate.budget_share_on_failure)
        ));
    if outcome.not_acquired.is_empty() {
        ui.label("none");
    } else if outcome.not_acquired.len() <= NAMES_SHOWN {
        ui.label(outcome.not_acquired.join(", "));
    } else {
        ui.label(format!("{} companies", outcome.not_acquired.len()))
            .on_hover_text(outcome.not_acquired.join("\n"));
    }
}
