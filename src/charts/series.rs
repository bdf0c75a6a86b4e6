//! Each chart's series from a [`FundResult`]. Values are converted from `Decimal` to
//! `f64` here and only here, for plotting; x values are dates as fractional years.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;

/// The charts the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    JCurve,
    DeploymentByStage,
    NavBySector,
    EbitdaWithAi,
    ValueBridge,
    /// J-curves of the base case and every scenario.
    ScenarioJCurves,
    /// Monte Carlo fan of reported NAV (simulated estimate).
    MonteCarloNavFan,
    /// Monte Carlo histogram of final TVPI (simulated estimate).
    MonteCarloHistogram,
    /// Net IRR with each driver at its low and high value.
    Tornado,
    /// Net IRR over exit multiple shift × lever realisation.
    Heatmap,
}

impl ChartId {
    /// Every exportable chart.
    pub const ALL: [ChartId; 10] = [
        ChartId::JCurve,
        ChartId::DeploymentByStage,
        ChartId::NavBySector,
        ChartId::EbitdaWithAi,
        ChartId::ValueBridge,
        ChartId::ScenarioJCurves,
        ChartId::MonteCarloNavFan,
        ChartId::MonteCarloHistogram,
        ChartId::Tornado,
        ChartId::Heatmap,
    ];

    /// The charts with a tab of their own in the app (the others live in the Compare
    /// and Monte Carlo tabs).
    pub const TABS: [ChartId; 5] = [
        ChartId::JCurve,
        ChartId::DeploymentByStage,
        ChartId::NavBySector,
        ChartId::EbitdaWithAi,
        ChartId::ValueBridge,
    ];

    /// Stable snake_case name (CLI, file names).
    pub fn name(self) -> &'static str {
        match self {
            ChartId::JCurve => "jcurve",
            ChartId::DeploymentByStage => "deployment_by_stage",
            ChartId::NavBySector => "nav_by_sector",
            ChartId::EbitdaWithAi => "ebitda_ai",
            ChartId::ValueBridge => "value_bridge",
            ChartId::ScenarioJCurves => "scenario_jcurves",
            ChartId::MonteCarloNavFan => "montecarlo_nav_fan",
            ChartId::MonteCarloHistogram => "montecarlo_histogram",
            ChartId::Tornado => "tornado",
            ChartId::Heatmap => "heatmap",
        }
    }

    /// Title shown above the chart.
    pub fn title(self) -> &'static str {
        match self {
            ChartId::JCurve => "J-curve: cumulative net cash flow to partners",
            ChartId::DeploymentByStage => "Acquisition equity deployed by stage (cumulative)",
            ChartId::NavBySector => "NAV by sector (gross of carry)",
            ChartId::EbitdaWithAi => "Portfolio EBITDA with and without AI levers",
            ChartId::ValueBridge => "Value-creation bridge (fund share of equity)",
            ChartId::ScenarioJCurves => "J-curves by scenario: cumulative net cash flow to partners",
            ChartId::MonteCarloNavFan => "Monte Carlo NAV fan, P5 / P50 / P95 (simulated estimate)",
            ChartId::MonteCarloHistogram => "Monte Carlo: distribution of net TVPI (simulated estimate)",
            ChartId::Tornado => "Tornado: net IRR with each driver at its low and high value",
            ChartId::Heatmap => "Net IRR by exit multiple shift and AI lever realisation",
        }
    }

    /// Short label for a tab.
    pub fn tab_label(self) -> &'static str {
        match self {
            ChartId::JCurve => "J-curve",
            ChartId::DeploymentByStage => "Deployment",
            ChartId::NavBySector => "NAV by sector",
            ChartId::EbitdaWithAi => "EBITDA & AI",
            ChartId::ValueBridge => "Value bridge",
            ChartId::ScenarioJCurves => "Scenario J-curves",
            ChartId::MonteCarloNavFan => "NAV fan",
            ChartId::MonteCarloHistogram => "TVPI histogram",
            ChartId::Tornado => "Tornado",
            ChartId::Heatmap => "Heatmap",
        }
    }
}

/// The unit of a chart's y axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Money, plotted in billions.
    MoneyBn,
    /// A rate, plotted in percent (10 = 10 %).
    Percent,
    /// A multiple (2.0 = 2.0×).
    Multiple,
    /// A count (paths).
    Count,
    /// Category positions labelled by `Chart::categories`.
    Category,
    /// A plain number (a driver's value).
    Plain,
}

impl Unit {
    /// A tick label for `v`.
    pub fn label(self, v: f64, categories: &[String]) -> String {
        match self {
            Unit::MoneyBn => {
                let sign = if v < 0.0 && v.abs() >= 0.0005 { "-" } else { "" };
                format!("{sign}${:.0}bn", v.abs())
            }
            Unit::Percent => format!("{v:.1}%"),
            Unit::Multiple => format!("{v:.2}x"),
            Unit::Count | Unit::Plain => {
                let r = v.round();
                if (v - r).abs() < 1e-9 {
                    format!("{r:.0}")
                } else {
                    format!("{v:.2}")
                }
            }
            Unit::Category => {
                let i = v.round();
                if (v - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "checked non-negative"
                )]
                categories.get(i as usize).cloned().unwrap_or_default()
            }
        }
    }
}

/// A filled rectangle of a bar, histogram or heatmap chart, in plot units.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    pub x: (f64, f64),
    pub y: (f64, f64),
    /// RGB fill.
    pub fill: (u8, u8, u8),
    /// What the rectangle stands for (a bar's value, a cell's figure): the app shows it
    /// on hover.
    pub label: Option<String>,
}

/// One named line or area.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// `(fractional year, value in the chart's unit)`.
    pub points: Vec<(f64, f64)>,
}

/// A labelled point to mark (the J-curve trough).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub label: String,
    pub x: f64,
    pub y: f64,
}

/// One bar of a waterfall: it spans `start..start + delta`.
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeStep {
    pub label: String,
    pub start: f64,
    pub delta: f64,
    /// Totals (entry, exit) are drawn from zero in a neutral colour.
    pub is_total: bool,
}

/// Everything needed to draw one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub id: ChartId,
    pub unit: Unit,
    pub x_title: &'static str,
    pub y_title: &'static str,
    /// Lines (or stacked areas when `stacked`).
    pub series: Vec<Series>,
    pub stacked: bool,
    pub marker: Option<Marker>,
    /// Waterfall bars (value bridge only).
    pub steps: Vec<BridgeStep>,
    /// Rectangles (tornado, histogram, heatmap) with the axes' units.
    pub rects: Vec<Rect>,
    pub x_unit: Unit,
    pub y_unit: Unit,
    /// Names of category positions 0, 1, 2… (on whichever axis is `Unit::Category`).
    pub categories: Vec<String>,
    /// Legend entries for rectangle charts: name and RGB.
    pub keys: Vec<(String, (u8, u8, u8))>,
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

fn bn(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0) / 1e9
}

fn chart(id: ChartId) -> Chart {
    Chart {
        id,
        unit: Unit::MoneyBn,
        x_title: "Quarter end",
        y_title: "US$ bn",
        series: Vec::new(),
        stacked: false,
        marker: None,
        steps: Vec::new(),
        rects: Vec::new(),
        x_unit: Unit::Plain,
        y_unit: Unit::MoneyBn,
        categories: Vec::new(),
        keys: Vec::new(),
    }
}

/// Builds chart `id`.
pub fn build(id: ChartId, portfolio: &Portfolio, result: &FundResult) -> Chart {
    match id {
        ChartId::JCurve => jcurve(result),
        ChartId::DeploymentByStage => deployment_by_stage(result),
        ChartId::NavBySector => nav_by_sector(result),
        ChartId::EbitdaWithAi => ebitda_with_ai(result),
        ChartId::ValueBridge => value_bridge(portfolio, result),
        ChartId::ScenarioJCurves => scenario_jcurves(portfolio),
        ChartId::MonteCarloNavFan | ChartId::MonteCarloHistogram => {
            let config = crate::engine::montecarlo::McConfig::default();
            let never = std::sync::atomic::AtomicBool::new(false);
            match crate::engine::montecarlo::run(portfolio, &config, &|_| {}, &never) {
                Ok(mc) if id == ChartId::MonteCarloNavFan => monte_carlo_nav_fan(&mc),
                Ok(mc) => monte_carlo_histogram(&mc),
                Err(_) => chart(id),
            }
        }
        ChartId::Tornado => {
            crate::engine::sensitivity::tornado(portfolio).map_or_else(|_| chart(id), |t| tornado(&t))
        }
        ChartId::Heatmap => {
            use crate::engine::drivers::{Driver, Metric};
            use crate::engine::sensitivity::{Axis, grid};
            let axis = |d: Driver| {
                let (low, high) = d.tornado_range(portfolio);
                Axis {
                    driver: d,
                    low,
                    high,
                    steps: 21,
                }
            };
            let outcome = grid(
                portfolio,
                axis(Driver::ExitMultipleShift),
                Some(axis(Driver::RealisationScale)),
                Metric::NetIrr,
            );
            let at = |d: Driver| d.base_value(portfolio).to_f64().unwrap_or(0.0);
            let base = (at(Driver::ExitMultipleShift), at(Driver::RealisationScale));
            outcome.map_or_else(|_| chart(id), |g| heatmap(&g, base))
        }
    }
}

const LOW_ORANGE: (u8, u8, u8) = (0xE0, 0x8E, 0x2B);
const HIGH_NAVY: (u8, u8, u8) = (0x1F, 0x3A, 0x5F);

/// Net IRR (in %) at each driver's low and high value, bars starting at the base case,
/// largest swing on top.
pub fn tornado(t: &crate::engine::sensitivity::Tornado) -> Chart {
    let mut c = chart(ChartId::Tornado);
    c.x_title = "Net IRR, %";
    c.y_title = "";
    c.x_unit = Unit::Percent;
    c.y_unit = Unit::Category;
    let pct = |v: Option<Decimal>| v.and_then(|x| x.to_f64()).map(|x| x * 100.0);
    let base = pct(t.base_net_irr).unwrap_or(0.0);
    let n = t.rows.len();
    c.categories = t
        .rows
        .iter()
        .rev()
        .map(|r| r.driver.label().to_string())
        .collect();
    for (i, row) in t.rows.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of drivers")]
        let y = (n - 1 - i) as f64;
        for (value, setting, fill) in [
            (pct(row.net_irr_low), row.low_value, LOW_ORANGE),
            (pct(row.net_irr_high), row.high_value, HIGH_NAVY),
        ] {
            if let Some(v) = value {
                c.rects.push(Rect {
                    x: (base.min(v), base.max(v)),
                    y: (y - 0.35, y + 0.35),
                    fill,
                    label: Some(format!("{v:.1}% at {}", setting.normalize())),
                });
            }
        }
    }
    c.keys = vec![
        ("Driver at its low value".into(), LOW_ORANGE),
        ("Driver at its high value".into(), HIGH_NAVY),
    ];
    c
}

/// Histogram of final net TVPI across simulated paths.
pub fn monte_carlo_histogram(mc: &crate::engine::montecarlo::McResult) -> Chart {
    let mut c = chart(ChartId::MonteCarloHistogram);
    c.x_title = "Net TVPI (x)";
    c.y_title = "Paths";
    c.x_unit = Unit::Multiple;
    c.y_unit = Unit::Count;
    for (lo, hi, n) in &mc.tvpi_histogram {
        #[expect(clippy::cast_precision_loss, reason = "path counts are small")]
        let height = *n as f64;
        c.rects.push(Rect {
            x: (*lo, *hi),
            y: (0.0, height),
            fill: HIGH_NAVY,
            label: None,
        });
    }
    c.keys = vec![(format!("{} paths, seed {}", mc.paths, mc.seed), HIGH_NAVY)];
    c
}

/// Colour of `value` from `low` (red) through `base` (light grey) to `high` (dark blue);
/// lightness changes monotonically, so greyscale keeps the order.
pub fn diverging_colour(value: f64, low: f64, base: f64, high: f64) -> (u8, u8, u8) {
    let mix = |a: [f64; 3], b: [f64; 3], t: f64| {
        let t = t.clamp(0.0, 1.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "channels stay within 0..255"
        )]
        let c = |i: usize| (a[i] + (b[i] - a[i]) * t).round() as u8;
        (c(0), c(1), c(2))
    };
    let (red, grey, blue) = ([192.0, 80.0, 64.0], [242.0, 242.0, 242.0], [31.0, 58.0, 95.0]);
    if value < base {
        mix(grey, red, (base - value) / (base - low).max(1e-12))
    } else {
        mix(grey, blue, (value - base) / (high - base).max(1e-12))
    }
}

/// A two-driver grid as coloured cells (metric relative to the base case), with the base
/// case (`base` = the two drivers' base values) marked by a black square.
pub fn heatmap(g: &crate::engine::sensitivity::Grid, base_point: (f64, f64)) -> Chart {
    let mut c = chart(ChartId::Heatmap);
    c.x_title = g.x.driver.label();
    c.y_title = g.y.as_ref().map_or("", |a| a.driver.label());
    c.x_unit = Unit::Plain;
    c.y_unit = Unit::Plain;
    let f = |d: &Decimal| d.to_f64().unwrap_or(0.0);
    let scale = if g.metric.is_rate() { 100.0 } else { 1.0 };
    let values: Vec<f64> = g
        .cells
        .iter()
        .flatten()
        .filter_map(|v| v.as_ref().map(|x| f(x) * scale))
        .collect();
    let (low, high) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let base = g.base.as_ref().map_or((low + high) / 2.0, |b| f(b) * scale);
    let xs: Vec<f64> = g.xs.iter().map(f).collect();
    let ys: Vec<f64> = g.ys.iter().map(f).collect();
    #[expect(clippy::cast_precision_loss, reason = "a few dozen cells")]
    let step = |v: &[f64]| {
        if v.len() > 1 {
            (v[v.len() - 1] - v[0]) / (v.len() - 1) as f64
        } else {
            1.0
        }
    };
    let (dx, dy) = (step(&xs) / 2.0, step(&ys) / 2.0);
    let unit = if g.metric.is_rate() { "%" } else { "x" };
    for (row, y) in g.cells.iter().zip(&ys) {
        for (cell, x) in row.iter().zip(&xs) {
            if let Some(v) = cell.as_ref().map(|v| f(v) * scale) {
                c.rects.push(Rect {
                    x: (x - dx, x + dx),
                    y: (y - dy, y + dy),
                    fill: diverging_colour(v, low, base, high),
                    label: Some(format!("{}: {v:.2}{unit}", g.metric.name())),
                });
            }
        }
    }
    c.rects.push(Rect {
        x: (base_point.0 - dx / 3.0, base_point.0 + dx / 3.0),
        y: (base_point.1 - dy / 3.0, base_point.1 + dy / 3.0),
        fill: (0, 0, 0),
        label: None,
    });
    c.keys = vec![
        ("Base case".into(), (0, 0, 0)),
        (
            format!("{low:.1}{unit} (lowest)"),
            diverging_colour(low, low, base, high),
        ),
        (
            format!("{base:.1}{unit} (base case)"),
            diverging_colour(base, low, base, high),
        ),
        (
            format!("{high:.1}{unit} (highest)"),
            diverging_colour(high, low, base, high),
        ),
    ];
    c
}

/// The base case's and every scenario's J-curve (scenarios that do not compute are left
/// out).
pub fn scenario_jcurves(portfolio: &Portfolio) -> Chart {
    let mut c = chart(ChartId::ScenarioJCurves);
    let mut cases = vec![("Base case".to_string(), crate::engine::compute(portfolio))];
    for s in portfolio.scenarios.iter().filter(|s| s.name != "Base") {
        if let Ok(applied) = crate::engine::scenario::apply(portfolio, s) {
            cases.push((s.name.clone(), crate::engine::compute(&applied)));
        }
    }
    for (name, outcome) in cases {
        if let Ok(r) = outcome {
            let points = r
                .periods
                .iter()
                .map(|p| (year_fraction(p.date), bn(p.cumulative_net_cash_flow)))
                .collect();
            c.series.push(Series { name, points });
        }
    }
    c
}

/// P5, P50 and P95 of reported NAV per date from a Monte Carlo run.
pub fn monte_carlo_nav_fan(mc: &crate::engine::montecarlo::McResult) -> Chart {
    let mut c = chart(ChartId::MonteCarloNavFan);
    c.y_title = "Reported NAV, US$ bn (simulated)";
    for (k, name) in [(4, "P95"), (2, "P50 (median)"), (0, "P5")] {
        let points = mc
            .dates
            .iter()
            .zip(&mc.nav_fan)
            .map(|(d, f)| (year_fraction(*d), f[k] / 1e9))
            .collect();
        c.series.push(Series {
            name: format!("NAV {name}"),
            points,
        });
    }
    c
}

/// Cumulative net cash flow to partners, with the trough marked.
pub fn jcurve(result: &FundResult) -> Chart {
    let mut c = chart(ChartId::JCurve);
    let points = result
        .periods
        .iter()
        .map(|p| (year_fraction(p.date), bn(p.cumulative_net_cash_flow)))
        .collect();
    c.series.push(Series {
        name: "Cumulative net cash flow".into(),
        points,
    });
    let m = &result.metrics;
    c.marker = Some(Marker {
        label: format!(
            "Trough {} on {}",
            crate::units::format_money(m.jcurve_trough),
            m.jcurve_trough_date
        ),
        x: year_fraction(m.jcurve_trough_date),
        y: bn(m.jcurve_trough),
    });
    c
}

/// Cumulative acquisition equity (cheques with transaction costs) deployed, one stacked
/// area per stage, in stage order.
pub fn deployment_by_stage(result: &FundResult) -> Chart {
    let mut c = chart(ChartId::DeploymentByStage);
    c.stacked = true;
    let mut stages: Vec<&str> = Vec::new();
    for company in &result.companies {
        if !stages.contains(&company.stage.as_str()) {
            stages.push(&company.stage);
        }
    }
    for stage in stages {
        let mut per_quarter = vec![Decimal::ZERO; result.dates.len()];
        for company in result.companies.iter().filter(|co| co.stage == stage) {
            if let Some(slot) = per_quarter.get_mut(company.acquisition_index) {
                *slot += company.equity_cheque;
            }
        }
        let mut total = Decimal::ZERO;
        let points = result
            .dates
            .iter()
            .zip(&per_quarter)
            .map(|(d, amount)| {
                total += *amount;
                (year_fraction(*d), bn(total))
            })
            .collect();
        c.series.push(Series {
            name: stage.to_string(),
            points,
        });
    }
    c
}

/// The fund's share of unrealised equity per sector (stacked).
pub fn nav_by_sector(result: &FundResult) -> Chart {
    let mut c = chart(ChartId::NavBySector);
    c.stacked = true;
    let mut by_sector: BTreeMap<crate::engine::model::Sector, Vec<Decimal>> = BTreeMap::new();
    for company in &result.companies {
        let row = by_sector
            .entry(company.sector)
            .or_insert_with(|| vec![Decimal::ZERO; result.dates.len()]);
        for (slot, period) in row.iter_mut().zip(&company.periods) {
            *slot += period.fund_equity_value;
        }
    }
    for (sector, values) in by_sector {
        let points = result
            .dates
            .iter()
            .zip(&values)
            .map(|(d, v)| (year_fraction(*d), bn(*v)))
            .collect();
        c.series.push(Series {
            name: sector.label().to_string(),
            points,
        });
    }
    c
}

/// Run-rate (quarter × 4) EBITDA of the companies held, with and without AI levers.
pub fn ebitda_with_ai(result: &FundResult) -> Chart {
    let mut c = chart(ChartId::EbitdaWithAi);
    c.y_title = "Run-rate EBITDA, US$ bn";
    let n = result.dates.len();
    let mut with = vec![Decimal::ZERO; n];
    let mut without = vec![Decimal::ZERO; n];
    for company in &result.companies {
        for (q, period) in company.periods.iter().enumerate() {
            if (period.held || q == company.exit_index)
                && let (Some(w), Some(wo)) = (with.get_mut(q), without.get_mut(q))
            {
                *w += period.ebitda * Decimal::from(4);
                *wo += period.ebitda_without_levers * Decimal::from(4);
            }
        }
    }
    let line = |name: &str, values: &[Decimal]| Series {
        name: name.to_string(),
        points: result
            .dates
            .iter()
            .zip(values)
            .map(|(d, v)| (year_fraction(*d), bn(*v)))
            .collect(),
    };
    c.series.push(line("With AI levers", &with));
    c.series.push(line("Without AI levers", &without));
    c
}

/// One company's run-rate EBITDA with and without AI levers, over its hold.
pub fn company_ebitda(result: &FundResult, index: usize) -> Chart {
    let mut c = chart(ChartId::EbitdaWithAi);
    c.y_title = "Run-rate EBITDA, US$ bn";
    let Some(company) = result.companies.get(index) else {
        return c;
    };
    let held: Vec<(f64, &crate::engine::results::CompanyPeriod)> = result
        .dates
        .iter()
        .zip(&company.periods)
        .enumerate()
        .filter(|(q, (_, p))| p.held || *q == company.exit_index)
        .map(|(_, (d, p))| (year_fraction(*d), p))
        .collect();
    let four = Decimal::from(4);
    c.series.push(Series {
        name: format!("{}: with AI levers", company.name),
        points: held.iter().map(|(x, p)| (*x, bn(p.ebitda * four))).collect(),
    });
    c.series.push(Series {
        name: "Without AI levers".into(),
        points: held
            .iter()
            .map(|(x, p)| (*x, bn(p.ebitda_without_levers * four)))
            .collect(),
    });
    c
}

/// The fund-share bridge from the equity paid at entry (with transaction costs) to exit
/// proceeds, summed over companies: `paid + drivers + costs = proceeds`, exactly.
pub fn value_bridge(portfolio: &Portfolio, result: &FundResult) -> Chart {
    let mut c = chart(ChartId::ValueBridge);
    c.x_title = "";
    c.y_title = "Fund share of equity value, US$ bn";
    let mut parts = [Decimal::ZERO; 9];
    for (company, model) in result.companies.iter().zip(&portfolio.companies) {
        let b = &company.bridge;
        let values = [
            b.entry_equity + b.entry_costs,
            b.revenue_growth,
            b.ai_levers,
            b.other_margin,
            b.multiple_expansion,
            b.cross_term,
            b.deleveraging,
            b.costs,
            b.exit_equity + b.costs + b.entry_costs,
        ];
        for (slot, v) in parts.iter_mut().zip(values) {
            *slot += v * model.ownership;
        }
    }
    let labels = [
        "Equity paid",
        "Revenue growth",
        "AI levers",
        "Other margin",
        "Multiple expansion",
        "Multiple × growth",
        "Deleveraging",
        "Deal costs",
        "Exit proceeds",
    ];
    let mut running = 0.0;
    let last = labels.len() - 1;
    for (i, (label, value)) in labels.iter().zip(parts).enumerate() {
        let delta = bn(value);
        let is_total = i == 0 || i == last;
        let start = if is_total { 0.0 } else { running };
        c.steps.push(BridgeStep {
            label: (*label).to_string(),
            start,
            delta,
            is_total,
        });
        running = if is_total { delta } else { running + delta };
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::samples;

    fn flagship() -> (Portfolio, FundResult) {
        let p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        let r = crate::engine::compute(&p).unwrap_or_else(|e| panic!("{e}"));
        (p, r)
    }

    #[test]
    fn jcurve_ends_at_net_profit_and_marks_the_trough() {
        let (_, r) = flagship();
        let c = jcurve(&r);
        let last = c.series[0].points.last().copied().unwrap_or_default();
        let expected = bn(r.metrics.distributed - r.metrics.paid_in);
        assert!((last.1 - expected).abs() < 1e-9);
        let trough = c.marker.map(|m| m.y).unwrap_or_default();
        assert!(c.series[0].points.iter().all(|p| p.1 >= trough - 1e-12));
    }

    #[test]
    fn deployment_adds_up_to_the_equity_cheques() {
        let (_, r) = flagship();
        let c = deployment_by_stage(&r);
        let total: f64 = c.series.iter().filter_map(|s| s.points.last()).map(|p| p.1).sum();
        let cheques: Decimal = r.companies.iter().map(|co| co.equity_cheque).sum();
        assert!((total - bn(cheques)).abs() < 1e-6);
        assert_eq!(c.series.len(), 4);
    }

    #[test]
    fn nav_by_sector_sums_to_gross_nav() {
        let (_, r) = flagship();
        let c = nav_by_sector(&r);
        for (q, p) in r.periods.iter().enumerate() {
            let sum: f64 = c.series.iter().map(|s| s.points[q].1).sum();
            assert!((sum - bn(p.gross_nav)).abs() < 1e-6, "quarter {q}");
        }
    }

    #[test]
    fn scenario_jcurves_have_one_line_per_case_ending_at_each_cases_net_profit() {
        let (p, _) = flagship();
        let c = scenario_jcurves(&p);
        assert_eq!(
            c.series.len(),
            p.scenarios.iter().filter(|s| s.name != "Base").count() + 1
        );
        let downside = crate::engine::scenario::apply_named(&p, "Downside").unwrap_or_else(|e| panic!("{e}"));
        let r = crate::engine::compute(&downside).unwrap_or_else(|e| panic!("{e}"));
        let line = c
            .series
            .iter()
            .find(|s| s.name == "Downside")
            .unwrap_or_else(|| panic!("no Downside line"));
        let last = line.points.last().map(|p| p.1).unwrap_or_default();
        assert!((last - bn(r.metrics.distributed - r.metrics.paid_in)).abs() < 1e-9);
    }

    #[test]
    fn tornado_bars_span_from_the_base_case_to_each_drivers_figure() {
        let (p, _) = flagship();
        let t = crate::engine::sensitivity::tornado(&p).unwrap_or_else(|e| panic!("{e}"));
        let c = tornado(&t);
        assert_eq!(c.rects.len(), 2 * t.rows.len());
        assert_eq!(
            c.categories.first().map(String::as_str),
            t.rows.last().map(|r| r.driver.label())
        );
        let base = t.base_net_irr.and_then(|v| v.to_f64()).unwrap_or_default() * 100.0;
        let top = &t.rows[0];
        let low = top.net_irr_low.and_then(|v| v.to_f64()).unwrap_or_default() * 100.0;
        let bar = &c.rects[0];
        assert!((bar.x.0 - base.min(low)).abs() < 1e-9 && (bar.x.1 - base.max(low)).abs() < 1e-9);
    }

    #[test]
    fn heatmap_has_a_cell_per_grid_point_and_marks_the_base() {
        use crate::engine::drivers::{Driver, Metric};
        use crate::engine::sensitivity::{Axis, grid};
        let p = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let x = Axis {
            driver: Driver::ExitMultipleShift,
            low: rust_decimal::dec!(-1),
            high: rust_decimal::dec!(1),
            steps: 3,
        };
        let y = Axis {
            driver: Driver::GrowthShift,
            low: rust_decimal::dec!(0),
            high: rust_decimal::dec!(0.01),
            steps: 2,
        };
        let g = grid(&p, x, Some(y), Metric::Tvpi).unwrap_or_else(|e| panic!("{e}"));
        let c = heatmap(&g, (0.0, 0.0));
        assert_eq!(c.rects.len(), 3 * 2 + 1);
        assert_eq!(c.rects.last().map(|r| r.fill), Some((0, 0, 0)));
        // The base case cell is the neutral grey of the scale.
        assert_eq!(c.rects[1].fill, (242, 242, 242));
    }

    #[test]
    fn bridge_steps_walk_from_entry_to_exit() {
        let (p, r) = flagship();
        let c = value_bridge(&p, &r);
        let n = c.steps.len();
        let walked: f64 = c.steps[..n - 1].iter().map(|s| s.delta).sum();
        assert!(
            (walked - c.steps[n - 1].delta).abs() < 1e-6,
            "{walked} vs {}",
            c.steps[n - 1].delta
        );
        // The exit bar is the fund's proceeds from every exit (none is clamped at zero here).
        assert!((c.steps[n - 1].delta - bn(r.metrics.gross_proceeds)).abs() < 1e-3);
        assert!(c.steps[2].label == "AI levers" && c.steps[2].delta > 0.0);
    }
}
