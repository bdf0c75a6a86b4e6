//! Labelled input rows for the editors. Number fields accept what people type (see
//! [`crate::units`]), show money, percentages and multiples in their units when not being
//! edited, and show the reason beside the field when a value does not parse or fails
//! validation. Every input carries a label, for screen readers and UI tests.

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
use rust_decimal::Decimal;

use super::state::AppState;
use crate::engine::model::Portfolio;
use crate::units;

/// How a decimal field reads and shows its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Money,
    Percent,
    Multiple,
    Number,
}

impl Kind {
    fn parse(self, text: &str) -> Result<Decimal, units::ParseError> {
        match self {
            Kind::Money => units::parse_money(text),
            Kind::Percent => units::parse_percent(text),
            Kind::Multiple => units::parse_multiple(text),
            Kind::Number => units::parse_number(text),
        }
    }

    fn show(self, value: Decimal) -> String {
        match self {
            Kind::Money => units::format_money(value),
            Kind::Percent => units::format_percent(value),
            Kind::Multiple => units::format_multiple(value),
            Kind::Number => units::editable(value),
        }
    }

    /// The value as it is put in the box when editing starts.
    fn editable(self, value: Decimal) -> String {
        match self {
            Kind::Percent => format!("{}%", units::editable(value * Decimal::ONE_HUNDRED)),
            Kind::Money => units::thousands(value),
            _ => units::editable(value),
        }
    }
}

/// Red text under a field: a parse error, then the validation problems at `path`.
fn show_problems(ui: &mut Ui, state: &AppState, path: &str, parse_error: Option<&str>) {
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
fn end_field_row(ui: &mut Ui, state: &AppState, path: &str, parse_error: Option<&str>) {
    ui.end_row();
    if parse_error.is_some() || state.problems_at(path).next().is_some() {
        ui.label("");
        ui.vertical(|ui| show_problems(ui, state, path, parse_error));
        ui.end_row();
    }
}

/// A text box that edits through a buffer while focused: `display` when idle, the
/// buffer while typing. Returns the buffer when it changed this frame.
/// `label` is the id of the label widget already drawn for this field.
fn buffered_text(
    ui: &mut Ui,
    label: Option<egui::Id>,
    path: &str,
    display: String,
    editable: impl FnOnce() -> String,
) -> (Option<String>, bool) {
    let id = ui.make_persistent_id(("field", path));
    let mut buffer: Option<String> = ui.data(|d| d.get_temp::<String>(id));
    let editing = buffer.is_some();
    let mut text = buffer.clone().unwrap_or(display);
    let mut response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(150.0)
            .id(id.with("edit")),
    );
    if let Some(label) = label {
        response = response.labelled_by(label);
    }
    let mut changed = None;
    if response.gained_focus() && !editing {
        let start = editable();
        buffer = Some(start);
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

/// A decimal field row in a two-column grid.
pub fn decimal(
    ui: &mut Ui,
    state: &mut AppState,
    label: &str,
    path: &str,
    kind: Kind,
    get: impl Fn(&Portfolio) -> Option<Decimal>,
    set: impl Fn(&mut Portfolio, Decimal),
) {
    let Some(value) = get(&state.portfolio) else {
        return;
    };
    let error_id = ui.make_persistent_id(("field", path)).with("error");
    let label_response = ui.label(label);
    let (changed, lost) = buffered_text(ui, Some(label_response.id), path, kind.show(value), || {
        kind.editable(value)
    });
    if let Some(text) = changed {
        match kind.parse(&text) {
            Ok(v) => {
                ui.data_mut(|d| d.remove::<String>(error_id));
                if v != value {
                    state.edit(path, |p| set(p, v));
                }
            }
            Err(e) => {
                ui.data_mut(|d| {
                    d.insert_temp(error_id, e.to_string());
                });
            }
        }
    }
    if lost {
        state.end_gesture();
    }
    let parse_error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, path, parse_error.as_deref());
}

/// A whole-number field (years, quarters).
pub fn whole(
    ui: &mut Ui,
    state: &mut AppState,
    label: &str,
    path: &str,
    get: impl Fn(&Portfolio) -> Option<u32>,
    set: impl Fn(&mut Portfolio, u32),
) {
    decimal(
        ui,
        state,
        label,
        path,
        Kind::Number,
        |p| get(p).map(Decimal::from),
        |p, v| {
            if let Ok(n) = u32::try_from(v.trunc()) {
                set(p, n);
            }
        },
    );
}

/// A text field (names).
pub fn text(
    ui: &mut Ui,
    state: &mut AppState,
    label: &str,
    path: &str,
    get: impl Fn(&Portfolio) -> Option<String>,
    set: impl Fn(&mut Portfolio, String),
) {
    let Some(value) = get(&state.portfolio) else {
        return;
    };
    let label_response = ui.label(label);
    let mut edited = value.clone();
    let response = ui
        .add(egui::TextEdit::singleline(&mut edited).desired_width(150.0))
        .labelled_by(label_response.id);
    if response.changed() && edited != value {
        state.edit(path, |p| set(p, edited));
    }
    if response.lost_focus() {
        state.end_gesture();
    }
    end_field_row(ui, state, path, None);
}

/// A date field: ISO text plus a calendar picker.
pub fn date(
    ui: &mut Ui,
    state: &mut AppState,
    label: &str,
    path: &str,
    get: impl Fn(&Portfolio) -> Option<NaiveDate>,
    set: impl Fn(&mut Portfolio, NaiveDate),
) {
    let Some(value) = get(&state.portfolio) else {
        return;
    };
    let error_id = ui.make_persistent_id(("field", path)).with("error");
    let label_response = ui.label(label);
    ui.horizontal(|ui| {
        let (changed, lost) = buffered_text(ui, Some(label_response.id), path, value.to_string(), || {
            value.to_string()
        });
        if let Some(t) = changed {
            match NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d") {
                Ok(d) => {
                    ui.data_mut(|m| m.remove::<String>(error_id));
                    if d != value {
                        state.edit(path, |p| set(p, d));
                    }
                }
                Err(_) => {
                    ui.data_mut(|m| {
                        m.insert_temp(error_id, format!("'{t}' is not a date (YYYY-MM-DD)"));
                    });
                }
            }
        }
        if lost {
            state.end_gesture();
        }
    });
    let picked = jiff::civil::Date::new(
        i16::try_from(value.year()).unwrap_or(2026),
        i8::try_from(value.month()).unwrap_or(1),
        i8::try_from(value.day()).unwrap_or(1),
    );
    if let Ok(mut jd) = picked {
        let before = jd;
        ui.add(
            egui_extras::DatePickerButton::new(&mut jd)
                .id_salt(path)
                .show_icon(false),
        )
        .on_hover_text("Pick a date");
        if jd != before
            && let Some(d) = NaiveDate::from_ymd_opt(
                i32::from(jd.year()),
                u32::try_from(jd.month()).unwrap_or(1),
                u32::try_from(jd.day()).unwrap_or(1),
            )
        {
            state.edit(path, |p| set(p, d));
            state.end_gesture();
        }
    }
    let parse_error: Option<String> = ui.data(|d| d.get_temp(error_id));
    end_field_row(ui, state, path, parse_error.as_deref());
}

/// A choice among `options` (enums).
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    state: &mut AppState,
    label: &str,
    path: &str,
    options: &[(T, &str)],
    get: impl Fn(&Portfolio) -> Option<T>,
    set: impl Fn(&mut Portfolio, T),
) {
    let Some(value) = get(&state.portfolio) else {
        return;
    };
    let current = options.iter().find(|(v, _)| *v == value).map_or("", |(_, l)| *l);
    let label_response = ui.label(label);
    let mut chosen = value;
    egui::ComboBox::from_id_salt(path)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (v, l) in options {
                ui.selectable_value(&mut chosen, *v, *l);
            }
        })
        .response
        .labelled_by(label_response.id);
    if chosen != value {
        state.edit(path, |p| set(p, chosen));
        state.end_gesture();
    }
    end_field_row(ui, state, path, None);
}

/// An override that may be absent: a labelled checkbox, and the value when it is on.
#[expect(
    clippy::too_many_arguments,
    reason = "a field row: where, what, how to read and write"
)]
pub fn optional_decimal(
    ui: &mut Ui,
    state: &mut AppState,
    label: &str,
    path: &str,
    kind: Kind,
    default: Decimal,
    get: impl Fn(&Portfolio) -> Option<Option<Decimal>>,
    set: impl Fn(&mut Portfolio, Option<Decimal>),
) {
    let Some(current) = get(&state.portfolio) else {
        return;
    };
    let mut on = current.is_some();
    if ui.checkbox(&mut on, label).changed() {
        state.edit(path, |p| {
            set(
                p,
                if on {
                    Some(current.unwrap_or(default))
                } else {
                    None
                },
            )
        });
        state.end_gesture();
    }
    match get(&state.portfolio).flatten() {
        Some(_) => {
            let value_label = format!("{label} value");
            ui.end_row();
            decimal(
                ui,
                state,
                &value_label,
                path,
                kind,
                |p| get(p).flatten(),
                |p, v| set(p, Some(v)),
            );
        }
        None => {
            ui.label("not overridden");
            ui.end_row();
        }
    }
}
