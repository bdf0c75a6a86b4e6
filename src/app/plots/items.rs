//! The plot items of each body kind: lines, stacked areas (with a hover line on their
//! top edge), fan bands around the median, bridge steps, bars and heatmap cells (bars
//! with their own fill, so hovering a cell shows its label).

use egui::{Align2, Color32, Stroke};
use egui_plot::{Bar, BarChart, FilledArea, HLine, Line, PlotPoint, PlotPoints, PlotUi, Points, Text};

use crate::charts::model::stacked_tops;
use crate::charts::style::Rgb;
use crate::charts::{Body, Chart, Orientation};

fn colour(dark: bool, rgb: Rgb) -> Color32 {
    let rgb = if dark { rgb.for_dark_theme() } else { rgb };
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

fn points(values: impl Iterator<Item = (f64, f64)>) -> PlotPoints<'static> {
    PlotPoints::new(values.map(|(x, y)| [x, y]).collect())
}

/// A bar chart whose hover shows each bar's own name.
fn labelled_bars(name: &str, bars: Vec<Bar>) -> BarChart {
    BarChart::new(name, bars).element_formatter(Box::new(|bar, _| bar.name.clone()))
}

/// Adds every item of `chart` to the plot (`dark`: the theme is dark).
pub(super) fn add(plot_ui: &mut PlotUi<'_>, chart: &Chart, dark: bool) {
    match &chart.body {
        Body::Lines(series) => {
            let below_zero = series.iter().flat_map(|s| &s.points).any(|p| p.1 < 0.0);
            if below_zero {
                plot_ui.hline(HLine::new("", 0.0).color(Color32::GRAY));
            }
            for s in series {
                plot_ui.line(
                    Line::new(s.name.clone(), points(s.points.iter().copied()))
                        .color(colour(dark, s.colour))
                        .width(if s.emphasis { 2.5 } else { 2.0 }),
                );
            }
        }
        Body::StackedAreas(series) => {
            for (s, tops) in series.iter().zip(stacked_tops(series)) {
                let xs: Vec<f64> = tops.iter().map(|p| p.0).collect();
                let upper: Vec<f64> = tops.iter().map(|p| p.1).collect();
                let lower: Vec<f64> = upper.iter().zip(&s.points).map(|(t, (_, y))| t - y).collect();
                let fill = colour(dark, s.colour);
                plot_ui.add(
                    FilledArea::new(s.name.clone(), &xs, &lower, &upper)
                        .fill_color(fill.gamma_multiply(0.85)),
                );
                // The top edge carries the hover (a filled area has no points to hover).
                plot_ui.line(
                    Line::new(s.name.clone(), points(tops.into_iter()))
                        .color(fill)
                        .width(1.0),
                );
            }
        }
        Body::Fan(fan) => {
            for band in &fan.bands {
                let xs: Vec<f64> = band.points.iter().map(|p| p.0).collect();
                let lower: Vec<f64> = band.points.iter().map(|p| p.1).collect();
                let upper: Vec<f64> = band.points.iter().map(|p| p.2).collect();
                plot_ui.add(
                    FilledArea::new(band.name.clone(), &xs, &lower, &upper)
                        .fill_color(colour(dark, band.colour).gamma_multiply(0.7))
                        .allow_hover(false),
                );
            }
            plot_ui.line(
                Line::new(fan.median.name.clone(), points(fan.median.points.iter().copied()))
                    .color(colour(dark, fan.median.colour))
                    .width(2.5),
            );
        }
        Body::Bridge(steps) => {
            let bars = steps
                .iter()
                .enumerate()
                .map(|(i, step)| {
                    #[expect(clippy::cast_precision_loss, reason = "bar positions are small integers")]
                    let x = i as f64;
                    let (low, high) = step.span();
                    Bar::new(x, high - low)
                        .base_offset(low)
                        .width(0.7)
                        .fill(colour(dark, step.colour()))
                        .stroke(Stroke::NONE)
                        .name(format!(
                            "{}: {}",
                            step.label,
                            step.value_text(&chart.y_axis.scale)
                        ))
                })
                .collect();
            plot_ui.bar_chart(labelled_bars("Bridge", bars));
            for (i, step) in steps.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "bar positions are small integers")]
                let x = i as f64;
                let text = step.value_text(&chart.y_axis.scale);
                plot_ui.text(
                    Text::new("", PlotPoint::new(x, step.span().1), text).anchor(Align2::CENTER_BOTTOM),
                );
            }
        }
        Body::Bars(bars) => {
            let items = bars
                .iter()
                .map(|b| {
                    let bar = Bar::new(b.position, b.to - b.from)
                        .base_offset(b.from)
                        .width(b.width)
                        .fill(colour(dark, b.colour))
                        .stroke(Stroke::new(1.0, colour(dark, b.colour)))
                        .name(b.label.clone());
                    match b.orientation {
                        Orientation::Vertical => bar,
                        Orientation::Horizontal => bar.horizontal(),
                    }
                })
                .collect();
            plot_ui.bar_chart(labelled_bars(&chart.title, items));
        }
        Body::Heatmap(h) => {
            // Cells keep their colours whatever the theme: the scale is the figure.
            let cells = h
                .cells
                .iter()
                .map(|c| {
                    Bar::new((c.x.0 + c.x.1) / 2.0, c.y.1 - c.y.0)
                        .base_offset(c.y.0)
                        .width(c.x.1 - c.x.0)
                        .fill(colour(false, c.colour))
                        .stroke(Stroke::NONE)
                        .name(c.label.clone())
                })
                .collect();
            plot_ui.bar_chart(labelled_bars("Cells", cells));
            let base = chart.legend.first().map_or("Base case", |e| e.name.as_str());
            plot_ui.points(
                Points::new(base, vec![[h.base_point.0, h.base_point.1]])
                    .shape(egui_plot::MarkerShape::Square)
                    .radius(5.0)
                    .color(Color32::BLACK),
            );
        }
    }
    for m in &chart.markers {
        plot_ui.points(
            Points::new(m.label.clone(), vec![[m.x, m.y]])
                .radius(5.0)
                .color(colour(dark, m.colour)),
        );
        plot_ui
            .text(Text::new("", PlotPoint::new(m.x, m.y), format!("  {}", m.label)).anchor(Align2::LEFT_TOP));
    }
}
