//! Text, JSON and CSV renderings of results for the command line.

use anyhow::Context;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::engine::model::Portfolio;
use crate::engine::results::{FundMetrics, FundResult};
use crate::engine::xirr::XirrError;

/// Money is reported to the cent; ratios and rates to 12 decimal places.
const MONEY_DP: u32 = 2;
const RATIO_DP: u32 = 12;

fn money(value: Decimal) -> Value {
    Value::String(value.round_dp(MONEY_DP).to_string())
}

fn ratio(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |v| {
        Value::String(v.round_dp(RATIO_DP).normalize().to_string())
    })
}

fn rate(value: &Result<Decimal, XirrError>) -> Value {
    ratio(value.as_ref().ok().copied())
}

/// The `summary --json` object.
pub fn summary_json(portfolio: &Portfolio, scenario: &str, m: &FundMetrics) -> String {
    let mut o = Map::new();
    o.insert("fund".into(), json!(portfolio.fund.name));
    o.insert("scenario".into(), json!(scenario));
    o.insert("currency".into(), json!(portfolio.fund.currency));
    o.insert("net_irr".into(), rate(&m.net_irr));
    o.insert("gross_irr".into(), rate(&m.gross_irr));
    o.insert("tvpi".into(), ratio(m.tvpi));
    o.insert("dpi".into(), ratio(m.dpi));
    o.insert("rvpi".into(), ratio(m.rvpi));
    o.insert("gross_moic".into(), ratio(m.gross_moic));
    o.insert("paid_in".into(), money(m.paid_in));
    o.insert("distributed".into(), money(m.distributed));
    o.insert("nav".into(), money(m.nav));
    o.insert("invested".into(), money(m.invested));
    o.insert("gross_proceeds".into(), money(m.gross_proceeds));
    o.insert("management_fees".into(), money(m.management_fees));
    o.insert("fund_expenses".into(), money(m.fund_expenses));
    o.insert("carried_interest".into(), money(m.carried_interest));
    o.insert("gross_to_net_spread".into(), ratio(m.gross_to_net_spread));
    o.insert("jcurve_trough".into(), money(m.jcurve_trough));
    o.insert(
        "jcurve_trough_date".into(),
        json!(m.jcurve_trough_date.to_string()),
    );
    o.insert(
        "payback_date".into(),
        m.payback_date.map_or(Value::Null, |d| json!(d.to_string())),
    );
    o.insert("pme".into(), ratio(m.pme));
    for (key, value) in [("net_irr_note", &m.net_irr), ("gross_irr_note", &m.gross_irr)] {
        if let Err(e) = value {
            o.insert(key.into(), json!(e.to_string()));
        }
    }
    serde_json::to_string_pretty(&Value::Object(o)).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `1234567.891` → `1,234,568` (whole units, thousands separators).
fn thousands(value: Decimal) -> String {
    let rounded = value.round_dp(0);
    let digits = rounded.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("-{out}")
    } else {
        out
    }
}

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

/// Column names of the cash-flow CSV, in order.
pub const CASHFLOW_COLUMNS: [&str; 14] = [
    "date",
    "contributions",
    "distributions",
    "nav",
    "deal_equity",
    "follow_ons",
    "management_fees",
    "fund_expenses",
    "gross_proceeds",
    "carried_interest",
    "gross_nav",
    "accrued_carry",
    "net_cash_flow",
    "cumulative_net_cash_flow",
];

/// The quarterly cash flows as CSV: contributions and distributions positive, money to
/// the cent.
pub fn cashflows_csv(result: &FundResult) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CASHFLOW_COLUMNS)
        .context("could not write CSV")?;
    for p in &result.periods {
        let cents = |d: Decimal| d.round_dp(MONEY_DP).to_string();
        writer
            .write_record([
                p.date.to_string(),
                cents(p.contributions),
                cents(p.distributions),
                cents(p.nav),
                cents(p.deal_equity),
                cents(p.follow_ons),
                cents(p.management_fees),
                cents(p.fund_expenses),
                cents(p.gross_proceeds),
                cents(p.carried_interest),
                cents(p.gross_nav),
                cents(p.accrued_carry),
                cents(p.net_cash_flow),
                cents(p.cumulative_net_cash_flow),
            ])
            .context("could not write CSV")?;
    }
    let bytes = writer.into_inner().context("could not finish CSV")?;
    String::from_utf8(bytes).context("CSV is not UTF-8")
}
