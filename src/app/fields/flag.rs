//! A yes / no field ([`Choices::Flag`](crate::engine::fields::Choices::Flag)) as a tick
//! box labelled with the field, set as one undo step.

use egui::Ui;

use super::{end_field_row, error_id, set};
use crate::app::state::AppState;
use crate::engine::fields::{self as registry, FieldEdit, FieldMeta, FieldPath, FieldValue, NO, YES};

/// A tick box for the flag at `path` in the first column of a grid row.
pub(super) fn flag(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Choice(current)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let mut on = current == YES;
    let error_id = error_id(&path);
    if ui
        .checkbox(&mut on, meta.label)
        .on_hover_text(meta.describe())
        .changed()
    {
        let value = FieldValue::Choice(if on { YES } else { NO }.into());
        set(ui, state, error_id, &FieldEdit::new(path, value));
    }
    ui.label("");
    let error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, &path, error.as_deref());
}
