//! The Monte Carlo tab: a background run with progress and Cancel, kept in the study
//! with the case and configuration it ran on, and its estimates, histogram and fans; the
//! AI programme's estimates (`programme`: AI value at risk, the hurdle, lever and stage
//! gate pass rates, the value of staging) and the uncertainty's editor (`uncertainty`).

use std::sync::atomic::Ordering;

use egui::{RichText, Ui};

use super::jobs::BackgroundJob;
use super::plots;
use crate::charts::{self, ChartId};
use crate::engine::montecarlo::{self, McConfig, McError, McResult};
use crate::engine::study::{Case, MonteCarloRun, Study};

mod programme;
mod uncertainty;

pub use uncertainty::uncertainty_ui;

/// Paths per Monte Carlo run in the app.
pub const PATHS: usize = 10_000;

/// The configuration the app runs.
pub fn app_config() -> McConfig {
    McConfig {
        paths: PATHS,
        seed: 42,
        ..McConfig::default()
    }
}

/// State of the Monte Carlo tab.
#[derive(Default)]
pub struct MonteCarloView {
    /// The run in progress and the study revision it runs on.
    pub job: Option<BackgroundJob<MonteCarloRun>>,
    revision: u64,
    /// Why the last run left nothing to show (cancelled, the model changed).
    message: Option<String>,
    /// Whether the next run also projects every stage committed up front.
    pub compare_ungated: bool,
}

impl MonteCarloView {
    /// Starts a run of the app's configuration on `case` in the background.
    pub fn start(&mut self, study: &Study, case: &Case) {
        let config = McConfig {
            compare_ungated: self.compare_ungated,
            ..app_config()
        };
        let task = study.monte_carlo_task(case, &config);
        self.revision = study.revision();
        self.message = None;
        self.job = Some(BackgroundJob::spawn(task.config.paths, move |done, cancel| {
            task.run(&|n| done.store(n, Ordering::Relaxed), cancel)
        }));
    }

    /// Collects a finished run into the study.
    fn poll(&mut self, ui: &Ui, study: &mut Study) {
        let Some(job) = &mut self.job else { return };
        match job.finished() {
            None => ui
                .ctx()
                .request_repaint_after(std::time::Duration::from_millis(50)),
            Some(Ok(run)) => {
                let cancelled = matches!(run.outcome, Err(McError::Cancelled));
                if !study.store_monte_carlo(self.revision, run) {
                    self.message = Some(if cancelled {
                        "Stopped: the run was cancelled.".into()
                    } else {
                        "The model changed during the run: run it again for the current model.".into()
                    });
                }
                self.job = None;
            }
            Some(Err(e)) => {
                self.message = Some(format!("Stopped: {e}"));
                self.job = None;
            }
        }
    }

    /// Draws the tab for `case`.
    pub fn ui(&mut self, ui: &mut Ui, study: &mut Study, case: &Case) {
        self.poll(ui, study);
        let config = app_config();
        let name = crate::charts::analyses::case_name(case);
        ui.heading(format!(
            "Monte Carlo of {name} ({} paths, seed {}): simulated estimates",
            crate::units::count(config.paths),
            config.seed
        ));
        if let Some(job) = &self.job {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(job.progress())
                        .desired_width(300.0)
                        .show_percentage(),
                );
                if ui.button("Cancel").clicked() {
                    job.cancel();
                }
            });
        } else {
            ui.horizontal(|ui| {
                if ui.button("Run simulation").clicked() {
                    self.start(study, case);
                }
                ui.checkbox(
                    &mut self.compare_ungated,
                    "Compare with every stage committed up front",
                )
                .on_hover_text(
                    "Also project each path with the stage gates removed and the conditional companies \
                         acquired (the same seeds): the value of staging. Doubles the run's time.",
                );
            });
        }
        if let Some(message) = &self.message {
            ui.label(message);
        }
        let Some(run) = study.monte_carlo(case) else {
            ui.label(
                "Per-company draws of lever realisation, exit multiple, exit timing and growth \
                 (the file's `uncertainty`, or defaults), with a common market factor.",
            );
            return;
        };
        ui.label(format!(
            "Showing the run of {}: {} paths, seed {}.",
            crate::charts::analyses::case_name(&run.case),
            crate::units::count(run.settings.paths),
            run.settings.seed
        ));
        match &run.outcome {
            Ok(result) => {
                results_ui(ui, study, case, result);
                let currency = study.portfolio().fund.currency.clone();
                programme::programme_ui(ui, result, &currency);
            }
            Err(e) => {
                ui.label(format!("Stopped: {e}"));
            }
        }
    }
}

/// Percentiles, the probability of loss, and the three charts of a finished run.
fn results_ui(ui: &mut Ui, study: &Study, case: &Case, r: &McResult) {
    super::clipboard::copy_button(ui, "monte_carlo", || super::clipboard::monte_carlo_tsv(r));
    egui::Grid::new("mc_table").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Estimate").strong());
        for p in montecarlo::PERCENTILES {
            ui.label(RichText::new(format!("P{p:.0}")).strong());
        }
        ui.end_row();
        for (name, summary, rate) in [
            ("Net IRR", &r.net_irr, true),
            ("TVPI", &r.tvpi, false),
            ("DPI", &r.dpi, false),
        ] {
            ui.label(name);
            for v in summary.values {
                ui.label(if rate {
                    format!("{:.2}%", v * 100.0)
                } else {
                    format!("{v:.2}x")
                });
            }
            ui.end_row();
        }
    });
    ui.label(format!(
        "Probability of losing money (TVPI < 1): {:.1}%. {} paths, seed {}; {} paths without an IRR.",
        r.probability_tvpi_below_one * 100.0,
        crate::units::count(r.paths),
        r.seed,
        crate::units::count(r.paths_without_irr)
    ));
    let ids = [
        ChartId::MonteCarloHistogram,
        ChartId::MonteCarloNavFan,
        ChartId::MonteCarloCashFan,
    ];
    ui.columns(ids.len(), |columns| {
        for (column, id) in columns.iter_mut().zip(ids) {
            match charts::build(id, study, case) {
                Ok(chart) => plots::chart_ui(column, &chart, None),
                Err(reason) => plots::unavailable_ui(column, &reason),
            }
        }
    });
}
