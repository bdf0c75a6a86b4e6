//! The memo legend, outside the data: a strip of entries (swatch and name) between the
//! titles and the plot, wrapping onto more rows when the names need them; the plot
//! gets what is left below it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::rgb;
use super::{ChartError, FONT, Scale as Px, draw_err};
use crate::charts::{Chart, Swatch};

/// A rectangle in pixels: `x0..x1` across, `y0..y1` down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PixelBox {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl PixelBox {
    /// Whether the two share any area.
    #[cfg(test)]
    pub fn overlaps(&self, other: &PixelBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Where the legend's entries go and what is left for the plot.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    /// The legend strip (empty height when there is no legend).
    pub strip: PixelBox,
    /// Each entry's top-left corner, in order.
    pub entries: Vec<(i32, i32)>,
    /// The plot with its axes, under the strip.
    pub plot: PixelBox,
}

/// Lays out entries `widths` wide (pixels, swatch and gap included) in rows of
/// `row_height` across `body`, and gives the plot the rest of `body`, `gap` below.
pub(super) fn layout(body: PixelBox, widths: &[i32], row_height: i32, gap: i32) -> Layout {
    let mut entries = Vec::new();
    let (mut x, mut y) = (body.x0, body.y0);
    for width in widths {
        if x > body.x0 && x + width > body.x1 {
            x = body.x0;
            y += row_height;
        }
        entries.push((x, y));
        x += width;
    }
    let strip_bottom = if widths.is_empty() {
        body.y0
    } else {
        y + row_height
    };
    let strip = PixelBox {
        y1: strip_bottom,
        ..body
    };
    let plot = PixelBox {
        y0: (strip_bottom + gap).min(body.y1),
        ..body
    };
    Layout { strip, entries, plot }
}

/// Swatch width and the gaps of an entry, for a 1200-pixel chart.
const SWATCH: f64 = 24.0;
const SWATCH_GAP: f64 = 8.0;
const ENTRY_GAP: f64 = 28.0;

/// Draws the legend of `chart` across `body` (pixels of `root`) and returns the box
/// left for the plot.
pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    body: PixelBox,
    k: Px,
) -> Result<PixelBox, ChartError>
where
    DB::ErrorType: 'static,
{
    let entries = chart.legend_entries();
    let font = (FONT, k.px(16.0)).into_font().color(&BLACK);
    let mut widths = Vec::new();
    for (name, _, _) in &entries {
        let (text, _) = root.estimate_text_size(name, &font).map_err(draw_err)?;
        let text = i32::try_from(text).unwrap_or(i32::MAX / 4);
        widths.push(text + k.offset(SWATCH + SWATCH_GAP + ENTRY_GAP));
    }
    let row = k.offset(26.0);
    let placed = layout(body, &widths, row, k.offset(14.0));
    let (swatch, half) = (k.offset(SWATCH), k.offset(6.0));
    for ((name, colour, kind), (x, y)) in entries.iter().zip(&placed.entries) {
        let (colour, mid) = (rgb(*colour), y + row / 2);
        match kind {
            Swatch::Line => root.draw(&PathElement::new(
                vec![(*x, mid), (x + swatch, mid)],
                colour.stroke_width(k.px(3.5)),
            )),
            Swatch::Area | Swatch::Box => root.draw(&Rectangle::new(
                [(*x, mid - half), (x + swatch, mid + half)],
                colour.filled(),
            )),
            Swatch::Point => root.draw(&Circle::new((x + swatch / 2, mid), k.px(7.0), colour.filled())),
        }
        .map_err(draw_err)?;
        let style = font.clone().pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Left,
            plotters::style::text_anchor::VPos::Center,
        ));
        root.draw(&Text::new(*name, (x + swatch + k.offset(SWATCH_GAP), mid), style))
            .map_err(draw_err)?;
    }
    Ok(placed.plot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_strip_never_reaches_into_the_plot() {
        let body = PixelBox {
            x0: 20,
            y0: 120,
            x1: 1170,
            y1: 700,
        };
        // Five scenario names, 300 px each: three fit a 1150 px row, two go on the next.
        let widths = [300; 5];
        let placed = layout(body, &widths, 26, 14);
        assert_eq!(
            placed.entries,
            vec![(20, 120), (320, 120), (620, 120), (20, 146), (320, 146)]
        );
        assert_eq!(placed.strip.y1, 172);
        assert!(!placed.strip.overlaps(&placed.plot), "{placed:?}");
        assert_eq!(placed.plot.y0, 186);
        for ((x, y), w) in placed.entries.iter().zip(widths) {
            let entry = PixelBox {
                x0: *x,
                y0: *y,
                x1: x + w,
                y1: y + 26,
            };
            assert!(!entry.overlaps(&placed.plot), "{entry:?}");
            assert!(entry.x1 <= body.x1 && entry.y0 >= body.y0, "{entry:?}");
        }
    }

    #[test]
    fn no_legend_leaves_the_whole_body_to_the_plot_less_the_gap() {
        let body = PixelBox {
            x0: 0,
            y0: 100,
            x1: 500,
            y1: 400,
        };
        let placed = layout(body, &[], 26, 14);
        assert!(placed.entries.is_empty());
        assert_eq!(placed.plot.y0, 114);
    }
}
