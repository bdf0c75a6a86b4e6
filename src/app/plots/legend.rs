//! The legend under the plot, outside the data: each entry's swatch (a line, an area or
//! a box, a point for markers) and name, wrapping onto as many rows as the width needs.

use egui::{Stroke, Ui};

use super::{Measure, colour};
use crate::charts::{Body, Chart, Swatch};

/// Width of a swatch and the gaps around an entry, in points.
const SWATCH: f32 = 18.0;
const ENTRY_GAPS: f32 = 16.0;

fn heading(chart: &Chart) -> &'static str {
    if matches!(chart.body, Body::Heatmap(_)) {
        "Colour scale:"
    } else {
        ""
    }
}

/// How many rows the legend takes at the current width (0 for none).
pub(super) fn rows(ui: &Ui, chart: &Chart) -> usize {
    let entries = chart.legend_entries();
    if entries.is_empty() {
        return 0;
    }
    let measure = Measure::new(ui, egui::TextStyle::Body);
    let width = ui.available_width().max(1.0);
    let (mut rows, mut used) = (1, measure.size(heading(chart)).x);
    for (name, _, _) in entries {
        let entry = measure.size(name).x + SWATCH + ENTRY_GAPS;
        if used + entry > width && used > 0.0 {
            rows += 1;
            used = 0.0;
        }
        used += entry;
    }
    rows
}

/// Draws the legend row(s).
pub(super) fn legend_ui(ui: &mut Ui, chart: &Chart) {
    let entries = chart.legend_entries();
    if entries.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let heading = heading(chart);
        if !heading.is_empty() {
            ui.label(heading);
        }
        let measure = Measure::new(ui, egui::TextStyle::Body);
        for (name, rgb, swatch) in entries {
            // An entry never splits across rows: it starts a new row when it does not fit.
            let width = measure.size(name).x + SWATCH + ENTRY_GAPS;
            if width > ui.available_size_before_wrap().x {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(SWATCH, 12.0), egui::Sense::hover());
            let fill = colour(ui, rgb);
            let painter = ui.painter();
            match swatch {
                Swatch::Line => {
                    painter.line_segment([rect.left_center(), rect.right_center()], Stroke::new(3.0, fill));
                }
                Swatch::Area | Swatch::Box => {
                    painter.rect_filled(rect.shrink2(egui::vec2(2.0, 0.0)), 1.0, fill);
                }
                Swatch::Point => {
                    painter.circle_filled(rect.center(), 5.0, fill);
                }
            }
            ui.add(egui::Label::new(name).extend());
            ui.add_space(8.0);
        }
    });
}
