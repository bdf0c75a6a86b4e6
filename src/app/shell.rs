//! The window's frame: menu bar, keyboard shortcuts, dropped files, close requests and
//! the status bar. Menus and shortcuts only queue [`UiCommand`]s; they run after the
//! frame.

use egui::{Color32, Ui};

use super::commands::UiCommand;
use super::{MillwrightApp, Pending};

/// Shortcuts, dropped files and the window's close button.
pub fn handle_input(app: &mut MillwrightApp, ctx: &egui::Context) {
    for command in UiCommand::consume_shortcuts(ctx) {
        app.commands.push(command);
    }
    let dropped = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    });
    if let Some(path) = dropped {
        app.commands.open_file(path);
    }
    if ctx.input(|i| i.viewport().close_requested()) && app.state.is_dirty() && !app.allow_close {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        app.pending = Some(Pending::Quit);
    }
}

/// File, Edit and View menus.
pub fn menu_bar(app: &mut MillwrightApp, ui: &mut Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu(app, ui));
            ui.menu_button("Edit", |ui| {
                let queue = &mut app.commands;
                ui.add_enabled_ui(app.state.can_undo(), |ui| UiCommand::Undo.menu_button(ui, queue));
                ui.add_enabled_ui(app.state.can_redo(), |ui| UiCommand::Redo.menu_button(ui, queue));
                ui.separator();
                UiCommand::CopyTable.menu_button(ui, queue);
                let deletable = super::deletion::deletion_of(app.state.selection).is_some();
                ui.add_enabled_ui(deletable, |ui| UiCommand::DeleteSelected.menu_button(ui, queue));
            });
            ui.menu_button("View", |ui| {
                let queue = &mut app.commands;
                UiCommand::ToggleDarkMode.menu_checkbox(ui, queue, app.prefs.dark_mode);
                UiCommand::ToggleTree.menu_checkbox(ui, queue, app.prefs.show_tree);
                UiCommand::ToggleEditor.menu_checkbox(ui, queue, app.prefs.show_editor);
                UiCommand::ToggleProblems.menu_checkbox(ui, queue, app.show_problems);
            });
            ui.menu_button("Help", |ui| {
                UiCommand::ShowShortcuts.menu_button(ui, &mut app.commands)
            });
        });
    });
}

fn file_menu(app: &mut MillwrightApp, ui: &mut Ui) {
    let queue = &mut app.commands;
    UiCommand::New.menu_button(ui, queue);
    UiCommand::Open.menu_button(ui, queue);
    let recent = &app.prefs.recent_files;
    ui.add_enabled_ui(!recent.is_empty(), |ui| {
        ui.menu_button("Open Recent", |ui| {
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    queue.open_file(path.clone());
                }
            }
        });
    });
    ui.separator();
    UiCommand::Save.menu_button(ui, queue);
    UiCommand::SaveAs.menu_button(ui, queue);
    ui.separator();
    ui.add_enabled_ui(app.pack_job.is_none(), |ui| {
        UiCommand::ExportMemoPack.menu_button(ui, queue)
    });
    ui.separator();
    UiCommand::Close.menu_button(ui, queue);
    UiCommand::Quit.menu_button(ui, queue);
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
            // Failures of the app's own files stay in view until the operation succeeds.
            for warning in app.warnings.iter() {
                ui.separator();
                ui.colored_label(Color32::from_rgb(0xC0, 0x20, 0x20), warning.to_string());
            }
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
                .on_hover_text(UiCommand::ToggleProblems.tooltip())
                .clicked()
            {
                app.commands.push(UiCommand::ToggleProblems);
            }
            ui.separator();
            if app.state.is_recomputing() {
                ui.spinner();
                ui.label("Recomputing… (figures shown are from before the last edit)");
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(30));
            } else if let Some(c) = app.state.computed() {
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
