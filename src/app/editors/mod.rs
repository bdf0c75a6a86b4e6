//! The editor for whatever is selected in the model tree: fund terms, a stage, a
//! company, one of its AI levers, or a scenario; one file per panel. Every scalar field
//! of the model is editable here, drawn from the field registry's tables
//! ([`crate::engine::fields`]): a new field in a table appears in its panel. The lists of
//! figures (a company's partial exits, the fund's comparable multiples, the shared AI
//! platforms and learning rates, a lever's cost phasing) have sections of their own,
//! whose boxes commit engine edits like the fields do.

mod base_rates;
mod carry_tiers;
mod closes;
mod company;
mod comparables;
mod cost_phasing;
mod fee_steps;
mod fund;
mod learning;
mod lever;
mod list_cell;
mod lp_classes;
mod partial_exits;
mod platforms;
mod scenario;
mod stage;
mod stage_gate;

use egui::Ui;

use super::fields;
use super::state::{AppState, Edit, Selection};
use crate::engine::fields::{self as registry, Owner};

/// How a scenario named "Base" (which stands for the model itself) is shown in the tree
/// and the editor.
pub const BASE_CASE_LABEL: &str = "Base case (the model as entered)";

/// Space under a panel's last row, clear of the sideways scroll bar.
const BOTTOM_SPACE: f32 = 16.0;

/// Shows the editor for the current selection.
pub fn show(ui: &mut Ui, state: &mut AppState) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            match state.selection {
                Selection::Fund => fund::fund_ui(ui, state),
                Selection::Stage(i) => stage::stage_ui(ui, state, i),
                Selection::Company(i) => company::company_ui(ui, state, i),
                Selection::Lever(c, l) => lever::lever_ui(ui, state, c, l),
                Selection::Scenario(i) => scenario::scenario_ui(ui, state, i),
            }
            // Room under the last button, which the sideways scroll bar would cover.
            ui.add_space(BOTTOM_SPACE);
        });
    // A field typed in and then left by selecting something else is committed, and an
    // Enter on the last field moves nowhere.
    fields::commit_orphaned_draft(ui.ctx(), state);
    fields::clear_focus_request(ui.ctx());
}

/// A two-column grid (label, input) with a row for every field of `owner`'s table, under
/// the table's section headings (a company's: deal, revenue and costs, working capital…).
fn field_grid(ui: &mut Ui, state: &mut AppState, id: &str, owner: Owner) {
    let sections: &[(&str, &str)] = match owner {
        Owner::Company(_) => registry::COMPANY_SECTIONS,
        _ => &[],
    };
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(false)
        .show(ui, |ui| {
            for path in registry::paths(owner) {
                let heading = registry::meta(&path)
                    .and_then(|meta| sections.iter().find(|(first, _)| *first == meta.key))
                    .map(|(_, heading)| *heading);
                if let Some(heading) = heading {
                    // (No `add_space` inside a grid: egui refuses it.)
                    ui.strong(heading);
                    ui.end_row();
                }
                fields::row(ui, state, path);
            }
        });
}

/// Move up, move down, duplicate and delete buttons for one item of a list.
fn list_buttons(ui: &mut Ui, state: &mut AppState, what: &str, edits: [Edit; 4]) {
    let [up, down, duplicate, delete] = edits;
    ui.horizontal(|ui| {
        if ui
            .button("Move up")
            .on_hover_text(format!("Move this {what} up"))
            .clicked()
        {
            state.queue(up);
        }
        if ui
            .button("Move down")
            .on_hover_text(format!("Move this {what} down"))
            .clicked()
        {
            state.queue(down);
        }
        if ui.button("Duplicate").clicked() {
            state.queue(duplicate);
        }
        if ui.button(format!("Delete {what}")).clicked() {
            state.queue(delete);
        }
    });
}

/// Draws `add` no wider than the part of the panel in view, so its wrapped text wraps
/// there (the editor scrolls sideways, so a wide row elsewhere would widen it).
fn within_view(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let in_view = ui.clip_rect().right() - ui.cursor().left();
    ui.scope(|ui| {
        ui.set_max_width(in_view.max(list_cell::WIDTH * 2.0));
        add(ui);
    });
}
