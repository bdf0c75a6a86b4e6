//! Issue 10 in the desktop app (egui_kittest, headless): saving through the app's own
//! file dialog where the system dialog answers nothing, a stage over budget as a warning
//! that keeps results live and is said in words, the analyses titled with the scenario
//! in view and matching a direct engine run, and the figures explained (card tooltips,
//! input label tooltips, change marks after an edit, a template company marked).

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::files::FileDialog;
use millwright::engine::compute;
use millwright::engine::fields::{FieldEdit, FieldPath, FieldValue, Owner};
use millwright::engine::model::Portfolio;
use millwright::engine::study::{Case, Study};
use millwright::io::samples;
use millwright::units::{format_money_in, format_percent};
use rust_decimal::{Decimal, dec};

use super::app_harness::{WINDOW, app_with_dialog, harness_of, tempdir};

/// A desktop without a file portal: the system dialog answers nothing, as rfd does there.
struct NoPortal;

impl FileDialog for NoPortal {
    fn pick_open(&mut self) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
    fn pick_export(&mut self, _suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        None
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        None
    }
}

fn sample() -> Portfolio {
    samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn harness_on(dir: &tempfile::TempDir, portfolio: Portfolio) -> Harness<'static, MillwrightApp> {
    harness_of(app_with_dialog(dir, portfolio, Box::new(NoPortal)), WINDOW)
}

/// Clicks the widget labelled exactly `label` (or a menu item `label` with its shortcut).
fn click(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    let with_shortcut = format!("{label} Ctrl");
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|l| l == label || l.starts_with(&with_shortcut))
        })
        .click_accesskit();
    harness.run();
}

/// Clicks the button labelled exactly `label` (the dialog's Save, not File › Save).
fn press(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    harness
        .get_by_role_and_label(Role::Button, label)
        .click_accesskit();
    harness.run();
}

/// Replaces the text of the input labelled `label` with `text`.
fn type_into(harness: &mut Harness<'_, MillwrightApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

fn set(harness: &mut Harness<'_, MillwrightApp>, path: FieldPath, value: FieldValue) {
    harness
        .state_mut()
        .state
        .set_field(&FieldEdit::new(path, value))
        .unwrap_or_else(|e| panic!("{e}"));
    harness.run();
}

fn field(owner: Owner, key: &str) -> FieldPath {
    FieldPath::field(owner, key).unwrap_or_else(|| panic!("no field {key}"))
}

#[test]
fn without_a_file_portal_a_typed_path_saves_and_an_empty_browse_is_reported() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    click(&mut harness, "+ Add stage");
    click(&mut harness, "File");
    click(&mut harness, "Save As…");
    // Pre-filled in the documents folder (the test's folder) with the fund's name.
    let fund = sample().fund.name;
    let prefilled = harness.state().file_dialog.as_ref().map(|d| d.path.clone());
    assert_eq!(
        prefilled,
        Some(dir.path().join(format!("{fund}.json")).display().to_string())
    );

    click(&mut harness, "Browse…");
    harness.get_by_label_contains("The system file dialog returned no file");

    // A folder that does not exist is refused in the dialog; nothing is written.
    let missing = dir.path().join("no such folder").join("fund");
    type_into(&mut harness, "Path", &missing.display().to_string());
    press(&mut harness, "Save");
    harness.get_by_label_contains("does not exist");
    assert!(harness.state().state.is_dirty());

    // Typed without its extension: saved as typed.json, which loads back as the model.
    let typed = dir.path().join("typed");
    type_into(&mut harness, "Path", &typed.display().to_string());
    press(&mut harness, "Save");
    let saved = dir.path().join("typed.json");
    let on_disk = millwright::io::portfolio_file::load(&saved).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(on_disk, harness.state().state.portfolio);
    assert!(!harness.state().state.is_dirty());
    assert!(
        harness.state().file_dialog.is_none(),
        "the dialog closes once saved"
    );
    assert!(harness.state().title().starts_with("typed.json — "));
}

#[test]
fn an_export_cannot_replace_the_open_portfolio() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    let open = dir.path().join("fund.json");
    millwright::io::portfolio_file::save(&open, &sample()).unwrap_or_else(|e| panic!("{e}"));
    harness.state_mut().open_path(open.clone());
    harness.run();
    click(&mut harness, "J-curve");
    click(&mut harness, "Export SVG…");
    // A hard link is the portfolio under another name.
    let link = dir.path().join("same.svg");
    std::fs::hard_link(&open, &link).unwrap_or_else(|e| panic!("{e}"));
    type_into(&mut harness, "Path", &link.display().to_string());
    press(&mut harness, "Export");
    harness.get_by_label_contains("is the portfolio you have open");
    let still = millwright::io::portfolio_file::load(&open).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(still, sample(), "the portfolio file is untouched");
}

#[test]
fn a_stage_over_budget_is_a_warning_in_words_and_the_results_stay_live() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    let mut over = sample();
    over.stages[0].budget = dec!(1_000_000_000);
    set(
        &mut harness,
        field(Owner::Stage(0), "budget"),
        FieldValue::Decimal(over.stages[0].budget),
    );
    assert_eq!(harness.state().state.portfolio, over);

    // The Overview shows the engine's figure for the changed model, with no banner.
    let result = compute(&over).unwrap_or_else(|e| panic!("a stage over budget computes: {e}"));
    // (Shown at least once: the credit-line comparison repeats it as "with line".)
    let net_irr = millwright::app::results::irr_text(&result.metrics.net_irr);
    assert!(
        harness.query_all_by_label(&net_irr).next().is_some(),
        "{net_irr} is not shown"
    );
    assert!(harness.query_by_label_contains("The model has").is_none());

    // The status bar counts the warning (beside the sample's own, on its recycling
    // window); the list says it in words and money.
    click(&mut harness, "0 error(s), 2 warning(s)");
    let stage = &over.stages[0].name;
    let cheques: Decimal = over
        .companies
        .iter()
        .filter(|c| &c.stage == stage)
        .map(millwright::engine::entry::company_equity_cheque)
        .sum();
    let message = format!(
        "{stage} needs {} of equity; its budget is $1.0bn",
        format_money_in(cheques, "USD")
    );
    harness.get_by_label(&message);
    // The place is a link in words that selects the stage.
    click(&mut harness, &format!("{stage} · Budget"));
    assert_eq!(
        harness.state().state.selection,
        millwright::app::state::Selection::Stage(0)
    );
}

#[test]
fn downside_sensitivity_and_monte_carlo_say_downside_and_match_the_engine() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    harness.state_mut().scenario = Some("Downside".into());
    harness.run();
    click(&mut harness, "Sensitivity");

    let case = Case::Scenario("Downside".into());
    let mut direct = Study::new(sample(), 0);
    let tornado = direct
        .ensure_tornado(&case)
        .outcome
        .clone()
        .unwrap_or_else(|e| panic!("{e}"));
    let irr = tornado
        .base_net_irr
        .unwrap_or_else(|| panic!("Downside has a net IRR"));
    harness.get_by_label(&format!(
        "Sensitivity of Downside: net IRR {}",
        format_percent(irr)
    ));
    assert!(
        harness
            .query_by_label_contains("Sensitivity of Base case")
            .is_none()
    );
    // The app's tornado is the direct run's, figure for figure.
    let shown = harness
        .state()
        .state
        .shown_study()
        .and_then(|s| s.tornado(&case))
        .and_then(|t| t.outcome.clone().ok());
    assert_eq!(shown, Some(tornado));
    harness.get_by_label("Goal seek on Downside");

    click(&mut harness, "Monte Carlo");
    harness.get_by_label_contains("Monte Carlo of Downside (");
}

#[test]
fn a_scenario_named_base_is_shown_as_the_base_case_with_nothing_to_edit() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    assert_eq!(sample().scenarios[0].name, "Base");
    click(&mut harness, "Base case (the model as entered)");
    assert!(
        harness
            .query_all_by_label("Base case (the model as entered)")
            .count()
            >= 2
    );
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Realisation scale")
            .is_none(),
        "no override rows"
    );
}

#[test]
fn cards_and_input_labels_explain_themselves_and_cards_show_the_last_change() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    // The card comes first; the credit-line comparison and the LP classes repeat the label.
    harness
        .query_all_by_label("Net IRR")
        .next()
        .unwrap_or_else(|| panic!("no Net IRR card"))
        .hover();
    harness.run_steps(60);
    harness.get_by_label_contains("XIRR of their contributions");

    // An edit: the net IRR card shows the change in percentage points.
    let before = compute(&sample()).unwrap_or_else(|e| panic!("{e}"));
    let mut changed = sample();
    changed.companies[0].levers[0].realisation = dec!(0.1);
    set(
        &mut harness,
        field(Owner::Lever { company: 0, lever: 0 }, "realisation"),
        FieldValue::Decimal(dec!(0.1)),
    );
    let after = compute(&changed).unwrap_or_else(|e| panic!("{e}"));
    let (Ok(a), Ok(b)) = (after.metrics.net_irr, before.metrics.net_irr) else {
        panic!("both compute an IRR")
    };
    let points = ((a - b) * Decimal::ONE_HUNDRED).round_dp(2);
    assert!(points < Decimal::ZERO, "less realisation, lower IRR: {points}");
    // The net IRR card shows it (the gross IRR card may show the same change).
    let label = format!("\u{2212}{:.2} pp", points.abs());
    assert!(
        harness.query_all_by_label(&label).count() >= 1,
        "no card shows {label}"
    );

    // An input label says what the field is, its unit and range.
    click(&mut harness, "Fund terms");
    harness.get_by_role_and_label(Role::Label, "Commitment").hover();
    // Tooltips wait for the pointer to rest.
    harness.run_steps(60);
    harness.get_by_label("Commitment — amount in the fund's currency, above zero");
}

#[test]
fn a_new_company_is_marked_as_a_template_until_a_key_field_is_edited() {
    let dir = tempdir();
    let mut harness = harness_on(&dir, sample());
    click(&mut harness, "+ Add company");
    let mark = millwright::app::explain::TEMPLATE_MARK;
    harness.get_by_label(mark);
    harness.get_by_label("template");
    // The editor shows the company's own figures from the study.
    harness.get_by_label_contains("Base case: invested ");
    let i = harness.state().state.portfolio.companies.len() - 1;
    set(
        &mut harness,
        field(Owner::Company(i), "entry_revenue"),
        FieldValue::Decimal(dec!(300_000_000)),
    );
    assert!(harness.query_by_label(mark).is_none());
    assert!(harness.query_by_label("template").is_none());
}
