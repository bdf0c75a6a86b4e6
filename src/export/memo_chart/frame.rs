//! The plot area of a memo chart: ranges, axes with their titles and tick labels, and
//! the legend, for every body kind.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::{ChartError, FONT, Scale as Px, body, draw_err};
use crate::charts::style::Rgb;
use crate::charts::{Body, Chart, Scale, Swatch};

/// The drawing context of a memo chart's plot area.
pub(super) type Ctx<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A chart colour for plotters.
pub(super) fn rgb(colour: Rgb) -> RGBColor {
    RGBColor(colour.0, colour.1, colour.2)
}

/// `lo..hi` widened by `share` of its span on both sides.
fn padded(lo: f64, hi: f64, share: f64) -> (f64, f64) {
    let pad = ((hi - lo) * share).max(1e-6);
    (lo - pad, hi + pad)
}

/// `lo..hi` stretched to include zero, with room above (and below, if negative).
fn from_zero(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let pad = ((hi - lo) * 0.08).max(1e-6);
    (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad)
}

/// The x and y ranges the chart is drawn over.
fn ranges(chart: &Chart) -> ((f64, f64), (f64, f64)) {
    let (x_lo, x_hi) = chart.x_extent().unwrap_or((0.0, 1.0));
    let x = match (&chart.x_axis.scale, &chart.body) {
        (Scale::Years, _) => (x_lo.floor(), x_hi.ceil().max(x_lo.floor() + 1.0)),
        (_, Body::Bridge(_)) => (x_lo, x_hi),
        _ => padded(x_lo, x_hi, 0.06),
    };
    let (y_lo, y_hi) = chart.y_extent().unwrap_or((0.0, 1.0));
    let y = if chart.y_axis.scale.is_categories() || matches!(chart.body, Body::Heatmap(_)) {
        padded(y_lo, y_hi, 0.06)
    } else {
        from_zero(y_lo, y_hi)
    };
    (x, y)
}

/// A round step near a tenth of `span` (1, 2 or 5 times a power of ten), for the
/// decimals tick labels need.
fn nice_step(span: f64) -> f64 {
    let rough = (span / 10.0).abs().max(1e-12);
    let power = 10_f64.powf(rough.log10().floor());
    let mantissa = rough / power;
    let nice = if mantissa <= 1.0 {
        1.0
    } else if mantissa <= 2.0 {
        2.0
    } else if mantissa <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

fn category_count(scale: &Scale) -> usize {
    match scale {
        Scale::Categories(names) => names.len(),
        _ => 0,
    }
}

/// Draws the axes, the body and the legend of `chart` into `area`.
pub(super) fn plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    k: Px,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let ((x_lo, x_hi), (y_lo, y_hi)) = ranges(chart);
    let left = if chart.y_axis.scale.is_categories() {
        330.0
    } else {
        95.0
    };
    let mut ctx = ChartBuilder::on(area)
        .x_label_area_size(k.px(55.0))
        .y_label_area_size(k.px(left))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .map_err(draw_err)?;
    let (x_step, y_step) = (nice_step(x_hi - x_lo), nice_step(y_hi - y_lo));
    let x_format = |v: &f64| chart.x_axis.scale.tick(*v, x_step);
    let y_format = |v: &f64| chart.y_axis.scale.tick(*v, y_step);
    let mut mesh = ctx.configure_mesh();
    mesh.light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .x_desc(chart.x_axis.title.as_str())
        .y_desc(chart.y_axis.title.as_str())
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style((FONT, k.px(15.0)))
        .axis_desc_style((FONT, k.px(17.0)));
    let (x_categories, y_categories) = (
        category_count(&chart.x_axis.scale),
        category_count(&chart.y_axis.scale),
    );
    if x_categories > 0 {
        mesh.x_labels(x_categories).disable_x_mesh();
    }
    if y_categories > 0 {
        mesh.y_labels(y_categories * 2 + 1).disable_y_mesh();
    }
    mesh.draw().map_err(draw_err)?;
    body::draw(&mut ctx, chart, k, (y_lo, y_hi))?;
    legend(&mut ctx, chart, k)
}

/// The legend box: the chart's entries and its markers.
fn legend<'a, DB: DrawingBackend + 'a>(ctx: &mut Ctx<'a, DB>, chart: &Chart, k: Px) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let entries = chart
        .legend
        .iter()
        .map(|e| (e.name.as_str(), e.colour, e.swatch))
        .chain(
            chart
                .markers
                .iter()
                .map(|m| (m.label.as_str(), m.colour, Swatch::Point)),
        );
    let mut any = false;
    for (name, colour, swatch) in entries {
        any = true;
        let colour = rgb(colour);
        let (wide, half) = (k.offset(20.0), k.offset(6.0));
        ctx.draw_series(std::iter::empty::<Circle<(f64, f64), u32>>())
            .map_err(draw_err)?
            .label(name)
            .legend(move |(x, y)| -> DynElement<'static, DB, (i32, i32)> {
                match swatch {
                    Swatch::Line => {
                        PathElement::new(vec![(x, y), (x + wide, y)], colour.stroke_width(3)).into_dyn()
                    }
                    Swatch::Area | Swatch::Box => {
                        Rectangle::new([(x, y - half), (x + wide, y + half)], colour.filled()).into_dyn()
                    }
                    Swatch::Point => Circle::new((x + half, y), 6, colour.filled()).into_dyn(),
                }
            });
    }
    if !any {
        return Ok(());
    }
    let position = match chart.body {
        Body::Bridge(_) => SeriesLabelPosition::LowerMiddle,
        Body::Bars(_) | Body::Heatmap(_) => SeriesLabelPosition::UpperRight,
        Body::Lines(_) | Body::StackedAreas(_) | Body::Fan(_) => SeriesLabelPosition::UpperLeft,
    };
    ctx.configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(0xAA, 0xAA, 0xAA))
        .label_font((FONT, k.px(16.0)))
        .draw()
        .map_err(draw_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_ranges_include_zero() {
        assert!((nice_step(100.0) - 10.0).abs() < 1e-12);
        assert!((nice_step(3.0) - 0.5).abs() < 1e-12);
        let (lo, hi) = from_zero(2.0, 12.0);
        assert!(lo == 0.0 && (hi - 12.96).abs() < 1e-9, "{lo}..{hi}");
    }
}
