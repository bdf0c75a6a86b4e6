//! Memo-grade chart files (SVG and PNG) from the same [`Chart`] series the app plots,
//! drawn with plotters and a bundled font, so every machine renders the same image.
//!
//! Style, whatever the app's theme: white background, title, a subtitle with fund,
//! scenario and date, axis titles with units, a legend, a source footnote, and a palette
//! that runs dark to light so it stays readable in greyscale (lines also differ in width).

use std::sync::Once;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::charts::{Chart, ChartId};

/// Default sizes: SVG in CSS pixels, PNG at print resolution (8 in × 5 in at 300 dpi).
pub const SVG_SIZE: (u32, u32) = (1200, 750);
pub const PNG_SIZE: (u32, u32) = (2400, 1500);

const FONT: &str = "Ubuntu";

/// Dark to light, distinct in greyscale print.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0x1F, 0x3A, 0x5F),
    RGBColor(0xE0, 0x8E, 0x2B),
    RGBColor(0x4C, 0x9A, 0x8A),
    RGBColor(0x9B, 0x4D, 0x6E),
    RGBColor(0x8C, 0xB3, 0xD9),
    RGBColor(0x6B, 0x6B, 0x6B),
    RGBColor(0xC9, 0xB2, 0x6B),
];
const AI_GREEN: RGBColor = RGBColor(0x2E, 0x9E, 0x5B);
const LOSS_RED: RGBColor = RGBColor(0xC0, 0x50, 0x40);

/// The words around a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoText {
    /// "Foundry Industrial AI Fund I · Base case · 2026-11-24".
    pub subtitle: String,
    /// "Source: industrial_ai_100b.json, scenario Base; Millwright model of 2026-11-24."
    pub footnote: String,
    /// Model parameters for the SVG's `<desc>`.
    pub description: String,
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not encode the PNG: {0}")]
    Png(String),
    #[error("chart size {0}x{1} is too small or too large (100 to 10000 pixels a side)")]
    Size(u32, u32),
}

fn draw_err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bundled Ubuntu Light face (egui's default font, Ubuntu Font Licence).
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, epaint_default_fonts::UBUNTU_LIGHT);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, epaint_default_fonts::UBUNTU_LIGHT);
    });
}

fn check_size((w, h): (u32, u32)) -> Result<(), ChartError> {
    if (100..=10_000).contains(&w) && (100..=10_000).contains(&h) {
        Ok(())
    } else {
        Err(ChartError::Size(w, h))
    }
}

/// The chart as an SVG document (text kept as text; `<title>` and `<desc>` metadata).
pub fn svg(chart: &Chart, text: &MemoText, size: (u32, u32)) -> Result<String, ChartError> {
    check_size(size)?;
    register_font();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root, chart, text, size)?;
        root.present().map_err(draw_err)?;
    }
    Ok(with_metadata(&out, chart.id.title(), &text.description))
}

/// The chart as PNG bytes.
pub fn png(chart: &Chart, text: &MemoText, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    check_size(size)?;
    register_font();
    let (w, h) = size;
    let mut pixels = vec![255_u8; (w as usize) * (h as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, size).into_drawing_area();
        draw(&root, chart, text, size)?;
        root.present().map_err(draw_err)?;
    }
    let image =
        image::RgbImage::from_raw(w, h, pixels).ok_or_else(|| ChartError::Png("buffer size".into()))?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| ChartError::Png(e.to_string()))?;
    Ok(bytes.into_inner())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Inserts `<title>` and `<desc>` right after the opening `<svg …>` tag.
fn with_metadata(svg: &str, title: &str, description: &str) -> String {
    let meta = format!(
        "\n<title>{}</title>\n<desc>{}</desc>",
        escape(title),
        escape(description)
    );
    match svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
    {
        Some(at) => format!("{}{meta}{}", &svg[..at], &svg[at..]),
        None => svg.to_string(),
    }
}

fn scale(size: (u32, u32)) -> f64 {
    f64::from(size.0) / 1200.0
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "font and margin sizes are small and at least 1"
)]
fn px(value: f64, k: f64) -> u32 {
    (value * k).round().max(1.0) as u32
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    text: &MemoText,
    size: (u32, u32),
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let k = scale(size);
    root.fill(&WHITE).map_err(draw_err)?;
    let title_font = (FONT, px(30.0, k))
        .into_font()
        .style(FontStyle::Bold)
        .color(&BLACK);
    let sub_font = (FONT, px(18.0, k)).into_font().color(&RGBColor(0x55, 0x55, 0x55));
    let foot_font = (FONT, px(14.0, k)).into_font().color(&RGBColor(0x66, 0x66, 0x66));
    let margin = i32::try_from(px(24.0, k)).unwrap_or(24);
    root.draw(&Text::new(chart.id.title(), (margin, margin), title_font))
        .map_err(draw_err)?;
    root.draw(&Text::new(
        text.subtitle.as_str(),
        (margin, margin + i32::try_from(px(40.0, k)).unwrap_or(40)),
        sub_font,
    ))
    .map_err(draw_err)?;
    let height = i32::try_from(size.1).unwrap_or(750);
    root.draw(&Text::new(
        text.footnote.as_str(),
        (margin, height - i32::try_from(px(32.0, k)).unwrap_or(32)),
        foot_font,
    ))
    .map_err(draw_err)?;
    let body = root.margin(px(95.0, k), px(50.0, k), px(20.0, k), px(30.0, k));
    if chart.id == ChartId::ValueBridge {
        bridge(&body, chart, k)
    } else if matches!(
        chart.id,
        ChartId::Tornado | ChartId::Heatmap | ChartId::MonteCarloHistogram
    ) {
        rects(&body, chart, k)
    } else {
        lines(&body, chart, k)
    }
}

fn y_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((hi - lo) * 0.08).max(0.1);
    (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad)
}

/// `$40bn`, `-$20bn`, `$350m` (axis ticks; `decimals` for value labels).
fn money_label(y: f64, decimals: usize) -> String {
    let sign = if y < 0.0 && y.abs() >= 0.0005 { "-" } else { "" };
    let a = y.abs();
    if !(0.0005..1.0).contains(&a) {
        format!("{sign}${a:.decimals$}bn")
    } else {
        format!("{sign}${:.0}m", a * 1000.0)
    }
}

fn lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &Chart, k: f64) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let xs = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
    let (x_lo, x_hi) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (x_lo, x_hi) = if x_lo < x_hi {
        (x_lo.floor(), x_hi.ceil())
    } else {
        (2020.0, 2030.0)
    };
    let stacked_tops: Vec<Vec<(f64, f64)>> = if chart.stacked {
        let mut running: Vec<f64> = Vec::new();
        chart
            .series
            .iter()
            .map(|s| {
                running.resize(s.points.len(), 0.0);
                s.points
                    .iter()
                    .zip(running.iter_mut())
                    .map(|((x, y), r)| {
                        *r += y;
                        (*x, *r)
                    })
                    .collect()
            })
            .collect()
    } else {
        chart.series.iter().map(|s| s.points.clone()).collect()
    };
    let (y_lo, y_hi) = y_range(stacked_tops.iter().flat_map(|s| s.iter().map(|p| p.1)));
    let label_font = (FONT, px(16.0, k)).into_font();
    let axis_font = (FONT, px(17.0, k)).into_font();
    let mut ctx = ChartBuilder::on(area)
        .x_label_area_size(px(55.0, k))
        .y_label_area_size(px(85.0, k))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .map_err(draw_err)?;
    ctx.configure_mesh()
        .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .x_desc(chart.x_title)
        .y_desc(chart.y_title)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| money_label(*y, 0))
        .label_style(label_font)
        .axis_desc_style(axis_font)
        .draw()
        .map_err(draw_err)?;
    for (i, (series, tops)) in chart.series.iter().zip(&stacked_tops).enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let width = px(if i == 0 { 3.5 } else { 2.5 }, k);
        if chart.stacked {
            let bottoms: Vec<(f64, f64)> = tops
                .iter()
                .zip(&series.points)
                .map(|((x, t), (_, y))| (*x, t - y))
                .collect();
            let mut outline: Vec<(f64, f64)> = tops.clone();
            outline.extend(bottoms.iter().rev());
            ctx.draw_series(std::iter::once(Polygon::new(outline, colour.mix(0.9).filled())))
                .map_err(draw_err)?
                .label(series.name.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], colour.filled()));
        } else {
            let style = colour.stroke_width(width);
            ctx.draw_series(LineSeries::new(tops.iter().copied(), style))
                .map_err(draw_err)?
                .label(series.name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(width))
                });
        }
    }
    if let Some(m) = &chart.marker {
        let red = RGBColor(0xC0, 0x20, 0x20);
        ctx.draw_series(std::iter::once(Circle::new((m.x, m.y), px(7.0, k), red.filled())))
            .map_err(draw_err)?
            .label(m.label.as_str())
            .legend(move |(x, y)| Circle::new((x + 8, y), 6, red.filled()));
    }
    legend(&mut ctx, SeriesLabelPosition::UpperLeft, k)
}

/// The legend box, in memo style.
fn legend<'a, DB: DrawingBackend + 'a>(
    ctx: &mut ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    position: SeriesLabelPosition,
    k: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    ctx.configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(0xAA, 0xAA, 0xAA))
        .label_font((FONT, px(16.0, k)))
        .draw()
        .map_err(draw_err)
}

fn bridge<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &Chart, k: f64) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let n = chart.steps.len();
    let (y_lo, y_hi) = y_range(chart.steps.iter().flat_map(|s| [s.start, s.start + s.delta]));
    let labels: Vec<String> = chart.steps.iter().map(|s| s.label.clone()).collect();
    #[expect(clippy::cast_precision_loss, reason = "a handful of bars")]
    let x_hi = n as f64 - 0.5;
    let mut ctx = ChartBuilder::on(area)
        .x_label_area_size(px(55.0, k))
        .y_label_area_size(px(85.0, k))
        .build_cartesian_2d(-0.5..x_hi, y_lo..y_hi)
        .map_err(draw_err)?;
    ctx.configure_mesh()
        .disable_x_mesh()
        .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .x_labels(n)
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked non-negative"
            )]
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .y_desc(chart.y_title)
        .y_label_formatter(&|y| money_label(*y, 0))
        .label_style((FONT, px(15.0, k)))
        .axis_desc_style((FONT, px(17.0, k)))
        .draw()
        .map_err(draw_err)?;
    for (i, step) in chart.steps.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of bars")]
        let x = i as f64;
        let colour = if step.is_total {
            PALETTE[0]
        } else if step.label == "AI levers" {
            AI_GREEN
        } else if step.delta >= 0.0 {
            PALETTE[4]
        } else {
            LOSS_RED
        };
        let (lo, hi) = (
            step.start.min(step.start + step.delta),
            step.start.max(step.start + step.delta),
        );
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.35, lo), (x + 0.35, hi)],
            colour.filled(),
        )))
        .map_err(draw_err)?;
        let sign = if step.is_total || step.delta < 0.0 {
            ""
        } else {
            "+"
        };
        let value = format!("{sign}{}", money_label(step.delta, 1));
        let style =
            TextStyle::from((FONT, px(15.0, k)).into_font()).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Bottom,
            ));
        ctx.draw_series(std::iter::once(Text::new(
            value,
            (x, hi + (y_hi - y_lo) * 0.01),
            style,
        )))
        .map_err(draw_err)?;
    }
    Ok(())
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// Tornado, histogram and heatmap: filled rectangles on numeric or category axes.
fn rects<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &Chart, k: f64) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let span = |lo: f64, hi: f64, from_zero: bool| {
        let lo = if from_zero { lo.min(0.0) } else { lo };
        let pad = ((hi - lo) * 0.06).max(1e-6);
        (lo - if from_zero && lo >= 0.0 { 0.0 } else { pad }, hi + pad)
    };
    let (x_lo, x_hi) = chart
        .rects
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), r| (a.min(r.x.0), b.max(r.x.1)));
    let (y_lo, y_hi) = chart
        .rects
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), r| (a.min(r.y.0), b.max(r.y.1)));
    if x_lo > x_hi || y_lo > y_hi {
        return Ok(());
    }
    let (x_lo, x_hi) = span(x_lo, x_hi, false);
    let (y_lo, y_hi) = span(y_lo, y_hi, chart.y_unit == crate::charts::Unit::Count);
    let categories = chart.categories.clone();
    let left = if chart.y_unit == crate::charts::Unit::Category {
        330.0
    } else {
        85.0
    };
    let mut ctx = ChartBuilder::on(area)
        .x_label_area_size(px(55.0, k))
        .y_label_area_size(px(left, k))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .map_err(draw_err)?;
    let (x_unit, y_unit) = (chart.x_unit, chart.y_unit);
    let x_cats = categories.clone();
    let x_format = move |x: &f64| x_unit.label(*x, &x_cats);
    let y_format = move |y: &f64| y_unit.label(*y, &categories);
    let mut mesh = ctx.configure_mesh();
    mesh.light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .x_desc(chart.x_title)
        .y_desc(chart.y_title)
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style((FONT, px(15.0, k)))
        .axis_desc_style((FONT, px(17.0, k)));
    if chart.y_unit == crate::charts::Unit::Category {
        mesh.y_labels(chart.categories.len() * 2 + 1).disable_y_mesh();
    }
    mesh.draw().map_err(draw_err)?;
    for r in &chart.rects {
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(r.x.0, r.y.0), (r.x.1, r.y.1)],
            rgb(r.fill).filled(),
        )))
        .map_err(draw_err)?;
    }
    for (name, fill) in &chart.keys {
        let colour = rgb(*fill);
        ctx.draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
            .map_err(draw_err)?
            .label(name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], colour.filled()));
    }
    if chart.keys.is_empty() {
        Ok(())
    } else {
        legend(&mut ctx, SeriesLabelPosition::UpperRight, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_goes_inside_the_svg_element() {
        let out = with_metadata("<?xml?>\n<svg width=\"1\">\n<rect/></svg>", "T & U", "a<b");
        assert!(out.contains("<svg width=\"1\">\n<title>T &amp; U</title>\n<desc>a&lt;b</desc>"));
    }

    #[test]
    fn money_labels_put_the_sign_first() {
        assert_eq!(money_label(-20.0, 0), "-$20bn");
        assert_eq!(money_label(37.24, 1), "$37.2bn");
        assert_eq!(money_label(0.35, 0), "$350m");
        assert_eq!(money_label(-0.0, 0), "$0bn");
    }

    #[test]
    fn silly_sizes_are_refused() {
        assert!(check_size((50, 50)).is_err());
        assert!(check_size((2400, 1500)).is_ok());
    }
}
