//! The workbook's "LP accounts" sheet: each LP class's figures over the fund's life on
//! top (commitment, paid-in, distributed, NAV, TVPI, DPI, net IRR, fees, carry,
//! equalisation interest paid and received), then the quarterly capital accounts — the
//! rows of `millwright lp` ([`crate::export::lp_accounts`]), one per quarter per class.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, excel_date, f};
use crate::engine::results::FundResult;
use crate::export::lp_accounts::{self, SUMMARY_HEADINGS, SummaryCell};

/// The row (0-based) of the capital accounts' header, for `result`: under the title,
/// the summary's header, one row per class and a blank row, and the accounts' title.
pub(super) fn accounts_header_row(result: &FundResult) -> u32 {
    let classes = u32::try_from(result.classes.len()).unwrap_or(u32::MAX / 2);
    classes.saturating_add(4)
}

/// Writes the sheet.
pub(super) fn lp_accounts_sheet(
    sheet: &mut Worksheet,
    result: &FundResult,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 12)?;
    for col in 2u16..16 {
        sheet.set_column_width(col, 18)?;
    }
    sheet.write_string_with_format(
        0,
        0,
        format!("Per class, over the fund's life ({})", result.currency),
        &fmt.bold,
    )?;
    for (col, heading) in (0u16..).zip(SUMMARY_HEADINGS) {
        sheet.write_string_with_format(1, col, heading, &fmt.bold)?;
    }
    for (row, class) in (2u32..).zip(&result.classes) {
        for (col, cell) in (0u16..).zip(lp_accounts::summary_cells(class)) {
            summary_cell(sheet, row, col, &cell, fmt)?;
        }
    }
    let header = accounts_header_row(result);
    sheet.write_string_with_format(
        header.saturating_sub(1),
        0,
        "Quarterly capital accounts",
        &fmt.bold,
    )?;
    for (col, heading) in (0u16..).zip(lp_accounts::headings(&result.currency)) {
        sheet.write_string_with_format(header, col, heading, &fmt.bold)?;
    }
    // The rows of `lp_accounts::lp_accounts` for every class: each class's quarters in turn.
    let quarters = result
        .classes
        .iter()
        .flat_map(|c| c.periods.iter().map(move |p| (c.name.as_str(), p)));
    for (row, (class, quarter)) in (header.saturating_add(1)..).zip(quarters) {
        sheet.write_string(row, 0, class)?;
        sheet.write_date_with_format(row, 1, excel_date(quarter.date)?, &fmt.date)?;
        for (col, amount) in (2u16..).zip(lp_accounts::account_amounts(quarter)) {
            sheet.write_number_with_format(row, col, f(amount), &fmt.money)?;
        }
    }
    Ok(())
}

/// One figure of the summary in its format; an undefined ratio or IRR as "n/a".
fn summary_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &SummaryCell,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        SummaryCell::Text(text) => sheet.write_string(row, col, text)?,
        SummaryCell::Count(n) => sheet.write_number(row, col, f64::from(*n))?,
        SummaryCell::Money(v) => sheet.write_number_with_format(row, col, f(*v), &fmt.money)?,
        SummaryCell::Multiple(Some(v)) => sheet.write_number_with_format(row, col, f(*v), &fmt.multiple)?,
        SummaryCell::Rate(Ok(v)) => sheet.write_number_with_format(row, col, f(*v), &fmt.percent)?,
        SummaryCell::Multiple(None) | SummaryCell::Rate(Err(_)) => sheet.write_string(row, col, "n/a")?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};
    use chrono::NaiveDate;
    use rust_decimal::{Decimal, dec};

    use super::*;
    use crate::engine::results::{CapitalAccountPeriod, ClassMetrics, ClassResult};
    use crate::engine::xirr::XirrError;

    /// A class of two quarters: 100 contributed in the first, 150 distributed in the
    /// second, net IRR 25 % (or none), TVPI 1.5.
    fn class(name: &str, net_irr: Result<Decimal, XirrError>) -> ClassResult {
        let first = CapitalAccountPeriod {
            date: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap_or_default(),
            commitment: dec!(200),
            contributed: dec!(100),
            contributed_to_date: dec!(100),
            unfunded: dec!(100),
            ..CapitalAccountPeriod::default()
        };
        let second = CapitalAccountPeriod {
            date: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap_or_default(),
            distributed: dec!(150),
            distributed_to_date: dec!(150),
            contributed_to_date: dec!(100),
            ..first.clone()
        };
        ClassResult {
            name: name.into(),
            investors: 4,
            commitment: dec!(200),
            periods: vec![first, second],
            metrics: ClassMetrics {
                paid_in: dec!(100),
                distributed: dec!(150),
                nav: Decimal::ZERO,
                // (150 + 0) / 100
                tvpi: Some(dec!(1.5)),
                dpi: Some(dec!(1.5)),
                rvpi: Some(Decimal::ZERO),
                net_irr,
                management_fees: Decimal::ZERO,
                carried_interest: Decimal::ZERO,
                equalisation_interest_paid: Decimal::ZERO,
                equalisation_interest_received: Decimal::ZERO,
            },
        }
    }

    #[test]
    fn the_sheet_has_a_summary_row_per_class_then_a_row_per_quarter_per_class() {
        let portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let mut result = crate::engine::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
        result.classes = vec![
            class("Anchor", Ok(dec!(0.25))),
            class("Standard", Err(XirrError::NoRoot)),
        ];
        let bytes =
            crate::export::workbook::build(&portfolio, "Base", &result).unwrap_or_else(|e| panic!("{e}"));
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let sheet = book
            .worksheet_range("LP accounts")
            .unwrap_or_else(|e| panic!("{e}"));
        let at = |row: u32, col: u32| sheet.get_value((row, col)).cloned().unwrap_or_default();
        // Summary: header on row 1, the classes on rows 2 and 3.
        assert_eq!(at(1, 8), Data::String("Net IRR".into()));
        assert_eq!(at(2, 0), Data::String("Anchor".into()));
        assert_eq!(at(2, 1), Data::Float(4.0));
        assert_eq!(at(2, 3), Data::Float(100.0));
        assert_eq!(at(2, 6), Data::Float(1.5));
        assert_eq!(at(2, 8), Data::Float(0.25));
        assert_eq!(at(3, 8), Data::String("n/a".into()));
        // Two classes: the accounts' header on row 2 + 2 + 2 = 6, four quarters under it.
        assert_eq!(accounts_header_row(&result), 6);
        assert_eq!(
            at(6, 2),
            Data::String(format!("Commitment ({})", result.currency))
        );
        let classes: Vec<Data> = (7..11).map(|r| at(r, 0)).collect();
        assert_eq!(
            classes,
            ["Anchor", "Anchor", "Standard", "Standard"].map(|s| Data::String(s.into()))
        );
        // Contributed in the first quarter, distributed in the second.
        assert_eq!(at(7, 3), Data::Float(100.0));
        assert_eq!(at(8, 5), Data::Float(150.0));
        assert_eq!(at(11, 0), Data::Empty);
    }
}
