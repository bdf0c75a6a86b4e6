//! The subscription credit line: a bank facility secured on the partners' uncalled
//! commitments that the fund draws instead of calling capital, and repays by calling it
//! later. The rules the engine applies are at the top of
//! [`crate::engine::fund::credit_line`](crate::engine::fund).

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};
use serde::{Deserialize, Serialize};

/// A subscription line of credit (a "sub line" or capital call facility).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditLine {
    /// Facility size as a share of the partners' uncalled commitments (the borrowing base,
    /// e.g. `0.25`).
    pub share_of_uncalled: Decimal,
    /// Largest facility size, in money, whatever the uncalled commitments.
    pub cap: Decimal,
    /// Annual base rate (e.g. SOFR) before the first dated point of `base_rate_curve`,
    /// and throughout when the curve is empty.
    pub base_rate: Decimal,
    /// Dated base rates: each applies from its date until the next point's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub base_rate_curve: Vec<RatePoint>,
    /// Annual margin over the base rate on drawn amounts.
    pub spread: Decimal,
    /// Annual commitment fee on the undrawn part of the facility.
    pub unused_fee_rate: Decimal,
    /// Longest a draw may stay outstanding, in days, before the fund calls the partners
    /// to repay it (e.g. 180).
    pub max_days_outstanding: u32,
    /// Years from the first close the facility stays open (draws and the unused fee);
    /// when absent, the investment period. Everything still drawn is repaid at its end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility_years: Option<u32>,
}

/// One dated point of a base-rate curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatePoint {
    /// The date the rate applies from.
    pub date: NaiveDate,
    /// The annual rate from that date (fraction: `0.04` is 4 %).
    pub rate: Decimal,
}

impl Default for CreditLine {
    /// A plausible facility for a large buyout fund: 25 % of uncalled commitments up to
    /// 5 billion, base rate 4 % plus 1.75 %, a 0.30 % unused fee, draws held at most 180
    /// days, open through the investment period.
    fn default() -> Self {
        Self {
            share_of_uncalled: dec!(0.25),
            cap: dec!(5_000_000_000),
            base_rate: dec!(0.04),
            base_rate_curve: Vec::new(),
            spread: dec!(0.0175),
            unused_fee_rate: dec!(0.003),
            max_days_outstanding: 180,
            facility_years: None,
        }
    }
}

impl CreditLine {
    /// The annual base rate in force on `date`: the last curve point on or before it, or
    /// [`CreditLine::base_rate`] before the first point.
    pub fn base_rate_on(&self, date: NaiveDate) -> Decimal {
        self.base_rate_curve
            .iter()
            .rev()
            .find(|p| p.date <= date)
            .map_or(self.base_rate, |p| p.rate)
    }
}
