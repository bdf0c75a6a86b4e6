//! Each body kind drawn with plotters: lines, stacked areas, fan bands, bridge steps,
//! bars and heatmap cells, in the chart's own colours.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{Ctx, rgb};
use super::{ChartError, FONT, Scale as Px, draw_err};
use crate::charts::model::stacked_tops;
use crate::charts::{Body, Chart};

/// Draws `chart`'s body and markers; `y_span` is the y range (for label offsets).
pub(super) fn draw<'a, DB: DrawingBackend + 'a>(
    ctx: &mut Ctx<'a, DB>,
    chart: &Chart,
    k: Px,
    y_span: (f64, f64),
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
                ctx.draw_series(std::iter::once(Polygon::new(outline, rgb(band.colour).filled())))
                    .map_err(draw_err)?;
            }
            let style = rgb(fan.median.colour).stroke_width(k.px(3.0));
            ctx.draw_series(LineSeries::new(fan.median.points.iter().copied(), style))
                .map_err(draw_err)?;
        }
        Body::Bridge(steps) => {
            let label_style =
                TextStyle::from((FONT, k.px(15.0)).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
            for (i, step) in steps.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "a handful of bars")]
                let x = i as f64;
                let (lo, hi) = step.span();
                ctx.draw_series(std::iter::once(rect(
                    (x - 0.35, x + 0.35),
                    (lo, hi),
                    rgb(step.colour()),
                )))
                .map_err(draw_err)?;
                let label = Text::new(
                    step.value_text(&chart.y_axis.scale),
                    (x, hi + (y_span.1 - y_span.0) * 0.01),
                    label_style.clone(),
                );
                ctx.draw_series(std::iter::once(label)).map_err(draw_err)?;
            }
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
            let (bx, by) = h.base_point;
            let (dx, dy) = (h.half_cell.0 / 3.0, h.half_cell.1 / 3.0);
            let mark = rgb(crate::charts::style::BASE_MARK);
            ctx.draw_series(std::iter::once(rect(
                (bx - dx, bx + dx),
                (by - dy, by + dy),
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
