//! The Compare tab: the base case and every scenario side by side (metrics table, J-curves
//! and NAV overlaid), read from the study's cached results. Charts are built once per
//! study revision, so a frame only draws.

use egui::{Color32, RichText, Ui};

use super::plots;
use crate::charts::{self, Chart, ChartId, ChartUnavailable};
use crate::engine::study::{Case, Study};
use crate::units::{format_money, format_multiple, format_percent};

/// The charts of one study revision.
struct Built {
    revision: u64,
    viewed: Case,
    jcurves: Result<Chart, ChartUnavailable>,
    nav: Result<Chart, ChartUnavailable>,
}

/// State of the Compare tab.
#[derive(Default)]
pub struct CompareView {
    built: Option<Built>,
}

impl CompareView {
    /// Draws the tab (the viewed `case` in bold, its line emphasised).
    pub fn ui(&mut self, ui: &mut Ui, study: &Study, case: &Case) {
        let stale = self
            .built
            .as_ref()
            .is_none_or(|b| b.revision != study.revision() || b.viewed != *case);
        if stale {
            self.built = Some(Built {
                revision: study.revision(),
                viewed: case.clone(),
                jcurves: charts::build(ChartId::ScenarioJCurves, study, case),
                nav: charts::build(ChartId::ScenarioNav, study, case),
            });
        }
        ui.heading("Scenarios side by side");
        let currency = study
            .model(&Case::Base)
            .map(|m| m.fund.currency.clone())
            .unwrap_or_default();
        super::clipboard::copy_button(ui, "compare", || super::clipboard::compare_tsv(study, &currency));
        table_ui(ui, study, case);
        ui.add_space(8.0);
        let Some(built) = &self.built else {
            return;
        };
        let half = (ui.available_height() * 0.5 - 40.0).max(160.0);
        for (chart, height) in [(&built.jcurves, Some(half)), (&built.nav, None)] {
            match chart {
                Ok(chart) => plots::chart_ui(ui, chart, height),
                Err(reason) => plots::unavailable_ui(ui, reason),
            }
        }
    }
}

fn rate(value: &Result<rust_decimal::Decimal, impl std::fmt::Display>) -> String {
    value
        .as_ref()
        .map_or_else(|_| "n/a".into(), |v| format_percent(*v))
}

/// One row per case (the viewed one in bold) of the headline figures.
fn table_ui(ui: &mut Ui, study: &Study, viewed: &Case) {
    egui::Grid::new("compare_grid")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for title in [
                "Scenario",
                "Net IRR",
                "Gross IRR",
                "TVPI",
                "DPI",
                "Paid-in",
                "Carry",
                "J-curve trough",
            ] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for case in study.cases() {
                let name = match &case {
                    Case::Base => "Base case (as modelled)".to_string(),
                    Case::Scenario(name) => name.clone(),
                };
                let text = RichText::new(name);
                ui.label(if case == *viewed { text.strong() } else { text });
                match study.result(&case) {
                    Ok(r) => {
                        let m = &r.metrics;
                        ui.label(rate(&m.net_irr));
                        ui.label(rate(&m.gross_irr));
                        ui.label(m.tvpi.map_or_else(|| "n/a".into(), format_multiple));
                        ui.label(m.dpi.map_or_else(|| "n/a".into(), format_multiple));
                        ui.label(format_money(m.paid_in));
                        ui.label(format_money(m.carried_interest));
                        ui.label(format_money(m.jcurve_trough));
                    }
                    Err(e) => {
                        ui.colored_label(
                            Color32::from_rgb(0xC0, 0x20, 0x20),
                            format!("does not compute: {e}"),
                        );
                    }
                }
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frames of the Compare tab on the $100B sample, headless: the first computes the
    /// scenarios (once per study), the later ones only draw. Run with `--ignored
    /// --nocapture` to see the figure (it depends on the build profile and the machine).
    #[test]
    #[ignore = "a measurement, not a check"]
    fn compare_tab_frame_time() {
        let portfolio = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        let study = Study::new(portfolio, 1);
        let ctx = egui::Context::default();
        let mut view = CompareView::default();
        let mut frame = || {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1400.0, 900.0),
                )),
                ..Default::default()
            };
            let started = std::time::Instant::now();
            let mut output = ctx.run_ui(input, |ui| view.ui(ui, &study, &Case::Base));
            output.textures_delta.clear();
            started.elapsed()
        };
        let first = frame();
        let frames = 200;
        let total: std::time::Duration = (0..frames).map(|_| frame()).sum();
        let each = total / frames;
        println!("Compare tab: first frame {first:?}, then {each:?} a frame");
        assert!(each < first, "later frames reuse the study's results");
    }
}
