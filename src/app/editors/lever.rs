//! The AI lever panel: every field of the lever's table, then its cost phasing (a list,
//! see `cost_phasing`).

use egui::Ui;

use super::{field_grid, list_buttons};
use crate::app::state::{AppState, Direction, Edit};
use crate::engine::fields::Owner;

/// One AI lever of company `c`: every field of the lever table, then its cost phasing.
pub(super) fn lever_ui(ui: &mut Ui, s: &mut AppState, c: usize, l: usize) {
    let Some(company) = s.portfolio.companies.get(c) else {
        return;
    };
    let Some(name) = company.levers.get(l).map(|lv| lv.name.clone()) else {
        return;
    };
    let company = company.name.clone();
    ui.heading(format!("AI lever: {name}"));
    ui.label(format!("in {company}"));
    list_buttons(
        ui,
        s,
        "lever",
        [
            Edit::MoveLever(c, l, Direction::Up),
            Edit::MoveLever(c, l, Direction::Down),
            Edit::DuplicateLever(c, l),
            Edit::DeleteLever(c, l),
        ],
    );
    ui.add_space(4.0);
    field_grid(ui, s, "lever_grid", Owner::Lever { company: c, lever: l });
    super::within_view(ui, |ui| super::cost_phasing::cost_phasing_ui(ui, s, c, l));
}
