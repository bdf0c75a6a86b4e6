//! Tables copied to the clipboard as tab-separated text that pastes into a spreadsheet
//! as numbers: a header row naming each column's unit, then raw figures — amounts to the
//! cent in the fund's currency ("Invested (USD)"), rates as plain percent numbers
//! ("Net IRR (%)": 12.5 is 12.5 %), multiples as plain numbers ("TVPI (x)"), dates as
//! ISO text, and an empty cell where a figure is undefined. One pure function per table
//! builds the text; [`copy_button`] and [`copy_current_table`] (Ctrl+C) put it on the
//! clipboard.

use rust_decimal::Decimal;

use super::MillwrightApp;
use super::files::Tab;
use crate::engine::montecarlo::{self, McResult};
use crate::engine::results::{CompanyResult, FundMetrics, FundResult};
use crate::engine::sensitivity::Grid;
use crate::engine::study::{Case, Study};
use crate::engine::xirr::XirrError;

/// Decimal places of a percent number (12.3456 %) and of a multiple (2.1234x).
const RATIO_DP: u32 = 4;

/// Rows joined by tabs and line breaks; a tab or line break inside a cell becomes a
/// space, so every row keeps its columns.
pub fn tsv(rows: &[Vec<String>]) -> String {
    let clean = |cell: &String| cell.replace(['\t', '\n', '\r'], " ");
    rows.iter()
        .map(|row| row.iter().map(clean).collect::<Vec<_>>().join("\t"))
        .map(|line| line + "\n")
        .collect()
}

/// An amount to the cent.
fn money(value: Decimal) -> String {
    value.round_dp(2).to_string()
}

/// A fraction as a percent number (0.125 → 12.5).
fn percent(value: Option<Decimal>) -> String {
    value
        .and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED))
        .map_or_else(String::new, |v| v.round_dp(RATIO_DP).normalize().to_string())
}

fn rate(value: &Result<Decimal, XirrError>) -> String {
    percent(value.as_ref().ok().copied())
}

fn multiple(value: Option<Decimal>) -> String {
    value.map_or_else(String::new, |v| v.round_dp(RATIO_DP).normalize().to_string())
}

/// An f64 estimate to four places; empty when it is not a number.
fn estimate(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.4}")
    } else {
        String::new()
    }
}

/// The fund's quarterly cash flows, one row a quarter: the columns of `cashflows.csv`
/// (contributions, distributions, reported NAV, then the components), amounts to the
/// cent, with the currency in each amount's header.
pub fn cashflows_tsv(result: &FundResult, currency: &str) -> String {
    let header: Vec<String> = crate::export::tables::CASHFLOW_COLUMNS
        .iter()
        .map(|c| {
            if *c == "date" {
                "Quarter end".to_string()
            } else {
                format!("{c} ({currency})")
            }
        })
        .collect();
    let rows = result.periods.iter().map(|p| {
        let amounts = crate::export::tables::cashflow_amounts(p);
        std::iter::once(p.date.to_string())
            .chain(amounts.into_iter().map(money))
            .collect::<Vec<String>>()
    });
    tsv(&std::iter::once(header).chain(rows).collect::<Vec<_>>())
}

/// The companies in the order given (the table's sort), one row each.
pub fn companies_tsv(rows: &[&CompanyResult], currency: &str) -> String {
    let mut table = vec![vec![
        "Company".to_string(),
        "Sector".to_string(),
        "Stage".to_string(),
        format!("Invested ({currency})"),
        format!("Proceeds ({currency})"),
        "Gross MOIC (x)".to_string(),
        "Gross IRR (%)".to_string(),
    ]];
    table.extend(rows.iter().map(|c| {
        vec![
            c.name.clone(),
            c.sector.label().to_string(),
            c.stage.clone(),
            money(c.invested),
            money(c.proceeds),
            multiple(c.gross_moic),
            rate(&c.gross_irr),
        ]
    }));
    tsv(&table)
}

/// The Overview's headline figures as metric, value rows.
pub fn overview_tsv(m: &FundMetrics, currency: &str) -> String {
    let c = currency;
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
    let rows: Vec<(String, String)> = vec![
        ("Net IRR (%)".into(), rate(&m.net_irr)),
        ("Gross IRR (%)".into(), rate(&m.gross_irr)),
        ("TVPI (x)".into(), multiple(m.tvpi)),
        ("DPI (x)".into(), multiple(m.dpi)),
        ("RVPI (x)".into(), multiple(m.rvpi)),
        ("Gross MOIC (x)".into(), multiple(m.gross_moic)),
        (format!("Paid-in ({c})"), money(m.paid_in)),
        (format!("Distributed ({c})"), money(m.distributed)),
        (format!("NAV ({c})"), money(m.nav)),
        (format!("Management fees ({c})"), money(m.management_fees)),
        (format!("Carried interest ({c})"), money(m.carried_interest)),
        (format!("J-curve trough ({c})"), money(m.jcurve_trough)),
        ("J-curve trough date".into(), date(Some(m.jcurve_trough_date))),
        ("Payback date".into(), date(m.payback_date)),
        ("PME, Kaplan-Schoar (x)".into(), multiple(m.pme)),
        ("Gross-to-net spread (%)".into(), percent(m.gross_to_net_spread)),
    ];
    let mut table = vec![vec!["Metric".to_string(), "Value".to_string()]];
    table.extend(rows.into_iter().map(|(name, value)| vec![name, value]));
    tsv(&table)
}

/// The Compare tab: one row per case; a case that does not compute keeps its row, its
/// figures empty and the reason in the last column.
pub fn compare_tsv(study: &Study, currency: &str) -> String {
    let c = currency;
    let mut table = vec![vec![
        "Scenario".to_string(),
        "Net IRR (%)".to_string(),
        "Gross IRR (%)".to_string(),
        "TVPI (x)".to_string(),
        "DPI (x)".to_string(),
        format!("Paid-in ({c})"),
        format!("Carried interest ({c})"),
        format!("J-curve trough ({c})"),
        "Note".to_string(),
    ]];
    for case in study.cases() {
        let mut row = vec![case.to_string()];
        match study.result(&case) {
            Ok(r) => {
                let m = &r.metrics;
                row.extend([
                    rate(&m.net_irr),
                    rate(&m.gross_irr),
                    multiple(m.tvpi),
                    multiple(m.dpi),
                    money(m.paid_in),
                    money(m.carried_interest),
                    money(m.jcurve_trough),
                    String::new(),
                ]);
            }
            Err(e) => {
                row.extend(std::iter::repeat_n(String::new(), 7));
                row.push(format!("does not compute: {e}"));
            }
        }
        table.push(row);
    }
    tsv(&table)
}

/// A sensitivity grid: the corner names the metric and the two drivers, the first row
/// the across driver's values, the first column the down driver's; each cell the metric
/// there (a percent number for a rate).
pub fn grid_tsv(grid: &Grid) -> String {
    let unit = if grid.metric.is_rate() { "%" } else { "x" };
    let down = grid.y.as_ref().map_or("(one driver)", |axis| axis.driver.label());
    let corner = format!(
        "{} ({unit}); down: {down}; across: {}",
        grid.metric.label(),
        grid.x.driver.label()
    );
    let cell = |v: Option<Decimal>| {
        if grid.metric.is_rate() {
            percent(v)
        } else {
            multiple(v)
        }
    };
    let mut header = vec![corner];
    header.extend(grid.xs.iter().map(|x| x.normalize().to_string()));
    let mut table = vec![header];
    let ys: Vec<String> = if grid.ys.is_empty() {
        vec![String::new()]
    } else {
        grid.ys.iter().map(|y| y.normalize().to_string()).collect()
    };
    for (y, cells) in ys.into_iter().zip(&grid.cells) {
        let mut row = vec![y];
        row.extend(cells.iter().map(|v| cell(*v)));
        table.push(row);
    }
    tsv(&table)
}

/// Monte Carlo percentiles: one row per estimate, one column per percentile, then the
/// mean.
pub fn monte_carlo_tsv(r: &McResult) -> String {
    let mut header = vec!["Estimate".to_string()];
    header.extend(montecarlo::PERCENTILES.iter().map(|p| format!("P{p:.0}")));
    header.push("Mean".to_string());
    let mut table = vec![header];
    for (name, summary, scale) in [
        ("Net IRR (%)", &r.net_irr, 100.0),
        ("TVPI (x)", &r.tvpi, 1.0),
        ("DPI (x)", &r.dpi, 1.0),
    ] {
        let mut row = vec![name.to_string()];
        row.extend(summary.values.iter().map(|v| estimate(v * scale)));
        row.push(estimate(summary.mean * scale));
        table.push(row);
    }
    tsv(&table)
}

/// The table of the current tab and what it is ("the Companies table"); `Err` says why
/// there is none.
fn current_table(app: &MillwrightApp, case: &Case) -> Result<(String, &'static str), String> {
    let study = app
        .state
        .shown_study()
        .ok_or("There are no results to copy yet.")?;
    let currency = &app.state.portfolio.fund.currency;
    let result = || {
        study
            .result(case)
            .map_err(|e| format!("{case} does not compute: {e}"))
    };
    match app.prefs.tab {
        Tab::Overview => Ok((overview_tsv(&result()?.metrics, currency), "the headline figures")),
        Tab::Companies => {
            let result = result()?;
            let rows = super::results::sorted(&result.companies, app.table_sort.0, app.table_sort.1);
            Ok((companies_tsv(&rows, currency), "the Companies table"))
        }
        Tab::Compare => Ok((compare_tsv(study, currency), "the scenario comparison")),
        Tab::Statement => super::statement_view::selected_statement(app, study, case)
            .map(|s| (crate::export::statement::to_tsv(&s), "the company statement")),
        Tab::LpAccounts => super::lp_accounts_view::selected_accounts(app, study, case)
            .map(|a| (crate::export::lp_accounts::to_tsv(&a), "the LP capital accounts")),
        Tab::AiProgramme => super::ai_programme_view::uplift_tsv(study, case)
            .map(|t| (t, "the AI uplift by stage, plan and risk-adjusted")),
        Tab::Sensitivity => match study.grid(case).map(|run| &run.outcome) {
            Some(Ok(grid)) => Ok((grid_tsv(grid), "the sensitivity grid")),
            _ => Err("Compute the grid first: it is the table this tab copies.".into()),
        },
        Tab::MonteCarlo => match study.monte_carlo(case).map(|run| &run.outcome) {
            Some(Ok(r)) => Ok((monte_carlo_tsv(r), "the Monte Carlo percentiles")),
            _ => Err("Run the simulation first: its percentiles are the table this tab copies.".into()),
        },
        Tab::Chart(_) => Err("This tab is a chart: export it, or copy a table from another tab.".into()),
    }
}

/// Ctrl+C with no text field focused (and Edit › Copy table): copies the current tab's
/// table and says so in the status bar.
pub fn copy_current_table(app: &mut MillwrightApp, ctx: &egui::Context) {
    if ctx.text_edit_focused() {
        return;
    }
    let case = app.viewed_case();
    app.notice = Some(match current_table(app, &case) {
        Ok((text, what)) => {
            let rows = text.lines().count().saturating_sub(1);
            ctx.copy_text(text);
            format!("Copied {what} ({rows} rows): paste it into a spreadsheet")
        }
        Err(why) => why,
    });
}

/// A "Copy" button over a table: copies what `build` returns, and says "Copied" beside
/// it for a moment.
pub fn copy_button(ui: &mut egui::Ui, id_salt: &str, build: impl FnOnce() -> String) {
    let copied_id = egui::Id::unique(("copied", id_salt));
    let now = ui.input(|i| i.time);
    ui.horizontal(|ui| {
        let button = ui
            .button("Copy")
            .on_hover_text("Copy this table as tab-separated numbers, to paste into a spreadsheet (Ctrl+C)");
        if button.clicked() {
            ui.ctx().copy_text(build());
            ui.data_mut(|d| d.insert_temp(copied_id, now));
        }
        let since = ui.data(|d| d.get_temp::<f64>(copied_id)).map(|t| now - t);
        if since.is_some_and(|s| s < 2.0) {
            ui.weak("Copied");
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    });
}

#[cfg(test)]
mod tests;
