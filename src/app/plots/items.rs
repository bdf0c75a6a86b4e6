//! The plot items of each body kind: lines, stacked areas, fan bands around the median,
//! bridge steps with their figures lifted clear of each other and of the bars, bars, and
//! heatmap cells with each cell's figure written in it where it fits. No item takes a
//! hover of its own: the chart's tooltip ([`crate::charts::hover`]) answers for all of
//! them and [`mark_hovered`] marks the data point it is about.

use egui::{Align2, Color32, Pos2, RichText, Stroke};
use egui_plot::{Bar, BarChart, FilledArea, HLine, Line, PlotPoint, PlotPoints, PlotUi, Points, Text};

use super::{Measure, themed};
use crate::charts::labels::{self, LabelBox, PixelRect};
use crate::charts::model::stacked_tops;
use crate::charts::{Body, BridgeStep, Chart, Heatmap, Orientation, hover};

fn points(values: impl Iterator<Item = (f64, f64)>) -> PlotPoints<'static> {
    PlotPoints::new(values.map(|(x, y)| [x, y]).collect())
}

/// A bar chart that leaves its hover to the chart's tooltip (egui_plot's own bar text is
/// drawn without a background, over the figures).
fn labelled_bars(name: &str, bars: Vec<Bar>) -> BarChart {
    BarChart::new(name, bars).allow_hover(false)
}

/// Half the width of a bridge bar, in category slots.
const BRIDGE_HALF_WIDTH: f64 = 0.35;

/// Adds every item of `chart` to the plot (`dark`: the theme is dark; `small` measures
/// the labels drawn in the plot).
pub(super) fn add(plot_ui: &mut PlotUi<'_>, chart: &Chart, dark: bool, small: &Measure) {
    let colour = |rgb| themed(dark, rgb);
    match &chart.body {
        Body::Lines(series) => {
            let below_zero = series.iter().flat_map(|s| &s.points).any(|p| p.1 < 0.0);
            if below_zero {
                plot_ui.hline(HLine::new("", 0.0).color(Color32::GRAY).allow_hover(false));
            }
            for s in series {
                plot_ui.line(
                    Line::new(s.name.clone(), points(s.points.iter().copied()))
                        .color(colour(s.colour))
                        .width(if s.emphasis { 2.5 } else { 2.0 })
                        .allow_hover(false),
                );
            }
        }
        Body::StackedAreas(series) => {
            for (s, tops) in series.iter().zip(stacked_tops(series)) {
                let xs: Vec<f64> = tops.iter().map(|p| p.0).collect();
                let upper: Vec<f64> = tops.iter().map(|p| p.1).collect();
                let lower: Vec<f64> = upper.iter().zip(&s.points).map(|(t, (_, y))| t - y).collect();
                let fill = colour(s.colour);
                plot_ui.add(
                    FilledArea::new(s.name.clone(), &xs, &lower, &upper)
                        .fill_color(fill.gamma_multiply(0.85))
                        .allow_hover(false),
                );
                plot_ui.line(
                    Line::new(s.name.clone(), points(tops.into_iter()))
                        .color(fill)
                        .width(1.0)
                        .allow_hover(false),
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
                        .fill_color(colour(band.colour).gamma_multiply(0.7 * opacity(band.opacity)))
                        .allow_hover(false),
                );
            }
            for line in &fan.lines {
                plot_ui.line(
                    Line::new(line.name.clone(), points(line.points.iter().copied()))
                        .color(colour(line.colour))
                        .width(if line.emphasis { 2.5 } else { 2.0 })
                        .allow_hover(false),
                );
            }
        }
        Body::Bridge(steps) => bridge(plot_ui, chart, steps, dark, small),
        Body::Bars(bars) => {
            let items = bars
                .iter()
                .map(|b| {
                    let bar = Bar::new(b.position, b.to - b.from)
                        .base_offset(b.from)
                        .width(b.width)
                        .fill(colour(b.colour))
                        .stroke(Stroke::new(1.0, colour(b.colour)))
                        .name(b.label.clone());
                    match b.orientation {
                        Orientation::Vertical => bar,
                        Orientation::Horizontal => bar.horizontal(),
                    }
                })
                .collect();
            plot_ui.bar_chart(labelled_bars(&chart.title, items));
        }
        Body::Heatmap(h) => heatmap(plot_ui, chart, h, small),
    }
    for m in &chart.markers {
        plot_ui.points(
            Points::new(m.label.clone(), vec![[m.x, m.y]])
                .radius(5.0)
                .color(colour(m.colour)),
        );
    }
}

/// Marks the data point the hover text is about (the nearest point of the nearest line,
/// the top of the band under the cursor, the median at that date).
pub(super) fn mark_hovered(plot_ui: &mut PlotUi<'_>, chart: &Chart, ink: Color32) {
    if !plot_ui.response().hovered() {
        return;
    }
    let Some(cursor) = plot_ui.pointer_coordinate() else {
        return;
    };
    if let Some((x, y)) = hover::at(chart, cursor.x, cursor.y).and_then(|h| h.point) {
        plot_ui.points(
            Points::new("", vec![[x, y]])
                .radius(4.5)
                .color(ink)
                .allow_hover(false),
        );
    }
}

/// Bridge steps as floating bars, each figure above its bar, lifted a row at a time
/// until it touches no other figure and no bar.
fn bridge(plot_ui: &mut PlotUi<'_>, chart: &Chart, steps: &[BridgeStep], dark: bool, small: &Measure) {
    let scale = &chart.y_axis.scale;
    let slot = |i: usize| -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "bar positions are small integers")]
        let x = i as f64;
        x
    };
    let bars = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let (low, high) = step.span();
            Bar::new(slot(i), high - low)
                .base_offset(low)
                .width(BRIDGE_HALF_WIDTH * 2.0)
                .fill(themed(dark, step.colour()))
                .stroke(Stroke::NONE)
                .name(format!("{}: {}", step.label, step.value_text(scale)))
        })
        .collect();
    plot_ui.bar_chart(labelled_bars("Bridge", bars));
    let transform = *plot_ui.transform();
    let screen = |x: f64, y: f64| transform.position_from_point(&PlotPoint::new(x, y));
    let obstacles: Vec<PixelRect> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let (low, high) = step.span();
            let (a, b) = (
                screen(slot(i) - BRIDGE_HALF_WIDTH, high),
                screen(slot(i) + BRIDGE_HALF_WIDTH, low),
            );
            PixelRect {
                x: (f64::from(a.x), f64::from(b.x)),
                y: (f64::from(a.y), f64::from(b.y)),
            }
        })
        .collect();
    let texts: Vec<String> = steps.iter().map(|s| s.value_text(scale)).collect();
    let boxes: Vec<LabelBox> = steps
        .iter()
        .zip(&texts)
        .enumerate()
        .map(|(i, (step, text))| {
            let top = screen(slot(i), step.span().1);
            let size = small.size(text);
            LabelBox {
                centre_x: f64::from(top.x),
                base_y: f64::from(top.y) - 1.0,
                width: f64::from(size.x),
                height: f64::from(size.y) + 1.0,
            }
        })
        .collect();
    let rows = labels::stack(&boxes, &obstacles);
    for ((text, label), row) in texts.into_iter().zip(&boxes).zip(rows) {
        let rect = label.rect(row);
        #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
        let anchor = Pos2::new(label.centre_x as f32, rect.y.1 as f32);
        let at = transform.value_from_position(anchor);
        plot_ui.text(
            Text::new("", at, text)
                .anchor(Align2::CENTER_BOTTOM)
                .allow_hover(false),
        );
    }
}

/// Heatmap cells (theme-independent colours: the scale is the figure), each cell's figure
/// written in it where it fits, and the base case's mark.
fn heatmap(plot_ui: &mut PlotUi<'_>, chart: &Chart, h: &Heatmap, small: &Measure) {
    let cells = h
        .cells
        .iter()
        .map(|c| {
            Bar::new((c.x.0 + c.x.1) / 2.0, c.y.1 - c.y.0)
                .base_offset(c.y.0)
                .width(c.x.1 - c.x.0)
                .fill(themed(false, c.colour))
                .stroke(Stroke::NONE)
                .name(c.label.clone())
        })
        .collect();
    plot_ui.bar_chart(labelled_bars("Cells", cells));
    let transform = *plot_ui.transform();
    for c in &h.cells {
        let rect = transform.rect_from_values(&PlotPoint::new(c.x.0, c.y.0), &PlotPoint::new(c.x.1, c.y.1));
        let size = small.size(&c.value);
        if rect.width() < size.x + 6.0 || rect.height() < size.y + 2.0 {
            continue;
        }
        let ink = if c.colour.luminance() < 0.3 {
            Color32::WHITE
        } else {
            Color32::from_gray(25)
        };
        let centre = PlotPoint::new((c.x.0 + c.x.1) / 2.0, (c.y.0 + c.y.1) / 2.0);
        plot_ui.text(
            Text::new("", centre, RichText::new(&c.value).color(ink))
                .color(ink)
                .allow_hover(false),
        );
    }
    // The base case's cell is outlined, so its figure stays readable.
    let base = chart.legend.first().map_or("Base case", |e| e.name.as_str());
    let ((x, y), (dx, dy)) = (h.base_point, h.half_cell);
    let outline = vec![
        [x - dx, y - dy],
        [x + dx, y - dy],
        [x + dx, y + dy],
        [x - dx, y + dy],
        [x - dx, y - dy],
    ];
    plot_ui.line(
        Line::new(base, PlotPoints::new(outline))
            .color(Color32::BLACK)
            .width(2.0)
            .allow_hover(false),
    );
}

/// A band's opacity as egui takes it (0–1).
#[expect(clippy::cast_possible_truncation, reason = "a share between 0 and 1")]
fn opacity(share: f64) -> f32 {
    share.clamp(0.0, 1.0) as f32
}
