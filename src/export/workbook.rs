//! The audit workbook (rust_xlsxwriter): Summary, Fund cash flows, LP accounts, Companies,
//! Scenarios, Assumptions. The Summary's net IRR, TVPI, DPI and RVPI are live formulas
//! (XIRR, SUM) over the cash-flow sheet, so a reviewer sees the app's figures recomputed
//! by the spreadsheet; each formula also carries the app's figure as its cached result,
//! and the app's figure sits beside it for comparison. Cells hold IEEE doubles, as Excel
//! does: money is exact to the cent at these magnitudes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;

/// Sheet names, in order.
pub const SHEETS: [&str; 6] = [
    "Summary",
    "Fund cash flows",
    "LP accounts",
    "Companies",
    "Scenarios",
    "Assumptions",
];
mod assumptions;
mod lp_accounts;
use assumptions::assumptions_sheet;
use lp_accounts::lp_accounts_sheet;

const FLOWS: &str = "'Fund cash flows'";

fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

struct Formats {
    cached: CachedResults,
    bold: Format,
    money: Format,
    percent: Format,
    multiple: Format,
    plain: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            cached: CachedResults::Include,
            bold: Format::new().set_bold(),
            money: Format::new().set_num_format("#,##0.00"),
            percent: Format::new().set_num_format("0.00%"),
            multiple: Format::new().set_num_format("0.00\"x\""),
            plain: Format::new().set_num_format("0.####"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

fn excel_date(date: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(1900),
        u8::try_from(date.month()).unwrap_or(1),
        u8::try_from(date.day()).unwrap_or(1),
    )
}

/// Whether formula cells carry the app's figures as cached results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachedResults {
    /// Viewers that do not recalculate still show the figures (the default).
    Include,
    /// Formulas only: a spreadsheet must recalculate to show anything (for checking
    /// that it arrives at the app's figures on its own).
    Omit,
}

/// Builds the workbook and returns the `.xlsx` bytes.
pub fn build(portfolio: &Portfolio, scenario: &str, result: &FundResult) -> Result<Vec<u8>, XlsxError> {
    build_with(portfolio, scenario, result, CachedResults::Include)
}

/// [`build`], choosing whether formulas carry cached results.
pub fn build_with(
    portfolio: &Portfolio,
    scenario: &str,
    result: &FundResult,
    cached: CachedResults,
) -> Result<Vec<u8>, XlsxError> {
    let fmt = Formats {
        cached,
        ..Formats::new()
    };
    let mut book = Workbook::new();
    let mut summary = Worksheet::new();
    summary.set_name(SHEETS[0])?;
    let mut flows = Worksheet::new();
    flows.set_name(SHEETS[1])?;
    cash_flows(&mut flows, result, &fmt)?;
    summary_sheet(&mut summary, portfolio, scenario, result, &fmt)?;
    let mut lp = Worksheet::new();
    lp.set_name(SHEETS[2])?;
    lp_accounts_sheet(&mut lp, result, &fmt)?;
    let mut companies = Worksheet::new();
    companies.set_name(SHEETS[3])?;
    companies_sheet(&mut companies, result, &fmt)?;
    let mut scenarios = Worksheet::new();
    scenarios.set_name(SHEETS[4])?;
    scenarios_sheet(&mut scenarios, portfolio, &fmt)?;
    let mut assumptions = Worksheet::new();
    assumptions.set_name(SHEETS[5])?;
    assumptions_sheet(&mut assumptions, portfolio, &fmt)?;
    for sheet in [summary, flows, lp, companies, scenarios, assumptions] {
        book.push_worksheet(sheet);
    }
    book.save_to_buffer()
}

/// Cash-flow columns: the partners' flow XIRR reads, then the commitment uncalled.
const FLOW_COLUMNS: [&str; 15] = [
    "Date",
    "LP contributions",
    "LP distributions",
    "LP NAV",
    "Deal equity",
    "Follow-ons",
    "Management fees",
    "Fund expenses",
    "Gross proceeds",
    "Carried interest",
    "Gross NAV",
    "Accrued carry",
    "Net cash flow",
    "LP flow incl. final NAV",
    "Uncalled commitment",
];

fn cash_flows(sheet: &mut Worksheet, result: &FundResult, fmt: &Formats) -> Result<(), XlsxError> {
    for (col, title) in (0u16..).zip(FLOW_COLUMNS) {
        sheet.write_string_with_format(0, col, title, &fmt.bold)?;
        sheet.set_column_width(col, if col == 0 { 12 } else { 18 })?;
    }
    let last = result.periods.len();
    for (row, p) in (1u32..).zip(&result.periods) {
        sheet.write_date_with_format(row, 0, excel_date(p.date)?, &fmt.date)?;
        // Between the date and the partners' flow (a formula of the sheet's own), the
        // columns are the CSV's up to the net cash flow: 12 amounts.
        let values = super::tables::cashflow_amounts(p)
            .into_iter()
            .take(FLOW_COLUMNS.len() - 3);
        for (col, value) in (1u16..).zip(values) {
            sheet.write_number_with_format(row, col, f(value), &fmt.money)?;
        }
        let excel_row = row + 1;
        let is_last = usize::try_from(row).is_ok_and(|r| r == last);
        let (formula, value) = if is_last {
            (
                format!("=C{excel_row}-B{excel_row}+D{excel_row}"),
                p.lp_distributions - p.lp_contributions + p.lp_nav,
            )
        } else {
            (
                format!("=C{excel_row}-B{excel_row}"),
                p.lp_distributions - p.lp_contributions,
            )
        };
        sheet.write_formula_with_format(
            row,
            13,
            Formula::new(formula).set_result(f(value).to_string()),
            &fmt.money,
        )?;
        sheet.write_number_with_format(row, 14, f(p.uncalled_commitment), &fmt.money)?;
    }
    Ok(())
}

fn summary_sheet(
    sheet: &mut Worksheet,
    p: &Portfolio,
    scenario: &str,
    r: &FundResult,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    summary_header(sheet, p, scenario, fmt)?;
    live_metric_rows(sheet, r, fmt)?;
    engine_only_rows(sheet, r, fmt)?;
    sheet.write_string(
        18,
        0,
        "Figures in column B are recomputed by the spreadsheet from the 'Fund cash flows' sheet.",
    )?;
    Ok(())
}

/// Fund and scenario names, and the column titles of the metrics table.
fn summary_header(
    sheet: &mut Worksheet,
    p: &Portfolio,
    scenario: &str,
    fmt: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 20)?;
    sheet.set_column_width(2, 20)?;
    sheet.set_column_width(3, 60)?;
    sheet.write_string_with_format(0, 0, "Fund", &fmt.bold)?;
    sheet.write_string(0, 1, &p.fund.name)?;
    sheet.write_string_with_format(1, 0, "Scenario", &fmt.bold)?;
    sheet.write_string(1, 1, scenario)?;
    sheet.write_string_with_format(3, 0, "Metric", &fmt.bold)?;
    sheet.write_string_with_format(3, 1, "Spreadsheet (live)", &fmt.bold)?;
    sheet.write_string_with_format(3, 2, "Millwright", &fmt.bold)?;
    sheet.write_string_with_format(3, 3, "How", &fmt.bold)?;
    Ok(())
}

fn irr_value(v: &Result<Decimal, crate::engine::xirr::XirrError>) -> Option<f64> {
    v.as_ref().ok().map(|x| f(*x))
}

/// The metrics the spreadsheet recomputes with live formulas over the cash-flow sheet
/// (column B), beside Millwright's own figure (column C) and how it is computed.
fn live_metric_rows(sheet: &mut Worksheet, r: &FundResult, fmt: &Formats) -> Result<(), XlsxError> {
    let m = &r.metrics;
    let n = r.periods.len() + 1; // last data row in Excel's 1-based numbering
    let irr = irr_value;
    let rows: [(&str, String, Option<f64>, &Format, &str); 8] = [
        (
            "Net IRR",
            format!("=XIRR({FLOWS}!N2:N{n},{FLOWS}!A2:A{n})"),
            irr(&m.net_irr),
            &fmt.percent,
            "XIRR of the LPs' flows with their final NAV on the last date",
        ),
        (
            "TVPI",
            format!("=(SUM({FLOWS}!C2:C{n})+{FLOWS}!D{n})/SUM({FLOWS}!B2:B{n})"),
            m.tvpi.map(f),
            &fmt.multiple,
            "(distributions + final NAV) / contributions",
        ),
        (
            "DPI",
            format!("=SUM({FLOWS}!C2:C{n})/SUM({FLOWS}!B2:B{n})"),
            m.dpi.map(f),
            &fmt.multiple,
            "distributions / contributions",
        ),
        (
            "RVPI",
            format!("={FLOWS}!D{n}/SUM({FLOWS}!B2:B{n})"),
            m.rvpi.map(f),
            &fmt.multiple,
            "final NAV / contributions",
        ),
        (
            "Paid-in",
            format!("=SUM({FLOWS}!B2:B{n})"),
            Some(f(m.paid_in)),
            &fmt.money,
            "sum of contributions",
        ),
        (
            "Distributed",
            format!("=SUM({FLOWS}!C2:C{n})"),
            Some(f(m.distributed)),
            &fmt.money,
            "sum of distributions",
        ),
        (
            "Management fees",
            format!("=SUM({FLOWS}!G2:G{n})"),
            Some(f(m.management_fees)),
            &fmt.money,
            "sum of fees",
        ),
        (
            "Carried interest",
            format!("=SUM({FLOWS}!J2:J{n})"),
            Some(f(m.carried_interest)),
            &fmt.money,
            "sum of carry paid",
        ),
    ];
    for (row, (label, formula, app, format, how)) in (4u32..).zip(rows) {
        sheet.write_string(row, 0, label)?;
        let mut cell = Formula::new(formula);
        if let Some(value) = app {
            if fmt.cached == CachedResults::Include {
                cell = cell.set_result(value.to_string());
            }
            sheet.write_number_with_format(row, 2, value, format)?;
        } else {
            sheet.write_string(row, 2, "n/a")?;
        }
        sheet.write_formula_with_format(row, 1, cell, format)?;
        sheet.write_string(row, 3, how)?;
    }
    Ok(())
}

/// Figures only the engine computes (deal flows, the final NAV, the PME).
fn engine_only_rows(sheet: &mut Worksheet, r: &FundResult, fmt: &Formats) -> Result<(), XlsxError> {
    let m = &r.metrics;
    let irr = irr_value;
    let extra: [(&str, Option<f64>, &Format); 4] = [
        ("Gross IRR (deals)", irr(&m.gross_irr), &fmt.percent),
        ("Gross MOIC (deals)", m.gross_moic.map(f), &fmt.multiple),
        ("NAV (final, reported)", Some(f(m.nav)), &fmt.money),
        ("PME (Kaplan-Schoar)", m.pme.map(f), &fmt.multiple),
    ];
    for (row, (label, value, format)) in (13u32..).zip(extra) {
        sheet.write_string(row, 0, label)?;
        match value {
            Some(v) => sheet.write_number_with_format(row, 2, v, format)?,
            None => sheet.write_string(row, 2, "n/a")?,
        };
    }
    Ok(())
}

fn companies_sheet(sheet: &mut Worksheet, r: &FundResult, fmt: &Formats) -> Result<(), XlsxError> {
    let titles = [
        "Company",
        "Sector",
        "Stage",
        "Acquired",
        "Exit",
        "Invested",
        "Proceeds",
        "Gross MOIC",
        "Gross IRR",
        "AI lever value (100%)",
    ];
    for (col, title) in (0u16..).zip(titles) {
        sheet.write_string_with_format(0, col, title, &fmt.bold)?;
        sheet.set_column_width(col, if col == 0 { 32 } else { 16 })?;
    }
    for (row, c) in (1u32..).zip(&r.companies) {
        sheet.write_string(row, 0, &c.name)?;
        sheet.write_string(row, 1, c.sector.label())?;
        sheet.write_string(row, 2, &c.stage)?;
        if let Some(d) = r.dates.get(c.acquisition_index) {
            sheet.write_date_with_format(row, 3, excel_date(*d)?, &fmt.date)?;
        }
        if let Some(d) = r.dates.get(c.exit_index) {
            sheet.write_date_with_format(row, 4, excel_date(*d)?, &fmt.date)?;
        }
        sheet.write_number_with_format(row, 5, f(c.invested), &fmt.money)?;
        sheet.write_number_with_format(row, 6, f(c.proceeds), &fmt.money)?;
        if let Some(m) = c.gross_moic {
            sheet.write_number_with_format(row, 7, f(m), &fmt.multiple)?;
        }
        if let Ok(irr) = &c.gross_irr {
            sheet.write_number_with_format(row, 8, f(*irr), &fmt.percent)?;
        }
        sheet.write_number_with_format(row, 9, f(c.bridge.ai_levers), &fmt.money)?;
    }
    Ok(())
}

fn scenarios_sheet(sheet: &mut Worksheet, p: &Portfolio, fmt: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "Scenario", &fmt.bold)?;
    sheet.write_string_with_format(0, 1, "Description", &fmt.bold)?;
    sheet.write_string_with_format(0, 2, "Overrides", &fmt.bold)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 80)?;
    for (row, s) in (1u32..).zip(&p.scenarios) {
        sheet.write_string(row, 0, &s.name)?;
        sheet.write_string(row, 1, &s.description)?;
        let mut overrides = serde_json::to_value(s).unwrap_or_default();
        if let Some(o) = overrides.as_object_mut() {
            o.remove("name");
            o.remove("description");
        }
        sheet.write_string(row, 2, overrides.to_string())?;
    }
    Ok(())
}
