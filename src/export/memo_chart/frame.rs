//! The plot area of a memo chart: ranges, axes with their titles and five to eight round
//! ticks ([`ticks`]), category names fitted to their slots ([`labels::fit_category`]),
//! for every body kind. The legend is outside, above ([`super::legend`]).

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartError, FONT, Scale as Px, body, draw_err};
use crate::charts::style::Rgb;
use crate::charts::{Body, Chart, Scale, labels, ticks};

/// One axis of a memo chart: `f64` values with the ticks we chose (plotters' own
/// key-point wrapper loses the `f64` label formatting the mesh needs).
pub(super) struct Coord {
    range: RangedCoordf64,
    major: Vec<f64>,
    minor: Vec<f64>,
}

impl Coord {
    /// The labelled ticks.
    fn bold_points(&self) -> &[f64] {
        &self.major
    }

    /// The lighter lines between them.
    #[cfg(test)]
    fn light_points(&self) -> &[f64] {
        &self.minor
    }
}

impl Ranged for Coord {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.range.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            self.minor.clone()
        } else {
            self.major.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.range()
    }
}

/// The drawing context of a memo chart's plot area.
pub(super) type Ctx<'a, DB> = ChartContext<'a, DB, Cartesian2d<Coord, Coord>>;

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

/// The least distance between two labelled ticks, for a 1200-pixel chart.
const X_TICK_SPACING: f64 = 110.0;
const Y_TICK_SPACING: f64 = 45.0;
/// Label area sizes, for a 1200-pixel chart.
const X_LABEL_AREA: f64 = 62.0;
const CATEGORY_LINE: f64 = 19.0;

/// An axis of `scale` over `range` that is `pixels` long: its ticks as key points,
/// lighter lines between them.
fn axis(scale: &Scale, range: (f64, f64), pixels: f64, spacing: f64) -> Coord {
    let per_unit = pixels / (range.1 - range.0).abs().max(1e-12);
    let major = ticks::ticks(scale, range.0, range.1, spacing / per_unit);
    let minor: Vec<f64> = ticks::minor_lines(scale, &major)
        .into_iter()
        .filter(|v| *v >= range.0 && *v <= range.1)
        .collect();
    Coord {
        range: (range.0..range.1).into(),
        major: major.values,
        minor,
    }
}

/// Draws the axes and the body of `chart` into `area`.
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
    let (width, height) = area.dim_in_pixel();
    let plot_width = f64::from(width) - f64::from(k.px(left)) - f64::from(k.px(20.0));
    let label_font = TextStyle::from((FONT, k.px(15.0)).into_font());
    let x_names = fitted_categories(area, &chart.x_axis.scale, plot_width, &label_font)?;
    let name_lines = x_names.iter().map(Vec::len).max().unwrap_or(0);
    #[expect(clippy::cast_precision_loss, reason = "a few lines")]
    let x_area = X_LABEL_AREA + name_lines.saturating_sub(1) as f64 * CATEGORY_LINE;
    let plot_height = f64::from(height) - f64::from(k.px(x_area)) - f64::from(k.px(10.0));
    let x_coord = axis(
        &chart.x_axis.scale,
        (x_lo, x_hi),
        plot_width,
        X_TICK_SPACING * k.0,
    );
    let y_coord = axis(
        &chart.y_axis.scale,
        (y_lo, y_hi),
        plot_height,
        Y_TICK_SPACING * k.0,
    );
    let (x_step, y_step) = (step_of(&x_coord), step_of(&y_coord));
    let mut ctx = ChartBuilder::on(area)
        .margin_top(k.px(10.0))
        .margin_right(k.px(20.0))
        .x_label_area_size(k.px(x_area))
        .y_label_area_size(k.px(left))
        .build_cartesian_2d(x_coord, y_coord)
        .map_err(draw_err)?;
    let x_format = |v: &f64| {
        if chart.x_axis.scale.is_categories() {
            String::new()
        } else {
            chart.x_axis.scale.tick(*v, x_step)
        }
    };
    let y_format = |v: &f64| chart.y_axis.scale.tick(*v, y_step);
    let mut mesh = ctx.configure_mesh();
    mesh.light_line_style(RGBColor(0xF0, 0xF0, 0xF0))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .x_desc(chart.x_axis.title.as_str())
        .y_desc(chart.y_axis.title.as_str())
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style(label_font.clone())
        .axis_desc_style((FONT, k.px(17.0)));
    if chart.x_axis.scale.is_categories() {
        mesh.disable_x_mesh();
    }
    if chart.y_axis.scale.is_categories() {
        mesh.disable_y_mesh();
    }
    mesh.draw().map_err(draw_err)?;
    body::draw(&mut ctx, chart, k)?;
    category_names(area, &ctx, &x_names, y_lo, &label_font, k)
}

/// The distance between the first two key points (1 with fewer).
fn step_of(coord: &Coord) -> f64 {
    match coord.bold_points() {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    }
}

/// The names of a category x axis, fitted to slots of a `plot_width`-pixel plot.
fn fitted_categories<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: &Scale,
    plot_width: f64,
    font: &TextStyle<'_>,
) -> Result<Vec<Vec<String>>, ChartError>
where
    DB::ErrorType: 'static,
{
    let Scale::Categories(names) = scale else {
        return Ok(Vec::new());
    };
    // Text that cannot be measured counts as very wide: it is wrapped, never overlapped.
    let measure = |text: &str| {
        area.estimate_text_size(text, font)
            .map_or(f64::MAX / 4.0, |(w, _)| f64::from(w))
    };
    #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
    let slot = plot_width / names.len().max(1) as f64;
    Ok(names
        .iter()
        .map(|name| labels::fit_category(name, slot, &measure))
        .collect())
}

/// Writes each category's fitted lines under its slot.
fn category_names<'a, DB: DrawingBackend + 'a>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx<'a, DB>,
    names: &[Vec<String>],
    y_lo: f64,
    font: &TextStyle<'_>,
    k: Px,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let base = area.get_base_pixel();
    let style = font.color(&BLACK).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, lines) in names.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
        let (x, y) = ctx.backend_coord(&(i as f64, y_lo));
        for (row, line) in lines.iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "a few lines")]
            let down = k.offset(10.0 + row as f64 * CATEGORY_LINE);
            area.draw(&Text::new(
                line.as_str(),
                (x - base.0, y - base.1 + down),
                style.clone(),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_include_zero_and_axes_tick_round_values() {
        let (lo, hi) = from_zero(2.0, 12.0);
        assert!(lo == 0.0 && (hi - 12.96).abs() < 1e-9, "{lo}..{hi}");
        // 0 to 129.6 over 800 pixels, labels at least 45 pixels apart: 20s, not 10s.
        let money = Scale::Money(crate::charts::style::MoneyUnit::fitting(
            crate::charts::style::Currency::new("USD"),
            1e11,
        ));
        let y = axis(&money, (0.0, 129.6), 800.0, 45.0);
        assert_eq!(y.bold_points(), &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]);
        assert!(y.light_points().contains(&4.0) && !y.light_points().contains(&20.0));
        let years = axis(&Scale::Years, (2026.0, 2040.0), 1000.0, 110.0);
        assert_eq!(step_of(&years), 2.0);
    }
}
