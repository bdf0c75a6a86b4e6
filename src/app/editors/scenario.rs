//! The scenario panel: which fields the scenario overrides, and their values.

use egui::Ui;

use super::field_grid;
use crate::app::state::{AppState, Edit};
use crate::engine::fields::Owner;

/// One scenario: its name, description and overrides (a checkbox each), and the
/// per-company overrides the file gives.
pub(super) fn scenario_ui(ui: &mut Ui, s: &mut AppState, i: usize) {
    let Some(scenario) = s.portfolio.scenarios.get(i) else {
        return;
    };
    let name = scenario.name.clone();
    if crate::engine::study::Case::named(Some(&name)) == crate::engine::study::Case::Base {
        base_case_ui(ui);
        return;
    }
    let overrides: Vec<String> = scenario
        .company_overrides
        .iter()
        .flat_map(|o| {
            o.fields
                .iter()
                .map(move |(k, v)| format!("{}: {k} = {v}", o.company))
        })
        .collect();
    ui.heading(format!("Scenario: {name}"));
    ui.horizontal(|ui| {
        if ui.button("Duplicate").clicked() {
            s.queue(Edit::DuplicateScenario(i));
        }
        if ui.button("Delete scenario").clicked() {
            s.queue(Edit::DeleteScenario(i));
        }
    });
    ui.label("A scenario overrides the fields ticked below; everything else stays as in the base case.");
    field_grid(ui, s, "scenario_grid", Owner::Scenario(i));
    if !overrides.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Per-company overrides (from the file)").strong());
        for line in overrides {
            ui.label(line);
        }
    }
}

/// A scenario named "Base" stands for the base case itself: it is shown read-only, with
/// no override rows, since nothing ticked there would change a figure.
fn base_case_ui(ui: &mut Ui) {
    ui.heading(super::BASE_CASE_LABEL);
    ui.add(
        egui::Label::new(
            "The base case is the model itself: the fund terms, stages and companies as entered. \
             A scenario named \"Base\" in the file stands for it, so it has nothing to override; \
             change the model itself, or add a scenario to try other values.",
        )
        .wrap(),
    );
}
