//! Labelled input rows for the editors, drawn from the field registry
//! ([`crate::engine::fields`]): the row's label, how its value is read and shown (its
//! unit) and whether it may be absent all come from the field's table row, and every
//! change is a [`FieldEdit`]. Number fields accept what people type (see
//! [`crate::units`]), show money, percentages and multiples in their units when not being
//! edited, and show the reason beside the field when a value does not parse or fails
//! validation. Every input carries a label, for screen readers and UI tests.

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
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
        Unit::Years | Unit::Quarters => {
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
        Unit::Percent => format!("{}%", units::editable(value * Decimal::ONE_HUNDRED)),
        Unit::Money => units::thousands(value),
        _ => units::editable(value),
    }
}

/// Red text under a field: a parse error, then the validation problems at `path`.
fn show_problems(ui: &mut Ui, state: &AppState, path: &FieldPath, parse_error: Option<&str>) {
    let red = Color32::from_rgb(0xC0, 0x20, 0x20);
    if let Some(e) = parse_error {
        ui.label(RichText::new(e).color(red).small());
    }
    for p in state.problems_at(path) {
        ui.label(RichText::new(&p.message).color(red).small());
    }
}

/// Ends the field's grid row, then adds a row with its parse error and validation
/// problems when there are any.
fn end_field_row(ui: &mut Ui, state: &AppState, path: &FieldPath, parse_error: Option<&str>) {
    ui.end_row();
    if parse_error.is_some() || state.problems_at(path).next().is_some() {
        ui.label("");
        ui.vertical(|ui| show_problems(ui, state, path, parse_error));
        ui.end_row();
    }
}

/// Applies `edit`, keeping the reason in the field's error slot when it is refused.
fn set(ui: &mut Ui, state: &mut AppState, error_id: egui::Id, edit: &FieldEdit) {
    match state.set_field(edit) {
        Ok(()) => ui.data_mut(|d| {
            d.remove::<String>(error_id);
        }),
        Err(e) => ui.data_mut(|d| {
            d.insert_temp(error_id, e.to_string());
        }),
    }
}

fn error_id(ui: &Ui, path: &FieldPath) -> egui::Id {
    ui.make_persistent_id(("field", path)).with("error")
}

/// A text box that edits through a buffer while focused: `display` when idle, the
/// buffer while typing. Returns the buffer when it changed this frame, and whether the
/// box lost focus. `label` is the id of the label widget already drawn for this field.
fn buffered_text(
    ui: &mut Ui,
    label: egui::Id,
    path: &FieldPath,
    display: String,
    editable: impl FnOnce() -> String,
) -> (Option<String>, bool) {
    let id = ui.make_persistent_id(("field", path));
    let mut buffer: Option<String> = ui.data(|d| d.get_temp::<String>(id));
    let editing = buffer.is_some();
    let mut text = buffer.clone().unwrap_or(display);
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(150.0)
                .id(id.with("edit")),
        )
        .labelled_by(label);
    let mut changed = None;
    if response.gained_focus() && !editing {
        buffer = Some(editable());
        ui.data_mut(|d| d.insert_temp(id, buffer.clone().unwrap_or_default()));
    } else if response.has_focus() {
        if response.changed() {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
            changed = Some(text);
        } else if !editing {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        }
    }
    let lost = response.lost_focus();
    if lost {
        ui.data_mut(|d| d.remove::<String>(id));
        ui.data_mut(|d| d.remove::<String>(id.with("error")));
    }
    (changed, lost)
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
        (Unit::Choice, _) => choice(ui, state, path, meta),
        (_, Presence::Override { default }) => override_number(ui, state, path, meta, default),
        _ => number(ui, state, path, meta, meta.label),
    }
}

fn number(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta, label: &str) {
    let Some(value) = registry::effective_value(&state.portfolio, &path).and_then(|v| v.as_number()) else {
        return;
    };
    let unit = meta.unit;
    let error_id = error_id(ui, &path);
    let label_response = ui.label(label);
    let display = show(unit, value, &state.portfolio.fund.currency);
    let (changed, lost) = buffered_text(ui, label_response.id, &path, display, || editable(unit, value));
    if let Some(text) = changed {
        match parse(unit, &text) {
            Ok(typed) if typed.as_number() == Some(value) => ui.data_mut(|d| {
                d.remove::<String>(error_id);
            }),
            Ok(typed) => set(ui, state, error_id, &FieldEdit::new(path, typed)),
            Err(e) => ui.data_mut(|d| {
                d.insert_temp(error_id, e);
            }),
        }
    }
    if lost {
        state.end_gesture();
    }
    let parse_error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, &path, parse_error.as_deref());
}

/// A text field (names, descriptions).
fn text(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Text(value)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let error_id = error_id(ui, &path);
    let label_response = ui.label(meta.label);
    let mut edited = value.clone();
    let response = ui
        .add(egui::TextEdit::singleline(&mut edited).desired_width(150.0))
        .labelled_by(label_response.id);
    if response.changed() && edited != value {
        set(
            ui,
            state,
            error_id,
            &FieldEdit::new(path, FieldValue::Text(edited)),
        );
    }
    if response.lost_focus() {
        state.end_gesture();
    }
    let error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, &path, error.as_deref());
}

/// A date field: ISO text plus a calendar picker.
fn date(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta) {
    let Some(FieldValue::Date(value)) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let error_id = error_id(ui, &path);
    let label_response = ui.label(meta.label);
    ui.horizontal(|ui| {
        let (changed, lost) = buffered_text(ui, label_response.id, &path, value.to_string(), || {
            value.to_string()
        });
        if let Some(t) = changed {
            match NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d") {
                Ok(d) if d == value => ui.data_mut(|m| {
                    m.remove::<String>(error_id);
                }),
                Ok(d) => set(ui, state, error_id, &FieldEdit::new(path, FieldValue::Date(d))),
                Err(_) => ui.data_mut(|m| {
                    m.insert_temp(error_id, format!("'{t}' is not a date (YYYY-MM-DD)"));
                }),
            }
        }
        if lost {
            state.end_gesture();
        }
        if let Some(picked) = date_picker(ui, &path, value) {
            set(
                ui,
                state,
                error_id,
                &FieldEdit::new(path, FieldValue::Date(picked)),
            );
            state.end_gesture();
        }
    });
    let parse_error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, &path, parse_error.as_deref());
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
    let error_id = error_id(ui, &path);
    let label_response = ui.label(meta.label);
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
fn override_number(ui: &mut Ui, state: &mut AppState, path: FieldPath, meta: &FieldMeta, default: Decimal) {
    let Some(current) = registry::value(&state.portfolio, &path) else {
        return;
    };
    let mut on = current != FieldValue::Unset;
    if ui.checkbox(&mut on, meta.label).changed() {
        let value = match (on, meta.unit) {
            (false, _) => FieldValue::Unset,
            (true, Unit::Years | Unit::Quarters) => {
                FieldValue::Whole(i64::try_from(default.trunc()).unwrap_or_default())
            }
            (true, _) => FieldValue::Decimal(default),
        };
        set(ui, state, error_id(ui, &path), &FieldEdit::new(path, value));
        state.end_gesture();
    }
    if registry::value(&state.portfolio, &path).is_some_and(|v| v != FieldValue::Unset) {
        ui.end_row();
        number(ui, state, path, meta, &format!("{} value", meta.label));
    } else {
        ui.label("not overridden");
        ui.end_row();
    }
}
