//! What a projection produces: per-quarter company and fund figures and the metrics a
//! fund manager reads. Generic over the number type (see [`super::num`]); the figures the
//! app shows and exports are `Decimal`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::model::Sector;
use super::xirr::XirrError;

/// One company in one quarter, at 100 % of the company unless said otherwise.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CompanyPeriod<T = Decimal> {
    /// Whether the fund holds the company at the end of this quarter (acquired, not exited).
    pub held: bool,
    /// Quarterly revenue with AI levers.
    pub revenue: T,
    /// Quarterly revenue had no lever been applied.
    pub revenue_without_levers: T,
    /// Quarterly EBITDA with AI levers (after their run costs).
    pub ebitda: T,
    /// Quarterly EBITDA had no lever been applied.
    pub ebitda_without_levers: T,
    pub lever_run_costs: T,
    /// One-time lever costs paid by the company this quarter.
    pub lever_one_time_costs: T,
    pub interest: T,
    pub tax: T,
    pub capex: T,
    pub free_cash_flow: T,
    pub debt: T,
    pub cash: T,
    /// EV / EBITDA used to mark the company this quarter.
    pub multiple: T,
    pub enterprise_value: T,
    /// Equity value marked to model, 100 % basis (never below zero).
    pub equity_value: T,
    /// The fund's share of `equity_value` while held; zero otherwise.
    pub fund_equity_value: T,
}

/// Value-creation bridge of one deal, at 100 % of equity, from entry equity to exit
/// equity. `revenue_growth + ai_levers + other_margin` is EBITDA growth at the entry
/// multiple; `multiple_expansion` is the multiple change on entry EBITDA; `cross_term` the
/// multiple change on the EBITDA change; `deleveraging` the fall in net debt.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ValueBridge<T = Decimal> {
    pub entry_equity: T,
    pub revenue_growth: T,
    pub ai_levers: T,
    pub other_margin: T,
    pub multiple_expansion: T,
    pub cross_term: T,
    pub deleveraging: T,
    /// Transaction costs at entry (positive; part of what the buyer paid).
    pub entry_costs: T,
    /// Transaction and exit costs (negative).
    pub costs: T,
    pub exit_equity: T,
}

/// Everything computed for one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyResult<T = Decimal> {
    pub name: String,
    pub sector: Sector,
    pub stage: String,
    /// Index into the fund's dates of the acquisition quarter.
    pub acquisition_index: usize,
    /// Index into the fund's dates of the exit quarter.
    pub exit_index: usize,
    /// Equity cheque at acquisition, including the fund's share of transaction costs.
    pub equity_cheque: T,
    /// Fund follow-on equity for AI programmes.
    pub follow_ons: T,
    /// `equity_cheque + follow_ons`.
    pub invested: T,
    /// The fund's proceeds at exit.
    pub proceeds: T,
    /// `proceeds / invested`; `None` when nothing was invested.
    pub gross_moic: Option<T>,
    /// Gross IRR of the deal's flows (f64 solve, reported as a Decimal).
    pub gross_irr: Result<Decimal, XirrError>,
    pub entry_ebitda: T,
    pub exit_ebitda: T,
    pub bridge: ValueBridge<T>,
    /// One entry per fund date.
    pub periods: Vec<CompanyPeriod<T>>,
}

/// The fund in one quarter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FundPeriod<T = Decimal> {
    pub date: NaiveDate,
    /// Equity cheques for acquisitions (with transaction costs).
    pub deal_equity: T,
    /// Follow-on equity for fund-funded AI programmes.
    pub follow_ons: T,
    pub management_fees: T,
    pub fund_expenses: T,
    /// Capital called from partners: the four above.
    pub contributions: T,
    /// Gross exit proceeds received by the fund.
    pub gross_proceeds: T,
    /// What partners (LPs and the GP commitment) received.
    pub distributions: T,
    /// Carried interest paid to the GP (negative for a clawback).
    pub carried_interest: T,
    /// Fund's share of unrealised equity, before carry.
    pub gross_nav: T,
    /// Carry that would be due if the fund were liquidated at `gross_nav`.
    pub accrued_carry: T,
    /// Reported NAV: `gross_nav − accrued_carry`.
    pub nav: T,
    /// Cost basis of companies held at quarter end.
    pub net_invested_capital: T,
    /// `distributions − contributions`.
    pub net_cash_flow: T,
    /// Running sum of `net_cash_flow` (the J-curve).
    pub cumulative_net_cash_flow: T,
}

/// Headline figures of the fund.
#[derive(Debug, Clone, PartialEq)]
pub struct FundMetrics<T = Decimal> {
    /// Σ contributions.
    pub paid_in: T,
    /// Σ distributions to partners.
    pub distributed: T,
    /// Reported NAV at the last date.
    pub nav: T,
    pub tvpi: Option<T>,
    pub dpi: Option<T>,
    pub rvpi: Option<T>,
    /// XIRR of partners' flows with the final NAV as a terminal flow.
    pub net_irr: Result<Decimal, XirrError>,
    /// XIRR of the fund's deal flows (cheques, follow-ons, proceeds, final gross NAV).
    pub gross_irr: Result<Decimal, XirrError>,
    /// Σ deal proceeds + final gross NAV over Σ invested.
    pub gross_moic: Option<T>,
    pub invested: T,
    pub gross_proceeds: T,
    pub management_fees: T,
    pub fund_expenses: T,
    pub carried_interest: T,
    /// Gross IRR − net IRR, when both exist.
    pub gross_to_net_spread: Option<Decimal>,
    /// Lowest cumulative net cash flow and its date.
    pub jcurve_trough: T,
    pub jcurve_trough_date: NaiveDate,
    /// First date the cumulative net cash flow is back at or above zero.
    pub payback_date: Option<NaiveDate>,
    /// Kaplan–Schoar public-market equivalent; `None` when undefined.
    pub pme: Option<T>,
}

/// A whole projection.
#[derive(Debug, Clone, PartialEq)]
pub struct FundResult<T = Decimal> {
    pub currency: String,
    pub dates: Vec<NaiveDate>,
    pub periods: Vec<FundPeriod<T>>,
    pub companies: Vec<CompanyResult<T>>,
    pub metrics: FundMetrics<T>,
}
