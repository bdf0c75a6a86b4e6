//! Recycling: exit proceeds the fund retains instead of distributing, and reinvests in
//! later deals instead of calling capital from partners.
//!
//! Sources. ILPA Principles 3.0 ("Recycling of Distributions", 2019) asks that the amount
//! subject to recycling have an agreed cap (or a monitoring threshold) so that LPs can
//! project their cash needs, and that recycling, unused recallable amounts included,
//! expire at the end of the investment period. The common LPA pattern: proceeds of
//! realisations within the investment period may be reinvested until 100–120 % of
//! commitments has been invested, and often "up to the management fees and expenses
//! paid", so that the whole commitment goes into companies (recycling of fees).
//!
//! The rules Millwright applies ([`crate::engine::model::Recycling`]):
//!
//! 1. **Window.** A quarter is inside the window when its quarter end `d` satisfies
//!    `start ≤ d < end`, with `start` = first close + `window_start_years` and `end` =
//!    first close + `window_end_years` (the end of the investment period when absent) —
//!    the same test as the fee on commitments. Nothing is retained outside the window.
//! 2. **Retention.** In a quarter inside the window the fund retains
//!    `proceeds_share ×` that quarter's gross exit proceeds (rounded to the cent), but
//!    never more than the room left under the cap.
//! 3. **Cap.** Everything retained to date is at most `cap_share × commitment +
//!    fee_share ×` the management fees charged to date (this quarter's included).
//! 4. **Reinvestment.** Retained proceeds fund the quarter's deal equity and follow-ons
//!    before partners are called — this quarter's retention included — first in, first
//!    out. Fees and fund expenses are always called from partners.
//! 5. **Expiry.** Whatever is still held after the window's last quarter on the grid has
//!    reinvested is released for distribution in that quarter (ILPA: recycling expires
//!    with the window).
//! 6. **Calls and distributions.** Retained proceeds are not distributed and the capital
//!    they fund is not called: `contributions` (capital called) falls by the amount
//!    reinvested, and the waterfall distributes each quarter's
//!    [`FundPeriod::distributable_proceeds`] — gross proceeds less the amount retained
//!    plus any amount released — instead of the gross proceeds. So the waterfall only
//!    sees money partners paid in and money they receive: the preferred return accrues on
//!    capital called, and the carry on a realisation that is retained waits until that
//!    money reaches the partners (through the deals it funds, or at expiry). Without
//!    carry, distributions and calls each fall over the fund's life by the amount
//!    reinvested. Gross figures (invested, proceeds, gross IRR and MOIC) do not change.
//!    In an American waterfall each deal's ledger still takes its own cheque and
//!    proceeds (a deal's carry does not depend on how it was funded) and the carry is
//!    paid out of the quarter's distributable proceeds, so a share retained above
//!    `1 − carry_rate` can leave the partners less than nothing in a quarter (validation
//!    warns).
//!
//! Runs after fees and expenses, before the credit line (which bridges the calls net of
//! recycling) and the waterfall.

use chrono::NaiveDate;

use crate::engine::grid;
use crate::engine::model::FundTerms;
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;

#[cfg(test)]
mod tests;

/// The recycling window on the calendar: quarters ending in `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecyclingWindow {
    /// First close + `window_start_years`.
    pub start: NaiveDate,
    /// First close + the window's end in years.
    pub end: NaiveDate,
}

impl RecyclingWindow {
    /// The window of `fund`'s recycling clause.
    pub fn of(fund: &FundTerms) -> Self {
        let recycling = &fund.recycling;
        Self {
            start: grid::add_years(fund.first_close, recycling.window_start_years),
            end: grid::add_years(
                fund.first_close,
                recycling.window_end(fund.investment_period_years),
            ),
        }
    }

    /// Whether proceeds arriving in the quarter ending `quarter_end` may be retained.
    pub fn contains(&self, quarter_end: NaiveDate) -> bool {
        self.start <= quarter_end && quarter_end < self.end
    }
}

/// Retains, reinvests and releases proceeds under `fund.recycling` (the rules at the top
/// of this module): books each quarter's `recycling_*` fields and `recyclable_balance`
/// and lowers its `contributions` by the amount reinvested. Does nothing when recycling
/// is off.
pub(super) fn recycle_proceeds<T: Num>(fund: &FundTerms, periods: &mut [FundPeriod<T>]) {
    let recycling = &fund.recycling;
    if !recycling.is_on() {
        return;
    }
    let window = RecyclingWindow::of(fund);
    let Some(last_in_window) = periods.iter().rposition(|p| window.contains(p.date)) else {
        return;
    };
    let zero = T::zero();
    let share = T::from_dec(recycling.proceeds_share);
    let commitment_cap = T::from_dec(recycling.cap_share) * T::from_dec(fund.commitment);
    let fee_share = T::from_dec(recycling.fee_share);
    let mut fees_to_date = zero;
    let mut retained_to_date = zero;
    let mut balance = zero;
    for (q, p) in periods.iter_mut().enumerate().take(last_in_window + 1) {
        fees_to_date += p.management_fees;
        if !window.contains(p.date) {
            continue;
        }
        let limit = commitment_cap + fee_share * fees_to_date;
        let room = (limit - retained_to_date).max_of(zero);
        let retained = (share * p.gross_proceeds.max_of(zero)).round_money().min_of(room);
        p.recycling_retained = retained;
        retained_to_date += retained;
        balance += retained;

        let reinvested = balance.min_of((p.deal_equity + p.follow_ons).max_of(zero));
        p.contributions -= reinvested;
        p.recycling_reinvested = reinvested;
        balance -= reinvested;

        if q == last_in_window {
            p.recycling_released = balance;
            balance = zero;
        }
        p.recyclable_balance = balance;
    }
}
