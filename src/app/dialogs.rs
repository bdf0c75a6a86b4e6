//! Modal dialogs (unsaved changes, errors, crash recovery, the file dialog) and the
//! problems list.

use egui::{Context, Id, Modal, RichText};

use super::state::Selection;
use super::{MillwrightApp, Pending};
use crate::engine::fields::{self, FieldPath};
use crate::engine::validate::Severity;

/// Every dialog that is open.
pub fn show_all(app: &mut MillwrightApp, ctx: &Context) {
    unsaved_changes(app, ctx);
    error(app, ctx);
    recovery(app, ctx);
    problems(app, ctx);
    app.file_dialog_ui(ctx);
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
            app.save_then(action);
        }
        Some("discard") => {
            app.pending = None;
            app.remove_autosave();
            app.perform(action);
        }
        Some(_) => app.pending = None,
        None => {}
    }
}

fn error(app: &mut MillwrightApp, ctx: &Context) {
    let Some(error) = &app.error else { return };
    let message = error.to_string();
    let mut dismissed = false;
    Modal::new(Id::unique("error")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Something went wrong");
        ui.label(message);
        ui.add_space(8.0);
        dismissed = ui.button("OK").clicked();
    });
    if dismissed {
        app.error = None;
    }
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
                app.state.mark_unsaved();
                app.state.path = original;
                // Safe mode: a copy with errors opens with its problem list in view (the
                // figures wait until they are fixed; nothing is computed from them).
                app.show_problems = crate::engine::validate::has_errors(app.state.problems());
            }
        }
        Some(false) => {
            app.recovery = None;
            app.remove_autosave();
        }
        None => {}
    }
}

/// Where a problem's path points in the tree.
pub fn selection_for(path: &FieldPath) -> Selection {
    if let Some((company, lever)) = path.lever_index() {
        Selection::Lever(company, lever)
    } else if let Some(company) = path.company_index() {
        Selection::Company(company)
    } else if let Some(stage) = path.stage_index() {
        Selection::Stage(stage)
    } else if let Some(scenario) = path.scenario_index() {
        Selection::Scenario(scenario)
    } else {
        Selection::Fund
    }
}

/// The problem list: each problem as the item and field it is about in words ("Northwind
/// Castings · Tax rate"), a link that selects that field, then what is wrong.
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
                    let (colour, kind) = match p.severity {
                        Severity::Error => (egui::Color32::from_rgb(0xC0, 0x20, 0x20), "Error"),
                        Severity::Warning => (egui::Color32::from_rgb(0xB0, 0x60, 0x00), "Warning"),
                    };
                    let place = fields::place(&app.state.portfolio, &p.path);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(kind).color(colour).strong());
                        let link = ui
                            .link(place.to_string())
                            .on_hover_text(format!("Go to this field ({})", p.path));
                        if link.clicked() {
                            app.state.selection = selection_for(&p.path);
                            app.prefs.show_editor = true;
                        }
                        ui.add(egui::Label::new(RichText::new(&p.message).color(colour)).wrap());
                    });
                }
            });
        });
    app.show_problems = open;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_paths_map_to_tree_items() -> Result<(), crate::engine::fields::ParsePathError> {
        let at = |text: &str| text.parse::<FieldPath>().map(|path| selection_for(&path));
        assert_eq!(at("companies[3].levers[1].effect")?, Selection::Lever(3, 1));
        assert_eq!(at("companies[12].exit_date")?, Selection::Company(12));
        assert_eq!(at("stages[2].budget")?, Selection::Stage(2));
        assert_eq!(at("stages")?, Selection::Fund);
        assert_eq!(at("fund.carry_rate")?, Selection::Fund);
        Ok(())
    }
}
