//! The company panel.

use egui::Ui;

use super::{field_grid, list_buttons};
use crate::app::state::{AppState, Direction, Edit};
use crate::engine::fields::{FieldPath, Owner};

/// One company: its entry EBITDA, every field of the company table, the problems that
/// concern its cost pools or levers together, and its partial exits.
pub(super) fn company_ui(ui: &mut Ui, s: &mut AppState, i: usize) {
    let Some(company) = s.portfolio.companies.get(i) else {
        return;
    };
    let name = company.name.clone();
    let margin = crate::engine::entry::company_entry_margin(company);
    let ebitda = crate::engine::entry::company_entry_ebitda(company);
    let template = crate::engine::fields::has_template_figures(company);
    ui.heading(name);
    list_buttons(
        ui,
        s,
        "company",
        [
            Edit::MoveCompany(i, Direction::Up),
            Edit::MoveCompany(i, Direction::Down),
            Edit::DuplicateCompany(i),
            Edit::DeleteCompany(i),
        ],
    );
    if template {
        ui.colored_label(
            egui::Color32::from_rgb(0xB0, 0x60, 0x00),
            crate::app::explain::TEMPLATE_MARK,
        );
    }
    ui.label(format!(
        "Entry EBITDA {} at a {} margin.",
        crate::units::format_money_in(ebitda, &s.portfolio.fund.currency),
        crate::units::format_percent(margin)
    ));
    if let Some(figures) = crate::app::explain::company_figures(s, i) {
        ui.add(egui::Label::new(figures).wrap());
    }
    ui.add_space(4.0);
    field_grid(ui, s, "company_grid", Owner::Company(i));
    let together = [
        FieldPath::CostPools { company: i },
        FieldPath::Levers { company: i },
    ];
    for p in s.problems().iter().filter(|p| together.contains(&p.path)) {
        ui.colored_label(egui::Color32::from_rgb(0xC0, 0x20, 0x20), &p.message);
    }
    super::partial_exits::partial_exits_ui(ui, s, i);
    ui.add_space(6.0);
    if ui.button("Add an AI lever").clicked() {
        s.queue(Edit::AddLever(i));
    }
}
