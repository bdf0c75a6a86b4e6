//! The two-driver grid of the Sensitivity tab: the user picks the drivers and the metric,
//! the grid runs in the background on a copy of the study and is kept in the study with
//! its settings; the heatmap is the shared chart, titled by those settings.

use egui::{Color32, Ui};

use super::jobs::BackgroundJob;
use super::plots;
use super::sensitivity::pick;
use crate::charts::{self, ChartId};
use crate::engine::drivers::{Driver, Metric};
use crate::engine::sensitivity::Axis;
use crate::engine::study::{Case, GridRun, GridSettings, Study};

/// Cells per axis in the app's grid.
pub const GRID_STEPS: u32 = 21;

/// State of the grid.
pub struct GridView {
    /// The driver across.
    pub x: Driver,
    /// The driver up.
    pub y: Driver,
    /// The figure in each cell.
    pub metric: Metric,
    /// The grid being computed and the study revision it runs on.
    pub job: Option<BackgroundJob<GridRun>>,
    revision: u64,
    message: Option<String>,
}

impl Default for GridView {
    fn default() -> Self {
        Self {
            x: Driver::ExitMultipleShift,
            y: Driver::RealisationScale,
            metric: Metric::NetIrr,
            job: None,
            revision: 0,
            message: None,
        }
    }
}

impl GridView {
    /// The settings of the current choice on `study`'s model of `case`: each driver over
    /// its tornado range in [`GRID_STEPS`] steps.
    pub fn settings(&self, study: &Study, case: &Case) -> Option<GridSettings> {
        let model = study.model(case).ok()?;
        let axis = |driver: Driver| {
            let (low, high) = driver.tornado_range(&model);
            Axis {
                driver,
                low,
                high,
                steps: GRID_STEPS,
            }
        };
        Some(GridSettings {
            x: axis(self.x),
            y: Some(axis(self.y)),
            metric: self.metric,
        })
    }

    /// Starts the grid of the current choice on `case` in the background.
    pub fn start(&mut self, study: &Study, case: &Case) {
        let Some(settings) = self.settings(study, case) else {
            self.message = Some(format!("{case} does not compute: there is nothing to sweep."));
            return;
        };
        let mut copy = study.clone();
        let case = case.clone();
        self.revision = study.revision();
        self.message = None;
        self.job = Some(BackgroundJob::spawn(1, move |done, _| {
            let run = copy.ensure_grid(&case, &settings).clone();
            done.store(1, std::sync::atomic::Ordering::Relaxed);
            run
        }));
    }

    fn poll(&mut self, ui: &mut Ui, study: &mut Study) {
        let Some(job) = &mut self.job else { return };
        match job.finished() {
            None => {
                ui.label(format!("Computing {GRID_STEPS}x{GRID_STEPS} exact recomputes..."));
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
            Some(Ok(run)) => {
                if !study.store_grid(self.revision, run) {
                    self.message = Some("The model changed while the grid ran: compute it again.".into());
                }
                self.job = None;
            }
            Some(Err(e)) => {
                self.message = Some(format!("Stopped: {e}"));
                self.job = None;
            }
        }
    }

    /// Draws the pickers and the heatmap of `case`.
    pub fn ui(&mut self, ui: &mut Ui, study: &mut Study, case: &Case) {
        ui.heading(format!(
            "Two-driver grid on {}",
            crate::charts::analyses::case_name(case)
        ));
        ui.horizontal_wrapped(|ui| {
            let drivers = Driver::ALL.map(|d| (d, d.label()));
            pick(ui, "Across", "grid_x", &mut self.x, &drivers);
            pick(ui, "Down", "grid_y", &mut self.y, &drivers);
            pick(
                ui,
                "Metric",
                "grid_metric",
                &mut self.metric,
                &Metric::ALL.map(|m| (m, m.label())),
            );
            if self.job.is_none() && ui.button("Compute grid").clicked() {
                self.start(study, case);
            }
        });
        self.poll(ui, study);
        if let Some(message) = &self.message {
            ui.colored_label(Color32::from_rgb(0xB0, 0x60, 0x00), message);
        }
        let current = self.settings(study, case);
        let Some(run) = study.grid(case) else {
            return;
        };
        if current.as_ref() != Some(&run.settings) {
            ui.label(format!(
                "Showing {} (computed earlier); press Compute grid for the drivers chosen above.",
                run.settings.describe()
            ));
        }
        if let Ok(grid) = &run.outcome {
            super::clipboard::copy_button(ui, "grid", || super::clipboard::grid_tsv(grid));
        }
        match charts::build(ChartId::Heatmap, study, case) {
            Ok(chart) => {
                let height = (ui.available_height() - 60.0).max(200.0);
                plots::chart_ui(ui, &chart, Some(height));
            }
            Err(reason) => {
                ui.colored_label(Color32::from_rgb(0xC0, 0x20, 0x20), reason.to_string());
            }
        }
    }
}
