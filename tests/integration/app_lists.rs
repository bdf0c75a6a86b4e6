//! Issue 11's list editors in the desktop app (egui_kittest, headless): a partial exit
//! added from the company panel is listed with its date and share, a typed share is
//! committed on Enter, and Undo takes each step back; a comparable path added from the
//! fund panel shows its two points.

use chrono::NaiveDate;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use millwright::app::state::Selection;
use millwright::engine::model::{PartialExit, Portfolio, Sector};
use millwright::io::samples;
use rust_decimal::dec;

use super::app_harness::{harness_selecting, undo, value_of};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

/// The flagship with no partial exits, company 1 bought on 2026-06-30 and sold on
/// 2030-12-31.
fn sample() -> Portfolio {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    for co in &mut p.companies {
        co.partial_exits.clear();
    }
    let Some(company) = p.companies.get_mut(1) else {
        panic!("the flagship has a second company")
    };
    company.acquisition_date = day(2026, 6, 30);
    company.exit_date = day(2030, 12, 31);
    p
}

/// Tall enough for the company and fund panels' lists.
const PANEL: egui::Vec2 = egui::vec2(1500.0, 3200.0);

/// The hold 2026-06-30 → 2030-12-31 is 1,461 days to 2030-06-30 (29 Feb 2028 inside)
/// plus 184 (Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31) = 1,645; half is 822:
/// 731 to 2028-06-30, then 31 + 31 = 62 to 2028-08-31 and 29 more = 2028-09-29.
#[test]
fn a_partial_exit_added_in_the_company_panel_is_listed_edited_and_undone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness_selecting(&dir, sample(), Selection::Company(1), PANEL);
    harness.get_by_label("None: the fund sells its whole holding on the exit date.");
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Partial exit 1 share")
            .is_none()
    );

    harness.get_by_label("Add a partial exit").click();
    harness.run();
    let added = PartialExit {
        date: day(2028, 9, 29),
        share: dec!(0.25),
    };
    assert_eq!(
        harness.state().state.portfolio.companies[1].partial_exits,
        vec![added]
    );
    assert_eq!(value_of(&harness, "Partial exit 1 date"), "2028-09-29");
    assert_eq!(value_of(&harness, "Partial exit 1 share"), "25.00%");
    harness.get_by_label("Sold before the exit: 25.00% of the holding; 75.00% is sold at the exit.");

    // Typing a share is a draft until Enter, then one undo step.
    harness
        .get_by_role_and_label(Role::TextInput, "Partial exit 1 share")
        .focus();
    harness.run();
    assert_eq!(
        value_of(&harness, "Partial exit 1 share"),
        "25%",
        "the draft starts editable"
    );
    harness
        .get_by_role_and_label(Role::TextInput, "Partial exit 1 share")
        .type_text("40%");
    harness.run();
    assert_eq!(
        harness.state().state.portfolio.companies[1].partial_exits,
        vec![added]
    );
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    let sold = &harness.state().state.portfolio.companies[1].partial_exits;
    assert_eq!(sold.first().map(|s| s.share), Some(dec!(0.4)));
    assert_eq!(value_of(&harness, "Partial exit 1 share"), "40.00%");

    undo(&mut harness);
    assert_eq!(
        harness.state().state.portfolio.companies[1].partial_exits,
        vec![added]
    );
    undo(&mut harness);
    assert!(
        harness.state().state.portfolio.companies[1]
            .partial_exits
            .is_empty()
    );
    assert_eq!(harness.state().state.portfolio, sample());
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Partial exit 1 share")
            .is_none(),
        "Undo removed the row"
    );
    harness.get_by_label("None: the fund sells its whole holding on the exit date.");
}

/// A new path runs from the first close to ten years later, both points at 10x; Remove
/// takes it away and Undo brings it back.
#[test]
fn a_comparable_path_added_in_the_fund_panel_shows_its_points() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut p = sample();
    p.fund
        .comparable_multiples
        .retain(|c| c.sector != Sector::Defence);
    let first_close = p.fund.first_close;
    let before = p.fund.comparable_multiples.len();
    let mut harness = harness_selecting(&dir, p, Selection::Fund, PANEL);
    // Pick Defence in the sector list, then add.
    harness
        .get_by_role_and_label(Role::ComboBox, "New path for")
        .click();
    harness.run();
    harness.get_by_label("Defence").click();
    harness.run();
    harness.get_by_label("Add a comparable path").click();
    harness.run();
    let paths = &harness.state().state.portfolio.fund.comparable_multiples;
    assert_eq!(paths.len(), before + 1);
    assert_eq!(paths.last().map(|c| c.sector), Some(Sector::Defence));
    assert_eq!(
        value_of(&harness, "Defence point 1 date"),
        first_close.to_string()
    );
    let ten_years_on = first_close
        .checked_add_months(chrono::Months::new(120))
        .unwrap_or_else(|| panic!("date"));
    assert_eq!(
        value_of(&harness, "Defence point 2 date"),
        ten_years_on.to_string()
    );
    assert_eq!(value_of(&harness, "Defence point 2 multiple"), "10.00×");

    harness.get_by_label("Remove the Defence path").click();
    harness.run();
    assert_eq!(
        harness.state().state.portfolio.fund.comparable_multiples.len(),
        before
    );
    undo(&mut harness);
    assert_eq!(
        harness.state().state.portfolio.fund.comparable_multiples.len(),
        before + 1
    );
}
