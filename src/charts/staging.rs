//! "Value of staging": the distribution of final net TVPI across the Monte Carlo paths
//! with the stage gates as modelled, beside the same seeds with every stage committed up
//! front (gates ignored, conditional companies acquired). Each row is a box: P10 to P90
//! and P25 to P75 as bars, the median and the mean as points; the note gives net IRR and
//! the probability of a loss on both. Simulated estimates.

use super::frame::Frame;
use super::id::ChartId;
use super::model::{Axis, Bar, Body, Chart, LegendEntry, Marker, Orientation, Scale, Swatch};
use super::style::{self, Rgb};
use crate::engine::montecarlo::{McConfig, ReturnSpread, StagingComparison, Summary};

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

fn light(colour: Rgb) -> Rgb {
    colour.mix(Rgb(255, 255, 255), 0.55)
}

fn at(summary: &Summary, k: usize) -> f64 {
    summary.values.get(k).copied().unwrap_or(f64::NAN)
}

/// The bars and points of one row at `position`.
fn row(
    name: &str,
    position: f64,
    tvpi: &Summary,
    colour: Rgb,
    bars: &mut Vec<Bar>,
    markers: &mut Vec<Marker>,
) {
    for (band, low, high, fill, width) in [
        (OUTER, P10, P90, light(colour), 0.5),
        (INNER, P25, P75, colour, 0.5),
    ] {
        let (from, to) = (at(tvpi, low), at(tvpi, high));
        bars.push(Bar {
            orientation: Orientation::Horizontal,
            position,
            width,
            from,
            to,
            colour: fill,
            label: format!("{name}, {band}: {from:.2}x to {to:.2}x"),
        });
    }
    markers.push(Marker {
        label: format!("P50 {:.2}x", at(tvpi, P50)),
        x: at(tvpi, P50),
        y: position,
        colour: style::BASE_MARK,
    });
    markers.push(Marker {
        label: format!("mean {:.2}x", tvpi.mean),
        x: tvpi.mean,
        y: position + 0.32,
        colour: style::HIGHLIGHT,
    });
}

/// "mean 14.2%, P10 8.1%, P90 19.0% net IRR; 1.9x mean TVPI; 2.1% lose money".
fn spread_words(s: &ReturnSpread) -> String {
    format!(
        "net IRR mean {:.1}%, P10 {:.1}%, P90 {:.1}%; TVPI mean {:.2}x, P10 {:.2}x, P90 {:.2}x; \
         {:.1}% of paths lose money",
        s.net_irr.mean * 100.0,
        at(&s.net_irr, P10) * 100.0,
        at(&s.net_irr, P90) * 100.0,
        s.tvpi.mean,
        at(&s.tvpi, P10),
        at(&s.tvpi, P90),
        s.probability_of_loss * 100.0
    )
}

/// The chart of a run's staging comparison (`config` names its paths and seed).
pub fn value_of_staging(frame: &Frame, config: &McConfig, staging: &StagingComparison) -> Chart {
    let mut bars = Vec::new();
    let mut markers = Vec::new();
    row(
        UNGATED,
        0.0,
        &staging.ungated.tvpi,
        style::COUNTERFACTUAL,
        &mut bars,
        &mut markers,
    );
    row(
        GATED,
        1.0,
        &staging.gated.tvpi,
        style::TOTAL,
        &mut bars,
        &mut markers,
    );
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
    chart.markers = markers;
    let entry = |name: &str, colour, swatch| LegendEntry {
        name: name.to_string(),
        colour,
        swatch,
    };
    chart.legend = vec![
        entry(&format!("{GATED}: {OUTER}"), light(style::TOTAL), Swatch::Box),
        entry(&format!("{GATED}: {INNER}"), style::TOTAL, Swatch::Box),
        entry(
            &format!("{UNGATED}: {OUTER}"),
            light(style::COUNTERFACTUAL),
            Swatch::Box,
        ),
        entry(&format!("{UNGATED}: {INNER}"), style::COUNTERFACTUAL, Swatch::Box),
        entry(MEDIAN, style::BASE_MARK, Swatch::Point),
        entry(MEAN, style::HIGHLIGHT, Swatch::Point),
    ];
    chart.note = Some(format!(
        "With the gates: {}. Committed up front: {}.",
        spread_words(&staging.gated),
        spread_words(&staging.ungated)
    ));
    chart
}
