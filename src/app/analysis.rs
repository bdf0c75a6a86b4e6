//! The names the results area called before the analysis views moved to their own files
//! ([`super::compare`], [`super::sensitivity`], [`super::grid_view`],
//! [`super::monte_carlo`]). Each view's `ui(ui, study, case)` is the entry to use.

use egui::Ui;

pub use super::compare::CompareView;
pub use super::monte_carlo::MonteCarloView as McView;
pub use super::sensitivity::SensitivityView;
use crate::engine::study::{Case, Study};

/// The Compare tab, with the base case viewed (no chart cache: prefer a kept
/// [`CompareView`]).
pub fn compare_view(ui: &mut Ui, study: &Study) {
    CompareView::default().ui(ui, study, &Case::Base);
}

/// The Sensitivity tab for `case`.
pub fn sensitivity_view(ui: &mut Ui, view: &mut SensitivityView, study: &mut Study, case: &Case) {
    view.ui(ui, study, case);
}

/// The Monte Carlo tab for `case`.
pub fn monte_carlo_view(ui: &mut Ui, view: &mut McView, study: &mut Study, case: &Case) {
    view.ui(ui, study, case);
}
