//! Charts of one case's projection: the J-curve, deployment by stage, NAV by sector,
//! EBITDA with and without AI levers (portfolio or one company) and the value bridge.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::frame::{Frame, plot_value, quarter_axis, year_fraction};
use super::id::ChartId;
use super::model::{Axis, Body, BridgeStep, Chart, Marker, Scale, Series};
use super::style::{self, MoneyUnit, StepKind};
use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;

/// Series of raw amounts (currency units) scaled into one money unit fitting them all.
fn money_series(frame: &Frame, raw: Vec<(String, Vec<(f64, f64)>)>) -> (MoneyUnit, Vec<Series>) {
    let unit = frame.money_for(raw.iter().flat_map(|(_, p)| p.iter().map(|(_, y)| *y)));
    let series = scaled_series(&unit, raw);
    (unit, series)
}

/// Series of raw amounts in `unit`, coloured in palette order, the first emphasised.
fn scaled_series(unit: &MoneyUnit, raw: Vec<(String, Vec<(f64, f64)>)>) -> Vec<Series> {
    raw.into_iter()
        .enumerate()
        .map(|(i, (name, points))| Series {
            name,
            points: points.into_iter().map(|(x, y)| (x, unit.scale(y))).collect(),
            colour: style::series_colour(i),
            emphasis: i == 0,
        })
        .collect()
}

/// Cumulative net cash flow to partners, with the trough marked.
pub fn jcurve(frame: &Frame, result: &FundResult) -> Chart {
    let points = result
        .periods
        .iter()
        .map(|p| (year_fraction(p.date), plot_value(p.cumulative_net_cash_flow)))
        .collect();
    let (unit, series) = money_series(frame, vec![("Cumulative net cash flow".into(), points)]);
    let m = &result.metrics;
    let trough = unit.scale(plot_value(m.jcurve_trough));
    let axes = (quarter_axis(), frame.money_axis("", &unit));
    let mut chart = frame.chart(
        ChartId::JCurve,
        ChartId::JCurve.title().into(),
        None,
        axes,
        Body::Lines(series),
    );
    chart.markers.push(Marker {
        label: format!(
            "Trough {} on {}",
            unit.value_label(trough, 1),
            m.jcurve_trough_date
        ),
        x: year_fraction(m.jcurve_trough_date),
        y: trough,
        colour: style::HIGHLIGHT,
    });
    chart
}

/// Cumulative acquisition equity (cheques with transaction costs) deployed, one stacked
/// area per stage, in stage order.
pub fn deployment_by_stage(frame: &Frame, result: &FundResult) -> Chart {
    let mut stages: Vec<&str> = Vec::new();
    for company in &result.companies {
        if !stages.contains(&company.stage.as_str()) {
            stages.push(&company.stage);
        }
    }
    let raw = stages
        .into_iter()
        .map(|stage| {
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
                    (year_fraction(*d), plot_value(total))
                })
                .collect();
            (stage.to_string(), points)
        })
        .collect();
    stacked(frame, ChartId::DeploymentByStage, None, raw)
}

/// Stacked areas of raw amounts; the unit fits the stack's total.
fn stacked(frame: &Frame, id: ChartId, detail: Option<&str>, raw: Vec<(String, Vec<(f64, f64)>)>) -> Chart {
    let mut total: Vec<f64> = Vec::new();
    for (_, points) in &raw {
        total.resize(total.len().max(points.len()), 0.0);
        for (sum, (_, y)) in total.iter_mut().zip(points) {
            *sum += y;
        }
    }
    let unit = frame.money_for(total);
    let mut series = scaled_series(&unit, raw);
    for s in &mut series {
        s.emphasis = false;
    }
    let axes = (quarter_axis(), frame.money_axis("", &unit));
    frame.chart(id, id.title().into(), detail, axes, Body::StackedAreas(series))
}

/// The fund's share of unrealised equity per sector (stacked), the marking policy in the
/// subtitle.
pub fn nav_by_sector(frame: &Frame, result: &FundResult) -> Chart {
    let mut by_sector: BTreeMap<crate::engine::model::Sector, Vec<Decimal>> = BTreeMap::new();
    for company in &result.companies {
        let row = by_sector
            .entry(company.sector)
            .or_insert_with(|| vec![Decimal::ZERO; result.dates.len()]);
        for (slot, period) in row.iter_mut().zip(&company.periods) {
            *slot += period.fund_equity_value;
        }
    }
    let raw = by_sector
        .into_iter()
        .map(|(sector, values)| {
            let points = result
                .dates
                .iter()
                .zip(&values)
                .map(|(d, v)| (year_fraction(*d), plot_value(*v)))
                .collect();
            (sector.label().to_string(), points)
        })
        .collect();
    stacked(frame, ChartId::NavBySector, Some(&frame.marks), raw)
}

/// With (AI green) and without (grey) AI levers: the one semantic pair of lines.
fn with_and_without(
    frame: &Frame,
    title: String,
    detail: Option<&str>,
    with: Vec<(f64, f64)>,
    without: Vec<(f64, f64)>,
) -> Chart {
    let raw = vec![
        ("With AI levers".to_string(), with),
        ("Without AI levers".to_string(), without),
    ];
    let (unit, mut series) = money_series(frame, raw);
    for (s, colour) in series.iter_mut().zip([style::AI_LEVERS, style::COUNTERFACTUAL]) {
        s.colour = colour;
    }
    let axes = (quarter_axis(), frame.money_axis("Run-rate EBITDA", &unit));
    frame.chart(ChartId::EbitdaWithAi, title, detail, axes, Body::Lines(series))
}

/// Run-rate (quarter × 4) EBITDA of the companies held, with and without AI levers.
pub fn ebitda_with_ai(frame: &Frame, result: &FundResult) -> Chart {
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
    let line = |values: &[Decimal]| -> Vec<(f64, f64)> {
        result
            .dates
            .iter()
            .zip(values)
            .map(|(d, v)| (year_fraction(*d), plot_value(*v)))
            .collect()
    };
    with_and_without(
        frame,
        ChartId::EbitdaWithAi.title().into(),
        Some("companies held"),
        line(&with),
        line(&without),
    )
}

/// One company's run-rate EBITDA with and without AI levers over its hold, titled with
/// its name; `None` when there is no company `index`.
pub fn company_ebitda(frame: &Frame, result: &FundResult, index: usize) -> Option<Chart> {
    let company = result.companies.get(index)?;
    let four = Decimal::from(4);
    let held: Vec<_> = result
        .dates
        .iter()
        .zip(&company.periods)
        .enumerate()
        .filter(|(q, (_, p))| p.held || *q == company.exit_index)
        .map(|(_, (d, p))| (year_fraction(*d), p))
        .collect();
    let with = held
        .iter()
        .map(|(x, p)| (*x, plot_value(p.ebitda * four)))
        .collect();
    let without = held
        .iter()
        .map(|(x, p)| (*x, plot_value(p.ebitda_without_levers * four)))
        .collect();
    let detail = format!("{}, {}", company.sector.label(), company.stage);
    Some(with_and_without(
        frame,
        format!("{}: run-rate EBITDA with and without AI levers", company.name),
        Some(&detail),
        with,
        without,
    ))
}

/// The bridge's bars, in order: the two totals and the drivers between them.
const BRIDGE_STEPS: [(&str, StepKind); 11] = [
    ("Equity paid", StepKind::Total),
    ("Revenue growth", StepKind::Driver),
    ("AI levers", StepKind::AiLevers),
    ("Other margin", StepKind::Driver),
    ("Multiple expansion", StepKind::Driver),
    ("Multiple × growth", StepKind::Driver),
    ("Deleveraging", StepKind::Driver),
    ("Working capital", StepKind::Driver),
    ("Leakage (costs, management pool)", StepKind::Driver),
    ("Partial sales", StepKind::Driver),
    ("Exit proceeds", StepKind::Total),
];

/// The fund-share bridge from the equity paid at entry (with transaction costs) to exit
/// proceeds, summed over companies by ownership. Per company, at 100 %, the engine's
/// bridge satisfies `entry_equity + drivers + working_capital + deleveraging =
/// exit_equity`, so `(entry_equity + entry_costs) + drivers + working_capital +
/// deleveraging + leakage = exit_equity + leakage + entry_costs`, exactly. That is what
/// a single sale at the exit would pay; "Partial sales" is what the fund's actual proceeds
/// differ by (sales of part of the holding before the exit, at that date's figures, and
/// the cents of rounding), so the last bar is the proceeds the fund received.
pub fn value_bridge(frame: &Frame, model: &Portfolio, result: &FundResult) -> Chart {
    let mut parts = [Decimal::ZERO; BRIDGE_STEPS.len()];
    for (company, modelled) in result.companies.iter().zip(&model.companies) {
        let b = &company.bridge;
        let ownership = modelled.ownership;
        let single_sale = b.exit_equity + b.leakage + b.entry_costs;
        let values = [
            b.entry_equity + b.entry_costs,
            b.revenue_growth,
            b.ai_levers,
            b.other_margin,
            b.multiple_expansion,
            b.cross_term,
            b.deleveraging,
            b.working_capital,
            b.leakage,
        ];
        for (slot, v) in parts.iter_mut().zip(values) {
            *slot += v * ownership;
        }
        let [.., partial_sales, proceeds] = &mut parts;
        *partial_sales += company.proceeds - single_sale * ownership;
        *proceeds += company.proceeds;
    }
    let unit = frame.money_for(parts.iter().map(|v| plot_value(*v)));
    let mut running = 0.0;
    let steps: Vec<BridgeStep> = BRIDGE_STEPS
        .iter()
        .zip(parts)
        .map(|((label, kind), value)| {
            let delta = unit.scale(plot_value(value));
            let start = if *kind == StepKind::Total { 0.0 } else { running };
            running = if *kind == StepKind::Total {
                delta
            } else {
                running + delta
            };
            BridgeStep {
                label: (*label).to_string(),
                start,
                delta,
                kind: *kind,
            }
        })
        .collect();
    let names = steps.iter().map(|s| s.label.clone()).collect();
    let axes = (
        Axis {
            title: String::new(),
            scale: Scale::Categories(names),
        },
        frame.money_axis("Fund share of equity value", &unit),
    );
    frame.chart(
        ChartId::ValueBridge,
        ChartId::ValueBridge.title().into(),
        None,
        axes,
        Body::Bridge(steps),
    )
}
