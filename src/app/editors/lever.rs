//! The AI lever panel: every field of the lever's table, then its cost phasing (a list,
//! see `cost_phasing`). The platform the lever runs on is a choice among the fund's
//! platforms (see `platform_choice`); every other field is the registry's row.

mod platform_choice;

use egui::Ui;

use super::list_buttons;
use crate::app::fields;
use crate::app::state::{AppState, Direction, Edit};
use crate::engine::fields::{self as registry, Owner};

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
    lever_grid(ui, s, Owner::Lever { company: c, lever: l });
    super::within_view(ui, |ui| super::cost_phasing::cost_phasing_ui(ui, s, c, l));
}

/// The lever's fields in a two-column grid (label, input), as the other panels draw
/// theirs, with the platform row drawn as a choice of platform.
fn lever_grid(ui: &mut Ui, s: &mut AppState, owner: Owner) {
    egui::Grid::new("lever_grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .striped(false)
        .show(ui, |ui| {
            for path in registry::paths(owner) {
                match registry::meta(&path) {
                    Some(meta) if meta.key == platform_choice::KEY => {
                        platform_choice::platform_row(ui, s, path, meta);
                    }
                    _ => fields::row(ui, s, path),
                }
            }
        });
}
