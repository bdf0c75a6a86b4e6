//! Memo-grade chart files (SVG and PNG) drawn with plotters from the very [`Chart`] the
//! app plots, with a bundled font, so every machine renders the same image.
//!
//! Style, whatever the app's theme: white background, the chart's title and subtitle
//! (fund, case, what it shows), the memo's dateline, axis titles with units, a legend,
//! a note and a source footnote; colours from [`crate::charts::style`].

mod body;
mod frame;
mod legend;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::charts::Chart;

/// Default sizes: SVG in CSS pixels, PNG at print resolution (8 in × 5 in at 300 dpi).
pub const SVG_SIZE: (u32, u32) = (1200, 750);
/// Default PNG size in pixels (8 in × 5 in at 300 dpi).
pub const PNG_SIZE: (u32, u32) = (2400, 1500);

const FONT: &str = super::fonts::MEMO_FONT_FAMILY;

/// The words the memo adds around a chart (the chart names its own fund, case and
/// drivers in its title and subtitle).
#[derive(Debug, Clone, PartialEq)]
pub struct MemoText {
    /// The dateline under the chart's subtitle ("Model computed 2026-11-24"); empty for
    /// none.
    pub subtitle: String,
    /// "Source: industrial_ai_100b.json, scenario Downside; Millwright model of 2026-11-24."
    pub footnote: String,
    /// Model parameters for the SVG's `<desc>`.
    pub description: String,
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// plotters failed while drawing (its message).
    #[error("could not draw the chart: {0}")]
    Draw(String),
    /// The drawn pixels could not be encoded as PNG.
    #[error("could not encode the PNG: {0}")]
    Png(String),
    /// Width and height asked for, outside 100 to 10,000 pixels.
    #[error("chart size {0}x{1} is too small or too large (100 to 10000 pixels a side)")]
    Size(u32, u32),
}

fn draw_err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Registers the memo typeface with plotters (once per process).
fn register_font() -> Result<(), ChartError> {
    super::fonts::register_memo_fonts().map_err(draw_err)
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
    register_font()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root, chart, text, size)?;
        root.present().map_err(draw_err)?;
    }
    Ok(with_metadata(&out, &chart.title, &text.description))
}

/// The chart as PNG bytes.
pub fn png(chart: &Chart, text: &MemoText, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    check_size(size)?;
    register_font()?;
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

/// Sizes are given for a 1200-pixel-wide chart and scaled to the actual width.
#[derive(Debug, Clone, Copy)]
struct Scale(f64);

impl Scale {
    fn of(size: (u32, u32)) -> Scale {
        Scale(f64::from(size.0) / 1200.0)
    }

    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "font and margin sizes are small and at least 1"
    )]
    fn px(self, value: f64) -> u32 {
        (value * self.0).round().max(1.0) as u32
    }

    fn offset(self, value: f64) -> i32 {
        i32::try_from(self.px(value)).unwrap_or(i32::MAX)
    }
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
    let k = Scale::of(size);
    root.fill(&WHITE).map_err(draw_err)?;
    let grey = |v: u8| RGBColor(v, v, v);
    let title_font = super::fonts::memo_font(k.px(30.0), FontStyle::Bold).color(&BLACK);
    let margin = k.offset(24.0);
    root.draw(&Text::new(chart.title.as_str(), (margin, margin), title_font))
        .map_err(draw_err)?;
    let mut lines = vec![(chart.subtitle.as_str(), 18.0, grey(0x44))];
    if !text.subtitle.is_empty() {
        lines.push((text.subtitle.as_str(), 15.0, grey(0x66)));
    }
    let mut top = 40.0;
    for (line, font_size, colour) in &lines {
        let font = (FONT, k.px(*font_size)).into_font().color(colour);
        root.draw(&Text::new(*line, (margin, margin + k.offset(top)), font))
            .map_err(draw_err)?;
        top += font_size + 8.0;
    }
    let height = i32::try_from(size.1).unwrap_or(750);
    let foot_font = (FONT, k.px(14.0)).into_font().color(&grey(0x66));
    root.draw(&Text::new(
        text.footnote.as_str(),
        (margin, height - k.offset(32.0)),
        foot_font.clone(),
    ))
    .map_err(draw_err)?;
    if let Some(note) = &chart.note {
        root.draw(&Text::new(
            note.as_str(),
            (margin, height - k.offset(54.0)),
            foot_font,
        ))
        .map_err(draw_err)?;
    }
    // Room under the plot for the note and the footnote, clear of the x axis's title.
    let bottom = if chart.note.is_some() { 74.0 } else { 50.0 };
    let width = i32::try_from(size.0).unwrap_or(1200);
    let body = legend::PixelBox {
        x0: k.offset(20.0),
        y0: margin + k.offset(top + 4.0),
        x1: width - k.offset(30.0),
        y1: height - k.offset(bottom),
    };
    let plot = legend::draw(root, chart, body, k)?;
    let dimension = |from: i32, to: i32| u32::try_from(to - from).unwrap_or(1).max(1);
    let area = root.clone().shrink(
        (plot.x0, plot.y0),
        (dimension(plot.x0, plot.x1), dimension(plot.y0, plot.y1)),
    );
    frame::plot(&area, chart, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::style::{Currency, Magnitude, MoneyUnit};

    #[test]
    fn metadata_goes_inside_the_svg_element() {
        let out = with_metadata("<?xml?>\n<svg width=\"1\">\n<rect/></svg>", "T & U", "a<b");
        assert!(out.contains("<svg width=\"1\">\n<title>T &amp; U</title>\n<desc>a&lt;b</desc>"));
    }

    #[test]
    fn money_labels_put_the_sign_first() {
        let unit = MoneyUnit {
            currency: Currency::new("USD"),
            magnitude: Magnitude::Billions,
        };
        assert_eq!(unit.value_label(-20.0, 0), "-$20bn");
        assert_eq!(unit.value_label(37.24, 1), "$37.2bn");
        assert_eq!(unit.value_label(0.35, 0), "$350m");
        assert_eq!(unit.value_label(-0.0, 0), "$0bn");
    }

    #[test]
    fn silly_sizes_are_refused() {
        assert!(check_size((50, 50)).is_err());
        assert!(check_size((2400, 1500)).is_ok());
    }
}
