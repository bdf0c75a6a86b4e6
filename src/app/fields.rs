//! Labelled input rows for the editors, drawn from the field registry
//! ([`crate::engine::fields`]): the row's label, how its value is read and shown (its
//! unit) and whether it may be absent all come from the field's table row, and every
//! change is a [`FieldEdit`]. Text, number and date fields edit a draft that is committed
//! on Enter, Tab or a click elsewhere, as one undo step, and dropped on Escape (see
//! [`draft`]). Number fields accept what people type and what a spreadsheet copies (see
//! [`crate::units`]), show money, percentages and multiples in their units when not being
//! edited, and show the reason beside the field when a value does not parse or fails
//! validation. Every input carries a label, for screen readers and UI tests.

pub mod draft;
mod flag;

pub use draft::{
    clear_focus_request, commit_active_draft, commit_orphaned_draft, discard_active_draft, edit_id,
    is_editing,
};

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use rust_decimal::Decimal;

use super::state::AppState;
use crate::engine::fields::{self as registry, FieldEdit, FieldMeta, FieldPath, FieldValue, Presence, Unit};
use crate::units;

/// Reads what was typed into a number field of `unit`.
fn parse(unit: Unit, text: &str) -> Result<FieldValue, String> {
    let number = match unit {
        Unit::Money => units::parse_money(text),
        Unit::Percent => units::parse_percent(text),
        Unit::Multiple => units::parse_multiple(text),
        _ => units::parse_number(text),
    }
    .map_err(|e| e.to_string())?;
    match unit {
        Unit::Years | Unit::Quarters | Unit::Days => {
            if !number.fract().is_zero() {
                return Err(format!("'{text}' is not a whole number of {}", unit.label()));
            }
            i64::try_from(number)
                .map(FieldValue::Whole)
                .map_err(|_| format!("'{text}' is too large"))
        }
        _ => Ok(FieldValue::Decimal(number)),
    }
}

/// A number as shown while not being edited.
fn show(unit: Unit, value: Decimal, currency: &str) -> String {
    match unit {
        Unit::Money => units::format_money_in(value, currency),
        Unit::Percent => units::format_percent(value),
        Unit::Multiple => units::format_multiple(value),
        _ => units::editable(value),
    }
}

/// A number as it is put in the box when editing starts.
fn editable(unit: Unit, value: Decimal) -> String {
    match unit {
        // A fraction too large to scale to a percentage is edited as the fraction (read
        // back the same: a number without `%` is a fraction).
        Unit::Percent => value.checked_mul(Decimal::ONE_HUNDRED).map_or_else(
            || units::editable(value),
            |pct| format!("{}%", units::editable(pct)),
        ),
        Unit::Money => units::thousands(value),
        _ => units::editable(value),
    }
}

/// Red text under a field: why its draft was refused, then the validation problems at
/// `path`.
fn show_problems(ui: &mut Ui, state: &AppState, path: &FieldPath, refused: Option<&str>) {
    // Wrapped to the width of the box above, so a long reason never widens the editor.
    ui.set_max_width(PROBLEM_WIDTH);
    let mut red = |text: &str| {
        ui.add(egui::Label::new(RichText::new(text).color(draft::INVALID).small()).wrap());
    };
    if let Some(e) = refused {
        red(e);
    }
    for p in state.problems_at(path) {
        red(&p.message);
    }
}

/// How wide a field's reasons and problems may run before they wrap.
const PROBLEM_WIDTH: f32 = 150.0;

/// Ends the field's grid row, then adds a row with why its draft was refused and its
/// validation problems when there are any.
fn end_field_row(ui: &mut Ui, state: &AppState, path: &FieldPath, refused: Option<&str>) {
    ui.end_row();
    if refused.is_some() || state.problems_at(path).next().is_some() {
        ui.label("");
        ui.vertical(|ui| show_problems(ui, state, path, refused));
        ui.end_row();
    }
}

/// Applies `edit` as one undo step, keeping the reason in the field's error slot when it
/// is refused.
fn set(ui: &mut Ui, state: &mut AppState, error_id: egui::Id, edit: &FieldEdit) {
    state.end_gesture();
    match state.set_field(edit) {
        Ok(()) => ui.data_mut(|d| {
            d.remove::<String>(error_id);
        }),
        Err(e) => ui.data_mut(|d| {
            d.insert_temp(error_id, e.to_string());
        }),
    }
    state.end_gesture();
}

fn error_id(path: &FieldPath) -> egui::Id {
    egui::Id::unique(("field_error", *path))
}

/// One row of a two-column grid for the field at `path`, as its table row describes it.
/// Nothing is drawn when the field does not apply (its object is gone, or a benchmark
/// return on an index series).
pub fn row(ui: &mut Ui, state: &mut AppState, path: FieldPath) {
    let Some(meta) = registry::meta(&path) else {
        return;
    };
    match (meta.unit, meta.presence) {
        (Unit::Text, _) => text(ui, state, path, meta),
        (Unit::Date, _) => date(ui, state, path, meta),
        (Unit::Choice, _) if matches!(meta.choices, registry::Choices::Flag) => {
            flag::flag(ui, state, path, meta);
        }
        (Unit::Choice, _) => choice(ui, state, path, meta),
        (_, Presence::Override { default }) => {
            override_number(ui, state, path, meta, default, "not overridden");
        }
        (_, Presence::Optional { default, when_off }) => {
            override_number(ui, state, path, meta, default, when_off);
        }
        _ => number(ui, state, path, meta, meta.label),
    }
}

fn number(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta, label: &str) {
    let Some(value) = registry::effective_value(&state.portfolio, &path).and_then(|v| v.as_number()) else {
        return;
    };
    let unit = meta.unit;
    let label_response = ui.label(label).on_hover_text(meta.describe());
    let display = show(unit, value, &state.portfolio.fund.currency);
    let refused = draft::buffered_text(ui, state, label_response.id, path, display, || {
        editable(unit, value)
    });
    end_field_row(ui, state, &path, refused.as_deref());
}

/// A text field (names, descriptions).
fn text(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Text(value)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let label_response = ui.label(meta.label).on_hover_text(meta.describe());
    let shown = value.clone();
    let refused = draft::buffered_text(ui, state, label_response.id, path, shown, || value);
    end_field_row(ui, state, &path, refused.as_deref());
}

/// A date field: ISO text plus a calendar picker.
fn date(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Date(value)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let error_id = error_id(&path);
    let label_response = ui.label(meta.label).on_hover_text(meta.describe());
    let refused = ui
        .horizontal(|ui| {
            let refused = draft::buffered_text(ui, state, label_response.id, path, value.to_string(), || {
                value.to_string()
            });
            if let Some(picked) = date_picker(ui, &path, value) {
                set(
                    ui,
                    state,
                    error_id,
                    &FieldEdit::new(path, FieldValue::Date(picked)),
                );
            }
            refused
        })
        .inner;
    let picker_error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, &path, refused.or(picker_error).as_deref());
}

/// A calendar button; the date picked this frame, if it differs from `value`.
fn date_picker(ui: &mut Ui, path: &FieldPath, value: NaiveDate) -> Option<NaiveDate> {
    let mut jd = jiff::civil::Date::new(
        i16::try_from(value.year()).unwrap_or(2026),
        i8::try_from(value.month()).unwrap_or(1),
        i8::try_from(value.day()).unwrap_or(1),
    )
    .ok()?;
    let before = jd;
    ui.add(
        egui_extras::DatePickerButton::new(&mut jd)
            .id_salt(&path.to_string())
            .show_icon(false),
    )
    .on_hover_text("Pick a date");
    if jd == before {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::from(jd.year()),
        u32::try_from(jd.month()).ok()?,
        u32::try_from(jd.day()).ok()?,
    )
}

/// A choice among the field's options (enums, stage names).
fn choice(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Choice(current)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let options = meta.options(&state.portfolio);
    let error_id = error_id(&path);
    let label_response = ui.label(meta.label).on_hover_text(meta.describe());
    let mut chosen = current.clone();
    egui::ComboBox::from_id_salt(("choice", path))
        .selected_text(current.as_str())
        .show_ui(ui, |ui| {
            for option in &options {
                ui.selectable_value(&mut chosen, option.clone(), option.as_str());
            }
        })
        .response
        .labelled_by(label_response.id);
    if chosen != current {
        set(
            ui,
            state,
            error_id,
            &FieldEdit::new(path, FieldValue::Choice(chosen)),
        );
        state.end_gesture();
    }
    let error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, &path, error.as_deref());
}

/// An override that may be absent: a labelled checkbox, and the value when it is on.
fn override_number(
    ui: &mut Ui,
    state: &mut AppState,
    path: FieldPath,
    meta: &FieldMeta,
    default: Decimal,
    when_off: &str,
) {
    let Some(current) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let mut on = current != FieldValue::Unset;
    if ui
        .checkbox(&mut on, meta.label)
        .on_hover_text(meta.describe())
        .changed()
    {
        let value = match (on, meta.unit) {
            (false, _) => FieldValue::Unset,
            (true, Unit::Years | Unit::Quarters | Unit::Days) => {
                FieldValue::Whole(i64::try_from(default.trunc()).unwrap_or_default())
            }
            (true, _) => FieldValue::Decimal(default),
        };
        set(ui, state, error_id(&path), &FieldEdit::new(path, value));
        state.end_gesture();
    }
    if registry::value(&state.portfolio, &path).is_some_and(|v| v != FieldValue::Unset) {
        ui.end_row();
        number(ui, state, path, meta, &format!("{} value", meta.label));
    } else {
        ui.label(when_off);
        ui.end_row();
    }
}
