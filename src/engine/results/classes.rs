//! Each LP class's capital account, quarter by quarter, and its net returns (rules at the
//! top of `engine::fund::classes`).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::xirr::XirrError;

/// One class's capital account in one quarter (all its LPs together; the GP commitment
/// is not in any class). Flows are this quarter's; `_to_date` fields are cumulative.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CapitalAccountPeriod<T = Decimal> {
    /// The quarter-end date.
    pub date: NaiveDate,
    /// Commitments of the class's LPs admitted by this quarter end.
    pub commitment: T,
    /// Capital called from the class this quarter: its share of deals, follow-ons and
    /// expenses and its own fees, with equalisation capital paid at its close (less
    /// equalisation capital refunded to it at a later close).
    pub contributed: T,
    /// Σ `contributed` to date.
    pub contributed_to_date: T,
    /// Distributed to the class this quarter, net of its carry.
    pub distributed: T,
    /// Σ `distributed` to date.
    pub distributed_to_date: T,
    /// The class's share of the LPs' NAV, net of the carry accrued on it.
    pub nav: T,
    /// Commitment admitted not yet called at quarter end, never below zero.
    pub unfunded: T,
    /// Management fee charged to the class this quarter (inside `contributed`).
    pub management_fees: T,
    /// Σ `management_fees` to date.
    pub management_fees_to_date: T,
    /// Carry paid on the class's distributions this quarter (negative for a clawback).
    pub carried_interest: T,
    /// Σ `carried_interest` to date.
    pub carried_interest_to_date: T,
    /// Equalisation capital and fees this quarter: paid at the class's own later close
    /// (positive), refunded to it when others close later (negative). Inside
    /// `contributed`.
    pub equalisation: T,
    /// Equalisation interest this quarter: paid (positive) or received (negative). Not
    /// capital: outside `contributed` and `distributed`, inside the class's net IRR.
    pub equalisation_interest: T,
}

/// A class's returns over the fund's life, on its own flows.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassMetrics<T = Decimal> {
    /// Σ contributions (equalisation capital included).
    pub paid_in: T,
    /// Σ distributions, net of carry.
    pub distributed: T,
    /// NAV at the last date, net of accrued carry.
    pub nav: T,
    /// `(distributed + NAV) / paid-in`.
    pub tvpi: Option<T>,
    /// `distributed / paid-in`.
    pub dpi: Option<T>,
    /// `NAV / paid-in`.
    pub rvpi: Option<T>,
    /// XIRR of the class's contributions, distributions and equalisation interest, with its
    /// final NAV as a terminal flow.
    pub net_irr: Result<Decimal, XirrError>,
    /// Σ management fees charged to the class.
    pub management_fees: T,
    /// Σ carry paid on the class's distributions, net of clawback.
    pub carried_interest: T,
    /// Σ equalisation interest paid by the class.
    pub equalisation_interest_paid: T,
    /// Σ equalisation interest received by the class.
    pub equalisation_interest_received: T,
}

/// One LP class over the fund's life.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassResult<T = Decimal> {
    /// The class's name ("LPs" for a fund with no classes).
    pub name: String,
    /// How many LPs hold the class.
    pub investors: u32,
    /// The class's LP commitments at the final close (the GP commitment's share of its
    /// closes left out).
    pub commitment: T,
    /// The capital account in each quarter, one per fund date.
    pub periods: Vec<CapitalAccountPeriod<T>>,
    /// Its net returns.
    pub metrics: ClassMetrics<T>,
}
