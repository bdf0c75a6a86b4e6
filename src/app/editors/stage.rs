//! The deployment stage panel: its fields, its companies, and its gate (`stage_gate`).

use egui::Ui;

use super::{fields, list_buttons};
use crate::app::state::{AppState, Direction, Edit};
use crate::engine::fields::{self as registry, FieldPath, Owner};

/// One stage: its fields (renaming keeps its companies in it), its companies' count and
/// a button to add one.
pub(super) fn stage_ui(ui: &mut Ui, s: &mut AppState, i: usize) {
    let Some(name) = s.portfolio.stages.get(i).map(|st| st.name.clone()) else {
        return;
    };
    ui.heading(format!("Stage: {name}"));
    list_buttons(
        ui,
        s,
        "stage",
        [
            Edit::MoveStage(i, Direction::Up),
            Edit::MoveStage(i, Direction::Down),
            Edit::DuplicateStage(i),
            Edit::DeleteStage(i),
        ],
    );
    ui.add_space(4.0);
    egui::Grid::new("stage_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for path in registry::paths(Owner::Stage(i)) {
                if let FieldPath::Field { key, .. } = path
                    && !super::stage_gate::is_gate_row(key)
                {
                    fields::row(ui, s, path);
                }
            }
        });
    let members = s.portfolio.companies.iter().filter(|c| c.stage == name).count();
    ui.add_space(6.0);
    ui.label(format!("{members} companies in this stage."));
    if ui.button("Add a company to this stage").clicked() {
        s.queue(Edit::AddCompany { stage: Some(name) });
    }
    super::stage_gate::gate_ui(ui, s, i);
}
