//! The plot's axes: grid marks from the shared tick rules ([`ticks`]) spaced for
//! readable labels, tick texts in the axis's units, and category names fitted to their
//! slots ([`labels::fit_category`]) so none is dropped or overlaps its neighbour.

use egui_plot::{AxisHints, GridInput, GridMark};

use super::Measure;
use crate::charts::{Axis, Scale, labels, ticks};

/// The least distance between two labelled x ticks, in points ("2030" and "$100bn" are
/// narrower), and the spacing below which egui_plot fades and then drops x labels.
const X_LABEL_SPACING: f64 = 56.0;
const X_LABEL_FADE: (f32, f32) = (40.0, 52.0);
/// The same for y ticks (a line of text is about 16 points high).
const Y_LABEL_SPACING: f64 = 28.0;
const Y_LABEL_FADE: (f32, f32) = (18.0, 26.0);
/// egui_plot's least grid spacing, the unit of [`GridInput::base_step_size`].
const GRID_SPACING_MIN: f64 = 8.0;
/// Room the y axis and the plot's margins take from the width, in points (a guess on
/// the safe side: category slots come out narrower than they are).
const Y_AXIS_ALLOWANCE: f32 = 110.0;

/// Which axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    X,
    Y,
}

/// The hints of the plot's `side` axis for `axis`: title, tick texts and (for a
/// category axis) every name shown however close the slots.
pub(super) fn hints(axis: &Axis, side: Side, width: f32, measure: &Measure) -> AxisHints<'static> {
    let names = category_labels(
        &axis.scale,
        if side == Side::X { width } else { f32::INFINITY },
        measure,
    );
    let scale = axis.scale.clone();
    let hints = match side {
        Side::X => AxisHints::new_x(),
        Side::Y => AxisHints::new_y(),
    }
    .label(axis.title.as_str())
    .formatter(move |mark, _| tick_text(&scale, &names, mark));
    let fade = match (axis.scale.is_categories(), side) {
        // Every name is shown, however close the slots: they are fitted to them.
        (true, _) => (4.0, 5.0),
        (false, Side::X) => X_LABEL_FADE,
        (false, Side::Y) => Y_LABEL_FADE,
    };
    hints.label_spacing(egui::Rangef::new(fade.0, fade.1))
}

/// Grid marks for an axis of `scale`: the ticks (labelled), then lighter lines between
/// them where those stay too close together for egui_plot to label them.
pub(super) fn spacer(scale: Scale, side: Side) -> impl Fn(GridInput) -> Vec<GridMark> {
    let (spacing, unlabelled_below) = match side {
        Side::X => (X_LABEL_SPACING, f64::from(X_LABEL_FADE.0)),
        Side::Y => (Y_LABEL_SPACING, f64::from(Y_LABEL_FADE.0)),
    };
    move |input: GridInput| {
        let points_per_unit = GRID_SPACING_MIN / input.base_step_size.max(f64::MIN_POSITIVE);
        let min_step = spacing / points_per_unit;
        let major = ticks::ticks(&scale, input.bounds.0, input.bounds.1, min_step);
        let mut marks: Vec<GridMark> = major
            .values
            .iter()
            .map(|value| GridMark {
                value: *value,
                step_size: major.step,
            })
            .collect();
        let minor = ticks::minor_lines(&scale, &major);
        if let (Some(a), Some(b)) = (minor.first(), minor.get(1)) {
            let step = (b - a).abs();
            if step * points_per_unit <= unlabelled_below {
                marks.extend(minor.iter().map(|value| GridMark {
                    value: *value,
                    step_size: step,
                }));
            }
        }
        marks
    }
}

/// The text of the tick `mark`: a category's fitted name, else the value in the axis's
/// units.
fn tick_text(scale: &Scale, names: &[String], mark: GridMark) -> String {
    if scale.is_categories() {
        let index = mark.value.round();
        if (mark.value - index).abs() > 1e-6 || index < 0.0 {
            return String::new();
        }
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked")]
        return names.get(index as usize).cloned().unwrap_or_default();
    }
    scale.tick(mark.value, mark.step_size)
}

/// The names of a category axis `width` points wide, each wrapped or abbreviated to fit
/// its slot (empty for other scales).
fn category_labels(scale: &Scale, width: f32, measure: &Measure) -> Vec<String> {
    let Scale::Categories(names) = scale else {
        return Vec::new();
    };
    if !width.is_finite() || names.is_empty() {
        return names.clone();
    }
    // The plot adds a twentieth of the range on each side.
    #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
    let slot = f64::from((width - Y_AXIS_ALLOWANCE).max(40.0)) / (names.len() as f64 * 1.1);
    names
        .iter()
        .map(|name| labels::fit_category(name, slot, &|t| measure.width(t)).join("\n"))
        .collect()
}
