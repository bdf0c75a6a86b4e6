//! The fund terms panel.

use egui::Ui;

use super::field_grid;
use crate::app::state::AppState;
use crate::engine::fields::Owner;
use crate::engine::model::PmeBenchmark;

/// Fund terms: every field of the fund table, then the fee steps and the comparable
/// multiple paths.
pub(super) fn fund_ui(ui: &mut Ui, s: &mut AppState) {
    ui.heading("Fund terms");
    ui.add_space(4.0);
    field_grid(ui, s, "fund_grid", Owner::Fund);
    if matches!(s.portfolio.fund.pme_benchmark, PmeBenchmark::Series { .. }) {
        ui.label("PME benchmark: an index series from the file.");
    }
    super::fee_steps::fee_steps_ui(ui, s);
    super::comparables::comparables_ui(ui, s);
}
