//! Help › Keyboard shortcuts: every [`UiCommand`] with its shortcuts, read from the
//! command enum (so the list cannot fall behind), then the keys of editing and moving
//! around, which are not commands.

use egui::Context;

use super::MillwrightApp;
use super::commands::UiCommand;

/// Keys that are not commands: editing a field and moving through the lists.
pub const NAVIGATION: [(&str, &str); 7] = [
    ("Enter", "Apply the value typed and move to the next field"),
    (
        "Tab / Shift+Tab",
        "Apply the value typed and move to the next / previous field",
    ),
    ("Escape", "Drop what was typed: the field shows its value again"),
    (
        "Up / Down",
        "Select the previous / next item in the model tree or the Companies table",
    ),
    ("Left", "Select the company of a lever (in the model tree)"),
    ("Right", "Select the first lever of a company (in the model tree)"),
    ("Home / End", "Select the first / last item"),
];

/// The shortcuts of `command` as shown on this platform ("Ctrl+Shift+Z, Ctrl+Y"), or a
/// dash when it has none.
pub fn shortcut_text(ctx: &Context, command: UiCommand) -> String {
    let keys: Vec<String> = command
        .shortcuts()
        .iter()
        .map(|s| ctx.format_shortcut(s))
        .collect();
    if keys.is_empty() {
        "—".to_string()
    } else {
        keys.join(", ")
    }
}

/// The window, while `app.show_shortcuts` is on.
pub fn window(app: &mut MillwrightApp, ctx: &Context) {
    let mut open = app.show_shortcuts;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcut_list")
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for command in UiCommand::ALL {
                        ui.label(command.text());
                        ui.monospace(shortcut_text(ctx, command));
                        ui.weak(command.tooltip());
                        ui.end_row();
                    }
                });
            ui.separator();
            ui.strong("Editing and moving around");
            egui::Grid::new("navigation_keys")
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for (keys, what) in NAVIGATION {
                        ui.monospace(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
    app.show_shortcuts = open;
}
