//! The results side of the window: the scenario picker, the tabs, the banner when the
//! model has errors, and each tab drawn from the app's one [`Study`] for the viewed
//! [`Case`]. Chart exports and the memo pack also start here, so a file always names the
//! case it shows.

use std::sync::Arc;
use std::time::Duration;

use super::file_dialog::FileTask;
use super::files::Tab;
use super::{MillwrightApp, exporting, plots, results};
use crate::charts::{self, Chart, ChartId};
use crate::engine::results::FundResult;
use crate::engine::study::{Case, Study};

/// A chart built for one revision, case and company choice.
pub struct CachedChart {
    revision: u64,
    case: Case,
    company: Option<usize>,
    chart: Result<Chart, charts::ChartUnavailable>,
}

/// The viewed case's results at the last revision drawn and the one before it, so the
/// Overview cards can show what the last edit changed until the next one.
#[derive(Default)]
pub struct Headline {
    seen: Option<(u64, Case, Arc<FundResult>)>,
    before: Option<Arc<FundResult>>,
}

impl Headline {
    /// Notes `result` of `case` at `revision`; returns the same case's result before the
    /// last edit, if one was seen. Another case starts afresh.
    pub fn update(
        &mut self,
        revision: u64,
        case: &Case,
        result: &Arc<FundResult>,
    ) -> Option<Arc<FundResult>> {
        match &self.seen {
            Some((seen, seen_case, _)) if *seen == revision && seen_case == case => {}
            Some((_, seen_case, old)) if seen_case == case => {
                self.before = Some(Arc::clone(old));
                self.seen = Some((revision, case.clone(), Arc::clone(result)));
            }
            _ => {
                self.before = None;
                self.seen = Some((revision, case.clone(), Arc::clone(result)));
            }
        }
        self.before.clone()
    }
}

const WARNING: egui::Color32 = egui::Color32::from_rgb(0xB0, 0x60, 0x00);
const ERROR: egui::Color32 = egui::Color32::from_rgb(0xC0, 0x20, 0x20);

impl MillwrightApp {
    /// The case every results view shows: the base case or the picked scenario.
    pub fn viewed_case(&self) -> Case {
        Case::named(self.scenario.as_deref())
    }

    pub(super) fn results_area(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            self.scenario_picker(ui);
            ui.separator();
            ui.selectable_value(&mut self.prefs.tab, Tab::Overview, "Overview");
            for (i, id) in ChartId::TABS.iter().enumerate() {
                ui.selectable_value(&mut self.prefs.tab, Tab::Chart(i), id.tab_label());
            }
            ui.selectable_value(&mut self.prefs.tab, Tab::Companies, "Companies");
            ui.selectable_value(&mut self.prefs.tab, Tab::Statement, "Statement");
            ui.selectable_value(&mut self.prefs.tab, Tab::LpAccounts, "LP accounts");
            ui.selectable_value(&mut self.prefs.tab, Tab::AiProgramme, "AI programme");
            ui.selectable_value(&mut self.prefs.tab, Tab::Compare, "Compare");
            ui.selectable_value(&mut self.prefs.tab, Tab::Sensitivity, "Sensitivity");
            ui.selectable_value(&mut self.prefs.tab, Tab::MonteCarlo, "Monte Carlo");
        });
        ui.separator();
        self.error_banner(ui);
        let case = self.viewed_case();
        match self.prefs.tab {
            Tab::Compare => self.compare_tab(ui, &case),
            Tab::Statement => self.statement_tab(ui, &case),
            Tab::LpAccounts => self.lp_accounts_tab(ui, &case),
            Tab::AiProgramme => self.ai_programme_tab(ui, &case),
            Tab::Sensitivity => self.sensitivity_tab(ui, &case),
            Tab::MonteCarlo => self.monte_carlo_tab(ui, &case),
            Tab::Overview | Tab::Companies => self.figures_tab(ui, &case),
            Tab::Chart(i) => {
                if let Some(id) = ChartId::TABS.get(i).copied() {
                    self.chart_tab(ui, id, &case);
                }
            }
        }
    }

    /// Says that the figures are from the last valid model when the current one has
    /// errors, and where those errors are ("Northwind Castings · Tax rate").
    fn error_banner(&self, ui: &mut egui::Ui) {
        if self.state.last_good_is_current {
            return;
        }
        let errors: Vec<String> = self
            .state
            .problems()
            .iter()
            .filter(|p| p.severity == crate::engine::validate::Severity::Error)
            .map(|p| crate::engine::fields::place(&self.state.portfolio, &p.path).to_string())
            .collect();
        let count = match errors.len() {
            1 => "1 error".to_string(),
            n => format!("{n} errors"),
        };
        let mut places: Vec<String> = Vec::new();
        for place in &errors {
            if !places.contains(place) {
                places.push(place.clone());
            }
        }
        let shown = places.len().min(3);
        let mut at = places.get(..shown).unwrap_or_default().join("; ");
        if places.len() > shown {
            at.push_str(&format!(" and {} more", places.len() - shown));
        }
        let text = if self.state.shown_study().is_some() {
            format!(
                "The model has {count} (at {at}): the figures below are from the last valid model. \
                 Problems in the status bar lists each one and goes to its field."
            )
        } else {
            format!(
                "The model has {count} (at {at}) and no valid version yet: Problems in the status bar \
                 lists each one and goes to its field."
            )
        };
        ui.add(egui::Label::new(egui::RichText::new(text).color(WARNING)).wrap());
    }

    /// Overview and Companies: the viewed case's figures.
    fn figures_tab(&mut self, ui: &mut egui::Ui, case: &Case) {
        let Some(study) = self.state.shown_study() else {
            return;
        };
        match study.result(case) {
            Ok(result) if self.prefs.tab == Tab::Overview => {
                let before = self.headline.update(study.revision(), case, &result);
                let marking = charts::marking::marking_description(study.portfolio());
                results::overview(ui, &result, before.as_deref(), &marking);
            }
            Ok(result) => {
                results::company_table(ui, &result, &mut self.table_sort, &mut self.state.selection)
            }
            Err(e) => {
                ui.colored_label(ERROR, format!("{case} does not compute: {e}"));
            }
        }
    }

    fn chart_tab(&mut self, ui: &mut egui::Ui, id: ChartId, case: &Case) {
        if id == ChartId::EbitdaWithAi {
            self.ebitda_picker(ui);
        }
        let company = if id == ChartId::EbitdaWithAi {
            self.ebitda_company
        } else {
            None
        };
        let Some(study) = self.state.shown_study() else {
            return;
        };
        let revision = study.revision();
        let fresh = self
            .charts
            .get(&id)
            .is_some_and(|c| c.revision == revision && c.case == *case && c.company == company);
        if !fresh {
            let chart = match company {
                Some(index) => charts::company_ebitda(study, case, index),
                None => charts::build(id, study, case),
            };
            self.charts.insert(
                id,
                CachedChart {
                    revision,
                    case: case.clone(),
                    company,
                    chart,
                },
            );
        }
        match self.charts.get(&id).map(|c| c.chart.clone()) {
            Some(Ok(chart)) => {
                if id == ChartId::JCurve
                    && let Some(study) = self.state.shown_study()
                    && let Ok(result) = study.result(case)
                {
                    let button = ui.button("Copy cash flows").on_hover_text(
                        "Copy the fund's quarterly cash flows as tab-separated numbers, to paste into a spreadsheet",
                    );
                    if button.clicked() {
                        let currency = &study.portfolio().fund.currency;
                        ui.ctx()
                            .copy_text(super::clipboard::cashflows_tsv(&result, currency));
                        self.notice = Some(format!(
                            "Copied the cash flows ({} quarters)",
                            result.periods.len()
                        ));
                    }
                }
                self.export_buttons(ui, "", &chart, case);
                plots::draw(ui, &chart);
            }
            Some(Err(e)) => {
                ui.colored_label(ERROR, e.to_string());
            }
            None => {}
        }
    }

    fn compare_tab(&mut self, ui: &mut egui::Ui, case: &Case) {
        let Some(study) = self.state.shown_study() else {
            return;
        };
        if let Ok(chart) = charts::build(ChartId::ScenarioJCurves, study, case) {
            self.export_buttons(ui, "", &chart, case);
        }
        if let Some(study) = self.state.shown_study() {
            self.compare.ui(ui, study, case);
        }
    }

    fn sensitivity_tab(&mut self, ui: &mut egui::Ui, case: &Case) {
        let Some(study) = self.state.shown_study() else {
            return;
        };
        let exports: Vec<(&str, Chart)> = [("tornado ", ChartId::Tornado), ("heatmap ", ChartId::Heatmap)]
            .into_iter()
            .filter_map(|(what, id)| charts::build(id, study, case).ok().map(|c| (what, c)))
            .collect();
        for (what, chart) in &exports {
            self.export_buttons(ui, what, chart, case);
        }
        if let Some(study) = self.state.shown_study_mut() {
            self.sensitivity.ui(ui, study, case);
        }
    }

    fn monte_carlo_tab(&mut self, ui: &mut egui::Ui, case: &Case) {
        if let Some(study) = self.state.shown_study()
            && let Ok(chart) = charts::build(ChartId::MonteCarloNavFan, study, case)
        {
            self.export_buttons(ui, "", &chart, case);
        }
        if let Some(study) = self.state.shown_study()
            && let Ok(chart) = charts::build(ChartId::ValueOfStaging, study, case)
        {
            self.export_buttons(ui, "value of staging ", &chart, case);
        }
        super::monte_carlo::uncertainty_ui(ui, &mut self.state);
        if let Some(study) = self.state.shown_study_mut() {
            self.monte_carlo.ui(ui, study, case);
        }
    }

    /// "Export SVG…" and "Export PNG…" for `chart` of `case` (naming the chart, "Export
    /// tornado SVG…", where a tab has several).
    fn export_buttons(&mut self, ui: &mut egui::Ui, what: &str, chart: &Chart, case: &Case) {
        ui.horizontal(|ui| {
            for extension in ["svg", "png"] {
                let button = ui
                    .button(format!("Export {what}{}…", extension.to_uppercase()))
                    .on_hover_text("Memo style: white, titled, print resolution");
                if button.clicked() {
                    self.export_chart(chart, case, extension);
                }
            }
        });
    }

    fn export_chart(&mut self, chart: &Chart, case: &Case, extension: &'static str) {
        self.open_file_dialog(FileTask::ExportChart {
            chart: Box::new(chart.clone()),
            case: case.clone(),
            extension,
        });
    }

    /// Writes `chart` of `case` to `path` (SVG or PNG by its extension).
    pub(super) fn write_chart(&mut self, chart: &Chart, case: &Case, path: &std::path::Path) {
        let source = exporting::source(self.state.path.as_deref(), &self.state.portfolio.fund.name);
        let Some(study) = self.state.shown_study() else {
            self.error = Some(super::error::AppError::NoResults);
            return;
        };
        match exporting::write_chart(chart, study, case, &source, path) {
            Ok(()) => self.notice = Some(format!("Saved {}", path.display())),
            Err(e) => self.error = Some(super::error::AppError::ChartExport(e)),
        }
    }

    /// File › Export memo pack…: asks for a folder in the app's file dialog; the viewed
    /// case's pack is then written in the background (`start_memo_pack_in`).
    pub fn start_memo_pack(&mut self) {
        if self.pack_job.is_some() {
            return;
        }
        if self.state.shown_study().is_none() {
            self.error = Some(super::error::AppError::NoResults);
            return;
        }
        self.open_file_dialog(FileTask::MemoPack);
    }

    /// Writes the viewed case's memo pack into `folder` in the background, from a copy of
    /// the study (a Monte Carlo run already made is reused).
    pub(super) fn start_memo_pack_in(&mut self, folder: std::path::PathBuf) {
        let Some(study) = self.state.shown_study().cloned() else {
            self.error = Some(super::error::AppError::NoResults);
            return;
        };
        let source = exporting::source(self.state.path.as_deref(), &self.state.portfolio.fund.name);
        self.pack_job = Some(exporting::PackJob::start(
            study,
            self.viewed_case(),
            source,
            folder,
        ));
    }

    /// Collects a finished memo pack.
    pub fn poll_pack(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.pack_job else { return };
        match job.finished() {
            Some(Ok(count)) => {
                self.notice = Some(format!("Exported {count} files to {}", job.folder.display()));
                self.pack_job = None;
            }
            Some(Err(e)) => {
                self.error = Some(super::error::AppError::MemoPack(e));
                self.pack_job = None;
            }
            None => ctx.request_repaint_after(Duration::from_millis(50)),
        }
    }

    fn scenario_picker(&mut self, ui: &mut egui::Ui) {
        let cases = self.state.study().map(Study::cases).unwrap_or_default();
        let names: Vec<String> = cases
            .iter()
            .filter_map(|c| c.scenario_name().map(str::to_string))
            .collect();
        if self.scenario.as_ref().is_some_and(|s| !names.contains(s)) {
            self.scenario = None;
        }
        let label = ui.label("Scenario");
        egui::ComboBox::from_id_salt("scenario_picker")
            .selected_text(self.scenario.clone().unwrap_or_else(|| "Base case".into()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.scenario, None, "Base case");
                for name in &names {
                    ui.selectable_value(&mut self.scenario, Some(name.clone()), name);
                }
            })
            .response
            .labelled_by(label.id);
    }

    fn ebitda_picker(&mut self, ui: &mut egui::Ui) {
        let names: Vec<String> = self
            .state
            .portfolio
            .companies
            .iter()
            .map(|c| c.name.clone())
            .collect();
        ui.horizontal(|ui| {
            let label = ui.label("Show");
            let current = self
                .ebitda_company
                .and_then(|i| names.get(i).cloned())
                .unwrap_or_else(|| "Portfolio total".into());
            egui::ComboBox::from_id_salt("ebitda_company")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.ebitda_company, None, "Portfolio total");
                    for (i, name) in names.iter().enumerate() {
                        ui.selectable_value(&mut self.ebitda_company, Some(i), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
}
