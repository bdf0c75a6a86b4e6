//! Issue 10 at the keyboard, in the desktop app (egui_kittest, headless): typing is a
//! draft until Enter, Tab or a click elsewhere; Escape restores; a refused value stays
//! red with its reason and never reaches the model; tables copy as tab-separated
//! numbers; Delete shows "Deleted … — Undo"; the arrow keys move through the tree and the
//! Companies table; Help lists every command's shortcut.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::commands::UiCommand;
use millwright::app::results::{Column, sorted};
use millwright::app::state::Selection;
use millwright::engine::compute;
use millwright::engine::model::Portfolio;
use millwright::io::samples;
use millwright::units::format_money_in;
use rust_decimal::{Decimal, dec};

use super::app_harness::{WINDOW, copied, harness_selecting, tempdir, value_of};

const REVENUE: &str = "Entry revenue (annual)";
const GROWTH: &str = "Revenue growth (annual)";

fn sample() -> Portfolio {
    samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn harness(dir: &tempfile::TempDir) -> Harness<'static, MillwrightApp> {
    harness_selecting(dir, sample(), Selection::Company(0), WINDOW)
}

fn focus(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
}

/// Types `text` one character a frame into the focused field.
fn type_slowly(
    harness: &mut Harness<'_, MillwrightApp>,
    label: &str,
    text: &str,
    check: impl Fn(&MillwrightApp),
) {
    for ch in text.chars() {
        harness
            .get_by_role_and_label(Role::TextInput, label)
            .type_text(&ch.to_string());
        harness.run();
        check(harness.state());
    }
}

fn press(harness: &mut Harness<'_, MillwrightApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn typing_changes_nothing_until_enter_commits_one_undo_step_and_moves_on() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    let original = sample();
    focus(&mut harness, REVENUE);
    // Focus starts a draft with the whole amount selected, in a form that can be retyped.
    assert_eq!(
        value_of(&harness, REVENUE),
        millwright::units::thousands(original.companies[0].entry_revenue)
    );
    type_slowly(&mut harness, REVENUE, "250m", |app| {
        assert_eq!(app.state.portfolio, original, "a keystroke is not an edit");
        assert!(!app.state.can_undo());
    });
    assert_eq!(
        value_of(&harness, REVENUE),
        "250m",
        "typing replaced the selected text"
    );

    press(&mut harness, Key::Enter);
    let mut edited = original.clone();
    edited.companies[0].entry_revenue = dec!(250_000_000);
    assert_eq!(harness.state().state.portfolio, edited);
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, GROWTH)
            .is_focused(),
        "Enter moves to the next field"
    );
    assert_eq!(
        value_of(&harness, REVENUE),
        format_money_in(dec!(250_000_000), &original.fund.currency)
    );
    assert!(harness.state_mut().state.undo());
    assert_eq!(
        harness.state().state.portfolio,
        original,
        "one commit, one undo step"
    );
    assert!(!harness.state().state.can_undo());
}

#[test]
fn escape_restores_the_committed_text_and_leaves_the_model() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    let original = sample();
    let shown = value_of(&harness, REVENUE);
    assert_eq!(
        shown,
        format_money_in(original.companies[0].entry_revenue, &original.fund.currency)
    );
    focus(&mut harness, REVENUE);
    type_slowly(&mut harness, REVENUE, "450k", |app| {
        assert_eq!(app.state.portfolio, original);
    });
    press(&mut harness, Key::Escape);
    assert_eq!(value_of(&harness, REVENUE), shown);
    assert_eq!(harness.state().state.portfolio, original);
    assert!(!harness.state().state.can_undo(), "nothing to undo");
}

#[test]
fn a_value_too_large_or_a_date_that_does_not_exist_is_refused_and_kept_in_red() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    let original = sample();
    focus(&mut harness, REVENUE);
    type_slowly(&mut harness, REVENUE, "1e40", |app| {
        // "1e4" on the way is $10,000 of revenue: it must never reach the model.
        assert_eq!(app.state.portfolio, original);
    });
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().state.portfolio, original, "refused");
    harness.get_by_label("'1e40' is too large: values must stay below about 7.9e28");
    assert_eq!(
        value_of(&harness, REVENUE),
        "1e40",
        "the text stays to be corrected"
    );

    harness.state_mut().state.selection = Selection::Fund;
    harness.run();
    focus(&mut harness, "First close");
    type_slowly(&mut harness, "First close", "2026-02-30", |app| {
        assert_eq!(app.state.portfolio.fund.first_close, original.fund.first_close);
    });
    press(&mut harness, Key::Tab);
    assert_eq!(harness.state().state.portfolio, original);
    harness.get_by_label("'2026-02-30' is not a date (YYYY-MM-DD)");
}

#[test]
fn tab_into_a_field_selects_its_text_so_typing_replaces_it() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    focus(&mut harness, REVENUE);
    press(&mut harness, Key::Tab);
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, GROWTH)
            .is_focused()
    );
    harness
        .get_by_role_and_label(Role::TextInput, GROWTH)
        .type_text("7%");
    harness.run();
    assert_eq!(value_of(&harness, GROWTH), "7%", "not appended to the old text");
    press(&mut harness, Key::Enter);
    assert_eq!(
        harness.state().state.portfolio.companies[0].revenue_growth,
        dec!(0.07)
    );
}

#[test]
fn quitting_while_typing_counts_the_typed_value_as_unsaved_work() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    focus(&mut harness, REVENUE);
    type_slowly(&mut harness, REVENUE, "250m", |app| {
        assert!(!app.state.is_dirty());
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    assert_eq!(
        harness.state().state.portfolio.companies[0].entry_revenue,
        dec!(250_000_000),
        "the draft was committed before the question"
    );
    assert!(harness.state().state.is_dirty());
    harness.get_by_label_contains("Save the changes to");
}

#[test]
fn the_companies_table_copies_as_tab_separated_numbers_by_button_and_ctrl_c() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    harness.get_by_label("Companies").click_accesskit();
    harness.run();
    harness.get_by_label("Copy").click_accesskit();
    harness.step();
    let text = copied(&harness).unwrap_or_else(|| panic!("Copy put nothing on the clipboard"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Company\tSector\tStage\tInvested (USD)\tProceeds (USD)\tGross MOIC (x)\tGross IRR (%)"
    );
    let result = compute(&sample()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lines.len(), 1 + result.companies.len());
    // The table's default order is by invested, largest first.
    let rows = sorted(&result.companies, Column::Invested, true);
    let first: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(first[0], rows[0].name);
    assert_eq!(
        first[3],
        rows[0].invested.round_dp(2).to_string(),
        "raw amount to the cent"
    );
    let irr = rows[0].gross_irr.as_ref().map_or(Decimal::ZERO, |r| *r);
    assert_eq!(
        first[6],
        (irr * dec!(100)).round_dp(4).normalize().to_string(),
        "a percent number"
    );

    // One event, so that the frame that copies is the last one stepped.
    harness.event(egui::Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    });
    harness.step();
    assert_eq!(
        copied(&harness).as_deref(),
        Some(text.as_str()),
        "Ctrl+C copies the same"
    );
    harness.run();
    assert!(
        harness
            .state()
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Copied the Companies table")),
        "{:?}",
        harness.state().notice
    );
}

#[test]
fn delete_shows_a_notice_whose_undo_brings_the_company_back() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    let original = sample();
    let name = original.companies[0].name.clone();
    press(&mut harness, Key::Delete);
    assert_eq!(
        harness.state().state.portfolio.companies.len(),
        original.companies.len() - 1
    );
    harness.get_by_label(&format!("Deleted {name} —"));
    harness.get_by_label("Undo").click_accesskit();
    harness.run();
    assert_eq!(harness.state().state.portfolio, original);
    assert!(harness.query_by_label(&format!("Deleted {name} —")).is_none());
}

#[test]
fn delete_in_a_text_field_deletes_a_character_not_the_company() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    focus(&mut harness, REVENUE);
    press(&mut harness, Key::Delete);
    assert_eq!(harness.state().state.portfolio, sample());
    assert_eq!(value_of(&harness, REVENUE), "", "the selected text was deleted");
}

#[test]
fn arrows_move_through_the_tree_and_the_companies_table() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    harness.get_by_label("Fund terms").click();
    harness.run();
    press(&mut harness, Key::ArrowDown);
    assert_eq!(harness.state().state.selection, Selection::Stage(0));
    press(&mut harness, Key::ArrowUp);
    assert_eq!(harness.state().state.selection, Selection::Fund);

    let result = compute(&sample()).unwrap_or_else(|e| panic!("{e}"));
    let rows = sorted(&result.companies, Column::Invested, true);
    let index = |name: &str| {
        result
            .companies
            .iter()
            .position(|c| c.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    harness.get_by_label("Companies").click_accesskit();
    harness.run();
    // The table's row is drawn last: the tree and the editor name the company first.
    harness
        .query_all_by_label(&rows[1].name)
        .last()
        .unwrap_or_else(|| panic!("no row for {}", rows[1].name))
        .click();
    harness.run();
    assert_eq!(
        harness.state().state.selection,
        Selection::Company(index(&rows[1].name))
    );
    press(&mut harness, Key::ArrowDown);
    assert_eq!(
        harness.state().state.selection,
        Selection::Company(index(&rows[2].name)),
        "down the table's order, not the tree's"
    );
    press(&mut harness, Key::Home);
    assert_eq!(
        harness.state().state.selection,
        Selection::Company(index(&rows[0].name))
    );
}

#[test]
fn help_lists_every_command_with_its_shortcut() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    press(&mut harness, Key::F1);
    // The window's title and its own entry in the list.
    assert!(harness.query_all_by_label("Keyboard shortcuts").count() >= 2);
    for command in UiCommand::ALL {
        assert!(
            harness.query_all_by_label(command.tooltip()).count() >= 1,
            "{command:?} missing"
        );
        let keys = millwright::app::shortcuts::shortcut_text(&harness.ctx, command);
        assert!(harness.query_all_by_label(&keys).count() >= 1, "{keys} missing");
    }
}

/// Issue 11: the company editor groups its (now 43) fields under section headings; a
/// heading is a grid row of its own (an `add_space` in the grid made egui panic).
#[test]
fn the_company_editor_groups_its_fields_under_headings() {
    let dir = tempdir();
    let mut harness = harness(&dir);
    harness.run();
    for heading in [
        "Deal",
        "Revenue and costs",
        "Working capital",
        "Capex and D&A",
        "Tax",
        "Cash",
        "Exit and valuation",
    ] {
        assert!(
            harness.query_all_by_label(heading).count() >= 1,
            "no '{heading}' heading"
        );
    }
    harness.get_by_label("Receivable days (on revenue)");
    harness.get_by_label("Interest cap (% of EBITDA)");
}
