//! The AI programme tab: the fund's headline figures on three readings (plan,
//! risk-adjusted, simulated; `readings`), each lever's timeline (pilot, gate, scale-up on the fund's
//! dates), the AI EBITDA uplift on the plan and the risk-adjusted reading by stage or by
//! lever kind (a table and a chart), each lever's evidence range and source, the shared
//! platforms with their costs and dependent levers (`platform`), and the stage gates with
//! their outcomes on both readings and, after a Monte Carlo run of the case, their
//! simulated pass rates (`stage_gates`). Every
//! figure is the engine's (`engine::ai_view`); the risk-adjusted reading is computed by
//! the study on a worker thread (a clone of the study shares what it computes), so the
//! window never waits for it.

mod platform;
mod readings;
mod stage_gates;
mod table;
mod timeline;

use std::time::Duration;

use egui::{RichText, Ui};

use super::MillwrightApp;
use super::jobs::BackgroundJob;
use crate::charts::{Frame, ai_uplift};
use crate::engine::study::Case;

const ERROR: egui::Color32 = egui::Color32::from_rgb(0xC0, 0x20, 0x20);

/// How the uplift is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// By the stage that acquired the company.
    #[default]
    Stage,
    /// By lever kind (levers' shares of their company's uplift, `engine::ai_view`).
    Kind,
}

/// The tab's own state: the grouping picked and the computation under way.
#[derive(Default)]
pub struct AiProgrammeView {
    /// Stage or lever kind.
    pub grouping: Grouping,
    /// The view being computed off the UI thread: for which revision and case.
    job: Option<(u64, Case, BackgroundJob<()>)>,
}

impl AiProgrammeView {
    /// Starts computing `case` of `study` on a worker thread unless it is computed or
    /// under way; returns whether it is still being computed.
    fn computing(&mut self, study: &crate::engine::study::Study, case: &Case) -> bool {
        if study.ai_programme(case).is_some() {
            self.job = None;
            return false;
        }
        let revision = study.revision();
        let current = self
            .job
            .as_ref()
            .is_some_and(|(r, c, _)| *r == revision && c == case);
        if current {
            if let Some((_, _, job)) = &mut self.job
                && job.finished().is_some()
            {
                self.job = None;
            }
            return study.ai_programme(case).is_none();
        }
        let copy = study.clone();
        let wanted = case.clone();
        let job = BackgroundJob::spawn(1, move |done, _| {
            // The outcome is kept in the study's shared store; an error is shown from there.
            drop(copy.ensure_ai_programme(&wanted));
            done.store(1, std::sync::atomic::Ordering::Relaxed);
        });
        self.job = Some((revision, case.clone(), job));
        true
    }
}

/// `readings` with the simulated column of `simulated` when there is a run.
fn with_simulated(
    readings: &crate::engine::ai_view::ReadingsTable,
    simulated: Option<&crate::engine::montecarlo::McResult>,
) -> crate::engine::ai_view::ReadingsTable {
    match simulated {
        Some(run) => readings.with_simulated(run),
        None => readings.clone(),
    }
}

/// The LTM AI EBITDA uplift of each stage at each quarter end, plan and risk-adjusted,
/// tab-separated, then the three readings (for Ctrl+C on the tab); `Err` says why there
/// is none yet.
pub fn uplift_tsv(study: &crate::engine::study::Study, case: &Case) -> Result<String, String> {
    let programme = match study.ai_programme(case) {
        Some(Ok(programme)) => programme,
        Some(Err(e)) => return Err(format!("{case} does not compute: {e}")),
        None => return Err("The AI programme view is still being computed.".into()),
    };
    let mut out = String::from("Quarter end");
    for stage in &programme.by_stage {
        out.push_str(&format!("\t{} plan\t{} risk-adjusted", stage.label, stage.label));
    }
    out.push('\n');
    for (q, date) in programme.dates.iter().enumerate() {
        out.push_str(&date.to_string());
        for stage in &programme.by_stage {
            for figures in [&stage.plan, &stage.risk_adjusted] {
                let value = figures.ltm.get(q).copied().unwrap_or_default();
                out.push_str(&format!("\t{}", value.round_dp(2)));
            }
        }
        out.push('\n');
    }
    let simulated = study.monte_carlo(case).and_then(|run| run.outcome.as_ref().ok());
    let currency = &study.portfolio().fund.currency;
    out.push('\n');
    out.push_str(&readings::readings_tsv(
        &with_simulated(&programme.readings, simulated),
        currency,
    ));
    Ok(out)
}

impl MillwrightApp {
    /// The AI programme tab for the viewed case.
    pub(super) fn ai_programme_tab(&mut self, ui: &mut Ui, case: &Case) {
        let Some(study) = self.state.shown_study() else {
            return;
        };
        if self.ai_programme.computing(study, case) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Computing the risk-adjusted reading…");
            });
            ui.ctx().request_repaint_after(Duration::from_millis(50));
            return;
        }
        let programme = match study.ai_programme(case) {
            Some(Ok(programme)) => programme,
            Some(Err(e)) => {
                ui.colored_label(ERROR, format!("{case} does not compute: {e}"));
                return;
            }
            None => return,
        };
        let frame = Frame::of(study, case);
        let currency = study.portfolio().fund.currency.clone();
        let simulated = study.monte_carlo(case).and_then(|run| run.outcome.as_ref().ok());
        let band = simulated.and_then(ai_uplift::simulated_uplift);
        let readings = with_simulated(&programme.readings, simulated);
        ui.horizontal_wrapped(|ui| {
            ui.heading("AI programme");
            ui.label(
                RichText::new(format!(
                    "{case} · plan: every gate passes · risk-adjusted: each post-gate effect weighted by its \
                     gate's probability (not the expected value of the fund's results) · uplift at 100 % of \
                     each company, amounts in {currency}"
                ))
                .weak(),
            );
        });
        if programme.levers.is_empty() {
            ui.label("No company has an AI lever yet.");
            return;
        }
        let grouping = &mut self.ai_programme.grouping;
        let width = ui.available_width();
        egui::ScrollArea::vertical()
            .id_salt("ai_programme_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Wide tables scroll sideways on their own; the chart and the timelines
                // keep the tab's width.
                ui.set_max_width(width);
                readings::readings_ui(ui, &readings, &currency);
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    ui.label(RichText::new("AI EBITDA uplift, plan and risk-adjusted").strong());
                    if *grouping == Grouping::Stage {
                        ui.label(
                            RichText::new(match band.as_ref() {
                                Some(b) => format!(
                                    "with the simulated P10–P90 of {} paths",
                                    crate::units::count(b.paths)
                                ),
                                None => "run Monte Carlo for the simulated P10–P90".to_string(),
                            })
                            .weak(),
                        );
                    }
                    ui.selectable_value(grouping, Grouping::Stage, "By stage");
                    ui.selectable_value(grouping, Grouping::Kind, "By lever kind");
                });
                let (groups, chart) = match grouping {
                    Grouping::Stage => (
                        &programme.by_stage,
                        ai_uplift::ai_uplift(&frame, &programme, band.as_ref()),
                    ),
                    Grouping::Kind => (
                        &programme.by_kind,
                        ai_uplift::ai_uplift_by_kind(&frame, &programme),
                    ),
                };
                egui::ScrollArea::horizontal()
                    .id_salt("ai_uplift_table_scroll")
                    .show(ui, |ui| table::uplift_table(ui, &programme, groups, &currency));
                ui.add_space(6.0);
                ui.allocate_ui(egui::vec2(width, 440.0), |ui| {
                    super::plots::draw(ui, &chart);
                });
                ui.add_space(12.0);
                ui.label(RichText::new("Lever timelines").strong());
                timeline::timeline_ui(ui, &programme);
                ui.add_space(12.0);
                ui.label(RichText::new("Evidence and gates").strong());
                egui::ScrollArea::horizontal()
                    .id_salt("ai_evidence_table_scroll")
                    .show(ui, |ui| table::evidence_table(ui, &programme, &currency));
                ui.add_space(12.0);
                ui.label(RichText::new("Shared AI platforms and their dependants").strong());
                platform::platforms_ui(ui, &programme, &currency);
                ui.add_space(12.0);
                ui.label(RichText::new("Stage gates and their outcomes").strong());
                stage_gates::stage_gates_ui(ui, &programme, simulated, &currency);
            });
    }
}
