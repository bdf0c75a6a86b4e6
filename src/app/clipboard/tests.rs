//! The copied tables, cell by cell, on figures set by hand.

use rust_decimal::dec;

use super::*;
use crate::engine::drivers::{Driver, Metric};
use crate::engine::montecarlo::Summary;
use crate::engine::sensitivity::Axis;

fn sample_result() -> crate::engine::results::FundResult {
    let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    crate::engine::compute(&p).unwrap_or_else(|e| panic!("{e}"))
}

fn cells(text: &str) -> Vec<Vec<&str>> {
    text.lines().map(|l| l.split('\t').collect()).collect()
}

#[test]
fn cells_with_tabs_or_line_breaks_keep_the_columns() {
    let text = tsv(&[vec!["a\tb".into(), "c".into()], vec!["d\ne".into(), "f\r".into()]]);
    assert_eq!(text, "a b\tc\nd e\tf \n");
}

#[test]
fn a_company_row_holds_raw_numbers_under_unit_headers() {
    let result = sample_result();
    let mut company = result.companies[0].clone();
    company.invested = dec!(1234567.891);
    company.proceeds = dec!(-5);
    company.gross_moic = Some(dec!(2.5));
    company.gross_irr = Ok(dec!(0.125));
    let mut undefined = company.clone();
    undefined.gross_moic = None;
    undefined.gross_irr = Err(XirrError::Empty);
    let text = companies_tsv(&[&company, &undefined], "EUR");
    let rows = cells(&text);
    assert_eq!(
        rows[0],
        [
            "Company",
            "Sector",
            "Stage",
            "Invested (EUR)",
            "Proceeds (EUR)",
            "Gross MOIC (x)",
            "Gross IRR (%)"
        ]
    );
    // 1,234,567.891 to the cent is 1234567.89; 0.125 is 12.5 %.
    assert_eq!(
        rows[1],
        [
            company.name.as_str(),
            company.sector.label(),
            company.stage.as_str(),
            "1234567.89",
            "-5",
            "2.5",
            "12.5"
        ]
    );
    assert_eq!(&rows[2][5..], ["", ""], "undefined figures are empty cells");
    assert_eq!(rows.len(), 3);
}

#[test]
fn the_overview_lists_rates_as_percent_numbers_and_dates_as_iso() {
    let mut metrics = sample_result().metrics;
    metrics.net_irr = Ok(dec!(0.10904));
    metrics.tvpi = Some(dec!(1.876543));
    metrics.paid_in = dec!(98_765_432_109.876);
    metrics.payback_date = None;
    let text = overview_tsv(&metrics, "USD");
    let rows = cells(&text);
    let value = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .map(|r| r[1])
            .unwrap_or_else(|| panic!("no row {name}"))
    };
    assert_eq!(value("Net IRR (%)"), "10.904");
    // 1.876543 to four places.
    assert_eq!(value("TVPI (x)"), "1.8765");
    assert_eq!(value("Paid-in (USD)"), "98765432109.88");
    assert_eq!(value("Payback date"), "");
    assert_eq!(
        value("J-curve trough date"),
        metrics.jcurve_trough_date.format("%Y-%m-%d").to_string()
    );
}

#[test]
fn a_grid_puts_drivers_on_the_edges_and_the_metric_in_the_cells() {
    let axis = |driver, low, high| Axis {
        driver,
        low,
        high,
        steps: 2,
    };
    let grid = Grid {
        metric: Metric::NetIrr,
        x: axis(Driver::ExitMultipleShift, dec!(-1), dec!(1)),
        y: Some(axis(Driver::RealisationScale, dec!(0.5), dec!(1.0))),
        xs: vec![dec!(-1), dec!(1)],
        ys: vec![dec!(0.50), dec!(1.00)],
        cells: vec![
            vec![Some(dec!(0.081)), None],
            vec![Some(dec!(0.1)), Some(dec!(-0.02))],
        ],
        base: None,
    };
    let text = grid_tsv(&grid);
    let rows = cells(&text);
    assert_eq!(
        rows[0],
        [
            "Net IRR (%); down: AI lever realisation (x modelled); across: Exit multiple (turns added)",
            "-1",
            "1"
        ]
    );
    assert_eq!(rows[1], ["0.5", "8.1", ""]);
    assert_eq!(rows[2], ["1", "10", "-2"]);
}

#[test]
fn monte_carlo_percentiles_are_one_row_per_estimate() {
    let summary = |base: f64| Summary {
        values: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0].map(|v| base * v),
        mean: base * 4.5,
    };
    let result = McResult {
        paths: 10,
        seed: 1,
        net_irr: summary(0.01),
        paths_without_irr: 0,
        tvpi: summary(0.5),
        dpi: Summary {
            values: [f64::NAN; 7],
            mean: f64::NAN,
        },
        gross_moic: summary(0.4),
        paid_in: summary(1e9),
        at_years: Vec::new(),
        probability_tvpi_below_one: 0.0,
        tvpi_histogram: Vec::new(),
        nav_fan: Vec::new(),
        cash_fan: Vec::new(),
        dates: Vec::new(),
        programme: Default::default(),
    };
    let text = monte_carlo_tsv(&result);
    let rows = cells(&text);
    assert_eq!(
        rows[0],
        ["Estimate", "P5", "P10", "P25", "P50", "P75", "P90", "P95", "Mean"]
    );
    // 0.01 × 3 = 3 %; the mean 0.045 = 4.5 %.
    assert_eq!(rows[1][0], "Net IRR (%)");
    assert_eq!(rows[1][3], "3.0000");
    assert_eq!(rows[1][8], "4.5000");
    assert_eq!(rows[2][1..3], ["0.5000", "1.0000"]);
    assert!(
        rows[3][1..].iter().all(|c| c.is_empty()),
        "no number, no cell: {:?}",
        rows[3]
    );
}

#[test]
fn the_comparison_has_a_row_per_case_with_the_viewed_figures() {
    let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let study = Study::new(p, 1);
    let text = compare_tsv(&study, "USD");
    let rows = cells(&text);
    let cases = study.cases();
    assert!(cases.len() > 1, "the sample has scenarios");
    assert_eq!(rows.len(), 1 + cases.len(), "a header, then a row per case");
    for (row, case) in rows[1..].iter().zip(&cases) {
        assert_eq!(row[0], case.to_string());
        assert_eq!(row.len(), 9);
    }
    assert_eq!(rows[0][1], "Net IRR (%)");
    let base = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let expected = base
        .metrics
        .net_irr
        .as_ref()
        .map(|r| (r * dec!(100)).round_dp(4).normalize().to_string())
        .unwrap_or_default();
    assert_eq!(rows[1][1], expected);
    assert_eq!(rows[1][5], base.metrics.paid_in.round_dp(2).to_string());
}

#[test]
fn the_cash_flows_copy_one_row_a_quarter_in_cents_under_currency_headers() {
    let mut result = sample_result();
    let quarters = result.periods.len();
    // The first amounts are the LPs' flows (issue 12: the GP commitment has its own).
    result.periods[0].lp_contributions = dec!(1234.567);
    result.periods[0].lp_distributions = dec!(-0.004);
    let text = cashflows_tsv(&result, "EUR");
    let rows = cells(&text);
    assert_eq!(rows.len(), quarters + 1, "a header and one row a quarter");
    assert_eq!(rows[0][0], "Quarter end");
    assert_eq!(rows[0][1], "contributions (EUR)");
    // The date and the 14 amounts of `cashflow_amounts` (uncalled commitment last).
    assert_eq!(rows[0].len(), 15);
    assert_eq!(rows[0][14], "uncalled_commitment (EUR)");
    assert_eq!(rows[1][0], result.periods[0].date.to_string());
    // 1234.567 to the cent is 1234.57; -0.004 to the cent is zero.
    assert_eq!(rows[1][1], "1234.57");
    assert_eq!(rows[1][2].trim_start_matches('-'), "0.00");
}
