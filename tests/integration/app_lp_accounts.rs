//! The LP accounts tab in the desktop app (egui_kittest, headless): the per-class
//! summary, the class selector and the account's headings, and "Copy" (and Ctrl+C)
//! putting the rows of `millwright lp` on the clipboard; the Overview's GP economics.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::engine::model::Portfolio;
use millwright::engine::study::{Case, Study};
use millwright::export::lp_accounts;
use millwright::io::samples;
use millwright::units::format_money_in;

use super::app_harness::{WINDOW, app_in, click_exact, copied, harness_of};

fn sample() -> Portfolio {
    samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn harness(dir: &tempfile::TempDir) -> Harness<'static, MillwrightApp> {
    harness_of(app_in(dir, sample()), WINDOW)
}

#[test]
fn the_lp_accounts_tab_shows_the_classes_and_copies_the_accounts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&dir);
    click_exact(&mut harness, "LP accounts");
    // The class selector, labelled, showing every class at first.
    let selector = harness.get_by_role_and_label(Role::ComboBox, "Class");
    assert_eq!(selector.value().as_deref(), Some("All classes"));
    // The account's headings and the summary's.
    harness.get_by_label("Contributed to date (USD)");
    harness.get_by_label("Equalisation interest (USD)");
    harness.get_by_label("Equalisation interest received");

    // The summary's paid-in of the first class, formatted as the app formats money.
    let study = Study::new(sample(), 0);
    let result = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let first = result
        .classes
        .first()
        .unwrap_or_else(|| panic!("the sample has a class"));
    let paid_in = format_money_in(first.metrics.paid_in, &result.currency);
    assert!(
        harness.query_all_by_label(&paid_in).next().is_some(),
        "paid-in {} is not shown as {paid_in}",
        first.metrics.paid_in
    );

    let expected =
        lp_accounts::to_tsv(&lp_accounts::lp_accounts(&result, None).unwrap_or_else(|e| panic!("{e}")));
    harness.get_by_label("Copy").click_accesskit();
    harness.step();
    let text = copied(&harness).unwrap_or_else(|| panic!("Copy put nothing on the clipboard"));
    assert!(
        text.starts_with("Class\tQuarter end\tCommitment (USD)\t"),
        "{text}"
    );
    assert_eq!(text, expected);

    // Ctrl+C on the tab copies the same table and says so.
    harness.run();
    harness.event(egui::Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND,
    });
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some(text.as_str()));
    harness.run();
    assert!(
        harness
            .state()
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Copied the LP capital accounts")),
        "{:?}",
        harness.state().notice
    );
}

#[test]
fn picking_a_class_shows_and_copies_only_its_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&dir);
    click_exact(&mut harness, "LP accounts");
    let study = Study::new(sample(), 0);
    let result = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let name = result
        .classes
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_else(|| panic!("the sample has a class"));
    harness.state_mut().lp_accounts.class = Some(name.clone());
    harness.run();
    harness.get_by_label("Copy").click_accesskit();
    harness.step();
    let text = copied(&harness).unwrap_or_else(|| panic!("Copy put nothing on the clipboard"));
    let one = lp_accounts::lp_accounts(&result, Some(&name)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text, lp_accounts::to_tsv(&one));
    assert!(text.lines().skip(1).all(|l| l.starts_with(&format!("{name}\t"))));
}

#[test]
fn the_overview_shows_the_gp_economics() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&dir);
    click_exact(&mut harness, "Overview");
    harness.get_by_label("GP economics");
    harness.get_by_label("Total GP economics");
    let study = Study::new(sample(), 0);
    let result = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let total = format_money_in(result.metrics.gp.total, &result.currency);
    assert!(
        harness.query_all_by_label(&total).next().is_some(),
        "total {total}"
    );
}
