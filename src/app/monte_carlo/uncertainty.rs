//! The Monte Carlo uncertainty's scalar settings in the Monte Carlo tab: the market
//! factor weight and the lever-gate copula's three loadings (rows of the field
//! registry, so each change is one undo step; a model without its own `uncertainty`
//! shows the defaults, and its first edit writes them into the file).

use egui::Ui;

use crate::app::fields;
use crate::app::state::AppState;
use crate::engine::fields::{self as registry, Owner};

/// A collapsible grid of the uncertainty's rows.
pub fn uncertainty_ui(ui: &mut Ui, state: &mut AppState) {
    let own = state.portfolio.uncertainty.is_some();
    egui::CollapsingHeader::new("Uncertainty: market factor and lever-gate correlation")
        .id_salt("mc_uncertainty")
        .show(ui, |ui| {
            ui.label(if own {
                "The model's own settings."
            } else {
                "The defaults (the model has no uncertainty of its own); a change writes them into the model."
            });
            egui::Grid::new("mc_uncertainty_grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for path in registry::paths(Owner::Uncertainty) {
                        fields::row(ui, state, path);
                    }
                });
            ui.label(
                "Lever gates are drawn through a Gaussian copula: each loading is the share of a gate's \
                 variance from the portfolio-wide AI execution factor, the lever kind's factor and the \
                 sector's factor (together at most 100%).",
            );
        });
}
