//! Charts of the analyses a study holds: scenario overlays, the tornado, the grid
//! (heatmap), and the Monte Carlo histogram and fans. Each names the case and the
//! settings the analysis was run with.

use rust_decimal::Decimal;

use super::frame::{Frame, percent, plot_value, quarter_axis, year_fraction};
use super::id::ChartId;
use super::model::{
    Axis, Band, Bar, Body, Cell, Chart, Fan, Heatmap, LegendEntry, Orientation, Scale, Series, Swatch,
};
use super::style;
use crate::engine::montecarlo::{McConfig, McResult};
use crate::engine::results::{FundPeriod, FundResult};
use crate::engine::sensitivity::{Grid, Tornado};
use crate::engine::study::{Case, GridSettings};

/// One line per case of `value` over time (cases that do not compute are left out).
pub fn scenario_lines(
    frame: &Frame,
    id: ChartId,
    y_words: &str,
    cases: &[(Case, &FundResult)],
    value: fn(&FundPeriod) -> Decimal,
) -> Chart {
    let unit = frame.money_for(
        cases
            .iter()
            .flat_map(|(_, r)| r.periods.iter().map(|p| plot_value(value(p)))),
    );
    let series = cases
        .iter()
        .enumerate()
        .map(|(i, (case, result))| Series {
            name: case.scenario_name().unwrap_or("Base case").to_string(),
            points: result
                .periods
                .iter()
                .map(|p| (year_fraction(p.date), unit.scale(plot_value(value(p)))))
                .collect(),
            colour: style::series_colour(i),
            emphasis: *case == frame.case,
        })
        .collect();
    let detail = format!("{} cases", cases.len());
    let axes = (quarter_axis(), frame.money_axis(y_words, &unit));
    let mut chart = frame.chart(id, id.title().into(), Some(&detail), axes, Body::Lines(series));
    // An overlay shows every case: the subtitle names the one the user is viewing.
    chart.subtitle = format!("{} · all scenarios, {detail}; viewing {}", frame.fund, frame.case);
    chart
}

/// Net IRR (in %) at each driver's low and high value, bars starting at the case's own
/// net IRR, largest swing on top.
pub fn tornado(frame: &Frame, t: &Tornado) -> Chart {
    let base = percent(t.base_net_irr).unwrap_or(0.0);
    let n = t.rows.len();
    let mut bars = Vec::new();
    for (i, row) in t.rows.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of drivers")]
        let position = (n - 1 - i) as f64;
        for (value, setting, colour) in [
            (percent(row.net_irr_low), row.low_value, style::LOW_VALUE),
            (percent(row.net_irr_high), row.high_value, style::HIGH_VALUE),
        ] {
            if let Some(v) = value {
                bars.push(Bar {
                    orientation: Orientation::Horizontal,
                    position,
                    width: 0.7,
                    from: base,
                    to: v,
                    colour,
                    label: format!(
                        "{} = {}: net IRR {v:.2}%",
                        row.driver.label(),
                        setting.normalize()
                    ),
                });
            }
        }
    }
    let names = t
        .rows
        .iter()
        .rev()
        .map(|r| r.driver.label().to_string())
        .collect();
    let axes = (
        Axis {
            title: "Net IRR, %".into(),
            scale: Scale::Percent,
        },
        Axis {
            title: String::new(),
            scale: Scale::Categories(names),
        },
    );
    let detail = format!("{n} drivers, exact recomputes");
    let mut chart = frame.chart(
        ChartId::Tornado,
        ChartId::Tornado.title().into(),
        Some(&detail),
        axes,
        Body::Bars(bars),
    );
    chart.legend = vec![
        key("Driver at its low value", style::LOW_VALUE),
        key("Driver at its high value", style::HIGH_VALUE),
    ];
    chart.note = Some(match t.base_net_irr {
        Some(v) => format!(
            "{}: net IRR {}. Bars start there.",
            case_name(&frame.case),
            crate::units::format_percent(v)
        ),
        None => format!("{}: net IRR has no root.", case_name(&frame.case)),
    });
    chart
}

/// "Base case" or the scenario's name ("Downside").
pub fn case_name(case: &Case) -> &str {
    case.scenario_name().unwrap_or("Base case")
}

fn key(name: &str, colour: style::Rgb) -> LegendEntry {
    LegendEntry {
        name: name.to_string(),
        colour,
        swatch: Swatch::Box,
    }
}

/// The axis of a grid driver.
fn driver_axis(label: &str) -> Axis {
    Axis {
        title: label.to_string(),
        scale: Scale::Number,
    }
}

/// A grid as coloured cells (metric relative to the case's own figure), the case's
/// point marked; a one-driver grid as a line. Titled by the grid's settings.
pub fn grid(
    frame: &Frame,
    settings: &GridSettings,
    g: &Grid,
    base_point: (Decimal, Option<Decimal>),
) -> Chart {
    let drivers = match &g.y {
        Some(y) => format!(
            "drivers: {}, {}; {} × {} steps",
            g.x.driver.label(),
            y.driver.label(),
            g.xs.len(),
            g.ys.len()
        ),
        None => format!("driver: {}", g.x.driver.label()),
    };
    match &g.y {
        None => one_driver_line(frame, settings, g, &drivers),
        Some(y_axis) => heatmap(frame, settings, g, y_axis, &drivers, base_point),
    }
}

/// Percent for rates (10 = 10 %), a multiple otherwise; and the factor from the
/// engine's fraction to that scale.
fn metric_scale(g: &Grid) -> (Scale, f64) {
    if g.metric.is_rate() {
        (Scale::Percent, 100.0)
    } else {
        (Scale::Multiple, 1.0)
    }
}

/// A one-driver grid: the metric as a line over the driver's values.
fn one_driver_line(frame: &Frame, settings: &GridSettings, g: &Grid, drivers: &str) -> Chart {
    let (metric_scale, scale) = metric_scale(g);
    let f = |d: &Decimal| plot_value(*d);
    let xs: Vec<f64> = g.xs.iter().map(f).collect();
    let points = g
        .cells
        .first()
        .into_iter()
        .flat_map(|row| row.iter().zip(&xs))
        .filter_map(|(cell, x)| cell.as_ref().map(|v| (*x, f(v) * scale)))
        .collect();
    let series = vec![Series {
        name: g.metric.label().to_string(),
        points,
        colour: style::TOTAL,
        emphasis: true,
    }];
    let axes = (
        driver_axis(g.x.driver.label()),
        Axis {
            title: g.metric.label().to_string(),
            scale: metric_scale,
        },
    );
    frame.chart(
        ChartId::Heatmap,
        settings.describe(),
        Some(drivers),
        axes,
        Body::Lines(series),
    )
}

/// A two-driver grid: one coloured cell per point, diverging around the case's value.
fn heatmap(
    frame: &Frame,
    settings: &GridSettings,
    g: &Grid,
    y_axis: &crate::engine::sensitivity::Axis,
    drivers: &str,
    base_point: (Decimal, Option<Decimal>),
) -> Chart {
    let (metric_scale, scale) = metric_scale(g);
    let f = |d: &Decimal| plot_value(*d);
    let xs: Vec<f64> = g.xs.iter().map(f).collect();
    let ys: Vec<f64> = g.ys.iter().map(f).collect();
    let values: Vec<f64> = g.cells.iter().flatten().flatten().map(|v| f(v) * scale).collect();
    let (low, high) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let base = g.base.as_ref().map_or((low + high) / 2.0, |b| f(b) * scale);
    let step = |v: &[f64]| match (v.first(), v.last()) {
        #[expect(clippy::cast_precision_loss, reason = "a few dozen cells")]
        (Some(a), Some(b)) if v.len() > 1 => (b - a) / (v.len() - 1) as f64,
        _ => 1.0,
    };
    let half_cell = (step(&xs) / 2.0, step(&ys) / 2.0);
    let mut cells = Vec::new();
    for (row, y) in g.cells.iter().zip(&ys) {
        for (cell, x) in row.iter().zip(&xs) {
            if let Some(v) = cell.as_ref().map(|v| f(v) * scale) {
                cells.push(Cell {
                    x: (x - half_cell.0, x + half_cell.0),
                    y: (y - half_cell.1, y + half_cell.1),
                    colour: style::diverging_colour(v, low, base, high),
                    label: format!(
                        "{} {} at {} = {}, {} = {}",
                        g.metric.label(),
                        metric_scale.value(v),
                        g.x.driver.label(),
                        style::plain_number(*x, 4),
                        y_axis.driver.label(),
                        style::plain_number(*y, 4)
                    ),
                    value: metric_scale.value(v),
                });
            }
        }
    }
    let base_point = (f(&base_point.0), base_point.1.as_ref().map_or(0.0, f));
    let axes = (
        driver_axis(g.x.driver.label()),
        driver_axis(y_axis.driver.label()),
    );
    let heatmap = Heatmap {
        cells,
        base_point,
        half_cell,
    };
    let mut chart = frame.chart(
        ChartId::Heatmap,
        settings.describe(),
        Some(drivers),
        axes,
        Body::Heatmap(heatmap),
    );
    let named = |v: f64, what: &str| format!("{} ({what})", metric_scale.value(v));
    chart.legend = vec![
        LegendEntry {
            name: case_name(&frame.case).to_string(),
            colour: style::BASE_MARK,
            swatch: Swatch::Point,
        },
        key(
            &named(low, "lowest"),
            style::diverging_colour(low, low, base, high),
        ),
        key(
            &named(base, case_name(&frame.case)),
            style::diverging_colour(base, low, base, high),
        ),
        key(
            &named(high, "highest"),
            style::diverging_colour(high, low, base, high),
        ),
    ];
    chart.note = Some("Exact recomputes.".into());
    chart
}

/// "10000 paths, seed 42, simulated estimates".
fn mc_detail(config: &McConfig) -> String {
    format!(
        "{} paths, seed {}, simulated estimates",
        config.paths, config.seed
    )
}

/// Histogram of final net TVPI across simulated paths.
pub fn monte_carlo_histogram(frame: &Frame, config: &McConfig, mc: &McResult) -> Chart {
    let bars = mc
        .tvpi_histogram
        .iter()
        .map(|(lo, hi, n)| {
            #[expect(clippy::cast_precision_loss, reason = "path counts are small")]
            let height = *n as f64;
            Bar {
                orientation: Orientation::Vertical,
                position: (lo + hi) / 2.0,
                width: hi - lo,
                from: 0.0,
                to: height,
                colour: style::TOTAL,
                label: format!("{lo:.2}x to {hi:.2}x: {n} paths"),
            }
        })
        .collect();
    let axes = (
        Axis {
            title: "Net TVPI (x)".into(),
            scale: Scale::Multiple,
        },
        Axis {
            title: "Paths".into(),
            scale: Scale::Count,
        },
    );
    let mut chart = frame.chart(
        ChartId::MonteCarloHistogram,
        ChartId::MonteCarloHistogram.title().into(),
        Some(&mc_detail(config)),
        axes,
        Body::Bars(bars),
    );
    chart.legend = vec![key(
        &format!("{} paths, seed {}", mc.paths, mc.seed),
        style::TOTAL,
    )];
    chart.note = Some(format!(
        "{:.1}% of paths end below 1.0x TVPI (money lost).",
        mc.probability_tvpi_below_one * 100.0
    ));
    chart
}

/// P5–P95 and P25–P75 bands and the median of reported NAV (the marking policy in the
/// subtitle) or of cumulative net cash flow, per date.
pub fn monte_carlo_fan(frame: &Frame, id: ChartId, config: &McConfig, mc: &McResult) -> Chart {
    let (fan, words, name, detail) = if id == ChartId::MonteCarloCashFan {
        (
            &mc.cash_fan,
            "Cumulative net cash flow (simulated)",
            "Net cash",
            mc_detail(config),
        )
    } else {
        (
            &mc.nav_fan,
            "Reported NAV (simulated)",
            "NAV",
            format!("{} · {}", mc_detail(config), frame.marks),
        )
    };
    let unit = frame.money_for(fan.iter().flatten().copied());
    let xs: Vec<f64> = mc.dates.iter().map(|d| year_fraction(*d)).collect();
    let band = |label: &str, low: usize, high: usize, colour: style::Rgb| Band {
        name: format!("{name} {label}"),
        points: xs
            .iter()
            .zip(fan)
            .map(|(x, f)| {
                let at = |k: usize| unit.scale(f.get(k).copied().unwrap_or(0.0));
                (*x, at(low), at(high))
            })
            .collect(),
        colour,
        opacity: 1.0,
    };
    let median = Series {
        name: format!("{name} P50 (median)"),
        points: xs
            .iter()
            .zip(fan)
            .map(|(x, f)| (*x, unit.scale(f.get(2).copied().unwrap_or(0.0))))
            .collect(),
        colour: style::TOTAL,
        emphasis: true,
    };
    let body = Body::Fan(Fan {
        bands: vec![
            band(
                "P5 to P95",
                0,
                4,
                style::PALETTE[4].mix(style::Rgb(255, 255, 255), 0.45),
            ),
            band("P25 to P75", 1, 3, style::PALETTE[4]),
        ],
        lines: vec![median],
    });
    let axes = (quarter_axis(), frame.money_axis(words, &unit));
    frame.chart(id, id.title().into(), Some(&detail), axes, body)
}
