//! The desktop app (egui): build, edit and read a fund model live. One [`MillwrightApp`]
//! holds the state; panels are functions in the sibling modules; every model edit goes
//! through [`state::AppState`], which recomputes by revision.

pub mod analysis;
pub mod dialogs;
pub mod editors;
pub mod exporting;
pub mod fields;
pub mod files;
pub mod jobs;
pub mod plots;
pub mod results;
pub mod shell;
pub mod state;
pub mod tree;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::charts::{self, Chart, ChartId};
use crate::engine::model::Portfolio;
use crate::engine::scenario;
use crate::io::portfolio_file;
use files::{AppPaths, FileDialog, NativeDialog, Prefs, Tab};
use state::AppState;

/// How often unsaved work is copied to the data folder.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// What waits for the answer to "save your changes?".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(Option<PathBuf>),
    Close,
    Quit,
}

/// The whole app.
pub struct MillwrightApp {
    pub state: AppState,
    pub prefs: Prefs,
    paths: Option<AppPaths>,
    dialog: Box<dyn FileDialog>,
    pub filter: String,
    pub table_sort: (results::Column, bool),
    /// An action waiting for Save / Discard / Cancel.
    pub pending: Option<Pending>,
    /// A message shown in a dialog (a file that failed to load or save).
    pub error: Option<String>,
    pub show_problems: bool,
    /// Unsaved work found from a crashed session, offered for recovery.
    pub recovery: Option<(Portfolio, Option<PathBuf>)>,
    last_autosave: Instant,
    allow_close: bool,
    title: String,
    charts: HashMap<ChartId, (u64, Chart)>,
    /// Company shown in the EBITDA chart (`None`: portfolio total).
    pub ebitda_company: Option<usize>,
    pub frame_time: Duration,
    /// The scenario being viewed (`None`: the base case).
    pub scenario: Option<String>,
    scenario_results: Option<(
        u64,
        String,
        Result<std::sync::Arc<crate::engine::results::FundResult>, String>,
    )>,
    comparison: Option<analysis::Comparison>,
    pub sensitivity: analysis::SensitivityView,
    pub monte_carlo: analysis::McView,
    /// The memo pack being written, if any.
    pub pack_job: Option<exporting::PackJob>,
    /// A short message for the status bar ("Exported 14 files to …").
    pub notice: Option<String>,
}

impl MillwrightApp {
    /// An app on `portfolio` with the given dialogs and folders (tests pass fakes).
    pub fn new(
        portfolio: Portfolio,
        path: Option<PathBuf>,
        dialog: Box<dyn FileDialog>,
        paths: Option<AppPaths>,
    ) -> Self {
        let prefs = paths.as_ref().map(Prefs::load).unwrap_or_default();
        let recovery = paths.as_ref().and_then(dialogs::find_autosave);
        Self {
            state: AppState::new(portfolio, path),
            prefs,
            paths,
            dialog,
            filter: String::new(),
            table_sort: (results::Column::Invested, true),
            pending: None,
            error: None,
            show_problems: false,
            recovery,
            last_autosave: Instant::now(),
            allow_close: false,
            title: String::new(),
            charts: HashMap::new(),
            ebitda_company: None,
            frame_time: Duration::ZERO,
            pack_job: None,
            notice: None,
            scenario: None,
            scenario_results: None,
            comparison: None,
            sensitivity: analysis::SensitivityView::default(),
            monte_carlo: analysis::McView::default(),
        }
    }

    /// Draws the whole window into `ui` (used by eframe and by UI tests).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        ctx.set_visuals(if self.prefs.dark_mode {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        shell::handle_input(self, &ctx);
        self.state.recompute_if_needed();
        shell::menu_bar(self, ui);
        shell::status_bar(self, ui);
        if self.prefs.show_tree {
            let response = egui::Panel::left("model_tree")
                .resizable(true)
                .default_size(self.prefs.tree_width)
                .show(ui, |ui| {
                    tree::show(ui, &mut self.state, &mut self.prefs, &mut self.filter)
                });
            self.prefs.tree_width = response.response.rect.width();
        }
        if self.prefs.show_editor {
            let response = egui::Panel::left("editor")
                .resizable(true)
                .default_size(self.prefs.editor_width)
                .show(ui, |ui| editors::show(ui, &mut self.state));
            self.prefs.editor_width = response.response.rect.width();
        }
        egui::CentralPanel::default().show(ui, |ui| self.results_area(ui));
        dialogs::show_all(self, &ctx);
        self.poll_pack(&ctx);
        self.autosave_if_due();
        self.update_title(&ctx);
        self.frame_time = started.elapsed();
    }

    fn results_area(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            self.scenario_picker(ui);
            ui.separator();
            ui.selectable_value(&mut self.prefs.tab, Tab::Overview, "Overview");
            for (i, id) in ChartId::TABS.iter().enumerate() {
                ui.selectable_value(&mut self.prefs.tab, Tab::Chart(i), id.tab_label());
            }
            ui.selectable_value(&mut self.prefs.tab, Tab::Companies, "Companies");
            ui.selectable_value(&mut self.prefs.tab, Tab::Compare, "Compare");
            ui.selectable_value(&mut self.prefs.tab, Tab::Sensitivity, "Sensitivity");
            ui.selectable_value(&mut self.prefs.tab, Tab::MonteCarlo, "Monte Carlo");
        });
        ui.separator();
        let errors = self
            .state
            .problems()
            .iter()
            .filter(|p| p.severity == crate::engine::validate::Severity::Error)
            .count();
        if !self.state.last_good_is_current {
            let text = if self.state.last_good.is_some() {
                format!(
                    "The model has {errors} error(s): the figures below are from the last valid model. Fix the fields marked in red."
                )
            } else {
                format!(
                    "The model has {errors} error(s) and no valid version yet: fix the fields marked in red."
                )
            };
            ui.colored_label(egui::Color32::from_rgb(0xB0, 0x60, 0x00), text);
        }
        let revision = self.state.revision();
        match self.prefs.tab {
            Tab::Compare => {
                if self.comparison.as_ref().is_none_or(|c| c.revision != revision) {
                    self.comparison = Some(analysis::compare(&self.state.portfolio, revision));
                }
                if let Some(result) = self.state.last_good.clone() {
                    let chart = crate::charts::series::scenario_jcurves(&self.state.portfolio);
                    self.export_buttons(ui, &chart, &result);
                }
                if let Some(c) = &self.comparison {
                    analysis::compare_view(ui, c);
                }
                return;
            }
            Tab::Sensitivity => {
                let model = self.viewed_model();
                if let Some(result) = self.state.last_good.clone() {
                    if let Some((_, Ok(t))) = &self.sensitivity.tornado {
                        let chart = crate::charts::series::tornado(t);
                        self.named_export_buttons(ui, "tornado ", &chart, &result);
                    }
                    if let Some(Ok(g)) = &self.sensitivity.heatmap.grid {
                        let at = |d: crate::engine::drivers::Driver| {
                            rust_decimal::prelude::ToPrimitive::to_f64(&d.base_value(&model)).unwrap_or(0.0)
                        };
                        let base = (at(g.x.driver), g.y.as_ref().map_or(0.0, |a| at(a.driver)));
                        let chart = crate::charts::series::heatmap(g, base);
                        self.named_export_buttons(ui, "heatmap ", &chart, &result);
                    }
                }
                analysis::sensitivity_view(ui, &mut self.sensitivity, &model, revision);
                return;
            }
            Tab::MonteCarlo => {
                let model = self.viewed_model();
                if let (Some(Ok(mc)), Some(result)) = (&self.monte_carlo.result, self.state.last_good.clone())
                {
                    let chart = crate::charts::series::monte_carlo_nav_fan(mc);
                    self.export_buttons(ui, &chart, &result);
                }
                analysis::monte_carlo_view(ui, &mut self.monte_carlo, &model);
                return;
            }
            _ => {}
        }
        let result = match self.scenario.clone() {
            None => self.state.last_good.clone(),
            Some(name) => {
                if self
                    .scenario_results
                    .as_ref()
                    .is_none_or(|(r, n, _)| *r != revision || *n != name)
                {
                    let outcome = scenario::apply_named(&self.state.portfolio, &name)
                        .map_err(|e| e.to_string())
                        .and_then(|p| {
                            crate::engine::compute(&p)
                                .map(std::sync::Arc::new)
                                .map_err(|e| e.to_string())
                        });
                    self.scenario_results = Some((revision, name.clone(), outcome));
                    self.charts.clear();
                }
                match self.scenario_results.as_ref().map(|(_, _, o)| o) {
                    Some(Ok(r)) => Some(r.clone()),
                    Some(Err(e)) => {
                        ui.colored_label(
                            egui::Color32::from_rgb(0xC0, 0x20, 0x20),
                            format!("Scenario '{name}' does not compute: {e}"),
                        );
                        None
                    }
                    None => None,
                }
            }
        };
        let Some(result) = result else {
            return;
        };
        match self.prefs.tab {
            Tab::Overview => results::overview(ui, &result),
            Tab::Compare | Tab::Sensitivity | Tab::MonteCarlo => {}
            Tab::Companies => results::company_table(ui, &result, &mut self.table_sort),
            Tab::Chart(i) => {
                let Some(id) = ChartId::TABS.get(i).copied() else {
                    return;
                };
                if id == ChartId::EbitdaWithAi {
                    self.ebitda_picker(ui);
                }
                let revision = self.state.revision();
                let key = self.ebitda_company;
                let entry = self
                    .charts
                    .get(&id)
                    .filter(|(r, _)| *r == revision && (id != ChartId::EbitdaWithAi || key.is_none()));
                let chart = match (entry, id, key) {
                    (_, ChartId::EbitdaWithAi, Some(c)) => charts::series::company_ebitda(&result, c),
                    (Some((_, chart)), _, _) => chart.clone(),
                    _ => {
                        let chart = charts::series::build(id, &self.state.portfolio, &result);
                        self.charts.insert(id, (revision, chart.clone()));
                        chart
                    }
                };
                self.export_buttons(ui, &chart, &result);
                plots::draw(ui, &chart);
            }
        }
    }

    /// "Export SVG…" and "Export PNG…" for `chart`.
    fn export_buttons(
        &mut self,
        ui: &mut egui::Ui,
        chart: &Chart,
        result: &crate::engine::results::FundResult,
    ) {
        self.named_export_buttons(ui, "", chart, result);
    }

    /// Export buttons naming the chart ("Export tornado SVG…") where a tab has several.
    fn named_export_buttons(
        &mut self,
        ui: &mut egui::Ui,
        what: &str,
        chart: &Chart,
        result: &crate::engine::results::FundResult,
    ) {
        ui.horizontal(|ui| {
            for extension in ["svg", "png"] {
                let button = ui
                    .button(format!("Export {what}{}…", extension.to_uppercase()))
                    .on_hover_text("Memo style: white, titled, print resolution");
                if button.clicked() {
                    self.export_chart(chart, result, extension);
                }
            }
        });
    }

    fn export_chart(&mut self, chart: &Chart, result: &crate::engine::results::FundResult, extension: &str) {
        let suggested = format!("{}.{extension}", chart.id.name());
        let Some(path) = self.dialog.pick_export(&suggested, extension) else {
            return;
        };
        let source = exporting::source(self.state.path.as_deref(), &self.state.portfolio.fund.name);
        match exporting::write_chart(chart, &self.state.portfolio, result, &source, &path) {
            Ok(()) => self.notice = Some(format!("Saved {}", path.display())),
            Err(e) => self.error = Some(format!("Could not export the chart.\n\n{e}")),
        }
    }

    /// File › Export memo pack…: asks for a folder and writes the pack in the background.
    pub fn start_memo_pack(&mut self) {
        if self.pack_job.is_some() {
            return;
        }
        let Some(result) = self.state.last_good.clone() else {
            self.error = Some("There are no results to export yet: fix the model's errors first.".into());
            return;
        };
        let Some(folder) = self.dialog.pick_folder() else {
            return;
        };
        let source = exporting::source(self.state.path.as_deref(), &self.state.portfolio.fund.name);
        self.pack_job = Some(exporting::PackJob::start(
            self.state.portfolio.clone(),
            result,
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
                self.error = Some(format!("The memo pack could not be written.\n\n{e}"));
                self.pack_job = None;
            }
            None => ctx.request_repaint_after(Duration::from_millis(50)),
        }
    }

    /// The model as viewed: the base case or the chosen scenario applied to it.
    fn viewed_model(&self) -> Portfolio {
        self.scenario
            .as_deref()
            .and_then(|name| scenario::apply_named(&self.state.portfolio, name).ok())
            .unwrap_or_else(|| self.state.portfolio.clone())
    }

    fn scenario_picker(&mut self, ui: &mut egui::Ui) {
        let names: Vec<String> = self
            .state
            .portfolio
            .scenarios
            .iter()
            .map(|s| s.name.clone())
            .filter(|n| n != "Base")
            .collect();
        if self.scenario.as_ref().is_some_and(|s| !names.contains(s)) {
            self.scenario = None;
        }
        let label = ui.label("Scenario");
        let before = self.scenario.clone();
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
        if before != self.scenario {
            self.charts.clear();
        }
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

    fn autosave_if_due(&mut self) {
        if !self.state.is_dirty() || self.last_autosave.elapsed() < AUTOSAVE_EVERY {
            return;
        }
        self.last_autosave = Instant::now();
        if let Some(paths) = &self.paths {
            // Best effort: a failed autosave must not interrupt the user's work.
            let _ = dialogs::write_autosave(paths, &self.state.portfolio, self.state.path.as_deref());
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.state.is_dirty() { " ●" } else { "" };
        let title = format!("{}{mark} — Millwright", self.state.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn save_prefs(&self) {
        if let Some(paths) = &self.paths {
            let _ = self.prefs.save(paths);
        }
    }

    /// Asks before `action` when there are unsaved changes; otherwise does it.
    pub fn request(&mut self, action: Pending) {
        if self.state.is_dirty() {
            self.pending = Some(action);
        } else {
            self.perform(action);
        }
    }

    /// Does `action` now, unsaved changes or not.
    pub fn perform(&mut self, action: Pending) {
        match action {
            Pending::New | Pending::Close => self.state.replace(blank_portfolio(), None),
            Pending::Open(path) => {
                let Some(path) = path.or_else(|| self.dialog.pick_open()) else {
                    return;
                };
                self.open_path(path);
            }
            Pending::Quit => self.allow_close = true,
        }
        self.charts.clear();
    }

    /// Opens `path`; on failure shows why and keeps the current model.
    pub fn open_path(&mut self, path: PathBuf) {
        match portfolio_file::load(&path) {
            Ok(portfolio) => {
                self.prefs.remember(&path);
                self.save_prefs();
                self.state.replace(portfolio, Some(path));
                self.charts.clear();
            }
            Err(e) => self.error = Some(format!("Could not open the file.\n\n{e}")),
        }
    }

    /// Saves to the current file, or asks where. Returns whether it saved.
    pub fn save(&mut self) -> bool {
        match self.state.path.clone() {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    /// Asks where to save, then saves. Returns whether it saved.
    pub fn save_as(&mut self) -> bool {
        let suggested = format!(
            "{}.json",
            self.state.portfolio.fund.name.replace(['/', '\\', ':'], "-")
        );
        match self.dialog.pick_save(&suggested) {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match portfolio_file::save(&path, &self.state.portfolio) {
            Ok(()) => {
                self.prefs.remember(&path);
                self.save_prefs();
                self.state.mark_saved(path);
                if let Some(paths) = &self.paths {
                    dialogs::remove_autosave(paths);
                }
                true
            }
            Err(e) => {
                self.error = Some(format!("Could not save. Your file on disk is unchanged.\n\n{e}"));
                false
            }
        }
    }
}

impl eframe::App for MillwrightApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if self.allow_close {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Wake up for the autosave even when idle.
        ui.ctx().request_repaint_after(Duration::from_secs(5));
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_prefs();
        if let Some(paths) = &self.paths
            && !self.state.is_dirty()
        {
            dialogs::remove_autosave(paths);
        }
    }
}

/// A new, empty fund: default terms and one stage.
pub fn blank_portfolio() -> Portfolio {
    use crate::engine::model::*;
    use rust_decimal::dec;
    let first_close = chrono::Local::now().date_naive();
    Portfolio {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        fund: FundTerms {
            name: "New fund".into(),
            currency: "USD".into(),
            commitment: dec!(1_000_000_000),
            gp_commitment_share: dec!(0.01),
            first_close,
            investment_period_years: 5,
            term_years: 10,
            extension_years: 0,
            management_fee_rate: dec!(0.02),
            post_investment_fee_rate: Some(dec!(0.015)),
            organisational_expenses: dec!(0),
            annual_expenses: dec!(0),
            carry_rate: dec!(0.2),
            preferred_return: dec!(0.08),
            gp_catch_up: dec!(1),
            waterfall: Waterfall::European,
            pme_benchmark: PmeBenchmark::ConstantReturn {
                annual_return: dec!(0.07),
            },
        },
        stages: vec![Stage {
            name: "Stage I".into(),
            start_date: first_close,
            budget: dec!(800_000_000),
            reserve: dec!(50_000_000),
        }],
        companies: Vec::new(),
        scenarios: Vec::new(),
        notes: Vec::new(),
        uncertainty: None,
    }
}

/// Opens the window on `initial_file` (or the built-in $100B sample) and returns when it
/// closes.
pub fn run(initial_file: Option<PathBuf>) -> anyhow::Result<()> {
    let sample =
        crate::io::samples::flagship().map_err(|e| anyhow::anyhow!("the built-in sample is damaged: {e}"))?;
    let paths = AppPaths::for_user();
    let mut app = MillwrightApp::new(sample, None, Box::new(NativeDialog), paths);
    if let Some(path) = initial_file {
        app.open_path(path);
    }
    if let Ok(tab) = std::env::var("MILLWRIGHT_TAB") {
        app.prefs.tab = match tab.as_str() {
            "overview" => Tab::Overview,
            "companies" => Tab::Companies,
            "compare" => Tab::Compare,
            "sensitivity" => Tab::Sensitivity,
            "montecarlo" => Tab::MonteCarlo,
            name => ChartId::TABS
                .iter()
                .position(|c| c.name() == name)
                .map_or(Tab::Overview, Tab::Chart),
        };
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 900.0])
            .with_title("Millwright")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native("Millwright", options, Box::new(|_cc| Ok(Box::new(app))))
        .map_err(|e| anyhow::anyhow!("the window could not open: {e}"))
}
