//! "Value of staging": the distribution of final net TVPI across the Monte Carlo paths
//! with the stage gates as modelled, beside the same seeds with every stage committed up
//! front (gates ignored, conditional companies acquired). Each row is a box: P10 to P90
//! and P25 to P75 as bars, the median and the mean as ticks across them; the note gives
//! the mean net IRR and the probability of a loss on both. Simulated estimates.

use super::frame::Frame;
use super::id::ChartId;
use super::model::{Axis, Bar, Body, Chart, LegendEntry, Orientation, Scale, Swatch};
use super::style::{self, Rgb};
use crate::engine::montecarlo::{McConfig, StagingComparison, Summary};

/// Index of P10, P25, P50, P75 and P90 in [`Summary::values`].
const P10: usize = 1;
const P25: usize = 2;
const P50: usize = 3;
const P75: usize = 4;
const P90: usize = 5;

/// The rows, bottom to top.
const UNGATED: &str = "Every stage committed up front";
const GATED: &str = "With the stage gates";

const OUTER: &str = "P10 to P90";
const INNER: &str = "P25 to P75";
const MEDIAN: &str = "Median (P50)";
const MEAN: &str = "Mean";

/// How wide a median or mean tick is, as a share of the P10–P90 span of both rows.
const TICK: f64 = 0.004;

fn light(colour: Rgb) -> Rgb {
    colour.mix(Rgb(255, 255, 255), 0.55)
}

fn at(summary: &Summary, k: usize) -> f64 {
    summary.values.get(k).copied().unwrap_or(f64::NAN)
}

/// A tick across the row at `x` (the median, the mean), `2 × half` wide.
fn tick(name: &str, what: &str, position: f64, x: f64, half: f64, colour: Rgb) -> Bar {
    Bar {
        orientation: Orientation::Horizontal,
        position,
        width: 0.62,
        from: x - half,
        to: x + half,
        colour,
        label: format!("{name}, {what}: {x:.2}x"),
    }
}

/// The bars of one row at `position`: P10–P90, P25–P75, then the median and mean ticks
/// (`half` is half a tick's width in TVPI).
fn row(name: &str, position: f64, tvpi: &Summary, colour: Rgb, half: f64, bars: &mut Vec<Bar>) {
    for (band, low, high, fill) in [(OUTER, P10, P90, light(colour)), (INNER, P25, P75, colour)] {
        let (from, to) = (at(tvpi, low), at(tvpi, high));
        bars.push(Bar {
            orientation: Orientation::Horizontal,
            position,
            width: 0.5,
            from,
            to,
            colour: fill,
            label: format!("{name}, {band}: {from:.2}x to {to:.2}x"),
        });
    }
    bars.push(tick(
        name,
        MEDIAN,
        position,
        at(tvpi, P50),
        half,
        style::BASE_MARK,
    ));
    bars.push(tick(name, MEAN, position, tvpi.mean, half, style::HIGHLIGHT));
}

/// "10.12% with the gates, 10.05% committed up front" (fractions in).
fn both(gated: f64, ungated: f64) -> String {
    format!(
        "{:.2}% with the gates, {:.2}% committed up front",
        gated * 100.0,
        ungated * 100.0
    )
}

/// "81.2bn with the gates, 87.9bn committed up front" (currency units in).
fn billions(gated: f64, ungated: f64) -> String {
    format!(
        "{:.1}bn with the gates, {:.1}bn committed up front",
        gated / 1e9,
        ungated / 1e9
    )
}

/// The chart of a run's staging comparison (`config` names its paths and seed).
pub fn value_of_staging(frame: &Frame, config: &McConfig, staging: &StagingComparison) -> Chart {
    let (g, u) = (&staging.gated, &staging.ungated);
    let low = at(&g.tvpi, P10).min(at(&u.tvpi, P10));
    let high = at(&g.tvpi, P90).max(at(&u.tvpi, P90));
    let half = ((high - low).abs() * TICK).max(1e-4);
    let mut bars = Vec::new();
    row(UNGATED, 0.0, &u.tvpi, style::COUNTERFACTUAL, half, &mut bars);
    row(GATED, 1.0, &g.tvpi, style::TOTAL, half, &mut bars);
    let axes = (
        Axis {
            title: "Final net TVPI (x), simulated".into(),
            scale: Scale::Multiple,
        },
        Axis {
            title: String::new(),
            scale: Scale::Categories(vec![UNGATED.into(), GATED.into()]),
        },
    );
    let detail = format!(
        "{} paths, seed {}, the same seeds both ways, simulated estimates",
        config.paths, config.seed
    );
    let id = ChartId::ValueOfStaging;
    let mut chart = frame.chart(id, id.title().into(), Some(&detail), axes, Body::Bars(bars));
    let entry = |name: String, colour| LegendEntry {
        name,
        colour,
        swatch: Swatch::Box,
    };
    chart.legend = vec![
        entry(format!("{GATED}: {OUTER}"), light(style::TOTAL)),
        entry(format!("{GATED}: {INNER}"), style::TOTAL),
        entry(format!("{UNGATED}: {OUTER}"), light(style::COUNTERFACTUAL)),
        entry(format!("{UNGATED}: {INNER}"), style::COUNTERFACTUAL),
        entry(MEDIAN.into(), style::BASE_MARK),
        entry(MEAN.into(), style::HIGHLIGHT),
    ];
    chart.note = Some(format!(
        "Mean net IRR {}; probability of a loss {}; mean LP paid-in {}.",
        both(g.net_irr.mean, u.net_irr.mean),
        both(g.probability_of_loss, u.probability_of_loss),
        billions(g.paid_in.mean, u.paid_in.mean)
    ));
    chart
}
