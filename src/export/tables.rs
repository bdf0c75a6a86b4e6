//! Tables for memos and audits: the summary (JSON and CSV), the quarterly cash flows and
//! the company table as CSV. Money to the cent, ratios and rates to 12 places, as
//! decimal strings straight from the Decimal model.

use anyhow::Context;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::engine::model::Portfolio;
use crate::engine::results::{FundMetrics, FundPeriod, FundResult};
use crate::engine::xirr::XirrError;

/// Money is reported to the cent; ratios and rates to 12 decimal places.
pub const MONEY_DP: u32 = 2;
/// Decimal places of ratios (TVPI, DPI) and rates (IRR as a fraction) in tables.
pub const RATIO_DP: u32 = 12;

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
    serde_json::to_string_pretty(&Value::Object(summary_map(portfolio, scenario, m)))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The summary as ordered key → value pairs (decimal strings, or null).
pub fn summary_map(portfolio: &Portfolio, scenario: &str, m: &FundMetrics) -> Map<String, Value> {
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
    o
}

/// The summary as a two-column CSV (`metric,value`), the same strings as `summary --json`.
pub fn summary_csv(portfolio: &Portfolio, scenario: &str, m: &FundMetrics) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["metric", "value"])
        .context("could not write CSV")?;
    for (key, value) in summary_map(portfolio, scenario, m) {
        let text = match value {
            Value::Null => String::new(),
            Value::String(s) => s,
            other => other.to_string(),
        };
        writer.write_record([key, text]).context("could not write CSV")?;
    }
    String::from_utf8(writer.into_inner().context("could not finish CSV")?).context("CSV is not UTF-8")
}

/// One row per company: what the fund put in and took out.
pub fn companies_csv(result: &FundResult) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "company",
            "sector",
            "stage",
            "acquired",
            "exit",
            "equity_cheque",
            "follow_ons",
            "invested",
            "proceeds",
            "gross_moic",
            "gross_irr",
            "entry_ebitda",
            "exit_ebitda",
            "ai_lever_value",
        ])
        .context("could not write CSV")?;
    for c in &result.companies {
        let date = |i: usize| result.dates.get(i).map(ToString::to_string).unwrap_or_default();
        let ratio_text = |v: Option<Decimal>| {
            v.map(|x| x.round_dp(RATIO_DP).normalize().to_string())
                .unwrap_or_default()
        };
        writer
            .write_record([
                c.name.clone(),
                c.sector.label().to_string(),
                c.stage.clone(),
                date(c.acquisition_index),
                date(c.exit_index),
                c.equity_cheque.round_dp(MONEY_DP).to_string(),
                c.follow_ons.round_dp(MONEY_DP).to_string(),
                c.invested.round_dp(MONEY_DP).to_string(),
                c.proceeds.round_dp(MONEY_DP).to_string(),
                ratio_text(c.gross_moic),
                ratio_text(c.gross_irr.as_ref().ok().copied()),
                c.entry_ebitda.round_dp(MONEY_DP).to_string(),
                c.exit_ebitda.round_dp(MONEY_DP).to_string(),
                c.bridge.ai_levers.round_dp(MONEY_DP).to_string(),
            ])
            .context("could not write CSV")?;
    }
    String::from_utf8(writer.into_inner().context("could not finish CSV")?).context("CSV is not UTF-8")
}

/// Column names of the cash-flow CSV, in order.
pub const CASHFLOW_COLUMNS: [&str; 15] = [
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
    "uncalled_commitment",
];

/// One quarter's amounts in the order of [`CASHFLOW_COLUMNS`] after the date: what
/// LPs paid in and received and their NAV (the flows the net IRR, TVPI and DPI are
/// computed on; the GP commitment pays no fee and no carry), then the fund's components, the J-curve, and
/// the commitment still uncalled. Every table of the fund's cash flows (CSV, workbook,
/// clipboard) takes its row from here.
pub fn cashflow_amounts(p: &FundPeriod) -> [Decimal; 14] {
    [
        p.lp_contributions,
        p.lp_distributions,
        p.lp_nav,
        p.deal_equity,
        p.follow_ons,
        p.management_fees,
        p.fund_expenses,
        p.gross_proceeds,
        p.carried_interest,
        p.gross_nav,
        p.accrued_carry,
        p.net_cash_flow,
        p.cumulative_net_cash_flow,
        p.uncalled_commitment,
    ]
}

/// The commitment still uncalled at the fund's last date (zero for a projection without
/// dates).
pub fn uncalled_at_end(result: &FundResult) -> Decimal {
    result
        .periods
        .last()
        .map_or(Decimal::ZERO, |p| p.uncalled_commitment)
}

/// The quarterly cash flows as CSV: contributions and distributions positive, money to
/// the cent.
pub fn cashflows_csv(result: &FundResult) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CASHFLOW_COLUMNS)
        .context("could not write CSV")?;
    for p in &result.periods {
        let cents = |d: Decimal| d.round_dp(MONEY_DP).to_string();
        let record = std::iter::once(p.date.to_string()).chain(cashflow_amounts(p).into_iter().map(cents));
        writer.write_record(record).context("could not write CSV")?;
    }
    let bytes = writer.into_inner().context("could not finish CSV")?;
    String::from_utf8(bytes).context("CSV is not UTF-8")
}
