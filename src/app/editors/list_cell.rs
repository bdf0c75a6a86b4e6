//! One figure of a list item (a partial exit's date or share, a comparable point's date
//! or multiple) as a labelled text box in a grid row. Like the registry's fields (see
//! [`crate::app::fields`]) what is typed is a draft: Enter, Tab or a click elsewhere
//! commits it as one engine [`Edit`], Escape drops it, and a value that does not parse
//! stays in red with the reason while the model keeps its last value. Validation problems
//! at the figure's [`FieldPath`] are shown under it.

use chrono::NaiveDate;
use egui::{Color32, Id, Key, RichText, TextEdit, Ui};
use rust_decimal::Decimal;

use crate::app::state::{AppState, Edit};
use crate::engine::fields::FieldPath;
use crate::units;

/// Red, for a refused draft and for problems.
const INVALID: Color32 = Color32::from_rgb(0xC0, 0x20, 0x20);

/// How wide a box is, and how far a reason under it runs before it wraps.
const WIDTH: f32 = 120.0;

/// What a cell edits, and how its text is read and shown.
#[derive(Debug, Clone, Copy)]
pub(super) enum Figure {
    /// A calendar date, typed as YYYY-MM-DD.
    Date(NaiveDate),
    /// A share, shown as a percentage.
    Percent(Decimal),
    /// A multiple of EBITDA.
    Multiple(Decimal),
}

/// A value read from what was typed.
#[derive(Debug, Clone, Copy)]
enum Typed {
    /// A date.
    Date(NaiveDate),
    /// A number (a share as a fraction, or a multiple).
    Number(Decimal),
}

impl Figure {
    fn shown(self) -> String {
        match self {
            Figure::Date(d) => d.to_string(),
            Figure::Percent(v) => units::format_percent(v),
            Figure::Multiple(v) => units::format_multiple(v),
        }
    }

    /// The text a draft starts from: what a person would retype.
    fn editable(self) -> String {
        match self {
            Figure::Date(d) => d.to_string(),
            Figure::Percent(v) => v
                .checked_mul(Decimal::ONE_HUNDRED)
                .map_or_else(|| units::editable(v), |pct| format!("{}%", units::editable(pct))),
            Figure::Multiple(v) => units::editable(v),
        }
    }

    fn parse(self, text: &str) -> Result<Typed, String> {
        match self {
            Figure::Date(_) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map(Typed::Date)
                .map_err(|_| format!("'{}' is not a date (YYYY-MM-DD)", text.trim())),
            Figure::Percent(_) => units::parse_percent(text)
                .map(Typed::Number)
                .map_err(|e| e.to_string()),
            Figure::Multiple(_) => units::parse_multiple(text)
                .map(Typed::Number)
                .map_err(|e| e.to_string()),
        }
    }
}

/// A draft being typed and why its last commit was refused.
#[derive(Debug, Clone, Default)]
struct Draft {
    text: String,
    error: Option<String>,
}

/// A grid row editing a date: see [`row`].
pub(super) fn date_row(
    ui: &mut Ui,
    state: &mut AppState,
    (label, path): (&str, FieldPath),
    date: NaiveDate,
    edit: impl FnOnce(NaiveDate) -> Edit,
    extra: impl FnOnce(&mut Ui, &mut AppState),
) {
    let edit = |typed| match typed {
        Typed::Date(d) => Some(edit(d)),
        Typed::Number(_) => None,
    };
    row(ui, state, (label, path), Figure::Date(date), edit, extra);
}

/// A grid row editing a share or a multiple (`figure`): see [`row`].
pub(super) fn number_row(
    ui: &mut Ui,
    state: &mut AppState,
    (label, path): (&str, FieldPath),
    figure: Figure,
    edit: impl FnOnce(Decimal) -> Edit,
    extra: impl FnOnce(&mut Ui, &mut AppState),
) {
    let edit = |typed| match typed {
        Typed::Number(v) => Some(edit(v)),
        Typed::Date(_) => None,
    };
    row(ui, state, (label, path), figure, edit, extra);
}

/// One grid row: `label`, a box editing `figure`, then whatever `extra` draws (a Remove
/// button). A committed value is turned into an edit by `edit` and queued; problems at
/// `path` follow in a row of their own.
fn row(
    ui: &mut Ui,
    state: &mut AppState,
    (label, path): (&str, FieldPath),
    figure: Figure,
    edit: impl FnOnce(Typed) -> Option<Edit>,
    extra: impl FnOnce(&mut Ui, &mut AppState),
) {
    let id = Id::unique(("list_cell", path));
    let draft_id = id.with("draft");
    let mut draft: Option<Draft> = ui.data(|d| d.get_temp(draft_id));
    let label_response = ui.label(label);
    let mut text = draft.as_ref().map_or_else(|| figure.shown(), |d| d.text.clone());
    let mut text_edit = TextEdit::singleline(&mut text).id(id).desired_width(WIDTH);
    if draft.as_ref().is_some_and(|d| d.error.is_some()) {
        text_edit = text_edit.text_color(INVALID);
    }
    let response = ui.add(text_edit).labelled_by(label_response.id);
    if response.gained_focus() && draft.is_none() {
        // Started from a form that can be retyped, all of it selected so typing replaces it.
        let text = figure.editable();
        select_all(ui.ctx(), id, &text);
        draft = Some(Draft { text, error: None });
        ui.ctx().request_repaint();
    } else if response.has_focus()
        && response.changed()
        && let Some(d) = &mut draft
    {
        d.text = text;
        d.error = None;
    } else if response.lost_focus()
        && let Some(d) = draft.take()
        && !ui.input(|i| i.key_pressed(Key::Escape))
    {
        match figure.parse(&d.text) {
            Ok(value) => {
                if let Some(edit) = edit(value) {
                    state.queue(edit);
                }
            }
            Err(reason) => {
                draft = Some(Draft {
                    error: Some(reason),
                    ..d
                });
            }
        }
    }
    extra(ui, state);
    ui.end_row();
    let reason = draft.as_ref().and_then(|d| d.error.clone());
    ui.data_mut(|m| match draft {
        Some(d) => {
            m.insert_temp(draft_id, d);
        }
        None => m.remove::<Draft>(draft_id),
    });
    let problems: Vec<String> = state.problems_at(&path).map(|p| p.message.clone()).collect();
    if reason.is_some() || !problems.is_empty() {
        ui.label("");
        ui.vertical(|ui| {
            ui.set_max_width(WIDTH * 2.0);
            for text in reason.iter().chain(&problems) {
                ui.add(egui::Label::new(RichText::new(text).color(INVALID).small()).wrap());
            }
        });
        ui.end_row();
    }
}

fn select_all(ctx: &egui::Context, id: Id, text: &str) {
    let mut edit_state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    edit_state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    edit_state.store(ctx, id);
}

/// Problems at a list or group `path` (all sales together, a path's points), in red.
pub(super) fn group_problems(ui: &mut Ui, state: &AppState, path: &FieldPath) {
    for p in state.problems_at(path) {
        ui.add(egui::Label::new(RichText::new(&p.message).color(INVALID)).wrap());
    }
}
