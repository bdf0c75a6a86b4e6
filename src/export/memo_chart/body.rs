//! Each body kind drawn with plotters: lines, stacked areas, fan bands, bridge steps,
//! bars and heatmap cells, in the chart's own colours.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{Ctx, rgb};
use super::{ChartError, FONT, Scale as Px, draw_err};
use crate::charts::labels::{self, LabelBox, PixelRect};
use crate::charts::model::stacked_tops;
use crate::charts::{Body, BridgeStep, Chart, Heatmap};

/// Half the width of a bridge bar, in category slots.
const BRIDGE_HALF_WIDTH: f64 = 0.35;

/// The x of category `i`.
fn slot(i: usize) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "a handful of bars")]
    let x = i as f64;
    x
}

/// Draws `chart`'s body and markers.
pub(super) fn draw<'a, DB: DrawingBackend + 'a>(
    ctx: &mut Ctx<'a, DB>,
    chart: &Chart,
    k: Px,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let rect = |x: (f64, f64), y: (f64, f64), colour: RGBColor| {
        Rectangle::new([(x.0, y.0), (x.1, y.1)], colour.filled())
    };
    match &chart.body {
        Body::Lines(series) => {
            for s in series {
                let style = rgb(s.colour).stroke_width(k.px(if s.emphasis { 3.5 } else { 2.5 }));
                ctx.draw_series(LineSeries::new(s.points.iter().copied(), style))
                    .map_err(draw_err)?;
            }
        }
        Body::StackedAreas(series) => {
            for (s, tops) in series.iter().zip(stacked_tops(series)) {
                let mut outline = tops.clone();
                outline.extend(
                    tops.iter()
                        .zip(&s.points)
                        .map(|((x, top), (_, y))| (*x, top - y))
                        .rev(),
                );
                ctx.draw_series(std::iter::once(Polygon::new(
                    outline,
                    rgb(s.colour).mix(0.9).filled(),
                )))
                .map_err(draw_err)?;
            }
        }
        Body::Fan(fan) => {
            for band in &fan.bands {
                let mut outline: Vec<(f64, f64)> = band.points.iter().map(|(x, _, hi)| (*x, *hi)).collect();
                outline.extend(band.points.iter().rev().map(|(x, lo, _)| (*x, *lo)));
                let fill = rgb(band.colour).mix(band.opacity.clamp(0.0, 1.0)).filled();
                ctx.draw_series(std::iter::once(Polygon::new(outline, fill)))
                    .map_err(draw_err)?;
            }
            for line in &fan.lines {
                let width = if line.emphasis { 3.0 } else { 2.0 };
                let style = rgb(line.colour).stroke_width(k.px(width));
                ctx.draw_series(LineSeries::new(line.points.iter().copied(), style))
                    .map_err(draw_err)?;
            }
        }
        Body::Bridge(steps) => {
            for (i, step) in steps.iter().enumerate() {
                let (lo, hi) = step.span();
                ctx.draw_series(std::iter::once(rect(
                    (slot(i) - BRIDGE_HALF_WIDTH, slot(i) + BRIDGE_HALF_WIDTH),
                    (lo, hi),
                    rgb(step.colour()),
                )))
                .map_err(draw_err)?;
            }
            bridge_figures(ctx, chart, steps, k)?;
        }
        Body::Bars(bars) => {
            ctx.draw_series(bars.iter().map(|b| {
                let (x, y) = b.rect();
                rect(x, y, rgb(b.colour))
            }))
            .map_err(draw_err)?;
        }
        Body::Heatmap(h) => {
            ctx.draw_series(h.cells.iter().map(|c| rect(c.x, c.y, rgb(c.colour))))
                .map_err(draw_err)?;
            cell_figures(ctx, h, k)?;
            // The base case's cell is outlined, so its figure stays readable.
            let (bx, by) = h.base_point;
            let (dx, dy) = h.half_cell;
            let mark = rgb(crate::charts::style::BASE_MARK).stroke_width(k.px(3.0));
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(bx - dx, by - dy), (bx + dx, by + dy)],
                mark,
            )))
            .map_err(draw_err)?;
        }
    }
    for m in &chart.markers {
        ctx.draw_series(std::iter::once(Circle::new(
            (m.x, m.y),
            k.px(7.0),
            rgb(m.colour).filled(),
        )))
        .map_err(draw_err)?;
    }
    Ok(())
}

/// Each bridge step's figure above its bar, lifted a row at a time until it touches no
/// other figure and no bar ([`labels::stack`]).
fn bridge_figures<'a, DB: DrawingBackend + 'a>(
    ctx: &mut Ctx<'a, DB>,
    chart: &Chart,
    steps: &[BridgeStep],
    k: Px,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let font = TextStyle::from((FONT, k.px(15.0)).into_font()).color(&BLACK);
    let pixel = |x: f64, y: f64| {
        let (px, py) = ctx.backend_coord(&(x, y));
        (f64::from(px), f64::from(py))
    };
    let obstacles: Vec<PixelRect> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let (lo, hi) = step.span();
            let (a, b) = (
                pixel(slot(i) - BRIDGE_HALF_WIDTH, hi),
                pixel(slot(i) + BRIDGE_HALF_WIDTH, lo),
            );
            PixelRect {
                x: (a.0, b.0),
                y: (a.1, b.1),
            }
        })
        .collect();
    let area = ctx.plotting_area().strip_coord_spec();
    let mut texts = Vec::new();
    let mut boxes = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let text = step.value_text(&chart.y_axis.scale);
        let (w, h) = area.estimate_text_size(&text, &font).map_err(draw_err)?;
        let (x, top) = pixel(slot(i), step.span().1);
        boxes.push(LabelBox {
            centre_x: x,
            base_y: top - f64::from(k.px(4.0)),
            width: f64::from(w),
            height: f64::from(h) + f64::from(k.px(3.0)),
        });
        texts.push(text);
    }
    let rows = labels::stack(&boxes, &obstacles);
    let base = area.get_base_pixel();
    let style = font.pos(Pos::new(HPos::Center, VPos::Bottom));
    for ((text, label), row) in texts.iter().zip(&boxes).zip(rows) {
        let bottom = label.rect(row).y.1;
        #[expect(clippy::cast_possible_truncation, reason = "pixel coordinates")]
        let at = (label.centre_x as i32 - base.0, bottom as i32 - base.1);
        area.draw(&Text::new(text.as_str(), at, style.clone()))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// Each heatmap cell's figure written in it, where it fits, dark on light cells and
/// white on dark ones.
fn cell_figures<'a, DB: DrawingBackend + 'a>(
    ctx: &mut Ctx<'a, DB>,
    h: &Heatmap,
    k: Px,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let area = ctx.plotting_area().strip_coord_spec();
    let base = area.get_base_pixel();
    let font = TextStyle::from((FONT, k.px(13.0)).into_font());
    for c in &h.cells {
        let (x0, y0) = ctx.backend_coord(&(c.x.0, c.y.1));
        let (x1, y1) = ctx.backend_coord(&(c.x.1, c.y.0));
        let (w, th) = area.estimate_text_size(&c.value, &font).map_err(draw_err)?;
        let room = |from: i32, to: i32| u32::try_from(to - from).unwrap_or(0);
        if room(x0, x1) < w + k.px(6.0) || room(y0, y1) < th + k.px(2.0) {
            continue;
        }
        let ink = if c.colour.luminance() < 0.3 {
            WHITE
        } else {
            RGBColor(0x19, 0x19, 0x19)
        };
        let style = font.color(&ink).pos(Pos::new(HPos::Center, VPos::Center));
        let centre = ((x0 + x1) / 2 - base.0, (y0 + y1) / 2 - base.1);
        area.draw(&Text::new(c.value.as_str(), centre, style))
            .map_err(draw_err)?;
    }
    Ok(())
}
