//! Issue 12's investor editors in the desktop app (egui_kittest, headless): an LP class
//! and a close added from the fund panel change the model, a typed close amount is
//! committed on Enter, and Undo takes each step back to the file as loaded.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use millwright::app::state::Selection;
use millwright::engine::model::{Close, Portfolio};
use millwright::io::samples;
use rust_decimal::dec;

use super::app_harness::{harness_selecting, undo, value_of};

/// The flagship ($100bn, first close 2026-03-31) with no LP classes and no closes.
fn sample() -> Portfolio {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    p.fund.investors.classes.clear();
    p.fund.investors.closes.clear();
    p
}

/// The fund panel, tall enough for its investor lists.
const FUND_PANEL: egui::Vec2 = egui::vec2(1500.0, 6000.0);

#[test]
fn a_class_and_a_close_added_in_the_fund_panel_change_the_model_and_undo_restores_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness_selecting(&dir, sample(), Selection::Fund, FUND_PANEL);
    harness.get_by_label("None: every LP holds the fund's terms.");
    harness.get_by_label("None: the whole commitment is taken at the first close.");

    harness.get_by_label("Add an LP class").click();
    harness.run();
    let classes = &harness.state().state.portfolio.fund.investors.classes;
    assert_eq!(classes.len(), 1);
    assert_eq!(classes[0].name, "New class");
    assert_eq!(classes[0].investors, 1);
    assert_eq!(value_of(&harness, "LP class 1 name"), "New class");
    assert_eq!(value_of(&harness, "LP class 1 number of LPs"), "1");
    // An empty term is the fund's (1.5 % management fee in the sample).
    assert_eq!(value_of(&harness, "LP class 1 management fee"), "");

    // The first close takes the whole $100bn on the first close, in the first class.
    harness.get_by_label("Add a close").click();
    harness.run();
    let whole = Close {
        date: harness.state().state.portfolio.fund.first_close,
        class: "New class".into(),
        amount: dec!(100_000_000_000),
    };
    assert_eq!(
        harness.state().state.portfolio.fund.investors.closes,
        vec![whole.clone()]
    );
    assert_eq!(value_of(&harness, "Close 1 date"), "2026-03-31");

    // A typed amount is a draft until Enter, then one undo step.
    harness
        .get_by_role_and_label(Role::TextInput, "Close 1 amount")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Close 1 amount")
        .type_text("60bn");
    harness.run();
    assert_eq!(
        harness.state().state.portfolio.fund.investors.closes,
        vec![whole.clone()]
    );
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    let closes = &harness.state().state.portfolio.fund.investors.closes;
    assert_eq!(closes.first().map(|c| c.amount), Some(dec!(60_000_000_000)));
    // 60bn of 100bn: validation names the 40bn gap under the list.
    harness.get_by_label(
        "Closes add up to $60.0bn, $40.0bn less than the commitment ($100.0bn): \
         the close amounts must add up to the commitment",
    );

    undo(&mut harness);
    assert_eq!(harness.state().state.portfolio.fund.investors.closes, vec![whole]);
    undo(&mut harness);
    assert!(harness.state().state.portfolio.fund.investors.closes.is_empty());
    undo(&mut harness);
    assert_eq!(harness.state().state.portfolio, sample());
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "LP class 1 name")
            .is_none(),
        "Undo removed the class's rows"
    );
}
