//! The Statement tab in the desktop app (egui_kittest, headless): the quarterly statement
//! of the company selected in the tree, its headings and formatted figures, and "Copy"
//! (and Ctrl+C) putting the tab-separated statement on the clipboard.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::engine::model::Portfolio;
use millwright::engine::study::{Case, Study};
use millwright::export::statement::{self, Statement};
use millwright::io::samples;
use millwright::units::format_money_in;

use super::app_harness::{WINDOW, app_in, click_exact, copied, harness_of};

fn sample() -> Portfolio {
    samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn harness(dir: &tempfile::TempDir) -> Harness<'static, MillwrightApp> {
    harness_of(app_in(dir, sample()), WINDOW)
}

/// The engine's statement of `company` in the base case, built apart from the app.
fn expected_statement(company: &str) -> Statement {
    let study = Study::new(sample(), 0);
    statement::company_statement(&study, &Case::Base, company).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_statement_tab_shows_the_selected_company_and_copies_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut harness = harness(&dir);
    click_exact(&mut harness, "Statement");
    // The fund is selected at first: the tab says what to do.
    harness.get_by_label_contains("Select a company in the model tree");

    let company = sample().companies[0].name.clone();
    click_exact(&mut harness, &company);
    harness.get_by_label("Revenue (USD)");
    harness.get_by_label("Materials cost (USD)");
    harness.get_by_label("Direct labour cost (USD)");
    harness.get_by_label("EBITDA (USD)");

    // The first operating quarter's EBITDA, formatted as the app formats money.
    let expected = expected_statement(&company);
    let ebitda = expected
        .column_values("EBITDA (USD)")
        .and_then(|column| column.get(1).copied().flatten())
        .unwrap_or_else(|| panic!("no EBITDA in the second row"));
    let shown = format_money_in(ebitda, "USD");
    assert!(
        harness.query_all_by_label(&shown).next().is_some(),
        "EBITDA {ebitda} is not shown as {shown}"
    );
    assert!(shown.starts_with('$') && shown.ends_with('m'), "{shown}");

    click_exact(&mut harness, "Copy");
    // `click` ran the frames after the click; copy again and read the copying frame.
    harness.get_by_label("Copy").click_accesskit();
    harness.step();
    let text = copied(&harness).unwrap_or_else(|| panic!("Copy put nothing on the clipboard"));
    assert!(
        text.starts_with("Quarter end\tRevenue (USD)\tMaterials cost (USD)\tDirect labour cost (USD)\t"),
        "{}",
        text.lines().next().unwrap_or_default()
    );
    assert_eq!(text, statement::to_tsv(&expected));
    assert_eq!(text.lines().count(), 1 + expected.rows.len());

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
            .is_some_and(|n| n.starts_with("Copied the company statement")),
        "{:?}",
        harness.state().notice
    );
}
