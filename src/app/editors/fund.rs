//! The fund terms panel, in sections: the fund itself, its investors (the equalisation
//! rate, LP classes, closes), management fees (and fee steps), carried interest (and its
//! tiers), the subscription credit line (and its dated base rates), recycling, and the
//! AI programme (the shared platforms and the learning rates, lists with no row of the
//! fund's table); the comparable multiple paths are with the fund itself, under its
//! marking policy. Every row of the fund's table appears in one section; a row no
//! section claims is shown with the fund itself.

use egui::Ui;

use crate::app::fields;
use crate::app::state::AppState;
use crate::engine::fields::{self as registry, Owner};
use crate::engine::model::PmeBenchmark;

/// The sections of the fund panel, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Fund,
    Investors,
    Fees,
    Carry,
    CreditLine,
    Recycling,
    Programme,
}

impl Section {
    const ALL: [Section; 7] = [
        Section::Fund,
        Section::Investors,
        Section::Fees,
        Section::Carry,
        Section::CreditLine,
        Section::Recycling,
        Section::Programme,
    ];

    fn heading(self) -> &'static str {
        match self {
            Section::Fund => "The fund",
            Section::Investors => "Investors",
            Section::Fees => "Management fees",
            Section::Carry => "Carried interest and waterfall",
            Section::CreditLine => "Subscription credit line",
            Section::Recycling => "Recycling",
            Section::Programme => "Fund-wide AI programme",
        }
    }

    /// The section a fund field's `key` is shown in.
    fn of(key: &str) -> Section {
        let group = key.split('.').next().unwrap_or(key);
        match group {
            "investors" => Section::Investors,
            "management_fee_rate" | "post_investment_fee_rate" | "fee_terms" => Section::Fees,
            "carry_rate" | "preferred_return" | "gp_catch_up" | "waterfall" | "carry_terms" => Section::Carry,
            "credit_line" => Section::CreditLine,
            "recycling" => Section::Recycling,
            _ => Section::Fund,
        }
    }

    /// The list editors drawn under the section's fields.
    fn lists_ui(self, ui: &mut Ui, s: &mut AppState) {
        match self {
            Section::Fund => {
                if matches!(s.portfolio.fund.pme_benchmark, PmeBenchmark::Series { .. }) {
                    ui.label("PME benchmark: an index series from the file.");
                }
                // The paths the marking policy above marks companies on.
                super::comparables::comparables_ui(ui, s);
            }
            Section::Investors => {
                super::lp_classes::lp_classes_ui(ui, s);
                ui.add_space(6.0);
                super::closes::closes_ui(ui, s);
            }
            Section::Fees => super::fee_steps::fee_steps_ui(ui, s),
            Section::Carry => super::carry_tiers::carry_tiers_ui(ui, s),
            Section::CreditLine => super::base_rates::base_rates_ui(ui, s),
            Section::Recycling => {}
            Section::Programme => super::within_view(ui, |ui| {
                super::platforms::platforms_ui(ui, s);
                ui.add_space(6.0);
                super::learning::learning_ui(ui, s);
            }),
        }
    }
}

/// Fund terms: each section's fields, then its lists.
pub(super) fn fund_ui(ui: &mut Ui, s: &mut AppState) {
    ui.heading("Fund terms");
    for section in Section::ALL {
        ui.add_space(10.0);
        ui.label(egui::RichText::new(section.heading()).heading().size(17.0));
        ui.separator();
        let paths: Vec<_> = registry::paths(Owner::Fund)
            .filter(|path| registry::meta(path).is_some_and(|m| Section::of(m.key) == section))
            .collect();
        if !paths.is_empty() {
            egui::Grid::new(("fund_grid", section.heading()))
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for path in paths {
                        fields::row(ui, s, path);
                    }
                });
        }
        ui.add_space(4.0);
        section.lists_ui(ui, s);
    }
}
