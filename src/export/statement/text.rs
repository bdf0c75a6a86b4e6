//! The statement as text: CSV for `millwright company`, tab-separated for the clipboard.
//! Amounts to the cent ([`MONEY_DP`]), multiples and fractions to [`RATIO_DP`] places.

use rust_decimal::Decimal;

use super::{DATE_HEADING, Statement, Unit};
use crate::export::tables::{MONEY_DP, RATIO_DP};

/// One figure as written in the CSV and TSV: amounts to the cent, multiples and
/// fractions to [`RATIO_DP`] places, empty when undefined.
pub fn cell_text(value: Option<Decimal>, unit: Unit) -> String {
    match (value, unit) {
        (None, _) => String::new(),
        (Some(v), Unit::Money) => v.round_dp(MONEY_DP).to_string(),
        (Some(v), Unit::Multiple | Unit::Fraction) => v.round_dp(RATIO_DP).normalize().to_string(),
    }
}

/// The header row and each quarter's row as text cells.
fn text_rows(statement: &Statement) -> Vec<Vec<String>> {
    let header = std::iter::once(DATE_HEADING.to_string())
        .chain(statement.columns.iter().cloned())
        .collect();
    let body = statement.rows.iter().map(|row| {
        std::iter::once(row.date.to_string())
            .chain(
                row.values
                    .iter()
                    .zip(&statement.units)
                    .map(|(value, unit)| cell_text(*value, *unit)),
            )
            .collect()
    });
    std::iter::once(header).chain(body).collect()
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The statement as CSV: a header row, then one row per quarter.
pub fn to_csv(statement: &Statement) -> String {
    text_rows(statement)
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| csv_field(cell))
                .collect::<Vec<_>>()
                .join(",")
                + "\n"
        })
        .collect()
}

/// The statement as tab-separated text that pastes into a spreadsheet (a tab or line
/// break inside a heading becomes a space, so every row keeps its columns).
pub fn to_tsv(statement: &Statement) -> String {
    text_rows(statement)
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| cell.replace(['\t', '\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\t")
                + "\n"
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::export::statement::StatementRow;

    #[test]
    fn csv_quotes_a_heading_with_a_comma_and_tsv_keeps_its_columns() {
        let statement = Statement {
            company: "A".into(),
            case: "Base case".into(),
            currency: "USD".into(),
            columns: vec!["Vision QC, line 2 saving (USD)".into(), "Leverage (x)".into()],
            units: vec![Unit::Money, Unit::Multiple],
            rows: vec![StatementRow {
                date: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default(),
                values: vec![Some(Decimal::new(123_456, 3)), None],
            }],
        };
        assert_eq!(
            to_csv(&statement),
            "Quarter end,\"Vision QC, line 2 saving (USD)\",Leverage (x)\n2027-03-31,123.46,\n"
        );
        assert_eq!(
            to_tsv(&statement),
            "Quarter end\tVision QC, line 2 saving (USD)\tLeverage (x)\n2027-03-31\t123.46\t\n"
        );
    }
}
