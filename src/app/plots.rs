//! The one egui_plot renderer: draws any [`Chart`] (lines, stacked areas, fan bands,
//! bridge steps, bars, heatmap cells) with its title, subtitle, axes, legend and note.
//!
//! Axes get five to eight round ticks ([`crate::charts::ticks`]); category names are
//! wrapped or abbreviated to their slot; the legend sits under the plot, never over the
//! data. Hovering anywhere shows what is under the cursor in the chart's units
//! ([`crate::charts::hover`]: the nearest data point's series, quarter and figure, the
//! stacked band, the bar or the cell) and marks that data point, never the raw cursor
//! position. Colours are lifted on a dark background ([`Rgb::for_dark_theme`]).

mod axes;
mod items;
mod legend;

use egui::{Color32, RichText, TextStyle, Ui};
use egui_plot::{HoverPosition, Plot};

use axes::Side;

use crate::charts::style::Rgb;
use crate::charts::{Chart, ChartUnavailable, Scale, hover};

/// A chart colour on the current theme (dark colours lifted on a dark background).
pub fn colour(ui: &Ui, rgb: Rgb) -> Color32 {
    themed(ui.visuals().dark_mode, rgb)
}

/// A chart colour for a dark (`dark`) or light background.
fn themed(dark: bool, rgb: Rgb) -> Color32 {
    let rgb = if dark { rgb.for_dark_theme() } else { rgb };
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Measures text as the plot draws it, in points.
struct Measure {
    ctx: egui::Context,
    font: egui::FontId,
}

impl Measure {
    fn new(ui: &Ui, style: TextStyle) -> Measure {
        Measure {
            ctx: ui.ctx().clone(),
            font: style.resolve(ui.style()),
        }
    }

    fn size(&self, text: &str) -> egui::Vec2 {
        self.ctx.fonts_mut(|f| {
            f.layout_no_wrap(text.to_string(), self.font.clone(), Color32::WHITE)
                .size()
        })
    }

    fn width(&self, text: &str) -> f64 {
        f64::from(self.size(text).x)
    }
}

/// Draws `chart` with its title, filling the space left.
pub fn draw(ui: &mut Ui, chart: &Chart) {
    chart_ui(ui, chart, None);
}

/// Draws `chart` with its title and subtitle, `height` points tall (or filling the space).
pub fn chart_ui(ui: &mut Ui, chart: &Chart, height: Option<f32>) {
    ui.add(egui::Label::new(RichText::new(&chart.title).heading()).wrap());
    ui.add(egui::Label::new(RichText::new(&chart.subtitle).weak()).wrap());
    let row = ui.text_style_height(&TextStyle::Body) + ui.spacing().item_spacing.y;
    let legend_rows = legend::rows(ui, chart);
    let note_rows = usize::from(chart.note.is_some());
    #[expect(clippy::cast_precision_loss, reason = "a few rows")]
    let footer = (legend_rows + note_rows) as f32 * (row + 2.0);
    let height = height.unwrap_or_else(|| (ui.available_height() - footer).max(160.0));
    plot_ui(ui, chart, height);
    legend::legend_ui(ui, chart);
    if let Some(note) = &chart.note {
        ui.add(egui::Label::new(note).wrap());
    }
}

/// Why a chart is not drawn, in a sentence.
pub fn unavailable_ui(ui: &mut Ui, reason: &ChartUnavailable) {
    ui.add(egui::Label::new(RichText::new(reason.to_string()).italics()).wrap());
}

fn plot_ui(ui: &mut Ui, chart: &Chart, height: f32) {
    let axis_font = Measure::new(ui, TextStyle::Body);
    let width = ui.available_width();
    let mut plot = Plot::new(("chart", chart.id.name()))
        .height(height)
        .custom_x_axes(vec![axes::hints(&chart.x_axis, Side::X, width, &axis_font)])
        .custom_y_axes(vec![axes::hints(&chart.y_axis, Side::Y, width, &axis_font)])
        .x_grid_spacer(axes::spacer(chart.x_axis.scale.clone(), Side::X))
        .y_grid_spacer(axes::spacer(chart.y_axis.scale.clone(), Side::Y))
        .label_formatter(|hovered| hover_text(chart, hovered))
        .allow_scroll(false);
    if matches!(chart.y_axis.scale, Scale::Money(_) | Scale::Count) {
        plot = plot.include_y(0.0);
    }
    if chart.x_axis.scale.is_categories() || chart.y_axis.scale.is_categories() {
        // Category charts read best whole: no panning the names away.
        plot = plot.allow_drag(false).allow_zoom(false).allow_boxed_zoom(false);
    }
    let dark = ui.visuals().dark_mode;
    let ink = ui.visuals().strong_text_color();
    let label_font = Measure::new(ui, TextStyle::Small);
    plot.show(ui, |plot_ui| {
        items::add(plot_ui, chart, dark, &label_font);
        items::mark_hovered(plot_ui, chart, ink);
    });
}

/// The tooltip: a marker's own label, else what the chart has under the cursor.
fn hover_text(chart: &Chart, hovered: &HoverPosition<'_>) -> Option<String> {
    let position = match hovered {
        HoverPosition::NearDataPoint { plot_name, .. }
            if chart.markers.iter().any(|m| m.label == *plot_name) =>
        {
            return Some((*plot_name).to_string());
        }
        HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position } => position,
    };
    hover::at(chart, position.x, position.y).map(|h| h.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_navy_is_lifted_on_a_dark_background_and_kept_on_white() {
        let navy = crate::charts::style::TOTAL;
        assert_eq!(themed(false, navy), Color32::from_rgb(navy.0, navy.1, navy.2));
        let lifted = themed(true, navy);
        assert!(
            u16::from(lifted.r()) + u16::from(lifted.g()) + u16::from(lifted.b())
                > u16::from(navy.0) + u16::from(navy.1) + u16::from(navy.2) + 150,
            "{lifted:?}"
        );
    }

    #[test]
    fn a_chart_body_hovered_between_bars_says_nothing_made_up() {
        let chart = Chart {
            id: crate::charts::ChartId::ValueBridge,
            title: String::new(),
            subtitle: String::new(),
            x_axis: crate::charts::frame::quarter_axis(),
            y_axis: crate::charts::frame::quarter_axis(),
            legend: Vec::new(),
            body: crate::charts::Body::Bars(Vec::new()),
            markers: Vec::new(),
            note: None,
        };
        let elsewhere = HoverPosition::Elsewhere {
            position: egui_plot::PlotPoint::new(2030.0, 2031.0),
        };
        assert_eq!(hover_text(&chart, &elsewhere), None);
    }
}
