//! The deployment stage panel.

use egui::Ui;

use super::{field_grid, list_buttons};
use crate::app::state::{AppState, Direction, Edit};
use crate::engine::fields::Owner;

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
    field_grid(ui, s, "stage_grid", Owner::Stage(i));
    let members = s.portfolio.companies.iter().filter(|c| c.stage == name).count();
    ui.add_space(6.0);
    ui.label(format!("{members} companies in this stage."));
    if ui.button("Add a company to this stage").clicked() {
        s.queue(Edit::AddCompany { stage: Some(name) });
    }
}
