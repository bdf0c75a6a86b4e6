//! The Sensitivity tab: the tornado of the viewed case (run once per study and case),
//! the two-driver grid ([`super::grid_view`]) and goal seek on the case's model.

use egui::{Color32, Ui};
use rust_decimal::Decimal;

use super::grid_view::GridView;
use super::plots;
use crate::charts::{self, ChartId};
use crate::engine::drivers::{Driver, Metric};
use crate::engine::goalseek;
use crate::engine::study::{Case, Study};
use crate::units::{format_multiple, format_percent};

/// State of the Sensitivity tab.
pub struct SensitivityView {
    /// The two-driver grid and its settings.
    pub heatmap: GridView,
    /// The driver goal seek moves.
    pub driver: Driver,
    /// The metric goal seek aims at.
    pub metric: Metric,
    /// The target as typed ("20%" for a rate, "2.0x" for a multiple).
    pub target: String,
    /// The last goal-seek answer, for the case it was solved on.
    pub answer: Option<(Case, String)>,
}

impl Default for SensitivityView {
    fn default() -> Self {
        Self {
            heatmap: GridView::default(),
            driver: Driver::ExitMultipleShift,
            metric: Metric::NetIrr,
            target: "20%".into(),
            answer: None,
        }
    }
}

/// A labelled choice among `options`.
pub fn pick<T: Copy + PartialEq>(ui: &mut Ui, label: &str, id: &str, value: &mut T, options: &[(T, &str)]) {
    let l = ui.label(label);
    let current = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or("", |(_, name)| *name);
    egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (v, name) in options {
                ui.selectable_value(value, *v, *name);
            }
        })
        .response
        .labelled_by(l.id);
}

/// The tab's heading: the case the figures are computed on and its net IRR, where the
/// tornado's bars start ("Sensitivity of Downside: net IRR 9.12%").
pub fn sensitivity_heading(case: &Case, base_net_irr: Option<Option<Decimal>>) -> String {
    let name = crate::charts::analyses::case_name(case);
    match base_net_irr {
        Some(Some(irr)) => format!("Sensitivity of {name}: net IRR {}", format_percent(irr)),
        Some(None) => format!("Sensitivity of {name}: net IRR has no root"),
        None => format!("Sensitivity of {name}"),
    }
}

impl SensitivityView {
    /// Draws the tab for `case` (running its tornado the first time).
    pub fn ui(&mut self, ui: &mut Ui, study: &mut Study, case: &Case) {
        let run = study.ensure_tornado(case);
        ui.heading(sensitivity_heading(
            case,
            run.outcome.as_ref().ok().map(|t| t.base_net_irr),
        ));
        match charts::build(ChartId::Tornado, study, case) {
            Ok(chart) => {
                let height = (ui.available_height() * 0.45).max(200.0);
                plots::chart_ui(ui, &chart, Some(height));
            }
            Err(reason) => {
                ui.colored_label(Color32::from_rgb(0xC0, 0x20, 0x20), reason.to_string());
            }
        }
        ui.separator();
        self.heatmap.ui(ui, study, case);
        ui.separator();
        self.goal_seek_ui(ui, study, case);
    }

    fn goal_seek_ui(&mut self, ui: &mut Ui, study: &Study, case: &Case) {
        ui.heading(format!(
            "Goal seek on {}",
            crate::charts::analyses::case_name(case)
        ));
        // Wraps on a narrow window, so Solve is never pushed out of reach.
        ui.horizontal_wrapped(|ui| {
            pick(
                ui,
                "Solve for",
                "goal_driver",
                &mut self.driver,
                &Driver::ALL.map(|d| (d, d.label())),
            );
            pick(
                ui,
                "so that",
                "goal_metric",
                &mut self.metric,
                &Metric::ALL.map(|m| (m, m.label())),
            );
            let l = ui.label("equals");
            ui.add(egui::TextEdit::singleline(&mut self.target).desired_width(80.0))
                .labelled_by(l.id);
            if ui.button("Solve").clicked() {
                self.answer = Some((case.clone(), self.solve(study, case)));
            }
        });
        if let Some((solved, answer)) = &self.answer {
            if solved == case {
                ui.label(answer);
            } else {
                ui.label(format!("{answer} (solved on {solved})"));
            }
        }
    }

    /// Solves on the case's model: "Downside: Exit multiple (turns added) = 0.52 gives a
    /// net IRR of 20.00%."
    fn solve(&self, study: &Study, case: &Case) -> String {
        let model = match study.model(case) {
            Ok(model) => model,
            Err(e) => return format!("{case} does not compute: {e}"),
        };
        let parsed = if self.metric.is_rate() {
            crate::units::parse_percent(&self.target)
        } else {
            crate::units::parse_multiple(&self.target)
        };
        let target = match parsed {
            Ok(t) => t,
            Err(e) => return e.to_string(),
        };
        let (lo, hi) = self.driver.tornado_range(&model);
        let span = hi - lo;
        let name = crate::charts::analyses::case_name(case);
        match goalseek::solve(
            &model,
            self.driver,
            self.metric,
            target,
            (lo - span, hi + span),
            Decimal::new(1, 7),
        ) {
            Ok(s) => format!(
                "{name}: {} = {} gives {} of {}.",
                self.driver.label(),
                s.value.round_dp(4).normalize(),
                self.metric.label(),
                if self.metric.is_rate() {
                    format_percent(s.achieved)
                } else {
                    format_multiple(s.achieved)
                }
            ),
            Err(e) => format!("{name}: {e}."),
        }
    }
}
