//! Readable text renderings of results for the command line. JSON and CSV tables live in
//! [`crate::export::tables`].

use rust_decimal::Decimal;

use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;
use crate::engine::xirr::XirrError;
use crate::units::thousands;

fn percent(value: &Result<Decimal, XirrError>) -> String {
    match value {
        Ok(v) => format!("{}%", (v * Decimal::ONE_HUNDRED).round_dp(2)),
        Err(e) => format!("n/a ({e})"),
    }
}

fn multiple(value: Option<Decimal>) -> String {
    value.map_or_else(|| "n/a".to_string(), |v| format!("{}x", v.round_dp(2)))
}

/// A readable table of the headline metrics.
pub fn summary_text(portfolio: &Portfolio, scenario: &str, result: &FundResult) -> String {
    let m = &result.metrics;
    let c = &result.currency;
    let rows: Vec<(&str, String)> = vec![
        ("Fund", portfolio.fund.name.clone()),
        ("Scenario", scenario.to_string()),
        ("Net IRR", percent(&m.net_irr)),
        ("Gross IRR", percent(&m.gross_irr)),
        ("TVPI", multiple(m.tvpi)),
        ("DPI", multiple(m.dpi)),
        ("RVPI", multiple(m.rvpi)),
        ("Gross MOIC", multiple(m.gross_moic)),
        ("Paid-in", format!("{c} {}", thousands(m.paid_in))),
        (
            "Uncalled commitment",
            format!(
                "{c} {} at the end",
                thousands(crate::export::tables::uncalled_at_end(result))
            ),
        ),
        ("Distributed", format!("{c} {}", thousands(m.distributed))),
        ("NAV", format!("{c} {}", thousands(m.nav))),
        ("Invested in companies", format!("{c} {}", thousands(m.invested))),
        ("Management fees", format!("{c} {}", thousands(m.management_fees))),
        ("Fund expenses", format!("{c} {}", thousands(m.fund_expenses))),
        (
            "Carried interest",
            format!("{c} {}", thousands(m.carried_interest)),
        ),
        (
            "J-curve trough",
            format!("{c} {} on {}", thousands(m.jcurve_trough), m.jcurve_trough_date),
        ),
        (
            "Payback",
            m.payback_date
                .map_or_else(|| "not reached".to_string(), |d| d.to_string()),
        ),
        ("PME (Kaplan-Schoar)", multiple(m.pme)),
        ("Companies", result.companies.len().to_string()),
    ];
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{k:<width$}  {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}
