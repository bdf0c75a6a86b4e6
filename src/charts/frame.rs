//! What every chart of one study and case shares: the fund's name and currency, the
//! case it shows, and the helpers that turn engine figures into plot values.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::id::ChartId;
use super::model::{Axis, Body, Chart, LegendEntry, Scale, Swatch};
use super::style::{self, Currency, MoneyUnit, StepKind};
use crate::engine::study::{Case, Study};

/// The fund, currency and case a chart is drawn for.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The fund's name, first in every subtitle.
    pub fund: String,
    /// The fund's currency, for money axes and labels.
    pub currency: Currency,
    /// The base case or scenario the charts show.
    pub case: Case,
    /// "Marks: held at entry multiple (IPEV calibration)": the detail of every chart whose
    /// figures rest on the marks ([`super::marking::marks_detail`]).
    pub marks: String,
}

impl Frame {
    /// The frame of `case` in `study`.
    pub fn of(study: &Study, case: &Case) -> Frame {
        // Scenarios do not change how companies are marked: the base model says.
        let portfolio = study.portfolio();
        let fund = &portfolio.fund;
        Frame {
            fund: fund.name.clone(),
            currency: Currency::new(&fund.currency),
            case: case.clone(),
            marks: super::marking::marks_detail(portfolio),
        }
    }

    /// "Fund · Base case" or "Fund · scenario Downside · `detail`".
    pub fn subtitle(&self, detail: Option<&str>) -> String {
        let mut parts = vec![self.fund.clone(), self.case.to_string()];
        parts.extend(detail.filter(|d| !d.is_empty()).map(str::to_string));
        parts.join(" · ")
    }

    /// The money unit fitting amounts up to `largest` (in currency units).
    pub fn money(&self, largest: f64) -> MoneyUnit {
        MoneyUnit::fitting(self.currency.clone(), largest)
    }

    /// The unit fitting every amount of `amounts`.
    pub fn money_for(&self, amounts: impl IntoIterator<Item = f64>) -> MoneyUnit {
        self.money(amounts.into_iter().fold(0.0_f64, |m, v| m.max(v.abs())))
    }

    /// A money axis: "`words`, US$ bn" (just "US$ bn" without words).
    pub fn money_axis(&self, words: &str, unit: &MoneyUnit) -> Axis {
        let title = if words.is_empty() {
            unit.title()
        } else {
            format!("{words}, {}", unit.title())
        };
        Axis {
            title,
            scale: Scale::Money(unit.clone()),
        }
    }

    /// A chart of this frame with the legend its body implies.
    pub fn chart(
        &self,
        id: ChartId,
        title: String,
        detail: Option<&str>,
        axes: (Axis, Axis),
        body: Body,
    ) -> Chart {
        Chart {
            id,
            title,
            subtitle: self.subtitle(detail),
            legend: legend_of(&body),
            x_axis: axes.0,
            y_axis: axes.1,
            body,
            markers: Vec::new(),
            note: None,
        }
    }
}

/// The x axis of every chart over time.
pub fn quarter_axis() -> Axis {
    Axis {
        title: "Quarter end".into(),
        scale: Scale::Years,
    }
}

/// The legend a body implies (bars and heatmaps get theirs from their builder).
fn legend_of(body: &Body) -> Vec<LegendEntry> {
    let entry = |name: &str, colour, swatch| LegendEntry {
        name: name.to_string(),
        colour,
        swatch,
    };
    match body {
        Body::Lines(series) => series
            .iter()
            .map(|s| entry(&s.name, s.colour, Swatch::Line))
            .collect(),
        Body::StackedAreas(series) => series
            .iter()
            .map(|s| entry(&s.name, s.colour, Swatch::Area))
            .collect(),
        Body::Fan(fan) => fan
            .bands
            .iter()
            .map(|b| entry(&b.name, b.colour, Swatch::Area))
            .chain(fan.lines.iter().map(|s| entry(&s.name, s.colour, Swatch::Line)))
            .collect(),
        Body::Bridge(steps) => {
            let mut keys = vec![entry("Total", style::TOTAL, Swatch::Box)];
            if steps.iter().any(|s| s.kind == StepKind::AiLevers) {
                keys.push(entry("AI levers", style::AI_LEVERS, Swatch::Box));
            }
            keys.push(entry("Other gain", style::GAIN, Swatch::Box));
            keys.push(entry("Loss or cost", style::LOSS, Swatch::Box));
            keys
        }
        Body::Bars(_) | Body::Heatmap(_) => Vec::new(),
    }
}

/// A date as a fractional year (2026-07-01 → ~2026.5).
pub fn year_fraction(date: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(date.year()) + f64::from(date.ordinal()) / days_in_year
}

/// A figure for plotting (0 where it does not fit an `f64`, which no bounded model
/// figure reaches).
pub fn plot_value(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// A rate as plotted in percent.
pub fn percent(value: Option<Decimal>) -> Option<f64> {
    value.and_then(|v| v.to_f64()).map(|v| v * 100.0)
}
