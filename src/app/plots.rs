//! The charts, drawn with egui_plot from [`crate::charts`] series (the same data any
//! export uses). Tooltips and axes are in the model's units ($bn, dates).

use egui::{Color32, Ui};
use egui_plot::{
    Bar, BarChart, Corner, FilledArea, HLine, HoverPosition, Legend, Line, Plot, PlotPoint, PlotPoints,
    Points, Text,
};

use crate::charts::{Chart, ChartId};

/// A palette that stays distinct in greyscale print too (dark to light).
pub const PALETTE: [Color32; 7] = [
    Color32::from_rgb(0x1F, 0x3A, 0x5F),
    Color32::from_rgb(0xE0, 0x8E, 0x2B),
    Color32::from_rgb(0x4C, 0x9A, 0x8A),
    Color32::from_rgb(0x9B, 0x4D, 0x6E),
    Color32::from_rgb(0x8C, 0xB3, 0xD9),
    Color32::from_rgb(0x6B, 0x6B, 0x6B),
    Color32::from_rgb(0xC9, 0xB2, 0x6B),
];

fn year_label(x: f64) -> String {
    let year = x.floor();
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a fraction of a year, 0..1, times 4"
    )]
    let quarter = ((x - year) * 4.0).floor() as i64 + 1;
    format!("{year:.0} Q{}", quarter.clamp(1, 4))
}

fn money_bn(y: f64) -> String {
    let sign = if y < 0.0 && y.abs() >= 0.0005 { "-" } else { "" };
    let y = y.abs();
    if y >= 1.0 {
        format!("{sign}${y:.1}bn")
    } else {
        format!("{sign}${:.0}m", y * 1000.0)
    }
}

/// Draws `chart` to fill the space.
pub fn draw(ui: &mut Ui, chart: &Chart) {
    ui.heading(chart.id.title());
    if chart.id == ChartId::ValueBridge {
        bridge(ui, chart);
        return;
    }
    let plot = Plot::new(chart.id.name())
        .legend(Legend::default().position(Corner::LeftTop))
        .x_axis_label(chart.x_title)
        .y_axis_label(chart.y_title)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [0.25, 1.0, 2.0]))
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| money_bn(mark.value))
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint {
                plot_name, position, ..
            } => Some(format!(
                "{plot_name}\n{}\n{}",
                year_label(position.x),
                money_bn(position.y)
            )),
            HoverPosition::Elsewhere { position } => {
                Some(format!("{}\n{}", year_label(position.x), money_bn(position.y)))
            }
        })
        .allow_scroll(false)
        .include_y(0.0);
    let stacked = chart.stacked;
    let series = chart.series.clone();
    let marker = chart.marker.clone();
    plot.show(ui, move |plot_ui| {
        let mut below: Vec<f64> = Vec::new();
        for (i, s) in series.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            let points: Vec<[f64; 2]> = if stacked {
                if below.is_empty() {
                    below = vec![0.0; s.points.len()];
                }
                s.points
                    .iter()
                    .zip(below.iter_mut())
                    .map(|((x, y), b)| {
                        *b += y;
                        [*x, *b]
                    })
                    .collect()
            } else {
                s.points.iter().map(|(x, y)| [*x, *y]).collect()
            };
            if stacked {
                let xs: Vec<f64> = points.iter().map(|p| p[0]).collect();
                let tops: Vec<f64> = points.iter().map(|p| p[1]).collect();
                let bottoms: Vec<f64> = tops.iter().zip(&s.points).map(|(t, (_, y))| t - y).collect();
                plot_ui.add(
                    FilledArea::new(s.name.clone(), &xs, &bottoms, &tops)
                        .fill_color(colour.gamma_multiply(0.85))
                        .stroke(egui::Stroke::new(1.0, colour)),
                );
            } else {
                plot_ui.line(
                    Line::new(s.name.clone(), PlotPoints::new(points))
                        .color(colour)
                        .width(2.0),
                );
            }
        }
        if let Some(m) = &marker {
            plot_ui.hline(HLine::new("", 0.0).color(Color32::GRAY));
            plot_ui.points(
                Points::new("Trough", vec![[m.x, m.y]])
                    .radius(5.0)
                    .color(Color32::from_rgb(0xC0, 0x20, 0x20)),
            );
            plot_ui.text(
                Text::new("", PlotPoint::new(m.x, m.y), format!("  {}", m.label))
                    .anchor(egui::Align2::LEFT_TOP),
            );
        }
    });
}

fn bridge(ui: &mut Ui, chart: &Chart) {
    let bars: Vec<Bar> = chart
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let colour = if step.is_total {
                PALETTE[0]
            } else if step.label == "AI levers" {
                Color32::from_rgb(0x2E, 0x9E, 0x5B)
            } else if step.delta >= 0.0 {
                PALETTE[4]
            } else {
                Color32::from_rgb(0xC0, 0x50, 0x40)
            };
            #[expect(clippy::cast_precision_loss, reason = "bar positions are small integers")]
            let x = i as f64;
            let (base, height) = if step.delta >= 0.0 {
                (step.start, step.delta)
            } else {
                (step.start + step.delta, -step.delta)
            };
            Bar::new(x, height)
                .base_offset(base)
                .width(0.7)
                .fill(colour)
                .name(format!("{}: {}", step.label, money_bn(step.delta)))
        })
        .collect();
    // Each bar is labelled above its top: name and signed amount.
    let labels: Vec<(f64, f64, String)> = chart
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            #[expect(clippy::cast_precision_loss, reason = "bar positions are small integers")]
            let x = i as f64;
            let top = step.start.max(step.start + step.delta);
            let sign = if step.is_total || step.delta < 0.0 {
                ""
            } else {
                "+"
            };
            (x, top, format!("{}\n{sign}{}", step.label, money_bn(step.delta)))
        })
        .collect();
    Plot::new("value_bridge")
        .y_axis_label(chart.y_title)
        .x_axis_formatter(|_, _| String::new())
        .y_axis_formatter(|mark, _| money_bn(mark.value))
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(
                BarChart::new("Bridge", bars).element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            for (x, top, text) in labels {
                plot_ui.text(Text::new("", PlotPoint::new(x, top), text).anchor(egui::Align2::CENTER_BOTTOM));
            }
        });
}
