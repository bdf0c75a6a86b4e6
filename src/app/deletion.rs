//! Deleting what is selected in the tree (the Delete key, the editors' buttons) and the
//! notice that follows a deletion, "Deleted Northwind Castings", with an Undo button: a
//! deletion is undone in one click instead of being confirmed beforehand.

use egui::{Align2, Context};

use super::MillwrightApp;
use super::commands::UiCommand;
use super::state::{Edit, Selection};
use crate::engine::model::Portfolio;

/// What a deletion removed, for the notice that offers to undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    /// The name of what was deleted ("Northwind Castings").
    pub name: String,
    /// The model revision right after the deletion: the notice stays while it is current.
    pub revision: u64,
}

/// The edit that deletes `selection` (`None` for the fund terms, which cannot be).
pub fn deletion_of(selection: Selection) -> Option<Edit> {
    match selection {
        Selection::Fund => None,
        Selection::Stage(i) => Some(Edit::DeleteStage(i)),
        Selection::Company(i) => Some(Edit::DeleteCompany(i)),
        Selection::Lever(c, l) => Some(Edit::DeleteLever(c, l)),
        Selection::Scenario(i) => Some(Edit::DeleteScenario(i)),
    }
}

/// The name of what `edit` deletes from `p`, if it is a deletion.
pub fn deleted_name(edit: &Edit, p: &Portfolio) -> Option<String> {
    match *edit {
        Edit::DeleteStage(i) => p.stages.get(i).map(|s| s.name.clone()),
        Edit::DeleteCompany(i) => p.companies.get(i).map(|c| c.name.clone()),
        Edit::DeleteLever(c, l) => p
            .companies
            .get(c)
            .and_then(|co| co.levers.get(l))
            .map(|lv| lv.name.clone()),
        Edit::DeleteScenario(i) => p.scenarios.get(i).map(|s| s.name.clone()),
        _ => None,
    }
}

/// The notice above the status bar after a deletion, while nothing else has changed:
/// "Deleted Northwind Castings", Undo, and a button to dismiss it.
pub fn notice_ui(app: &mut MillwrightApp, ctx: &Context) {
    let Some(deleted) = app.state.undoable_deletion() else {
        return;
    };
    let text = format!("Deleted {} —", deleted.name);
    egui::Area::new(egui::Id::unique("deleted_notice"))
        .anchor(Align2::CENTER_BOTTOM, egui::vec2(0.0, -36.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(text);
                    if ui
                        .button("Undo")
                        .on_hover_text("Bring it back (Ctrl+Z)")
                        .clicked()
                    {
                        app.commands.push(UiCommand::Undo);
                    }
                    if ui.small_button("Dismiss").clicked() {
                        app.state.deleted = None;
                    }
                });
            });
        });
}
