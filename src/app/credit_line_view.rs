//! The Overview's subscription credit line panel: net IRR, TVPI and DPI with the line and
//! without it, side by side (as ILPA recommends), and the facility's peak balance and
//! longest days outstanding. Nothing is drawn for a fund without a line.

use egui::{RichText, Ui};

use crate::engine::results::FundResult;
use crate::export::credit_line::{comparison, facility_line};

/// Draws the with-and-without table under the Overview's cards.
pub fn comparison_ui(ui: &mut Ui, result: &FundResult) {
    let Some(rows) = comparison(result) else {
        return;
    };
    ui.add_space(8.0);
    ui.label(RichText::new("Subscription credit line").strong())
        .on_hover_text(
            "ILPA (2020) asks for net returns with and without a subscription line. Without \
             it, each quarter's calls are made from the partners when the line drew, and no \
             interest or fees are paid.",
        );
    egui::Grid::new("credit_line_comparison")
        .num_columns(3)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new("With the line").weak());
            ui.label(RichText::new("Without the line").weak());
            ui.end_row();
            for row in &rows {
                ui.label(row.label);
                ui.label(RichText::new(&row.with_line).strong());
                ui.label(&row.without_line);
                ui.end_row();
            }
        });
    if let Some(facility) = facility_line(result) {
        ui.add(egui::Label::new(RichText::new(format!("Facility: {facility}")).weak()).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_overview_panel_shows_both_columns_only_with_a_line() {
        let mut portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let plain = crate::engine::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
        let harness = Harness::new_ui(|ui| comparison_ui(ui, &plain));
        assert!(harness.query_by_label("Without the line").is_none());

        portfolio.fund.credit_line = Some(crate::engine::model::CreditLine::default());
        let with = crate::engine::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
        let harness = Harness::new_ui(|ui| comparison_ui(ui, &with));
        harness.get_by_label("With the line");
        harness.get_by_label("Without the line");
        harness.get_by_label("Net IRR");
        let Some(rows) = comparison(&with) else {
            panic!("a fund with a line compares")
        };
        let irr = rows.first().map(|r| r.without_line.clone()).unwrap_or_default();
        harness.get_by_label(&irr);
    }
}
