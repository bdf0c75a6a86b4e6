//! The window's frame: menu bar, keyboard shortcuts, dropped files, close requests and
//! the status bar.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::state::Command;
use super::{MillwrightApp, Pending};

const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// Shortcuts, dropped files and the window's close button.
pub fn handle_input(app: &mut MillwrightApp, ctx: &egui::Context) {
    // Longer shortcuts first, so Ctrl+Shift+S is not taken as Ctrl+S.
    let (save_as, save, new, open, redo, undo) = ctx.input_mut(|i| {
        let save_as = i.consume_shortcut(&SAVE_AS);
        let save = i.consume_shortcut(&SAVE);
        let new = i.consume_shortcut(&NEW);
        let open = i.consume_shortcut(&OPEN);
        let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_ALT);
        let undo = i.consume_shortcut(&UNDO);
        (save_as, save, new, open, redo, undo)
    });
    if save_as {
        app.save_as();
    } else if save {
        app.save();
    }
    if new {
        app.request(Pending::New);
    }
    if open {
        app.request(Pending::Open(None));
    }
    if undo || redo {
        // A field being typed in would otherwise keep showing its old text.
        ctx.memory_mut(egui::Memory::stop_text_input);
        app.state.apply(if undo { Command::Undo } else { Command::Redo });
    }
    let dropped = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    });
    if let Some(path) = dropped {
        app.request(Pending::Open(Some(path)));
    }
    if ctx.input(|i| i.viewport().close_requested()) && app.state.is_dirty() && !app.allow_close {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        app.pending = Some(Pending::Quit);
    }
}

fn item(ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool) -> bool {
    let mut button = egui::Button::new(text);
    if let Some(s) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add_enabled(enabled, button).clicked()
}

/// File, Edit and View menus.
pub fn menu_bar(app: &mut MillwrightApp, ui: &mut Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if item(ui, "New", Some(&NEW), true) {
                    app.request(Pending::New);
                }
                if item(ui, "Open…", Some(&OPEN), true) {
                    app.request(Pending::Open(None));
                }
                let recent = app.prefs.recent_files.clone();
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button("Open Recent", |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                app.request(Pending::Open(Some(path)));
                            }
                        }
                    });
                });
                ui.separator();
                if item(ui, "Save", Some(&SAVE), true) {
                    app.save();
                }
                if item(ui, "Save As…", Some(&SAVE_AS), true) {
                    app.save_as();
                }
                ui.separator();
                if item(ui, "Export memo pack…", None, app.pack_job.is_none()) {
                    app.start_memo_pack();
                }
                ui.separator();
                if item(ui, "Close", None, true) {
                    app.request(Pending::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                if item(ui, "Undo", Some(&UNDO), app.state.can_undo()) {
                    app.state.apply(Command::Undo);
                }
                if item(ui, "Redo", Some(&REDO), app.state.can_redo()) {
                    app.state.apply(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                ui.checkbox(&mut app.prefs.dark_mode, "Dark theme");
                ui.checkbox(&mut app.prefs.show_tree, "Model tree");
                ui.checkbox(&mut app.prefs.show_editor, "Editor");
            });
        });
    });
}

/// File name, saved state, problem count (click for the list), recompute time.
pub fn status_bar(app: &mut MillwrightApp, ui: &mut Ui) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(app.state.display_name());
            ui.separator();
            ui.label(match (app.state.is_dirty(), &app.state.path) {
                (true, _) => "Unsaved changes",
                (false, None) => "Not saved to a file",
                (false, Some(_)) => "Saved",
            });
            ui.separator();
            let problems = app.state.problems();
            let errors = problems
                .iter()
                .filter(|p| p.severity == crate::engine::validate::Severity::Error)
                .count();
            let warnings = problems.len() - errors;
            let text = match (errors, warnings) {
                (0, 0) => "No problems".to_string(),
                (e, w) => format!("{e} error(s), {w} warning(s)"),
            };
            if ui
                .button(text)
                .on_hover_text("Show the list of problems")
                .clicked()
            {
                app.show_problems = !app.show_problems;
            }
            ui.separator();
            if let Some(c) = app.state.computed() {
                ui.label(format!("Recomputed in {:.1} ms", c.took.as_secs_f64() * 1000.0));
            }
            ui.label(format!("· frame {:.1} ms", app.frame_time.as_secs_f64() * 1000.0));
            if let Some(job) = &app.pack_job {
                ui.separator();
                ui.add(
                    egui::ProgressBar::new(job.progress())
                        .desired_width(160.0)
                        .text("Exporting memo pack"),
                );
            } else if let Some(notice) = &app.notice {
                ui.separator();
                ui.label(notice);
            }
        });
    });
}
