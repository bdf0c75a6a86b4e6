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
}

impl ChartId {
    /// Every exportable chart.
    pub const ALL: [ChartId; 7] = [
        ChartId::JCurve,
        ChartId::DeploymentByStage,
        ChartId::NavBySector,
        ChartId::EbitdaWithAi,
        ChartId::ValueBridge,
        ChartId::ScenarioJCurves,
        ChartId::MonteCarloNavFan,
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
        }
    }
}

/// The unit of a chart's y axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Money, plotted in billions.
    MoneyBn,
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
        ChartId::MonteCarloNavFan => {
            let config = crate::engine::montecarlo::McConfig::default();
            let never = std::sync::atomic::AtomicBool::new(false);
            match crate::engine::montecarlo::run(portfolio, &config, &|_| {}, &never) {
                Ok(mc) => monte_carlo_nav_fan(&mc),
                Err(_) => chart(ChartId::MonteCarloNavFan),
            }
        }
    }
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
