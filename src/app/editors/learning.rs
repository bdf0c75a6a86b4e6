//! The fund panel's "Learning rates" list: per lever kind, the Wright's-law rate by which
//! each doubling of that kind's deployments across the portfolio cuts the one-time cost
//! and the ramp; the kind (chosen from the kinds without a rate), the rate, a Remove
//! button each, and Add (a menu of the kinds without a rate). Every change is an engine
//! [`ProgrammeEdit`], so Undo takes it back.

use egui::Ui;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{NEW_LEARNING_RATE, ProgrammeEdit};
use crate::engine::fields::{FieldPath, LearningPart, ProgrammePath};
use crate::engine::model::{LearningRate, LeverKind};
use crate::units;

/// How wide the kind choice is (the longest kind fits).
const KIND_WIDTH: f32 = 150.0;

/// What the rate means, shown above the list.
const HINT: &str = "Wright's law, per lever kind: each time the number of deployments of that kind doubles \
                    (counted in start-date order across the portfolio), its one-time cost and ramp length fall \
                    by the rate. 20% means each doubling of deployments costs 20% less.";

fn path(index: usize, part: LearningPart) -> FieldPath {
    FieldPath::Programme(ProgrammePath::LearningRate { index, part })
}

/// The kinds no learning rate is for yet.
fn unused_kinds(learning: &[LearningRate]) -> Vec<LeverKind> {
    LeverKind::ALL
        .into_iter()
        .filter(|kind| !learning.iter().any(|l| l.kind == *kind))
        .collect()
}

/// The learning rates, the hint, and the Add menu.
pub(super) fn learning_ui(ui: &mut Ui, s: &mut AppState) {
    let learning = s.portfolio.programme.learning.clone();
    ui.label(egui::RichText::new("Learning rates").strong());
    ui.add(egui::Label::new(HINT).wrap());
    if learning.is_empty() {
        ui.label("None: no lever kind gets cheaper with repetition.");
    } else {
        egui::Grid::new("learning_grid")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, rate) in learning.iter().enumerate() {
                    rate_rows(ui, s, k, rate, &learning);
                }
            });
    }
    list_cell::group_problems(ui, s, &FieldPath::Programme(ProgrammePath::Learning));
    let free = unused_kinds(&learning);
    ui.add_enabled_ui(!free.is_empty(), |ui| {
        ui.menu_button("Add a learning rate", |ui| {
            for kind in free {
                if ui
                    .button(kind.label())
                    .on_hover_text(format!(
                        "{} at {} a doubling",
                        kind.label(),
                        units::format_percent(NEW_LEARNING_RATE)
                    ))
                    .clicked()
                {
                    s.queue(Edit::Programme(ProgrammeEdit::AddLearningRate(kind)));
                }
            }
        })
        .response
        .on_disabled_hover_text("Every lever kind has a learning rate");
    });
}

/// Learning rate `k`: its kind (with a Remove button) and its rate.
fn rate_rows(ui: &mut Ui, s: &mut AppState, k: usize, rate: &LearningRate, learning: &[LearningRate]) {
    let n = k + 1;
    let label = ui.label(format!("Kind {n}"));
    let mut chosen = rate.kind;
    let mut choices = unused_kinds(learning);
    choices.insert(0, rate.kind);
    egui::ComboBox::from_id_salt(("learning_kind", k))
        .selected_text(chosen.label())
        .width(KIND_WIDTH)
        .show_ui(ui, |ui| {
            for kind in choices {
                ui.selectable_value(&mut chosen, kind, kind.label());
            }
        })
        .response
        .labelled_by(label.id);
    if ui
        .button("Remove")
        .on_hover_text(format!("Remove the learning rate of {}", rate.kind.label()))
        .clicked()
    {
        s.queue(Edit::Programme(ProgrammeEdit::DeleteLearningRate(k)));
    }
    ui.end_row();
    list_cell::problems_row(ui, s, &path(k, LearningPart::Kind));
    if chosen != rate.kind {
        s.queue(Edit::Programme(ProgrammeEdit::SetLearningKind {
            index: k,
            kind: chosen,
        }));
    }
    list_cell::number_row(
        ui,
        s,
        (&format!("Rate {n}"), path(k, LearningPart::Rate)),
        Figure::Percent(rate.rate),
        |rate| Edit::Programme(ProgrammeEdit::SetLearningRate { index: k, rate }),
        |_, _| {},
    );
}
