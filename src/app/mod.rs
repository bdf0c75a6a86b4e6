//! The desktop app (egui): build, edit and read a fund model live. One [`MillwrightApp`]
//! holds the state; panels are functions in the sibling modules; every model edit goes
//! through [`state::AppState`], which recomputes by revision.

pub mod ai_programme_view;
pub mod autosave;
pub mod clipboard;
pub mod commands;
pub mod compare;
pub mod credit_line_view;
pub mod deletion;
pub mod dialogs;
mod document;
pub mod editors;
pub mod error;
pub mod explain;
pub mod exporting;
pub mod fields;
pub mod file_dialog;
pub mod files;
pub mod gp_economics_view;
pub mod grid_view;
pub mod history;
pub mod icon;
pub mod jobs;
pub mod layout;
pub mod lp_accounts_view;
pub mod monte_carlo;
pub mod navigation;
pub mod plots;
pub mod recompute;
pub mod results;
pub mod results_area;
pub mod sensitivity;
pub mod shell;
pub mod shortcuts;
pub mod state;
pub mod statement_view;
pub mod tree;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::charts::ChartId;
use crate::engine::model::Portfolio;
use files::{AppPaths, FileDialog, NativeDialog, Prefs, Tab};
use state::AppState;

/// How often unsaved work is copied to the data folder.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// What waits for the answer to "save your changes?".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Start an empty model.
    New,
    /// Open this file, or ask which one (`None`).
    Open(Option<PathBuf>),
    /// Close the model and start an empty one.
    Close,
    /// Close the window.
    Quit,
}

/// The whole app.
pub struct MillwrightApp {
    /// The open model, its history and its study.
    pub state: AppState,
    /// View preferences, saved between runs.
    pub prefs: Prefs,
    paths: Option<AppPaths>,
    dialog: Box<dyn FileDialog>,
    /// Text of the model tree's filter box.
    pub filter: String,
    /// Column the company table is sorted by, and whether ascending.
    pub table_sort: (results::Column, bool),
    /// An action waiting for Save / Discard / Cancel.
    pub pending: Option<Pending>,
    /// What went wrong, shown in a dialog until dismissed (a file that failed to load or
    /// save, an export that failed).
    pub error: Option<error::AppError>,
    /// Failures of the app's own files (autosave, preferences), shown in the status bar.
    pub warnings: error::FileWarnings,
    /// Commands asked for while drawing, run after the frame.
    pub commands: commands::CommandQueue,
    /// Whether the list of problems is shown.
    pub show_problems: bool,
    /// Unsaved work found from a crashed session, offered for recovery.
    pub recovery: Option<(Portfolio, Option<PathBuf>)>,
    last_autosave: Instant,
    allow_close: bool,
    title: String,
    /// The chart of each chart tab, as last built (rebuilt when the revision, case or
    /// company changes).
    charts: HashMap<ChartId, results_area::CachedChart>,
    /// Company shown in the EBITDA chart (`None`: portfolio total).
    pub ebitda_company: Option<usize>,
    /// How long the last frame took to build, shown in the status bar.
    pub frame_time: Duration,
    /// The scenario being viewed (`None`: the base case).
    pub scenario: Option<String>,
    /// The Compare tab (keeps its charts per revision and case).
    pub compare: compare::CompareView,
    /// The Sensitivity tab: grid settings and goal seek.
    pub sensitivity: sensitivity::SensitivityView,
    /// The Monte Carlo tab: settings, the run in progress and its result.
    pub monte_carlo: monte_carlo::MonteCarloView,
    /// The LP accounts tab: the class picked.
    pub lp_accounts: lp_accounts_view::LpAccountsView,
    /// The AI programme tab: the grouping picked and the view being computed.
    pub ai_programme: ai_programme_view::AiProgrammeView,
    /// The memo pack being written, if any.
    pub pack_job: Option<exporting::PackJob>,
    /// A short message for the status bar ("Exported 14 files to …").
    pub notice: Option<String>,
    /// Whether Help › Keyboard shortcuts is open.
    pub show_shortcuts: bool,
    /// The app's own file dialog, when open (Save As, Open, exports).
    pub file_dialog: Option<file_dialog::FileDialogWindow>,
    /// The headline figures before the last edit, for the cards' change marks.
    pub headline: results_area::Headline,
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
        // Before looking for an autosave: a copy whose write was killed at the rename
        // leaves a temporary file that is ours to remove.
        let temp_cleanup = paths.as_ref().and_then(clean_stale_temp_files);
        let recovery = paths.as_ref().and_then(autosave::find_autosave);
        Self {
            state: AppState::new(portfolio, path),
            prefs,
            paths,
            dialog,
            filter: String::new(),
            table_sort: (results::Column::Invested, true),
            pending: None,
            error: None,
            warnings: error::FileWarnings {
                temp_cleanup,
                ..error::FileWarnings::default()
            },
            commands: commands::CommandQueue::default(),
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
            show_shortcuts: false,
            file_dialog: None,
            headline: results_area::Headline::default(),
            scenario: None,
            compare: compare::CompareView::default(),
            sensitivity: sensitivity::SensitivityView::default(),
            monte_carlo: monte_carlo::MonteCarloView::default(),
            lp_accounts: lp_accounts_view::LpAccountsView::default(),
            ai_programme: ai_programme_view::AiProgrammeView::default(),
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
        // Side panels within their ranges (saved widths clamped), so the results keep room.
        let widths = layout::PanelWidths::for_window(
            ui.available_width(),
            self.prefs.show_tree,
            self.prefs.show_editor,
        );
        let defaults = Prefs::default();
        if self.prefs.show_tree {
            let width = layout::clamp_width(self.prefs.tree_width, widths.tree, defaults.tree_width);
            let response = egui::Panel::left("model_tree")
                .resizable(true)
                .default_size(width)
                .size_range(widths.tree.0..=widths.tree.1)
                .show(ui, |ui| {
                    // Wider content scrolls sideways instead of widening the panel.
                    egui::ScrollArea::horizontal()
                        .id_salt("tree_hscroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            tree::show(ui, &mut self.state, &mut self.prefs, &mut self.filter)
                        });
                });
            self.prefs.tree_width = response.response.rect.width();
        }
        if self.prefs.show_editor {
            let width = layout::clamp_width(self.prefs.editor_width, widths.editor, defaults.editor_width);
            let response = egui::Panel::left("editor")
                .resizable(true)
                .default_size(width)
                .size_range(widths.editor.0..=widths.editor.1)
                .show(ui, |ui| {
                    egui::ScrollArea::horizontal()
                        .id_salt("editor_hscroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| editors::show(ui, &mut self.state));
                });
            self.prefs.editor_width = response.response.rect.width();
        }
        // The results scroll when a tab is taller than the window (charts fill the
        // visible height, so they never need to).
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("results_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| self.results_area(ui));
        });
        dialogs::show_all(self, &ctx);
        deletion::notice_ui(self, &ctx);
        shortcuts::window(self, &ctx);
        commands::run_queued(self, &ctx);
        self.poll_pack(&ctx);
        self.autosave_if_due();
        self.update_title(&ctx);
        self.frame_time = started.elapsed();
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

    #[expect(
        clippy::print_stderr,
        reason = "the window is gone: a failed preferences save or autosave clean-up can only be reported on the terminal"
    )]
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_prefs();
        if !self.state.is_dirty() {
            self.remove_autosave();
        }
        // The window is gone: the terminal is the only place left to say what failed.
        for warning in [&self.warnings.prefs, &self.warnings.cleanup]
            .into_iter()
            .flatten()
        {
            eprintln!("Millwright: {warning}");
        }
    }
}

/// Removes stale temporary files of ours (a save killed before its rename) from the
/// app's data and config folders; a folder not created yet has none. The first failure
/// is returned for the status bar.
fn clean_stale_temp_files(paths: &AppPaths) -> Option<error::AppError> {
    [&paths.data_dir, &paths.config_dir].into_iter().find_map(|dir| {
        match crate::io::clean_stale_temp_files(dir) {
            Ok(_) => None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => Some(error::AppError::TempCleanup(e)),
        }
    })
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
            "statement" => Tab::Statement,
            "lp" => Tab::LpAccounts,
            "ai" => Tab::AiProgramme,
            name => ChartId::TABS
                .iter()
                .position(|c| c.name() == name)
                .map_or(Tab::Overview, Tab::Chart),
        };
    }
    let options = eframe::NativeOptions {
        viewport: icon::with_window_icon(egui::ViewportBuilder::default())
            .with_inner_size([1400.0, 900.0])
            .with_title("Millwright")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native("Millwright", options, Box::new(|_cc| Ok(Box::new(app))))
        .map_err(|e| anyhow::anyhow!("the window could not open: {e}"))
}
