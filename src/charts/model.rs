//! The typed chart: everything a renderer needs, in plot units, with the words around
//! it. Values are `f64` here and only here (converted from the engine's `Decimal` by the
//! builders, for plotting); money is already divided into the y axis's magnitude.

use super::id::ChartId;
use super::style::{MoneyUnit, Rgb, StepKind, decimals_for_step, plain_number, quarter_label};

/// One chart, ready to draw on screen or on paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Which chart this is (names its file when exported).
    pub id: ChartId,
    /// "Run-rate EBITDA of Apex Castings with and without AI levers".
    pub title: String,
    /// Fund · case · what the chart shows ("Foundry Fund I · scenario Downside · drivers:
    /// exit multiple, lever realisation").
    pub subtitle: String,
    /// The horizontal axis.
    pub x_axis: Axis,
    /// The vertical axis.
    pub y_axis: Axis,
    /// What each colour stands for, in the order shown.
    pub legend: Vec<LegendEntry>,
    /// The data drawn inside the axes.
    pub body: Body,
    /// Labelled points to mark (the J-curve trough).
    pub markers: Vec<Marker>,
    /// A sentence under the chart ("Bars start at the base case's net IRR, 14.2%").
    pub note: Option<String>,
}

/// An axis: its title (with units) and how its values read.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The axis title, units included ("Reported NAV (simulated), US$ bn").
    pub title: String,
    /// How the axis's ticks and values are written.
    pub scale: Scale,
}

/// How an axis's values read.
#[derive(Debug, Clone, PartialEq)]
pub enum Scale {
    /// Dates as fractional years (2026.5 is mid-2026).
    Years,
    /// Money in the unit's currency and magnitude.
    Money(MoneyUnit),
    /// A rate in percent (10 = 10 %).
    Percent,
    /// A multiple (2.0 = 2.0x).
    Multiple,
    /// A count (paths).
    Count,
    /// A plain number (a driver's value).
    Number,
    /// Positions 0, 1, 2… named in order.
    Categories(Vec<String>),
}

impl Scale {
    /// The label of a tick at `value` when ticks are `step` apart.
    pub fn tick(&self, value: f64, step: f64) -> String {
        let decimals = decimals_for_step(step);
        match self {
            // Whole years only: a quarter's tick would read like a decimal figure.
            Scale::Years if (value - value.round()).abs() < 1e-6 => format!("{value:.0}"),
            Scale::Years => String::new(),
            Scale::Money(unit) => unit.tick(value, decimals),
            Scale::Percent => format!("{}%", plain_number(value, decimals.clamp(1, 2))),
            Scale::Multiple => format!("{value:.prec$}x", prec = decimals.max(1)),
            Scale::Count => plain_number(value, decimals),
            Scale::Number => format!("{value:.decimals$}"),
            Scale::Categories(names) => category(names, value).unwrap_or_default(),
        }
    }

    /// A data value as a hover or a value label shows it (more precise than a tick).
    pub fn value(&self, value: f64) -> String {
        match self {
            Scale::Years => quarter_label(value),
            Scale::Money(unit) => unit.value_label(value, 2),
            Scale::Percent => format!("{value:.2}%"),
            Scale::Multiple => format!("{value:.2}x"),
            Scale::Count => plain_number(value, 1),
            Scale::Number => plain_number(value, 4),
            Scale::Categories(names) => category(names, value).unwrap_or_else(|| plain_number(value, 2)),
        }
    }

    /// Whether this is a category axis.
    pub fn is_categories(&self) -> bool {
        matches!(self, Scale::Categories(_))
    }
}

fn category(names: &[String], value: f64) -> Option<String> {
    let index = value.round();
    if (value - index).abs() > 0.01 || index < 0.0 {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked non-negative and whole"
    )]
    names.get(index as usize).cloned()
}

/// How a legend entry's swatch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A short stroke, for a line series.
    Line,
    /// A filled patch, for a stacked area or a percentile band.
    Area,
    /// A filled square, for bars and bridge steps.
    Box,
    /// A dot, for a marker.
    Point,
}

/// One entry of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The text beside the swatch.
    pub name: String,
    /// The swatch's colour.
    pub colour: Rgb,
    /// The swatch's shape.
    pub swatch: Swatch,
}

/// What the chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// One line per series.
    Lines(Vec<Series>),
    /// Areas stacked in order, each series' values on top of the ones before.
    StackedAreas(Vec<Series>),
    /// A waterfall from a total through its drivers to a total.
    Bridge(Vec<BridgeStep>),
    /// Floating bars (tornado, histogram).
    Bars(Vec<Bar>),
    /// Coloured cells of a two-driver grid.
    Heatmap(Heatmap),
    /// Percentile bands around a median line.
    Fan(Fan),
}

/// One named line or area.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The series' name, as in the legend and hovers.
    pub name: String,
    /// `(x, y)` in the axes' units.
    pub points: Vec<(f64, f64)>,
    /// Line or fill colour.
    pub colour: Rgb,
    /// The chart's main line is drawn thicker.
    pub emphasis: bool,
}

/// A labelled point.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Text written beside the point (the J-curve's "Trough … on 2029-12-31").
    pub label: String,
    /// Position on the x axis, in its units.
    pub x: f64,
    /// Position on the y axis, in its units.
    pub y: f64,
    /// The dot's colour.
    pub colour: Rgb,
}

/// One bar of a waterfall: it spans `start..start + delta`.
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeStep {
    /// The step's name under its bar ("AI levers").
    pub label: String,
    /// Where the bar starts on the value axis (zero for a total).
    pub start: f64,
    /// The step's signed size (a total's is its value).
    pub delta: f64,
    /// Total, AI levers or another driver: picks the colour.
    pub kind: StepKind,
}

impl BridgeStep {
    /// Totals are drawn from zero.
    pub fn is_total(&self) -> bool {
        self.kind == StepKind::Total
    }

    /// The step's colour (by kind and sign).
    pub fn colour(&self) -> Rgb {
        super::style::step_colour(self.kind, self.delta)
    }

    /// The step's figure as its bar is labelled: "+$12.3bn" (a total has no sign,
    /// a loss its minus).
    pub fn value_text(&self, scale: &Scale) -> String {
        let sign = if self.is_total() || self.delta < 0.0 {
            ""
        } else {
            "+"
        };
        let value = match scale {
            Scale::Money(unit) => unit.value_label(self.delta, 1),
            other => other.value(self.delta),
        };
        format!("{sign}{value}")
    }

    /// Bottom and top of the bar.
    pub fn span(&self) -> (f64, f64) {
        let end = self.start + self.delta;
        (self.start.min(end), self.start.max(end))
    }
}

/// Which way a bar runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Up from the x axis (histogram).
    Vertical,
    /// Along the x axis, one per category row (tornado).
    Horizontal,
}

/// A floating bar: centred at `position` on the category axis, `width` wide, running
/// `from..to` along the value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Whether the bar stands up (histogram) or lies along the x axis (tornado).
    pub orientation: Orientation,
    /// Centre on the category axis.
    pub position: f64,
    /// Thickness across the category axis.
    pub width: f64,
    /// One end on the value axis.
    pub from: f64,
    /// The other end on the value axis.
    pub to: f64,
    /// Fill colour.
    pub colour: Rgb,
    /// What the bar stands for, shown on hover ("Exit multiple = -2: 11.3%").
    pub label: String,
}

impl Bar {
    /// The bar as a rectangle, `((x0, x1), (y0, y1))` with `x0 <= x1` and `y0 <= y1`.
    pub fn rect(&self) -> ((f64, f64), (f64, f64)) {
        let along = (self.from.min(self.to), self.from.max(self.to));
        let across = (self.position - self.width / 2.0, self.position + self.width / 2.0);
        match self.orientation {
            Orientation::Vertical => (across, along),
            Orientation::Horizontal => (along, across),
        }
    }
}

/// One cell of a heatmap.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Left and right edges, in the x driver's units.
    pub x: (f64, f64),
    /// Bottom and top edges, in the y driver's units.
    pub y: (f64, f64),
    /// Fill colour, graded by the cell's metric.
    pub colour: Rgb,
    /// "Net IRR 14.20% at exit multiple -1, realisation 0.9".
    pub label: String,
    /// The cell's figure alone ("14.20%"), written in the cell where it fits.
    pub value: String,
}

/// The cells of a grid, with the base case marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Every cell of the grid.
    pub cells: Vec<Cell>,
    /// The drivers' values in the case's model.
    pub base_point: (f64, f64),
    /// Half a cell's width and height (the base mark is a third of a cell).
    pub half_cell: (f64, f64),
}

/// A percentile band.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// What and which percentiles it spans ("NAV P5–P95").
    pub name: String,
    /// `(x, low, high)`.
    pub points: Vec<(f64, f64, f64)>,
    /// Fill colour.
    pub colour: Rgb,
    /// How opaque the fill is, 0–1: 1 for a fan's nested bands, less where bands of
    /// different lines overlap and each must show through the others.
    pub opacity: f64,
}

/// Shaded bands with lines drawn over them: a Monte Carlo fan (bands widest first
/// around the median) or lines each with its simulated range (the AI uplift by stage).
#[derive(Debug, Clone, PartialEq)]
pub struct Fan {
    /// The percentile bands, drawn first, in order.
    pub bands: Vec<Band>,
    /// The lines drawn over the bands (the median, for a fan); the emphasised ones thicker.
    pub lines: Vec<Series>,
}

impl Chart {
    /// What the legend lists, in order: the legend's entries, then the markers (drawn as
    /// points). Both renderers draw exactly these.
    pub fn legend_entries(&self) -> Vec<(&str, Rgb, Swatch)> {
        self.legend
            .iter()
            .map(|e| (e.name.as_str(), e.colour, e.swatch))
            .chain(
                self.markers
                    .iter()
                    .map(|m| (m.label.as_str(), m.colour, Swatch::Point)),
            )
            .collect()
    }

    /// Every y value drawn (stacked tops included), for a renderer's range.
    pub fn y_extent(&self) -> Option<(f64, f64)> {
        let mut values: Vec<f64> = Vec::new();
        match &self.body {
            Body::Lines(series) => values.extend(series.iter().flat_map(|s| s.points.iter().map(|p| p.1))),
            Body::StackedAreas(series) => {
                for tops in stacked_tops(series) {
                    values.extend(tops.iter().map(|p| p.1));
                }
            }
            Body::Bridge(steps) => values.extend(steps.iter().flat_map(|s| [s.span().0, s.span().1])),
            Body::Bars(bars) => values.extend(bars.iter().flat_map(|b| [b.rect().1.0, b.rect().1.1])),
            Body::Heatmap(h) => values.extend(h.cells.iter().flat_map(|c| [c.y.0, c.y.1])),
            Body::Fan(fan) => {
                values.extend(
                    fan.bands
                        .iter()
                        .flat_map(|b| b.points.iter().flat_map(|p| [p.1, p.2])),
                );
                values.extend(fan.lines.iter().flat_map(|s| s.points.iter().map(|p| p.1)));
            }
        }
        values.extend(self.markers.iter().map(|m| m.y));
        extent(values)
    }

    /// Every x value drawn, for a renderer's range.
    pub fn x_extent(&self) -> Option<(f64, f64)> {
        let values: Vec<f64> = match &self.body {
            Body::Lines(series) | Body::StackedAreas(series) => {
                series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).collect()
            }
            #[expect(clippy::cast_precision_loss, reason = "a handful of bars")]
            Body::Bridge(steps) => vec![-0.5, steps.len() as f64 - 0.5],
            Body::Bars(bars) => bars.iter().flat_map(|b| [b.rect().0.0, b.rect().0.1]).collect(),
            Body::Heatmap(h) => h.cells.iter().flat_map(|c| [c.x.0, c.x.1]).collect(),
            Body::Fan(fan) => fan
                .lines
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.0))
                .chain(fan.bands.iter().flat_map(|b| b.points.iter().map(|p| p.0)))
                .collect(),
        };
        extent(values)
    }
}

fn extent(values: Vec<f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// The top edge of each stacked area: running sums of the series in order.
pub fn stacked_tops(series: &[Series]) -> Vec<Vec<(f64, f64)>> {
    let mut running: Vec<f64> = Vec::new();
    series
        .iter()
        .map(|s| {
            running.resize(running.len().max(s.points.len()), 0.0);
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
}
