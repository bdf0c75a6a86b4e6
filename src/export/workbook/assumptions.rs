//! The workbook's Assumptions sheet, listed from the field registry's tables.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, excel_date, f};
use crate::engine::fields::{self, FieldValue, Owner, Unit};
use crate::engine::model::Portfolio;

/// The Assumptions sheet: every field of the registry's tables for the fund, each
/// stage, each company and each of its levers — label, value, unit and path — so a field
/// added to a table reaches the workbook by itself.
pub(super) fn assumptions_sheet(
    sheet: &mut Worksheet,
    p: &Portfolio,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 12)?;
    sheet.set_column_width(3, 44)?;
    for (col, title) in (0u16..).zip(["Field", "Value", "Unit", "Path"]) {
        sheet.write_string_with_format(0, col, title, &fmt.bold)?;
    }
    let mut sections = vec![("Fund terms".to_string(), Owner::Fund)];
    for (i, stage) in p.stages.iter().enumerate() {
        sections.push((format!("Stage: {}", stage.name), Owner::Stage(i)));
    }
    for (c, company) in p.companies.iter().enumerate() {
        sections.push((format!("Company: {}", company.name), Owner::Company(c)));
        for (l, lever) in company.levers.iter().enumerate() {
            sections.push((
                format!("AI lever: {} / {}", company.name, lever.name),
                Owner::Lever { company: c, lever: l },
            ));
        }
    }
    let mut row = 2u32;
    for (title, owner) in sections {
        sheet.write_string_with_format(row, 0, &title, &fmt.bold)?;
        row += 1;
        for path in fields::paths(owner) {
            let (Some(meta), Some(value)) = (fields::meta(&path), fields::effective_value(p, &path)) else {
                continue;
            };
            sheet.write_string(row, 0, meta.label)?;
            assumption_value(sheet, row, meta.unit, &value, fmt)?;
            sheet.write_string(row, 2, meta.unit.label())?;
            sheet.write_string(row, 3, path.to_string())?;
            row += 1;
        }
        row += 1;
    }
    Ok(())
}

/// Writes one field's value in column B, formatted by its unit.
fn assumption_value(
    sheet: &mut Worksheet,
    row: u32,
    unit: Unit,
    value: &FieldValue,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    match value {
        FieldValue::Decimal(d) => {
            let format = match unit {
                Unit::Money => &fmt.money,
                Unit::Percent => &fmt.percent,
                Unit::Multiple => &fmt.multiple,
                _ => &fmt.plain,
            };
            sheet.write_number_with_format(row, 1, f(*d), format)?;
        }
        FieldValue::Whole(n) => {
            sheet.write_number(row, 1, f(Decimal::from(*n)))?;
        }
        FieldValue::Date(d) => {
            sheet.write_date_with_format(row, 1, excel_date(*d)?, &fmt.date)?;
        }
        FieldValue::Text(t) | FieldValue::Choice(t) => {
            sheet.write_string(row, 1, t)?;
        }
        FieldValue::Unset => {
            sheet.write_string(row, 1, "not set")?;
        }
    }
    Ok(())
}
