//! The lever panel's "Runs on AI platform" row (egui_kittest, headless): a choice of
//! "(none)" and the fund's platforms, plus a name the fund has no platform of, marked as
//! such; picking one is one engine edit of `programme.platform` that Undo takes back.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::state::Selection;
use millwright::io::samples;

use super::app_harness::{WINDOW, harness_selecting, portfolio, tempdir, undo};

const FOUNDRY: &str = "Foundry industrial AI platform";
const ROW: &str = "Runs on AI platform";

/// The platform the flagship's first company's lever `l` runs on.
fn platform_of(harness: &Harness<'_, MillwrightApp>, l: usize) -> Option<String> {
    let company = portfolio(harness).companies.first();
    let Some(lever) = company.and_then(|c| c.levers.get(l)) else {
        panic!("the flagship's first company has a lever {l}")
    };
    lever.programme.platform.clone()
}

/// Opens the platform box and clicks the option labelled `option`.
fn pick(harness: &mut Harness<'_, MillwrightApp>, option: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, ROW)
        .click_accesskit();
    harness.run();
    let Some(entry) = harness.query_all_by_label(option).last() else {
        panic!("the platform box offers {option:?}")
    };
    entry.click_accesskit();
    harness.run();
    harness.run();
}

/// What the closed platform box shows.
fn shown(harness: &Harness<'_, MillwrightApp>) -> Option<String> {
    harness.get_by_role_and_label(Role::ComboBox, ROW).value()
}

#[test]
fn a_platform_picked_for_a_lever_sets_the_model_and_undo_takes_it_back() {
    let dir = tempdir();
    let original = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    // The first company's third lever (demand sensing) runs on no platform.
    assert_eq!(original.companies[0].levers[2].programme.platform, None);
    let mut harness = harness_selecting(&dir, original.clone(), Selection::Lever(0, 2), WINDOW);
    assert_eq!(shown(&harness).as_deref(), Some("(none)"));
    pick(&mut harness, FOUNDRY);
    assert_eq!(platform_of(&harness, 2).as_deref(), Some(FOUNDRY));
    assert_eq!(shown(&harness).as_deref(), Some(FOUNDRY));
    undo(&mut harness);
    assert_eq!(*portfolio(&harness), original);
}

#[test]
fn a_name_the_fund_has_no_platform_of_is_marked_and_can_be_cleared() {
    let dir = tempdir();
    let mut original = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    original.companies[0].levers[0].programme.platform = Some("Nope".into());
    let mut harness = harness_selecting(&dir, original.clone(), Selection::Lever(0, 0), WINDOW);
    // The box says the lever's platform does not exist, and the panel says why.
    assert_eq!(shown(&harness).as_deref(), Some("Nope (no such platform)"));
    harness.get_by_label_contains("runs on AI platform 'Nope', which does not exist");
    pick(&mut harness, "(none)");
    assert_eq!(platform_of(&harness, 0), None);
    assert_eq!(shown(&harness).as_deref(), Some("(none)"));
    undo(&mut harness);
    assert_eq!(platform_of(&harness, 0).as_deref(), Some("Nope"));
    assert_eq!(*portfolio(&harness), original);
}
