//! Issue 9 in the desktop app (egui_kittest, headless): a value far out of range typed
//! into a percentage field is an error and the app keeps running; an autosave that fails
//! validation is recovered in safe mode with its problems listed; stale temporary files
//! in the app's folders are removed on start.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::files::AppPaths;
use millwright::app::state::Selection;
use millwright::engine::model::Portfolio;
use millwright::engine::validate::{Severity, has_errors};
use millwright::io::samples;
use rust_decimal::dec;

use super::app_harness::{WINDOW, app_in, harness_of, tempdir};

const CARRY: &str = "Carried interest";

/// A process id no running instance has (as the autosave tests use).
const GONE: u32 = u32::MAX - 7;

fn midmarket() -> Portfolio {
    samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
}

fn carry_errors(app: &MillwrightApp) -> usize {
    app.state
        .problems()
        .iter()
        .filter(|p| p.severity == Severity::Error && p.path == "fund.carry_rate")
        .count()
}

/// Typing `1e28` into Carried interest crashed the app. Now the value is either refused
/// in the field or stored and named by validation; either way an error is on screen and
/// further frames draw.
#[test]
fn typing_1e28_into_carried_interest_shows_an_error_and_the_app_keeps_running() {
    let dir = tempdir();
    let mut app = app_in(&dir, midmarket());
    app.state.selection = Selection::Fund;
    let mut harness = harness_of(app, WINDOW);
    let before = harness.state().state.portfolio.fund.carry_rate;
    assert_eq!(before, dec!(0.2), "the sample's carry");
    harness.get_by_role_and_label(Role::TextInput, CARRY).focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, CARRY)
        .type_text("1e28");
    harness.run();
    harness.key_press(Key::Enter);
    for _ in 0..5 {
        harness.run();
    }
    let app = harness.state();
    let carry = app.state.portfolio.fund.carry_rate;
    if carry == before {
        // Refused in the field: the reason is shown beside it.
        assert!(
            harness.query_by_label_contains("too large").is_some(),
            "no refusal shown"
        );
    } else {
        assert!(carry > dec!(0.5), "stored as typed: {carry}");
        assert_eq!(carry_errors(app), 1, "{:?}", app.state.problems());
        assert!(
            harness
                .query_by_label_contains("must be between 0% and 50%")
                .is_some(),
            "the validation error is not shown"
        );
        // Editing it again puts a text in the box that reads back as the same value
        // (too large to show as a percentage, so the fraction).
        harness.get_by_role_and_label(Role::TextInput, CARRY).focus();
        harness.run();
        let text = harness
            .get_by_role_and_label(Role::TextInput, CARRY)
            .value()
            .unwrap_or_default();
        assert_eq!(millwright::units::parse_percent(&text), Ok(carry), "{text}");
        harness.key_press(Key::Escape);
    }
    harness.run();
}

/// An autosave holding a model that fails validation crashed the app on Recover, at
/// every start. The copy is offered, opens in safe mode (problems listed, nothing
/// computed from it) and the app keeps drawing.
#[test]
fn recovering_a_broken_autosave_opens_in_safe_mode() {
    let dir = tempdir();
    let paths = AppPaths::under(dir.path());
    let text = samples::SAMPLES[1].1;
    let mut json: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    json["fund"]["carry_rate"] = serde_json::Value::String("7".into());
    std::fs::create_dir_all(&paths.data_dir).unwrap_or_else(|e| panic!("{e}"));
    let copy = paths.data_dir.join(format!("autosave-{GONE}.json"));
    std::fs::write(&copy, json.to_string()).unwrap_or_else(|e| panic!("{e}"));

    let app = app_in(&dir, midmarket());
    assert!(app.recovery.is_some(), "the broken copy is offered");
    let mut harness = harness_of(app, WINDOW);
    harness.get_by_label("Recover").click();
    for _ in 0..5 {
        harness.run();
    }
    let app = harness.state();
    assert_eq!(app.state.portfolio.fund.carry_rate, dec!(7));
    assert!(has_errors(app.state.problems()));
    assert_eq!(carry_errors(app), 1, "{:?}", app.state.problems());
    assert!(app.show_problems, "safe mode lists the problems");
    assert!(app.state.is_dirty(), "recovered work is unsaved");
    harness.run();
}

/// A save killed at its rename left `.NAME.millwright-tmp-PID-N` in the app's folders for
/// ever. Starting the app removes ours whose process is gone, and nothing else.
#[test]
fn the_app_removes_stale_temp_files_from_its_folders_on_start() {
    let dir = tempdir();
    let paths = AppPaths::under(dir.path());
    let mut stale = Vec::new();
    for folder in [&paths.data_dir, &paths.config_dir] {
        std::fs::create_dir_all(folder).unwrap_or_else(|e| panic!("{e}"));
        let temp = folder.join(format!(".autosave-1.json.millwright-tmp-{GONE}-0"));
        std::fs::write(&temp, "half a save").unwrap_or_else(|e| panic!("{e}"));
        stale.push(temp);
    }
    let kept = paths.data_dir.join("notes.txt");
    std::fs::write(&kept, "mine").unwrap_or_else(|e| panic!("{e}"));

    let app = app_in(&dir, midmarket());
    for temp in &stale {
        assert!(!temp.exists(), "{} is still there", temp.display());
    }
    assert!(kept.exists(), "a file not of our naming was removed");
    assert!(app.warnings.temp_cleanup.is_none());
}

/// When a folder cannot be read (here the config "folder" is a file), the clean-up's
/// failure is shown in the status bar's warnings rather than dropped.
#[test]
fn a_failed_temp_clean_up_is_a_warning() {
    let dir = tempdir();
    let paths = AppPaths::under(dir.path());
    std::fs::write(&paths.config_dir, "not a folder").unwrap_or_else(|e| panic!("{e}"));
    let app = app_in(&dir, midmarket());
    let shown: Vec<String> = app.warnings.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|w| w.contains("leftover temporary files")),
        "{shown:?}"
    );
}

/// Every tab the app has (the fixed ones and each chart tab).
fn every_tab() -> Vec<millwright::app::files::Tab> {
    use millwright::app::files::Tab;
    let charts = (0..millwright::charts::ChartId::TABS.len()).map(Tab::Chart);
    [
        Tab::Overview,
        Tab::Companies,
        Tab::Compare,
        Tab::Sensitivity,
        Tab::MonteCarlo,
    ]
    .into_iter()
    .chain(charts)
    .collect()
}

/// A model holding values far outside their bounds (each the kind the fuzz harness and
/// typing reach) opens, and every tab and the editor of each part draw frames without
/// panicking: the results wait for the errors to be fixed.
#[test]
fn every_tab_draws_on_a_model_with_values_out_of_range() {
    type Break = fn(&mut Portfolio);
    let breaks: [Break; 8] = [
        |p| p.fund.management_fee_rate = rust_decimal::Decimal::MAX,
        |p| p.stages[0].budget = rust_decimal::Decimal::MIN,
        |p| p.scenarios[1].growth_shift = Some(rust_decimal::Decimal::MAX),
        |p| p.fund.preferred_return = rust_decimal::Decimal::MAX,
        |p| p.companies[0].entry_revenue = rust_decimal::Decimal::MAX,
        |p| p.companies[0].exit_multiple = rust_decimal::Decimal::MIN,
        |p| p.companies[0].revenue_growth = rust_decimal::Decimal::MAX,
        |p| p.companies[0].levers[0].ramp_quarters = u32::MAX,
    ];
    for (n, break_it) in breaks.into_iter().enumerate() {
        let dir = tempdir();
        let mut portfolio = midmarket();
        break_it(&mut portfolio);
        let app = app_in(&dir, portfolio);
        let scenario_only = n == 2; // the base case computes; the scenario does not
        assert!(
            scenario_only || has_errors(app.state.problems()),
            "case {n} is not broken"
        );
        let mut harness = harness_of(app, WINDOW);
        if scenario_only {
            // View the scenario that fails, as the results area would.
            let name = harness.state().state.portfolio.scenarios[1].name.clone();
            harness.state_mut().scenario = Some(name);
        }
        let selections = [
            Selection::Fund,
            Selection::Stage(0),
            Selection::Company(0),
            Selection::Lever(0, 0),
            Selection::Scenario(1),
        ];
        for selection in selections {
            harness.state_mut().state.selection = selection;
            for tab in every_tab() {
                harness.state_mut().prefs.tab = tab;
                harness.run();
            }
        }
    }
}
