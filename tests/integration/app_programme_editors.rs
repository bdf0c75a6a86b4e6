//! Issue 13's programme editors in the desktop app (egui_kittest, headless): a shared
//! platform and a learning rate added in the fund panel's "Fund-wide AI programme"
//! section, a go-live date typed in, a platform renamed with its levers, and a lever's
//! cost phasing built in the lever panel; Undo takes each step back to the model as
//! loaded.

use chrono::NaiveDate;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::state::Selection;
use millwright::engine::model::{LearningRate, LeverKind, Platform, PlatformCharging, Portfolio};
use millwright::io::samples;
use rust_decimal::{Decimal, dec};

use super::app_harness::{harness_selecting, portfolio, undo};

const FOUNDRY: &str = "Foundry industrial AI platform";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The flagship ($100bn, first close 2026-03-31) with no shared platform, no lever on
/// one, and no learning rates.
fn without_programme() -> Portfolio {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    p.programme.platforms.clear();
    p.programme.learning.clear();
    for lever in p.companies.iter_mut().flat_map(|c| c.levers.iter_mut()) {
        lever.programme.platform = None;
    }
    p
}

/// Tall enough for the fund panel's programme section.
const PANEL: egui::Vec2 = egui::vec2(1500.0, 8000.0);

/// Types `text` into the box labelled `label` and presses Enter.
fn type_into(harness: &mut Harness<'_, MillwrightApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
}

#[test]
fn a_platform_and_a_learning_rate_added_in_the_fund_panel_undo_step_by_step() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = without_programme();
    let mut harness = harness_selecting(&dir, original.clone(), Selection::Fund, PANEL);
    harness.get_by_label("Fund-wide AI programme");
    harness.get_by_label("None: no lever waits for a platform, and the fund pays for none.");
    harness.get_by_label("None: no lever kind gets cheaper with repetition.");

    harness.get_by_label("Add a platform").click();
    harness.run();
    // Live four quarter ends after the first close's quarter: 2027-03-31.
    let added = Platform {
        name: "New AI platform".into(),
        go_live: day(2027, 3, 31),
        build_costs: Vec::new(),
        annual_run_cost: Decimal::ZERO,
        charging: PlatformCharging::FundExpense,
    };
    assert_eq!(portfolio(&harness).programme.platforms, vec![added.clone()]);
    harness.get_by_label("Build cost $0 in all; no lever runs on it.");

    type_into(&mut harness, "Go-live date", "2027-09-30");
    let live = portfolio(&harness).programme.platforms.first().map(|p| p.go_live);
    assert_eq!(live, Some(day(2027, 9, 30)));

    harness.get_by_label("Add a learning rate").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, LeverKind::PredictiveMaintenance.label())
        .click();
    harness.run();
    assert_eq!(
        portfolio(&harness).programme.learning,
        vec![LearningRate {
            kind: LeverKind::PredictiveMaintenance,
            rate: dec!(0.15),
        }]
    );
    let rate = harness.get_by_role_and_label(Role::TextInput, "Rate 1").value();
    assert_eq!(rate.as_deref(), Some("15.00%"));

    undo(&mut harness);
    assert!(portfolio(&harness).programme.learning.is_empty());
    undo(&mut harness);
    assert_eq!(portfolio(&harness).programme.platforms, vec![added]);
    undo(&mut harness);
    assert_eq!(*portfolio(&harness), original);
}

#[test]
fn renaming_the_platform_renames_its_levers_and_one_undo_takes_both_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let on = |p: &Portfolio, name: &str| {
        p.companies
            .iter()
            .flat_map(|c| &c.levers)
            .filter(|l| l.programme.platform.as_deref() == Some(name))
            .count()
    };
    let dependants = on(&original, FOUNDRY);
    assert!(dependants > 0, "the flagship's levers run on its platform");
    let mut harness = harness_selecting(&dir, original.clone(), Selection::Fund, PANEL);
    harness.get_by_label(&format!(
        "Build cost $150.0m in all; {dependants} levers run on it."
    ));
    type_into(&mut harness, "Name", "Forge");
    assert_eq!(on(portfolio(&harness), "Forge"), dependants);
    assert_eq!(on(portfolio(&harness), FOUNDRY), 0);
    undo(&mut harness);
    assert_eq!(*portfolio(&harness), original);
}

#[test]
fn a_levers_cost_phasing_is_built_in_the_lever_panel_and_undone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut original = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let Some(lever) = original.companies.first_mut().and_then(|c| c.levers.first_mut()) else {
        panic!("the flagship's first company has a lever")
    };
    lever.programme.cost_phasing.clear();
    let cost = lever.one_time_cost;
    let mut harness = harness_selecting(&dir, original.clone(), Selection::Lever(0, 0), PANEL);
    let phasing =
        |h: &Harness<'_, MillwrightApp>| portfolio(h).companies[0].levers[0].programme.cost_phasing.clone();
    harness.get_by_label("None: all of it is spent in the start quarter.");
    harness.get_by_label("Add a quarter").click();
    harness.run();
    harness.get_by_label("Add a quarter").click();
    harness.run();
    // The first quarter takes the whole cost, the second what is left: nothing.
    assert_eq!(phasing(&harness), vec![Decimal::ONE, Decimal::ZERO]);
    harness.get_by_label("The 2 quarters add up to 100% of the one-time cost.");

    type_into(&mut harness, "Quarter 1", "40%");
    assert_eq!(phasing(&harness), vec![dec!(0.4), Decimal::ZERO]);
    harness.get_by_label("The quarters add up to 40.00% of the one-time cost.");
    // 40 % of the lever's one-time cost, shown beside the share.
    assert!(cost > Decimal::ZERO);
    let forty = millwright::units::format_money_in(cost * dec!(0.4), &original.fund.currency);
    assert!(
        harness.query_by_label(&forty).is_some(),
        "{forty} beside quarter 1"
    );

    undo(&mut harness);
    assert_eq!(phasing(&harness), vec![Decimal::ONE, Decimal::ZERO]);
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(*portfolio(&harness), original);
}
