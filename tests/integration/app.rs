//! The desktop app driven through egui_kittest, headless: the real app state, clicked
//! and typed into by label, checked against the engine's own figures.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use millwright::app::MillwrightApp;
use millwright::app::files::FileDialog;
use millwright::app::results::irr_text;
use millwright::engine::compute;
use millwright::engine::model::Portfolio;
use millwright::engine::study::Case;
use millwright::io::samples;
use rust_decimal::Decimal;

use super::app_harness::{WINDOW, app_with_dialog, harness_of, tempdir};

/// Answers the file dialogs with fixed paths.
struct FakeDialog {
    open: Option<PathBuf>,
    save: Option<PathBuf>,
}

impl FileDialog for FakeDialog {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.open.clone()
    }
    fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.save.clone()
    }
    fn pick_export(&mut self, suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        self.save
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| d.join(suggested_name))
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.save
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| d.join("memo pack"))
    }
}

fn sample() -> Portfolio {
    samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn harness(dir: &tempfile::TempDir, open: Option<PathBuf>) -> Harness<'static, MillwrightApp> {
    let dialog = FakeDialog {
        open,
        save: Some(dir.path().join("saved.json")),
    };
    harness_of(app_with_dialog(dir, sample(), Box::new(dialog)), WINDOW)
}

fn net_irr_shown_for(portfolio: &Portfolio) -> String {
    let result = compute(portfolio).unwrap_or_else(|e| panic!("{e}"));
    irr_text(&result.metrics.net_irr)
}

/// Clicks the widget labelled `label` (a menu item's label may carry its shortcut after
/// it: "Save  Ctrl+S"). Uses the accessibility action, so widgets scrolled out of view
/// are clickable as a screen reader would.
fn click(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    let with_shortcut = format!("{label} ");
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|l| l == label || (l.starts_with(&with_shortcut) && l.contains("Ctrl")))
        })
        .click_accesskit();
    harness.run();
}

#[test]
fn changing_a_lever_moves_net_irr_to_the_engine_figure_and_undo_restores_it() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    let base = sample();
    let before = net_irr_shown_for(&base);
    assert_shown(&harness, &before);

    let company = base.companies[0].name.clone();
    let lever = base.companies[0].levers[0].name.clone();
    click(&mut harness, &company);
    click(&mut harness, &format!("• {lever}"));

    let field = harness.get_by_role_and_label(Role::TextInput, "Realisation");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Realisation")
        .type_text("10%");
    harness.run();
    // The typed value reaches the model when it is committed.
    harness.key_press(egui::Key::Enter);
    harness.run();

    let mut changed = base.clone();
    changed.companies[0].levers[0].realisation = Decimal::new(1, 1);
    assert_eq!(
        harness.state().state.portfolio,
        changed,
        "the model holds the typed realisation"
    );
    let after = net_irr_shown_for(&changed);
    assert_ne!(before, after, "net IRR must move");
    // The Overview card shows exactly the engine's figure for the changed model.
    assert_shown(&harness, &after);

    click(&mut harness, "Edit");
    click(&mut harness, "Undo");
    assert_eq!(harness.state().state.portfolio, base);
    assert_shown(&harness, &before);
}

#[test]
fn add_and_delete_a_company() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    let n = sample().companies.len();
    click(&mut harness, "+ Add company");
    assert_eq!(harness.state().state.portfolio.companies.len(), n + 1);
    // In the tree and as the editor's heading.
    assert!(harness.query_all_by_label("New company").count() >= 2);
    click(&mut harness, "Delete company");
    assert_eq!(harness.state().state.portfolio.companies.len(), n);
    assert!(harness.query_by_label("New company").is_none());
}

#[test]
fn new_with_unsaved_changes_asks_and_cancel_keeps_discard_drops() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    click(&mut harness, "+ Add stage");
    assert!(harness.state().state.is_dirty());
    let edited = harness.state().state.portfolio.clone();

    click(&mut harness, "File");
    click(&mut harness, "New");
    harness.get_by_label_contains("Save the changes to");
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label_contains("Save the changes to").is_none());
    assert_eq!(harness.state().state.portfolio, edited, "Cancel keeps the work");

    if harness.query_by_label("Close").is_none() {
        click(&mut harness, "File");
    }
    click(&mut harness, "New");
    click(&mut harness, "Discard");
    assert_eq!(harness.state().state.portfolio.fund.name, "New fund");
    assert!(!harness.state().state.is_dirty());
}

#[test]
fn a_file_that_fails_to_load_shows_why_and_keeps_the_model() {
    let dir = tempdir();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{ \"format\": \"millwright-portfolio\", \"version\": 1, ",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&dir, Some(broken));
    click(&mut harness, "File");
    click(&mut harness, "Open…");
    // The app's own file dialog; Browse… asks the (fake) system dialog.
    click(&mut harness, "Browse…");
    harness.get_by_label("Something went wrong");
    harness.get_by_label_contains("broken.json");
    assert_eq!(harness.state().state.portfolio, sample());
    click(&mut harness, "OK");
    assert!(harness.query_by_label("Something went wrong").is_none());
}

#[test]
fn save_as_writes_the_file_and_clears_the_unsaved_mark() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    click(&mut harness, "+ Add stage");
    click(&mut harness, "File");
    click(&mut harness, "Save As…");
    click(&mut harness, "Browse…");
    let saved = dir.path().join("saved.json");
    let on_disk = millwright::io::portfolio_file::load(&saved).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(on_disk, harness.state().state.portfolio);
    assert!(!harness.state().state.is_dirty());
    assert!(harness.state().title().starts_with("saved.json — "));
}

#[test]
fn chart_tab_exports_an_svg_and_the_file_menu_writes_the_memo_pack() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    click(&mut harness, "J-curve");
    click(&mut harness, "Export SVG…");
    click(&mut harness, "Browse…");
    let svg = std::fs::read_to_string(dir.path().join("jcurve.svg")).unwrap_or_else(|e| panic!("{e}"));
    assert!(svg.contains("J-curve: cumulative net cash flow to partners"));

    click(&mut harness, "File");
    click(&mut harness, "Export memo pack…");
    click(&mut harness, "Browse…");
    run_until(&mut harness, |app| app.pack_job.is_none());
    let notice = harness.state().notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with(&format!(
            "Exported {} files",
            millwright::export::pack::file_count()
        )),
        "{notice}"
    );
    assert!(dir.path().join("memo pack").join("model.xlsx").exists());
}

#[test]
fn compare_tab_lists_every_scenario_and_the_picker_switches_the_overview() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    click(&mut harness, "Compare");
    for name in ["Upside", "Downside", "AI under-delivers", "Exits slip two years"] {
        // A row of the table and an entry in the charts' legends.
        assert!(harness.query_all_by_label(name).count() >= 1, "{name} missing");
    }
    // View the Downside scenario: the Overview's net IRR is the engine's figure for it.
    click(&mut harness, "Overview");
    harness.state_mut().scenario = Some("Downside".into());
    harness.run();
    let downside =
        millwright::engine::scenario::apply_named(&sample(), "Downside").unwrap_or_else(|e| panic!("{e}"));
    assert_shown(&harness, &net_irr_shown_for(&downside));
}

#[test]
fn the_scenario_editor_shows_and_changes_what_a_scenario_overrides() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    click(&mut harness, "AI under-delivers");
    harness.get_by_label("Scenario: AI under-delivers");
    // It overrides realisation and ramp length, and nothing else.
    let ticked = |h: &Harness<'_, MillwrightApp>, label: &str| {
        h.get_by_role_and_label(Role::CheckBox, label)
            .accesskit_node()
            .toggled()
            == Some(egui::accesskit::Toggled::True)
    };
    assert!(ticked(&harness, "Realisation scale"));
    assert!(ticked(&harness, "Ramp length scale"));
    assert!(!ticked(&harness, "Exit multiple shift (turns)"));
    // Ticking one more override changes the scenario in the model.
    harness
        .get_by_role_and_label(Role::CheckBox, "Exit multiple shift (turns)")
        .click_accesskit();
    harness.run();
    let scenario = harness
        .state()
        .state
        .portfolio
        .scenario("AI under-delivers")
        .cloned()
        .unwrap_or_default();
    assert_eq!(scenario.exit_multiple_shift, Some(Decimal::ZERO));
    assert!(harness.state().state.is_dirty());
}

/// Waits for background work to finish, running frames meanwhile; gives up after about
/// three minutes (the assertions that follow then fail with what is missing).
fn run_until(harness: &mut Harness<'_, MillwrightApp>, done: impl Fn(&MillwrightApp) -> bool) {
    for _ in 0..9000 {
        harness.run();
        if done(harness.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn monte_carlo_runs_in_the_background_and_the_heatmap_computes() {
    let dir = tempdir();
    let mut harness = harness(&dir, None);
    click(&mut harness, "Monte Carlo");
    click(&mut harness, "Run simulation");
    run_until(&mut harness, |app| app.monte_carlo.job.is_none());
    harness.get_by_label_contains("Probability of losing money (TVPI < 1)");
    let tvpi = harness
        .state()
        .state
        .shown_study()
        .and_then(|s| s.monte_carlo(&Case::Base))
        .and_then(|run| run.outcome.as_ref().ok())
        .map(|r| r.tvpi.values)
        .unwrap_or_default();
    assert!(tvpi[0] < tvpi[3] && tvpi[3] < tvpi[6], "P5 < P50 < P95: {tvpi:?}");

    click(&mut harness, "Sensitivity");
    click(&mut harness, "Compute grid");
    run_until(&mut harness, |app| app.sensitivity.heatmap.job.is_none());
    let grid = harness
        .state()
        .state
        .shown_study()
        .and_then(|s| s.grid(&Case::Base))
        .and_then(|run| run.outcome.clone().ok())
        .unwrap_or_else(|| panic!("the grid computed"));
    assert_eq!(grid.cells.len(), 21);
    assert!(grid.cells.iter().all(|row| row.len() == 21));
    harness.get_by_label_contains("Colour scale:");
}

/// Asserts `label` is on screen at least once: a headline figure is also in the
/// credit-line comparison ("with line") when the fund has a line.
fn assert_shown(harness: &egui_kittest::Harness<'_, millwright::app::MillwrightApp>, label: &str) {
    assert!(
        harness.query_all_by_label(label).next().is_some(),
        "{label} is not shown"
    );
}
