//! The egui_kittest set-up every app test shares: the app on a portfolio with its files
//! in a temporary folder, a harness around it at a given window size, and the small
//! steps the tests take (undo, read a text box, read what was copied).

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::app::files::{AppPaths, FileDialog, NativeDialog};
use millwright::app::state::Selection;
use millwright::engine::model::Portfolio;

/// The window most tests draw in.
pub(super) const WINDOW: egui::Vec2 = egui::vec2(1500.0, 1000.0);

/// A temporary folder for the app's autosave and settings.
pub(super) fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// The app on `portfolio`, answering file dialogs with `dialog`, its files under `dir`.
pub(super) fn app_with_dialog(
    dir: &tempfile::TempDir,
    portfolio: Portfolio,
    dialog: Box<dyn FileDialog>,
) -> MillwrightApp {
    MillwrightApp::new(portfolio, None, dialog, Some(AppPaths::under(dir.path())))
}

/// The app on `portfolio` with the system's file dialogs, its files under `dir`.
pub(super) fn app_in(dir: &tempfile::TempDir, portfolio: Portfolio) -> MillwrightApp {
    app_with_dialog(dir, portfolio, Box::new(NativeDialog))
}

/// A harness drawing `app` in a window of `size`, after its first frame.
pub(super) fn harness_of(app: MillwrightApp, size: egui::Vec2) -> Harness<'static, MillwrightApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut MillwrightApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app on `portfolio` with `selection` selected, drawn in a window of `size`.
pub(super) fn harness_selecting(
    dir: &tempfile::TempDir,
    portfolio: Portfolio,
    selection: Selection,
    size: egui::Vec2,
) -> Harness<'static, MillwrightApp> {
    let mut app = app_in(dir, portfolio);
    app.state.selection = selection;
    harness_of(app, size)
}

/// The model the app holds now.
pub(super) fn portfolio<'a>(harness: &'a Harness<'_, MillwrightApp>) -> &'a Portfolio {
    &harness.state().state.portfolio
}

/// Ctrl+Z, then a frame.
pub(super) fn undo(harness: &mut Harness<'_, MillwrightApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

/// What the text box labelled `label` shows.
pub(super) fn value_of(harness: &Harness<'_, MillwrightApp>, label: &str) -> String {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

/// Clicks the one widget labelled exactly `label`, then a frame.
pub(super) fn click_exact(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    harness
        .get_by(|node| node.label().is_some_and(|l| l == label))
        .click_accesskit();
    harness.run();
}

/// The text the last frame put on the clipboard, if any.
pub(super) fn copied(harness: &Harness<'_, MillwrightApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}
