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

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};

    use crate::engine::compute;
    use crate::engine::fields::{self, Owner};

    /// Every field of every table for the fund, the stages, the companies and their
    /// levers is a row of the sheet, with its path beside it, and a number shows the
    /// model's value.
    #[test]
    fn assumptions_list_every_registry_field_with_its_value() {
        let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        let r = compute(&p).unwrap_or_else(|e| panic!("{e}"));
        let bytes = super::super::build(&p, "Base", &r).unwrap_or_else(|e| panic!("{e}"));
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let sheet = book
            .worksheet_range("Assumptions")
            .unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<&[Data]> = sheet.rows().collect();
        let row_of = |path: &str| {
            rows.iter()
                .find(|row| {
                    row.get(3)
                        .is_some_and(|cell| *cell == Data::String(path.to_string()))
                })
                .copied()
        };
        let mut owners = vec![Owner::Fund];
        owners.extend((0..p.stages.len()).map(Owner::Stage));
        for (c, company) in p.companies.iter().enumerate() {
            owners.push(Owner::Company(c));
            owners.extend((0..company.levers.len()).map(|lever| Owner::Lever { company: c, lever }));
        }
        for owner in owners {
            for path in fields::paths(owner) {
                let Some(meta) = fields::meta(&path) else {
                    panic!("{path} has no row")
                };
                if fields::value(&p, &path).is_none() {
                    continue; // does not apply (a benchmark return on an index series)
                }
                let row = row_of(&path.to_string()).unwrap_or_else(|| panic!("no row for {path}"));
                assert_eq!(row.first().map(ToString::to_string), Some(meta.label.to_string()));
                assert_eq!(
                    row.get(2).map(ToString::to_string),
                    Some(meta.unit.label().to_string())
                );
            }
        }
        let exit_costs = row_of("companies[0].exit_costs").unwrap_or_else(|| panic!("no exit costs row"));
        let expected = p.companies[0]
            .exit_costs
            .to_string()
            .parse::<f64>()
            .unwrap_or(f64::NAN);
        assert_eq!(exit_costs.get(1), Some(&Data::Float(expected)));
        let name = row_of("fund.name").unwrap_or_else(|| panic!("no fund name row"));
        assert_eq!(name.get(1), Some(&Data::String(p.fund.name.clone())));
    }
}
