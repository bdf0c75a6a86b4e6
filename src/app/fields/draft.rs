//! Buffered editing of one field: what is typed is a draft that reaches the model only
//! when it is committed, never keystroke by keystroke.
//!
//! - A field that takes focus (a click, Tab, Enter on the field above) starts a draft
//!   from the committed value in an editable form, all of it selected, so typing
//!   replaces it.
//! - Enter, Tab and a click elsewhere commit: the text is parsed for the field's unit
//!   and set as one undo step. Enter then moves to the next field.
//! - Escape drops the draft: the field shows the committed value again and the model
//!   is untouched.
//! - A refused commit keeps the text in the field, in red, with the reason; the model
//!   keeps its last valid value.
//! - A draft whose field disappears (another item selected while typing) is committed
//!   at the end of the editor's frame; Undo and Redo drop the draft being typed.

use chrono::NaiveDate;
use egui::{Color32, Context, Id, Key, Ui};

use super::parse;
use crate::app::state::AppState;
use crate::engine::fields::{self as registry, FieldEdit, FieldPath, FieldValue, Unit};

/// The colour of a refused value and of its reason.
pub const INVALID: Color32 = Color32::from_rgb(0xC0, 0x20, 0x20);

/// A field's text while it is being edited, and why its last commit was refused.
#[derive(Debug, Clone, Default)]
struct Draft {
    text: String,
    error: Option<String>,
}

/// The field being typed in, and the frame its row was last drawn in.
#[derive(Debug, Clone, Copy)]
struct Active {
    path: FieldPath,
    drawn_in_pass: u64,
}

fn draft_id(path: FieldPath) -> Id {
    Id::unique(("field_draft", path))
}

/// The id of the text box of the field at `path` (unique: a field has one row).
pub fn edit_id(path: FieldPath) -> Id {
    Id::unique(("field_edit", path))
}

fn active_id() -> Id {
    Id::unique("millwright_active_field")
}

fn focus_next_id() -> Id {
    Id::unique("millwright_focus_next_field")
}

/// Reads `text` as a value of the field at `path`.
fn parse_for(path: FieldPath, text: &str) -> Result<FieldValue, String> {
    let meta = registry::meta(&path).ok_or_else(|| "this field no longer exists".to_string())?;
    match meta.unit {
        Unit::Text => Ok(FieldValue::Text(text.trim().to_string())),
        Unit::Date => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(FieldValue::Date)
            .map_err(|_| format!("'{}' is not a date (YYYY-MM-DD)", text.trim())),
        Unit::Choice => Err("pick one of the options".to_string()),
        unit => parse(unit, text),
    }
}

/// Commits `text` to the field at `path` as one undo step (nothing when it is the value
/// already there); the reason when it is refused, the model then unchanged.
fn commit(state: &mut AppState, path: FieldPath, text: &str) -> Result<(), String> {
    let value = parse_for(path, text)?;
    if registry::value(&state.portfolio, &path).as_ref() == Some(&value) {
        return Ok(());
    }
    state.end_gesture();
    let result = state.set_field(&FieldEdit::new(path, value));
    state.end_gesture();
    result.map_err(|e| e.to_string())
}

fn select_all(ctx: &Context, id: Id, text: &str) {
    let mut edit_state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    edit_state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit_state.store(ctx, id);
}

/// Whether the field above asked this one to take focus (Enter), clearing the request.
fn take_focus_request(ctx: &Context) -> bool {
    ctx.data_mut(|d| d.remove_temp::<bool>(focus_next_id()))
        .unwrap_or(false)
}

/// Clears a focus request nobody took (Enter on the last field of a panel).
pub fn clear_focus_request(ctx: &Context) {
    ctx.data_mut(|d| d.remove::<bool>(focus_next_id()));
}

/// Whether a field is being typed in.
pub fn is_editing(ctx: &Context) -> bool {
    ctx.data(|d| d.get_temp::<Active>(active_id())).is_some()
}

/// Drops the draft being typed (Undo, Redo): its field shows the model's value again.
pub fn discard_active_draft(ctx: &Context) {
    if let Some(active) = ctx.data(|d| d.get_temp::<Active>(active_id())) {
        ctx.data_mut(|d| {
            d.remove::<Active>(active_id());
            d.remove::<Draft>(draft_id(active.path));
        });
        ctx.memory_mut(|m| m.surrender_focus(edit_id(active.path)));
    }
}

/// Commits the draft being typed now, before a save, an export or anything that asks
/// about unsaved work; the field then leaves editing. A refused draft stays, red.
pub fn commit_active_draft(ctx: &Context, state: &mut AppState) {
    let Some(active) = ctx.data(|d| d.get_temp::<Active>(active_id())) else {
        return;
    };
    ctx.memory_mut(|m| m.surrender_focus(edit_id(active.path)));
    commit_leaving(ctx, state, active.path);
}

/// Commits the draft being typed whose row was not drawn this frame (the user selected
/// something else while typing). Call once a frame, after the editor.
pub fn commit_orphaned_draft(ctx: &Context, state: &mut AppState) {
    let Some(active) = ctx.data(|d| d.get_temp::<Active>(active_id())) else {
        return;
    };
    if active.drawn_in_pass != ctx.cumulative_pass_nr() {
        commit_leaving(ctx, state, active.path);
    }
}

/// Ends the editing of the field at `path` and commits its draft; a refused draft is
/// kept, red, for when the field is shown again.
fn commit_leaving(ctx: &Context, state: &mut AppState, path: FieldPath) {
    ctx.data_mut(|d| d.remove::<Active>(active_id()));
    let Some(draft) = ctx.data_mut(|d| d.remove_temp::<Draft>(draft_id(path))) else {
        return;
    };
    if let Err(reason) = commit(state, path, &draft.text) {
        let kept = Draft {
            error: Some(reason),
            ..draft
        };
        ctx.data_mut(|d| d.insert_temp(draft_id(path), kept));
    }
}

/// A text box editing the field at `path` through a draft (see the module docs):
/// `display` while idle, the draft (started from `editable`) while typing. `label` is
/// the id of the label widget already drawn for this field. Returns why the draft was
/// refused, when it was.
pub fn buffered_text(
    ui: &mut Ui,
    state: &mut AppState,
    label: Id,
    path: FieldPath,
    display: String,
    editable: impl FnOnce() -> String,
) -> Option<String> {
    let ctx = ui.ctx().clone();
    let (draft_id, edit_id) = (draft_id(path), edit_id(path));
    let mut draft: Option<Draft> = ctx.data(|d| d.get_temp(draft_id));
    if take_focus_request(&ctx) {
        ctx.memory_mut(|m| m.request_focus(edit_id));
    }
    let mut editable = Some(editable);
    let mut start = |ctx: &Context, draft: &mut Option<Draft>| {
        let text = draft
            .as_ref()
            .map(|d| d.text.clone())
            .or_else(|| editable.take().map(|f| f()))
            .unwrap_or_default();
        select_all(ctx, edit_id, &text);
        draft.get_or_insert(Draft { text, error: None });
    };
    if draft.is_none() && ctx.memory(|m| m.has_focus(edit_id)) {
        start(&ctx, &mut draft);
    }
    let (response, typed) = draw(ui, label, edit_id, draft.as_ref(), display);
    if response.has_focus() {
        if response.gained_focus() || draft.is_none() {
            // Focus came this frame (a click, Tab): show the draft, all selected.
            start(&ctx, &mut draft);
            ctx.request_repaint();
        } else if let (Some(d), true) = (&mut draft, response.changed()) {
            d.text = typed;
            d.error = None;
        }
        let drawn_in_pass = ctx.cumulative_pass_nr();
        ctx.data_mut(|d| d.insert_temp(active_id(), Active { path, drawn_in_pass }));
    } else if response.lost_focus() {
        ctx.data_mut(|d| d.remove::<Active>(active_id()));
        let (escape, enter) = ui.input(|i| (i.key_pressed(Key::Escape), i.key_pressed(Key::Enter)));
        if enter {
            // Taken, so that the next field, focused below in this frame, does not see it.
            ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter));
        }
        match &mut draft {
            Some(_) if escape => draft = None,
            Some(d) => match commit(state, path, &d.text) {
                Ok(()) => {
                    draft = None;
                    if enter {
                        ctx.data_mut(|m| m.insert_temp(focus_next_id(), true));
                    }
                }
                Err(reason) => {
                    d.error = Some(reason);
                    if enter {
                        // Stay in the field to correct it.
                        ctx.memory_mut(|m| m.request_focus(edit_id));
                    }
                }
            },
            None => {}
        }
    }
    ctx.data_mut(|m| match &draft {
        Some(d) => {
            m.insert_temp(draft_id, d.clone());
        }
        None => m.remove::<Draft>(draft_id),
    });
    draft.and_then(|d| d.error)
}

/// Draws the box: the draft on a tinted background while editing (its text red when a
/// commit was refused), otherwise `display`. Returns the box's response and its text
/// after this frame's typing.
fn draw(
    ui: &mut Ui,
    label: Id,
    edit_id: Id,
    draft: Option<&Draft>,
    display: String,
) -> (egui::Response, String) {
    let mut text = draft.map_or(display, |d| d.text.clone());
    let mut edit = egui::TextEdit::singleline(&mut text)
        .desired_width(150.0)
        .id(edit_id);
    if let Some(d) = draft {
        let tint = if ui.visuals().dark_mode {
            Color32::from_rgb(0x3A, 0x36, 0x20)
        } else {
            Color32::from_rgb(0xFF, 0xF6, 0xD5)
        };
        edit = edit.background_color(tint);
        if d.error.is_some() {
            edit = edit.text_color(INVALID);
        }
    }
    let mut response = ui.add(edit).labelled_by(label);
    if draft.is_some() {
        response =
            response.on_hover_text("Being edited: Enter or Tab applies it, Escape restores the saved value");
    }
    (response, text)
}
