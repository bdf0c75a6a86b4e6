//! What the subscription credit line did: the facility quarter by quarter, and the fund's
//! metrics had its calls not been bridged (ILPA asks for both side by side).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::FundMetrics;

/// The facility in one quarter. Draws, repayments and the charges paid fall on the
/// quarter end; the balance and days are after them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CreditLinePeriod<T = Decimal> {
    /// The quarter-end date.
    pub date: NaiveDate,
    /// Facility size at this quarter end: the share of uncalled commitments, capped; zero
    /// once the facility has closed.
    pub facility_size: T,
    /// Drawn this quarter instead of calling the partners.
    pub drawn: T,
    /// Repaid this quarter, with capital called from the partners.
    pub repaid: T,
    /// Drawn and not yet repaid, at quarter end.
    pub balance: T,
    /// Interest paid this quarter on the balance of the quarter before (a fund expense).
    pub interest: T,
    /// Unused fee paid this quarter on the undrawn facility of the quarter before (a fund
    /// expense).
    pub unused_fee: T,
    /// Days the oldest draw still outstanding has been outstanding (0 when none is).
    pub oldest_draw_days: i64,
    /// Days outstanding of the balance, weighted by amount (0 when nothing is drawn).
    pub average_days_outstanding: T,
}

/// The credit line over the fund's life.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditLineResult<T = Decimal> {
    /// The facility in each quarter, one per fund date.
    pub periods: Vec<CreditLinePeriod<T>>,
    /// The fund's metrics had every call been made from the partners on the day the line
    /// was drawn instead, with no interest or fees (the fund's own metrics are with it).
    pub without_line: FundMetrics<T>,
    /// The J-curve without the line: cumulative net cash flow to partners, one per date.
    pub cumulative_net_cash_flow_without_line: Vec<T>,
    /// Σ interest paid.
    pub interest: T,
    /// Σ unused fees paid.
    pub unused_fees: T,
    /// The largest balance drawn at any quarter end.
    pub peak_balance: T,
    /// The longest any draw stayed outstanding, in days.
    pub longest_days_outstanding: i64,
}
