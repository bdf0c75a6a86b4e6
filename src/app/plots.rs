//! The one egui_plot renderer: draws any [`Chart`] (lines, stacked areas, fan bands,
//! bridge steps, bars, heatmap cells) with its title, subtitle, axes, legend and note.
//! Hovering shows the data point under the cursor in the chart's units (the series, the
//! date and its figure; a bar's or a cell's own label), never the raw cursor position.

mod items;

use egui::{Color32, RichText, Ui};
use egui_plot::{Corner, HoverPosition, Legend, Plot};

use crate::charts::style::Rgb;
use crate::charts::{Body, Chart, ChartUnavailable, Scale, Swatch};

/// A chart colour on the current theme (dark colours lifted on a dark background).
pub fn colour(ui: &Ui, rgb: Rgb) -> Color32 {
    let rgb = if ui.visuals().dark_mode {
        rgb.for_dark_theme()
    } else {
        rgb
    };
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Draws `chart` with its title, filling the space left.
pub fn draw(ui: &mut Ui, chart: &Chart) {
    chart_ui(ui, chart, None);
}

/// Draws `chart` with its title and subtitle, `height` points tall (or filling the space).
pub fn chart_ui(ui: &mut Ui, chart: &Chart, height: Option<f32>) {
    ui.label(RichText::new(&chart.title).heading());
    ui.label(RichText::new(&chart.subtitle).weak());
    let keyed = matches!(chart.body, Body::Bars(_) | Body::Heatmap(_) | Body::Bridge(_));
    let footer = if keyed || chart.note.is_some() { 48.0 } else { 0.0 };
    let height = height.unwrap_or_else(|| (ui.available_height() - footer).max(160.0));
    plot_ui(ui, chart, height);
    if keyed {
        key_ui(ui, chart);
    }
    if let Some(note) = &chart.note {
        ui.label(note);
    }
}

/// The legend of a chart whose items are cells or bars, as painted swatches.
fn key_ui(ui: &mut Ui, chart: &Chart) {
    ui.horizontal_wrapped(|ui| {
        ui.label(if matches!(chart.body, Body::Heatmap(_)) {
            "Colour scale:"
        } else {
            "Key:"
        });
        for entry in &chart.legend {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            let fill = colour(ui, entry.colour);
            if entry.swatch == Swatch::Point {
                ui.painter().circle_filled(rect.center(), 5.0, fill);
            } else {
                ui.painter().rect_filled(rect, 0.0, fill);
            }
            ui.label(&entry.name);
        }
    });
}

/// Why a chart is not drawn, in a sentence.
pub fn unavailable_ui(ui: &mut Ui, reason: &ChartUnavailable) {
    ui.label(RichText::new(reason.to_string()).italics());
}

fn plot_ui(ui: &mut Ui, chart: &Chart, height: f32) {
    let x_scale = chart.x_axis.scale.clone();
    let y_scale = chart.y_axis.scale.clone();
    let mut plot = Plot::new(("chart", chart.id.name()))
        .height(height)
        .x_axis_label(chart.x_axis.title.as_str())
        .y_axis_label(chart.y_axis.title.as_str())
        .x_axis_formatter(move |mark, _| x_scale.tick(mark.value, mark.step_size))
        .y_axis_formatter(move |mark, _| y_scale.tick(mark.value, mark.step_size))
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint { plot_name, index, .. } => hover_text(chart, plot_name, *index),
            HoverPosition::Elsewhere { .. } => None,
        })
        .allow_scroll(false);
    if matches!(chart.body, Body::Lines(_) | Body::StackedAreas(_) | Body::Fan(_)) {
        plot = plot.legend(Legend::default().position(Corner::LeftTop));
    }
    if matches!(chart.y_axis.scale, Scale::Money(_) | Scale::Count) {
        plot = plot.include_y(0.0);
    }
    if chart.x_axis.scale.is_categories() {
        plot = plot.x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]));
    }
    if chart.y_axis.scale.is_categories() {
        plot = plot.y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]));
    }
    let theme = ui.visuals().dark_mode;
    plot.show(ui, |plot_ui| items::add(plot_ui, chart, theme));
}

/// The hover text of point `index` of the item named `name`: the series, the date and
/// the figure, read from the chart (a stacked area's own value, not its stacked top).
fn hover_text(chart: &Chart, name: &str, index: usize) -> Option<String> {
    let (x, y) = (&chart.x_axis.scale, &chart.y_axis.scale);
    if let Some(marker) = chart.markers.iter().find(|m| m.label == name) {
        return Some(marker.label.clone());
    }
    match &chart.body {
        Body::Lines(series) | Body::StackedAreas(series) => {
            let s = series.iter().find(|s| s.name == name)?;
            let (px, py) = s.points.get(index)?;
            Some(format!("{name}\n{}: {}", x.value(*px), y.value(*py)))
        }
        Body::Fan(fan) if fan.median.name == name => {
            let (px, py) = fan.median.points.get(index)?;
            let mut text = format!("{}\n{name}: {}", x.value(*px), y.value(*py));
            for band in &fan.bands {
                if let Some((_, lo, hi)) = band.points.get(index) {
                    text.push_str(&format!("\n{}: {} to {}", band.name, y.value(*lo), y.value(*hi)));
                }
            }
            Some(text)
        }
        Body::Heatmap(_) => Some(name.to_string()),
        Body::Fan(_) | Body::Bridge(_) | Body::Bars(_) => None,
    }
}
