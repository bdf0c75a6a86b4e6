//! The subscription credit line: the fund draws a bank facility secured on uncalled
//! commitments instead of calling the partners, and calls them later to repay it.
//!
//! It works on the fund's quarterly calls after fees and expenses and before the
//! waterfall, so the waterfall, carry and every metric run on the calls the partners
//! actually meet. The rules:
//!
//! 1. **What is bridged.** Each quarter's need — deal cheques, follow-ons, management
//!    fees and fund expenses — is drawn on the line as far as the facility has room; the
//!    rest is called from the partners that quarter.
//! 2. **Size.** At each quarter end the facility is `share_of_uncalled ×` the partners'
//!    uncalled commitments (commitment less everything called before that quarter end),
//!    at most `cap`, never below zero. Room to draw is the size less the balance left
//!    after that quarter's repayments.
//! 3. **Days outstanding.** A draw is repaid, by a call on the partners, at the last
//!    quarter end from which holding it to the next quarter end would take it past
//!    `max_days_outstanding` days. Calls fall on quarter ends (91 to 92 days apart), so a
//!    180-day limit holds a draw for one quarter and 184 days for two. A need the line
//!    could not hold to the next quarter end is not drawn at all.
//! 4. **Facility term.** The facility is open for `facility_years` from the first close
//!    (the investment period when not given) and at the last quarter end of the
//!    projection: it takes no draw at a quarter end whose next quarter end falls after its
//!    end, and everything still drawn is repaid then.
//! 5. **Interest and fees.** Interest at the base rate in force at the start of the
//!    quarter plus `spread` on the balance held over the quarter, and the unused fee on
//!    the size less that balance, both actual/360 and booked to the cent, are paid at the
//!    quarter end. They are fund expenses (added to `fund_expenses`) called from the
//!    partners that quarter, never drawn on the line. The first quarter's unused fee runs
//!    from the first close on the full commitment.
//! 6. **Repayment source.** The line is repaid only by calls: proceeds go through the
//!    waterfall to the partners as before.
//! 7. **The preferred return** accrues from the dates the partners pay in (the re-timed
//!    calls), as most agreements write it. ILPA's 2017 principles recommend running it
//!    from the draw dates instead; that variant is not modelled, so carry may be higher
//!    with the line than without.
//!
//! ILPA, "Enhancing Transparency Around Subscription Lines of Credit" (2020), asks GPs to
//! report net IRR with and without the facility, with the facility's size, balance and
//! days outstanding each quarter. Without the line is the same projection with each
//! quarter's need called from the partners in that quarter and no interest or fees
//! ([`CreditLineResult::without_line`]).

use chrono::NaiveDate;

use super::classes::LpClasses;
use super::{Deals, Detail, ProjectError, net_cash_flows, run_waterfall};
use crate::engine::grid;
use crate::engine::metrics;
use crate::engine::model::{CreditLine, FundTerms};
use crate::engine::num::Num;
use crate::engine::results::{CreditLinePeriod, CreditLineResult, FundPeriod};

/// Days in the year of the facility's interest and fee convention (actual/360).
const DAY_COUNT_BASIS: i64 = 360;

/// Bridges the fund's calls through its credit line, if it has one: rewrites each
/// quarter's `contributions` (and adds interest and fees to `fund_expenses`), after
/// working out the metrics without the line from the calls as they were. Under
/// [`Detail::FundOnly`] (sweeps and Monte Carlo, which read only the fund's own metrics)
/// the calls are bridged all the same but no report is kept: the waterfall and metrics
/// without the line, a second run of each, are skipped and `None` is returned.
pub(super) fn bridge_calls<T: Num>(
    fund: &FundTerms,
    deals: &Deals<T>,
    lp_classes: &LpClasses<T>,
    periods: &mut [FundPeriod<T>],
    detail: Detail,
) -> Result<Option<CreditLineResult<T>>, ProjectError> {
    let Some(line) = &fund.credit_line else {
        return Ok(None);
    };
    // The metrics without the line, from the calls as they were (reports only).
    let without = (detail == Detail::Full)
        .then(|| -> Result<_, ProjectError> {
            let mut without = periods.to_vec();
            run_waterfall(fund, deals, lp_classes, &mut without)?;
            net_cash_flows(&mut without);
            let metrics = metrics::fund_metrics(&without, &fund.pme_benchmark);
            Ok((without, metrics))
        })
        .transpose()?;
    let facility_end = grid::add_years(
        fund.first_close,
        line.facility_years.unwrap_or(fund.investment_period_years),
    );
    let mut facility = Facility::new(line, fund, facility_end);
    let line_periods: Vec<CreditLinePeriod<T>> =
        (0..periods.len()).map(|q| facility.quarter(periods, q)).collect();
    let Some((without, without_line)) = without else {
        return Ok(None);
    };
    let sum = |f: fn(&CreditLinePeriod<T>) -> T| line_periods.iter().map(f).sum::<T>();
    Ok(Some(CreditLineResult {
        interest: sum(|p| p.interest),
        unused_fees: sum(|p| p.unused_fee),
        peak_balance: line_periods.iter().map(|p| p.balance).fold(T::zero(), T::max_of),
        longest_days_outstanding: facility.longest_days,
        cumulative_net_cash_flow_without_line: without.iter().map(|p| p.cumulative_net_cash_flow).collect(),
        without_line,
        periods: line_periods,
    }))
}

/// The facility's running state through the quarters.
struct Facility<T> {
    share_of_uncalled: T,
    cap: T,
    spread: T,
    unused_fee_rate: T,
    max_days: i64,
    line: CreditLine,
    facility_end: NaiveDate,
    commitment: T,
    /// Everything called from the partners so far.
    called: T,
    /// Draws not yet repaid: the date drawn and the amount.
    draws: Vec<(NaiveDate, T)>,
    /// The previous quarter end (the first close before the first quarter).
    previous_date: NaiveDate,
    /// The facility size at the previous quarter end.
    previous_size: T,
    longest_days: i64,
}

impl<T: Num> Facility<T> {
    fn new(line: &CreditLine, fund: &FundTerms, facility_end: NaiveDate) -> Self {
        let commitment = T::from_dec(fund.commitment);
        let share_of_uncalled = T::from_dec(line.share_of_uncalled);
        let cap = T::from_dec(line.cap);
        let open_at_close = fund.first_close < facility_end;
        Self {
            share_of_uncalled,
            cap,
            spread: T::from_dec(line.spread),
            unused_fee_rate: T::from_dec(line.unused_fee_rate),
            max_days: i64::from(line.max_days_outstanding),
            line: line.clone(),
            facility_end,
            commitment,
            called: T::zero(),
            draws: Vec::new(),
            previous_date: fund.first_close,
            previous_size: if open_at_close {
                (share_of_uncalled * commitment).min_of(cap).max_of(T::zero())
            } else {
                T::zero()
            },
            longest_days: 0,
        }
    }

    fn balance(&self) -> T {
        self.draws.iter().map(|(_, amount)| *amount).sum()
    }

    /// Whether a draw made on `drawn` may still be outstanding on `next` (the next
    /// quarter end, `None` after the last).
    fn may_hold(&self, drawn: NaiveDate, next: Option<NaiveDate>) -> bool {
        next.is_some_and(|next| next <= self.facility_end && (next - drawn).num_days() <= self.max_days)
    }

    /// Books quarter `q`: charges for the quarter just ended, repayments, the draw, and
    /// the partners' call.
    fn quarter(&mut self, periods: &mut [FundPeriod<T>], q: usize) -> CreditLinePeriod<T> {
        let next = periods.get(q + 1).map(|p| p.date);
        let Some(period) = periods.get_mut(q) else {
            return CreditLinePeriod::default();
        };
        let date = period.date;
        let days = T::from_i64((date - self.previous_date).num_days()) / T::from_i64(DAY_COUNT_BASIS);
        let held = self.balance();
        let rate = T::from_dec(self.line.base_rate_on(self.previous_date)) + self.spread;
        let interest = (held * rate * days).round_money();
        let undrawn = (self.previous_size - held).max_of(T::zero());
        let unused_fee = (undrawn * self.unused_fee_rate * days).round_money();

        let (kept, due): (Vec<_>, Vec<_>) = self
            .draws
            .iter()
            .partition(|(drawn, _)| self.may_hold(*drawn, next));
        self.draws = kept;
        let repaid: T = due.iter().map(|(_, amount)| *amount).sum();
        if let Some(longest) = due.iter().map(|(drawn, _)| (date - *drawn).num_days()).max() {
            self.longest_days = self.longest_days.max(longest);
        }

        let size = if self.may_hold(date, next) {
            (self.share_of_uncalled * (self.commitment - self.called))
                .min_of(self.cap)
                .max_of(T::zero())
        } else {
            T::zero()
        };
        let need = period.contributions;
        let room = (size - self.balance()).max_of(T::zero());
        let drawn = need.min_of(room).max_of(T::zero());
        if drawn > T::zero() {
            self.draws.push((date, drawn));
        }
        period.fund_expenses += interest + unused_fee;
        period.contributions = need - drawn + repaid + interest + unused_fee;
        self.called += period.contributions;
        self.previous_date = date;
        self.previous_size = size;
        self.report(date, size, drawn, repaid, interest, unused_fee)
    }

    /// The quarter's figures, with the days outstanding of what is still drawn.
    fn report(
        &mut self,
        date: NaiveDate,
        size: T,
        drawn: T,
        repaid: T,
        interest: T,
        unused_fee: T,
    ) -> CreditLinePeriod<T> {
        let balance = self.balance();
        let ages = self
            .draws
            .iter()
            .map(|(d, amount)| ((date - *d).num_days(), *amount));
        let oldest_draw_days = ages.clone().map(|(days, _)| days).max().unwrap_or(0);
        self.longest_days = self.longest_days.max(oldest_draw_days);
        let weighted: T = ages.map(|(days, amount)| T::from_i64(days) * amount).sum();
        CreditLinePeriod {
            date,
            facility_size: size,
            drawn,
            repaid,
            balance,
            interest,
            unused_fee,
            oldest_draw_days,
            average_days_outstanding: if balance > T::zero() {
                weighted / balance
            } else {
                T::zero()
            },
        }
    }
}

#[cfg(test)]
mod tests;
