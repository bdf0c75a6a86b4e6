//! The subscription credit line side by side: net IRR, TVPI and DPI with the line and
//! without it (ILPA, "Enhancing Transparency Around Subscription Lines of Credit", 2020),
//! and what the facility cost. One set of rows for the `summary` text, its JSON, and the
//! app's Overview, so they always agree.

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::engine::results::{FundMetrics, FundResult};
use crate::engine::xirr::XirrError;
use crate::units::{format_money_in, format_multiple, format_percent};

/// One metric with the line and without it, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonRow {
    /// The metric ("Net IRR").
    pub label: &'static str,
    /// Its value with the line (the fund's reported figure).
    pub with_line: String,
    /// Its value had every call been made from the partners when the line was drawn.
    pub without_line: String,
}

fn irr(value: &Result<Decimal, XirrError>) -> String {
    value
        .as_ref()
        .map_or_else(|_| "n/a".into(), |r| format_percent(*r))
}

fn multiple(value: Option<Decimal>) -> String {
    value.map_or_else(|| "n/a".into(), format_multiple)
}

/// The with-and-without rows; `None` when the fund has no credit line.
pub fn comparison(result: &FundResult) -> Option<Vec<ComparisonRow>> {
    let line = result.credit_line.as_ref()?;
    let (with, without): (&FundMetrics, &FundMetrics) = (&result.metrics, &line.without_line);
    let money = |v: Decimal| format_money_in(v, &result.currency);
    let row = |label, with_line, without_line| ComparisonRow {
        label,
        with_line,
        without_line,
    };
    Some(vec![
        row("Net IRR", irr(&with.net_irr), irr(&without.net_irr)),
        row("TVPI", multiple(with.tvpi), multiple(without.tvpi)),
        row("DPI", multiple(with.dpi), multiple(without.dpi)),
        row("Paid-in", money(with.paid_in), money(without.paid_in)),
        row(
            "Line interest and fees",
            money(line.interest + line.unused_fees),
            money(Decimal::ZERO),
        ),
    ])
}

/// The facility in one line: its peak balance and longest days outstanding.
pub fn facility_line(result: &FundResult) -> Option<String> {
    let line = result.credit_line.as_ref()?;
    Some(format!(
        "peak balance {}, longest draw outstanding {} days; interest {}, unused fees {}",
        format_money_in(line.peak_balance, &result.currency),
        line.longest_days_outstanding,
        format_money_in(line.interest, &result.currency),
        format_money_in(line.unused_fees, &result.currency),
    ))
}

/// The `summary` text's lines for the line: a heading, the rows in two columns and the
/// facility line; empty without a credit line.
pub fn summary_lines(result: &FundResult) -> Vec<String> {
    let Some(rows) = comparison(result) else {
        return Vec::new();
    };
    let label_width = rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
    let with_width = rows
        .iter()
        .map(|r| r.with_line.chars().count())
        .max()
        .unwrap_or(0)
        .max("with line".len());
    let mut lines = vec![
        String::new(),
        "Subscription credit line (ILPA: with and without the facility)".to_string(),
        format!("{:<label_width$}  {:>with_width$}  without line", "", "with line"),
    ];
    for r in &rows {
        lines.push(format!(
            "{:<label_width$}  {:>with_width$}  {}",
            r.label, r.with_line, r.without_line
        ));
    }
    if let Some(facility) = facility_line(result) {
        lines.push(format!("Facility: {facility}"));
    }
    lines
}

fn ratio(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |v| {
        Value::String(v.round_dp(super::tables::RATIO_DP).normalize().to_string())
    })
}

fn money(value: Decimal) -> Value {
    Value::String(value.round_dp(super::tables::MONEY_DP).to_string())
}

/// The `credit_line` object of `summary --json`: the metrics with and without the line
/// and the facility's totals, as decimal strings; `None` without a credit line.
pub fn summary_json(result: &FundResult) -> Option<Value> {
    let line = result.credit_line.as_ref()?;
    let metrics = |m: &FundMetrics| {
        let mut o = Map::new();
        o.insert("net_irr".into(), ratio(m.net_irr.as_ref().ok().copied()));
        o.insert("tvpi".into(), ratio(m.tvpi));
        o.insert("dpi".into(), ratio(m.dpi));
        o.insert("paid_in".into(), money(m.paid_in));
        Value::Object(o)
    };
    Some(json!({
        "with_line": metrics(&result.metrics),
        "without_line": metrics(&line.without_line),
        "interest": money(line.interest),
        "unused_fees": money(line.unused_fees),
        "peak_balance": money(line.peak_balance),
        "longest_days_outstanding": line.longest_days_outstanding,
    }))
}
