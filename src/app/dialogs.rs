//! Modal dialogs (unsaved changes, errors, crash recovery), the problems list, and the
//! autosave copy they rely on.

use std::path::{Path, PathBuf};

use egui::{Context, Id, Modal, RichText};
use serde::{Deserialize, Serialize};

use super::files::AppPaths;
use super::state::Selection;
use super::{MillwrightApp, Pending};
use crate::engine::model::Portfolio;
use crate::io::portfolio_file;

/// What the autosave copy remembers besides the model.
#[derive(Serialize, Deserialize)]
struct AutosaveNote {
    original: Option<PathBuf>,
}

fn note_file(paths: &AppPaths) -> PathBuf {
    paths.data_dir.join("autosave.note.json")
}

/// Writes the autosave copy of unsaved work.
pub fn write_autosave(
    paths: &AppPaths,
    portfolio: &Portfolio,
    original: Option<&Path>,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(&paths.data_dir)?;
    portfolio_file::save(&paths.autosave_file(), portfolio)?;
    let note = serde_json::to_string(&AutosaveNote {
        original: original.map(Path::to_path_buf),
    })?;
    crate::io::write_atomically(&note_file(paths), note.as_bytes())?;
    Ok(())
}

/// The autosave copy left by a session that did not close cleanly, if any.
pub fn find_autosave(paths: &AppPaths) -> Option<(Portfolio, Option<PathBuf>)> {
    let portfolio = portfolio_file::load(&paths.autosave_file()).ok()?;
    let original = std::fs::read_to_string(note_file(paths))
        .ok()
        .and_then(|t| serde_json::from_str::<AutosaveNote>(&t).ok())
        .and_then(|n| n.original);
    Some((portfolio, original))
}

/// Deletes the autosave copy (after a save, or a clean exit).
pub fn remove_autosave(paths: &AppPaths) {
    let _ = std::fs::remove_file(paths.autosave_file());
    let _ = std::fs::remove_file(note_file(paths));
}

/// Every dialog that is open.
pub fn show_all(app: &mut MillwrightApp, ctx: &Context) {
    unsaved_changes(app, ctx);
    error(app, ctx);
    recovery(app, ctx);
    problems(app, ctx);
}

fn unsaved_changes(app: &mut MillwrightApp, ctx: &Context) {
    let Some(action) = app.pending.clone() else { return };
    let verb = match action {
        Pending::New => "starting a new model",
        Pending::Open(_) => "opening another file",
        Pending::Close => "closing",
        Pending::Quit => "quitting",
    };
    let name = app.state.display_name();
    let mut answer = None;
    Modal::new(Id::unique("unsaved_changes")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to {name} before {verb}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some("save");
            }
            if ui.button("Discard").clicked() {
                answer = Some("discard");
            }
            if ui.button("Cancel").clicked() {
                answer = Some("cancel");
            }
        });
    });
    match answer {
        Some("save") => {
            app.pending = None;
            if app.save() {
                app.perform(action);
            }
        }
        Some("discard") => {
            app.pending = None;
            if let Some(paths) = &app.paths {
                remove_autosave(paths);
            }
            app.perform(action);
        }
        Some(_) => app.pending = None,
        None => {}
    }
}

fn error(app: &mut MillwrightApp, ctx: &Context) {
    let Some(message) = app.error.clone() else { return };
    Modal::new(Id::unique("error")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Something went wrong");
        ui.label(message);
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            app.error = None;
        }
    });
}

fn recovery(app: &mut MillwrightApp, ctx: &Context) {
    let Some((_, original)) = &app.recovery else {
        return;
    };
    let from = original
        .as_ref()
        .map_or_else(|| "an unsaved model".to_string(), |p| p.display().to_string());
    let mut answer = None;
    Modal::new(Id::unique("recovery")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "Millwright did not close cleanly last time. An autosaved copy of {from} was found."
        ));
        ui.horizontal(|ui| {
            if ui.button("Recover").clicked() {
                answer = Some(true);
            }
            if ui.button("Discard copy").clicked() {
                answer = Some(false);
            }
        });
    });
    match answer {
        Some(true) => {
            if let Some((portfolio, original)) = app.recovery.take() {
                app.state.replace(portfolio, None);
                // Recovered work is unsaved until the user saves it (to its old name if any).
                app.state.edit("recovered", |_| {});
                app.state.path = original;
            }
        }
        Some(false) => {
            app.recovery = None;
            if let Some(paths) = &app.paths {
                remove_autosave(paths);
            }
        }
        None => {}
    }
}

/// Where a problem's path points in the tree.
pub fn selection_for(path: &str) -> Selection {
    let index = |prefix: &str, text: &str| -> Option<(usize, usize)> {
        let rest = text.strip_prefix(prefix)?;
        let end = rest.find(']')?;
        Some((rest.get(..end)?.parse().ok()?, prefix.len() + end + 1))
    };
    if let Some((c, at)) = index("companies[", path) {
        if let Some((l, _)) = path.get(at..).and_then(|rest| index(".levers[", rest)) {
            return Selection::Lever(c, l);
        }
        return Selection::Company(c);
    }
    if let Some((s, _)) = index("stages[", path) {
        return Selection::Stage(s);
    }
    if let Some((s, _)) = index("scenarios[", path) {
        return Selection::Scenario(s);
    }
    Selection::Fund
}

fn problems(app: &mut MillwrightApp, ctx: &Context) {
    if !app.show_problems {
        return;
    }
    let list = app.state.problems().to_vec();
    let mut open = true;
    egui::Window::new("Problems")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            if list.is_empty() {
                ui.label("No problems: the model validates clean.");
            }
            egui::ScrollArea::vertical().max_height(400.0).show(ui, |ui| {
                for p in &list {
                    let colour = match p.severity {
                        crate::engine::validate::Severity::Error => egui::Color32::from_rgb(0xC0, 0x20, 0x20),
                        crate::engine::validate::Severity::Warning => {
                            egui::Color32::from_rgb(0xB0, 0x60, 0x00)
                        }
                    };
                    let text = RichText::new(format!("{} — {}", p.path, p.message)).color(colour);
                    if ui.link(text).on_hover_text("Go to this field").clicked() {
                        app.state.selection = selection_for(&p.path);
                        app.prefs.show_editor = true;
                    }
                }
            });
        });
    app.show_problems = open;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_paths_map_to_tree_items() {
        assert_eq!(
            selection_for("companies[3].levers[1].effect"),
            Selection::Lever(3, 1)
        );
        assert_eq!(selection_for("companies[12].exit_date"), Selection::Company(12));
        assert_eq!(selection_for("stages[2].budget"), Selection::Stage(2));
        assert_eq!(selection_for("stages"), Selection::Fund);
        assert_eq!(selection_for("fund.carry_rate"), Selection::Fund);
    }

    #[test]
    fn autosave_round_trips_with_the_original_path() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let paths = AppPaths::under(dir.path());
        assert!(find_autosave(&paths).is_none());
        let p = crate::io::samples::flagship()?;
        write_autosave(&paths, &p, Some(Path::new("/models/fund.json")))?;
        let (found, original) = find_autosave(&paths).ok_or_else(|| anyhow::anyhow!("no autosave"))?;
        assert_eq!(found, p);
        assert_eq!(original, Some(PathBuf::from("/models/fund.json")));
        remove_autosave(&paths);
        assert!(find_autosave(&paths).is_none());
        Ok(())
    }
}
