//! The Overview's GP economics section: what the manager earns from the fund — fees,
//! carry net of clawback, the clawback, the GP commitment's paid-in, distributions, NAV,
//! multiple and IRR, and the total — the rows of the `summary` text
//! ([`crate::export::gp_economics`]), each with how it is computed on hover.

use egui::{RichText, Ui};

use crate::engine::results::FundResult;
use crate::export::gp_economics::gp_rows;
use crate::units::{format_money_in, format_multiple};

/// Draws the GP economics under the Overview's cards.
pub fn gp_economics_ui(ui: &mut Ui, result: &FundResult) {
    let money = |v| format_money_in(v, &result.currency);
    let rows = gp_rows(&result.metrics.gp, &money, &format_multiple);
    ui.add_space(8.0);
    ui.label(RichText::new("GP economics").strong()).on_hover_text(
        "What the manager earns: fees and carry from the LPs, and the return on its own commitment",
    );
    egui::Grid::new("gp_economics")
        .num_columns(2)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for row in &rows {
                ui.label(row.label).on_hover_text(row.help);
                let value = if row.label.starts_with("Total") {
                    RichText::new(&row.value).strong()
                } else {
                    RichText::new(&row.value)
                };
                ui.label(value).on_hover_text(row.help);
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;

    #[test]
    fn the_section_shows_each_row_with_the_engines_figure() {
        let portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let result = crate::engine::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
        let harness = Harness::new_ui(|ui| gp_economics_ui(ui, &result));
        harness.get_by_label("GP economics");
        harness.get_by_label("Carried interest (net of clawback)");
        harness.get_by_label("GP commitment IRR");
        let total = format_money_in(result.metrics.gp.total, &result.currency);
        harness.get_by_label(&total);
        // The app writes multiples its own way ("2.11×"), as the other Overview panels do.
        let multiple = result
            .metrics
            .gp
            .commitment_multiple
            .unwrap_or_else(|| panic!("the GP commitment paid in"));
        assert!(
            harness
                .query_all_by_label(&format_multiple(multiple))
                .next()
                .is_some()
        );
    }
}
