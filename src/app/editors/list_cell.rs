//! One figure of a list item (a partial exit's date or share, a comparable point's date
//! or multiple, a close's amount, an LP class's name or optional fee) as a labelled text
//! box in a grid row. Like the registry's fields (see
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
pub(super) const WIDTH: f32 = 120.0;

/// What a cell edits, and how its text is read and shown.
#[derive(Debug, Clone)]
pub(super) enum Figure {
    /// A calendar date, typed as YYYY-MM-DD.
    Date(NaiveDate),
    /// A share, shown as a percentage.
    Percent(Decimal),
    /// A multiple of EBITDA.
    Multiple(Decimal),
    /// An amount of money (`250m`, `1.5bn`).
    Money(Decimal),
    /// A whole number (a count of LPs).
    Whole(u32),
    /// A percentage that may be left empty (then `fallback`, shown greyed, applies).
    OptionalPercent {
        /// The value, or `None` when empty.
        value: Option<Decimal>,
        /// What applies when it is empty, in words ("fund's: 1.5%").
        fallback: String,
    },
    /// A multiple that may be left empty (`None`: no threshold).
    OptionalMultiple {
        /// The value, or `None` when empty.
        value: Option<Decimal>,
        /// What an empty box means, in words ("none").
        fallback: String,
    },
    /// Free text (a name).
    Text(String),
}

/// A value read from what was typed.
#[derive(Debug, Clone)]
pub(super) enum Typed {
    /// A date.
    Date(NaiveDate),
    /// A number (a share as a fraction, a multiple, money, a count).
    Number(Decimal),
    /// An optional number: `None` when the box was emptied.
    Optional(Option<Decimal>),
    /// Text.
    Text(String),
}

impl Figure {
    fn shown(&self) -> String {
        match self {
            Figure::Date(d) => d.to_string(),
            Figure::Percent(v) => units::format_percent(*v),
            Figure::Multiple(v) => units::format_multiple(*v),
            Figure::Money(v) => units::thousands(*v),
            Figure::Whole(n) => n.to_string(),
            Figure::OptionalPercent { value, .. } => value.map(units::format_percent).unwrap_or_default(),
            Figure::OptionalMultiple { value, .. } => value.map(units::format_multiple).unwrap_or_default(),
            Figure::Text(t) => t.clone(),
        }
    }

    /// Greyed text an empty box shows.
    fn hint(&self) -> String {
        match self {
            Figure::OptionalPercent { fallback, .. } | Figure::OptionalMultiple { fallback, .. } => {
                fallback.clone()
            }
            _ => String::new(),
        }
    }

    /// The text a draft starts from: what a person would retype.
    fn editable(&self) -> String {
        let percent = |v: Decimal| {
            v.checked_mul(Decimal::ONE_HUNDRED)
                .map_or_else(|| units::editable(v), |pct| format!("{}%", units::editable(pct)))
        };
        match self {
            Figure::Percent(v) => percent(*v),
            Figure::OptionalPercent { value, .. } => value.map(percent).unwrap_or_default(),
            Figure::OptionalMultiple { value, .. } => value.map(units::editable).unwrap_or_default(),
            Figure::Multiple(v) | Figure::Money(v) => units::editable(*v),
            Figure::Date(_) | Figure::Whole(_) | Figure::Text(_) => self.shown(),
        }
    }

    fn parse(&self, text: &str) -> Result<Typed, String> {
        match self {
            Figure::Money(_) => units::parse_money(text)
                .map(Typed::Number)
                .map_err(|e| e.to_string()),
            Figure::Whole(_) => text
                .trim()
                .replace(',', "")
                .parse::<u32>()
                .map(|n| Typed::Number(Decimal::from(n)))
                .map_err(|_| format!("'{}' is not a whole number", text.trim())),
            Figure::OptionalPercent { .. } | Figure::OptionalMultiple { .. } if text.trim().is_empty() => {
                Ok(Typed::Optional(None))
            }
            Figure::OptionalMultiple { .. } => units::parse_multiple(text)
                .map(|v| Typed::Optional(Some(v)))
                .map_err(|e| e.to_string()),
            Figure::OptionalPercent { .. } => units::parse_percent(text)
                .map(|v| Typed::Optional(Some(v)))
                .map_err(|e| e.to_string()),
            Figure::Text(_) => Ok(Typed::Text(text.trim().to_string())),
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
        _ => None,
    };
    row(ui, state, (label, path), Figure::Date(date), edit, extra);
}

/// A grid row whose committed value `edit` turns into an edit (or ignores, `None`): see
/// [`row`]. For the figures [`date_row`] and [`number_row`] do not cover.
pub(super) fn typed_row(
    ui: &mut Ui,
    state: &mut AppState,
    (label, path): (&str, FieldPath),
    figure: Figure,
    edit: impl FnOnce(Typed) -> Option<Edit>,
    extra: impl FnOnce(&mut Ui, &mut AppState),
) {
    row(ui, state, (label, path), figure, edit, extra);
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
        _ => None,
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
    // The label too: the quarters of a lever's cost phasing share one path.
    let id = Id::unique(("list_cell", path, label));
    let draft_id = id.with("draft");
    let mut draft: Option<Draft> = ui.data(|d| d.get_temp(draft_id));
    let label_response = ui.label(label);
    let mut text = draft.as_ref().map_or_else(|| figure.shown(), |d| d.text.clone());
    let mut text_edit = TextEdit::singleline(&mut text)
        .id(id)
        .desired_width(WIDTH)
        // A grid column other than the last offers only last frame's width: without a
        // floor a box first drawn narrow stays narrow.
        .min_size(egui::vec2(WIDTH, 0.0))
        .hint_text(figure.hint());
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

/// A grid row of the problems at `path` under the row drawn for it (nothing when there
/// are none), for rows that are not text boxes (a choice).
pub(super) fn problems_row(ui: &mut Ui, state: &AppState, path: &FieldPath) {
    let problems: Vec<String> = state.problems_at(path).map(|p| p.message.clone()).collect();
    if problems.is_empty() {
        return;
    }
    ui.label("");
    ui.vertical(|ui| {
        ui.set_max_width(WIDTH * 2.0);
        for text in &problems {
            ui.add(egui::Label::new(RichText::new(text).color(INVALID).small()).wrap());
        }
    });
    ui.end_row();
}

/// Problems at a list or group `path` (all sales together, a path's points), in red.
pub(super) fn group_problems(ui: &mut Ui, state: &AppState, path: &FieldPath) {
    for p in state.problems_at(path) {
        ui.add(egui::Label::new(RichText::new(&p.message).color(INVALID)).wrap());
    }
}
