//! The capital accounts as text: CSV for `millwright lp`, tab-separated for the clipboard,
//! and the per-class lines of the `summary` text.

use rust_decimal::Decimal;

use super::{LpAccounts, cents};
use crate::engine::results::FundResult;
use crate::engine::xirr::XirrError;

/// The header row and each row as text cells.
fn text_rows(accounts: &LpAccounts) -> Vec<Vec<String>> {
    let body = accounts.rows.iter().map(|row| {
        [row.class.clone(), row.date.to_string()]
            .into_iter()
            .chain(row.amounts.iter().map(|a| cents(*a)))
            .collect()
    });
    std::iter::once(accounts.columns.clone()).chain(body).collect()
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The accounts as CSV: a header row, then one row per quarter per class.
pub fn to_csv(accounts: &LpAccounts) -> String {
    text_rows(accounts)
        .iter()
        .map(|row| row.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\n")
        .collect()
}

/// The accounts as tab-separated text that pastes into a spreadsheet (a tab or line
/// break inside a class name becomes a space, so every row keeps its columns).
pub fn to_tsv(accounts: &LpAccounts) -> String {
    text_rows(accounts)
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| c.replace(['\t', '\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\t")
                + "\n"
        })
        .collect()
}

fn percent(value: &Result<Decimal, XirrError>) -> String {
    match value {
        Ok(v) => v
            .checked_mul(Decimal::ONE_HUNDRED)
            .map_or_else(|| "n/a".to_string(), |p| format!("{:.2}%", p.round_dp(2))),
        Err(_) => "n/a".to_string(),
    }
}

fn multiple(value: Option<Decimal>) -> String {
    value.map_or_else(|| "n/a".to_string(), |v| format!("{:.2}x", v.round_dp(2)))
}

/// The `summary` text's block of LP classes: a heading, then each class's net IRR, TVPI
/// and DPI in columns. Empty when the fund has one class (its figures are the fund's).
pub fn class_lines(result: &FundResult) -> Vec<String> {
    if result.classes.len() < 2 {
        return Vec::new();
    }
    let cells: Vec<[String; 4]> = result
        .classes
        .iter()
        .map(|c| {
            [
                c.name.clone(),
                percent(&c.metrics.net_irr),
                multiple(c.metrics.tvpi),
                multiple(c.metrics.dpi),
            ]
        })
        .collect();
    let header = ["Class".to_string(), "Net IRR".into(), "TVPI".into(), "DPI".into()];
    let width = |i: usize| {
        std::iter::once(&header)
            .chain(&cells)
            .filter_map(|row| row.get(i))
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2), width(3)];
    let line = |row: &[String; 4]| {
        let [name, irr, tvpi, dpi] = row;
        let [w0, w1, w2, w3] = widths;
        format!("{name:<w0$}  {irr:>w1$}  {tvpi:>w2$}  {dpi:>w3$}")
            .trim_end()
            .to_string()
    };
    let mut lines = vec![
        String::new(),
        "LP classes (net of each class's fees and carry)".to_string(),
        line(&header),
    ];
    lines.extend(cells.iter().map(line));
    lines
}
