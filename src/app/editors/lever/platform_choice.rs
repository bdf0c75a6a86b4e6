//! The lever's "Runs on AI platform" row as a choice among the fund's platforms, so a
//! name cannot be mistyped. The choice is the same [`FieldEdit`] of `programme.platform`
//! the text box made (an empty name is no platform), so Undo takes it back. A name the
//! fund has no platform of stays selectable, marked as such, until it is changed.

use egui::{RichText, Ui};

use crate::app::fields::draft::INVALID;
use crate::app::state::AppState;
use crate::engine::fields::{self as registry, FieldEdit, FieldMeta, FieldPath, FieldValue};

/// The field's key in the lever table.
pub(super) const KEY: &str = "programme.platform";

/// What the box shows for a lever on no platform.
const NONE: &str = "(none)";

/// How a platform name the fund does not have is shown.
fn missing(name: &str) -> String {
    format!("{name} (no such platform)")
}

/// What the closed box shows for the lever's `current` platform.
fn shown(current: &str, platforms: &[String]) -> String {
    if current.trim().is_empty() {
        NONE.to_owned()
    } else if platforms.iter().any(|p| p == current) {
        current.to_owned()
    } else {
        missing(current)
    }
}

/// One grid row for the lever field at `path`: its label, then the choice of platform,
/// then (on a row of their own) why a choice was refused and the field's problems.
pub(super) fn platform_row(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Text(current)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let platforms: Vec<String> = state
        .portfolio
        .programme
        .platforms
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let label = ui.label(meta.label).on_hover_text(meta.describe());
    let mut chosen = current.clone();
    egui::ComboBox::from_id_salt(("lever_platform", path))
        .selected_text(shown(&current, &platforms))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, String::new(), NONE);
            if !current.trim().is_empty() && !platforms.contains(&current) {
                ui.selectable_value(&mut chosen, current.clone(), missing(&current));
            }
            for name in &platforms {
                ui.selectable_value(&mut chosen, name.clone(), name.as_str());
            }
        })
        .response
        .labelled_by(label.id);
    let error_id = egui::Id::unique(("lever_platform_error", path));
    if chosen != current {
        state.end_gesture();
        match state.set_field(&FieldEdit::new(path, FieldValue::Text(chosen))) {
            Ok(()) => ui.data_mut(|d| {
                d.remove::<String>(error_id);
            }),
            Err(e) => ui.data_mut(|d| {
                d.insert_temp(error_id, e.to_string());
            }),
        }
        state.end_gesture();
    }
    ui.end_row();
    let refused: Option<String> = ui.data(|d| d.get_temp(error_id));
    let reasons: Vec<String> = refused
        .into_iter()
        .chain(state.problems_at(&path).map(|p| p.message.clone()))
        .collect();
    if !reasons.is_empty() {
        ui.label("");
        ui.vertical(|ui| {
            ui.set_max_width(PROBLEM_WIDTH);
            for reason in &reasons {
                ui.add(egui::Label::new(RichText::new(reason).color(INVALID).small()).wrap());
            }
        });
        ui.end_row();
    }
}

/// How wide the row's reasons may run before they wrap (as under the other fields).
const PROBLEM_WIDTH: f32 = 150.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_names_no_platform_a_platform_or_a_missing_one() {
        let platforms = vec!["Forge".to_owned()];
        assert_eq!(shown("", &platforms), "(none)");
        assert_eq!(shown("Forge", &platforms), "Forge");
        assert_eq!(shown("Nope", &platforms), "Nope (no such platform)");
    }
}
