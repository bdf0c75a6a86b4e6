//! The management fee, the fee offsets and the fund expenses, quarter by quarter.
//!
//! Rules (each a modelling choice, stated so a reviewer can check it):
//!
//! **Which rate on which basis.** Quarter `q` ends on `d`. In a fee holiday (the first
//! `fee_terms.holiday_quarters` quarters of the grid, the first close's quarter being
//! the first) no fee is charged. Otherwise the latest fee step with `from ≤ d` sets the
//! rate and the basis (steps override the two periods); before the first step,
//! `management_fee_rate` is charged on commitments while `d` is before the end of the
//! investment period, then `post_investment_fee_rate` (else the same rate) on
//! `fee_terms.post_investment_basis`. No fee is charged from the end of the term and
//! extensions on, steps included. A quarter's fee is `rate / 4 × basis`, to the cent.
//!
//! **Classes.** With LP classes holding fee rates of their own, each class's fee is this
//! rule at its rates on its share of the basis, and the fee before offset is their sum
//! (rule 2 at the top of `classes`); without, the fee is computed as here.
//!
//! **Bases.** Commitments; net invested capital: the cost of the companies held at the
//! quarter end, after that quarter's sales (the cost falls in proportion at a partial
//! sale); the lower of cost and NAV: `min(net invested capital, gross NAV)` at the
//! quarter end, the fund's share of the marked equity — a write-down lowers the fee, a
//! write-up never raises it above cost.
//!
//! **Fee offsets.** ILPA Principles 3.0 (2019), "Fee Income Beyond the Management Fee":
//! fees charged to portfolio companies should be 100 % offset against the management
//! fee; `fee_terms.offset_share` (default 100 %) allows the lower shares some agreements
//! still write. The fees counted are the fund's share of each company's fees: of a
//! transaction fee (`transaction_fee ×` entry EV, charged at the acquisition), the
//! fund's ownership at the acquisition, in the acquisition quarter; of the monitoring fee
//! (`monitoring_fee / 4` in each quarter the company operates under the fund: after the
//! acquisition quarter, up to and including the exit quarter), the ownership held at the
//! start of the quarter (before a sale in it). Co-owners' shares of those fees are theirs
//! and reduce nothing here (ILPA asks that the split be disclosed). Each share is booked
//! to the cent. In a quarter the offset available is `offset_share ×` the fund's share of
//! the fees charged that quarter (to the cent) plus any excess carried from earlier
//! quarters; the fee is reduced by as much of it as it can take and never falls below
//! zero; the rest is carried forward to the fees of later quarters (a holiday quarter,
//! with no fee, takes none). An excess still unapplied when the fees end lapses: ILPA
//! asks that it be rebated to LPs at the end of the fund's life, which is not modelled
//! (it is `Σ offset_share × portfolio_company_fees − Σ fee_offset` over the periods).
//! `management_fees` is the fee after the offset; `fee_offset` is the offset applied.
//!
//! **Fund expenses.** Organisational expenses in the first quarter; `annual_expenses /
//! 4` in each quarter of the term and extensions up to and including the final
//! liquidation (`FundCalendar::final_liquidation_index`: the quarter of the last sale of a
//! company, see [`super::wind_up`]), none after it. A fund with no companies runs its
//! expenses to the end of its term. Fees and expenses are called from partners like
//! investments.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::FundCalendar;
use super::classes::ClassBook;
use crate::engine::company::{PreparedCompany, Projection};
use crate::engine::model::{FeeBasis, FeeTerms, FundTerms};
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;

/// Adds the fund's share of the transaction and monitoring fees `prepared` pays to
/// `periods[q].portfolio_company_fees` (see the module doc).
pub(super) fn book_company_fees<T: Num>(
    prepared: &PreparedCompany<T>,
    projection: &Projection<T>,
    periods: &mut [FundPeriod<T>],
) {
    let acquisition = prepared.acquisition_index;
    if let Some(p) = periods.get_mut(acquisition) {
        p.portfolio_company_fees += prepared.fund_transaction_fee();
    }
    let mut owned_at_start = prepared.ownership();
    for (company, fund) in projection
        .periods
        .iter()
        .zip(periods.iter_mut())
        .take(prepared.exit_index + 1)
        .skip(acquisition)
    {
        if company.monitoring_fee != T::zero() {
            fund.portfolio_company_fees += (owned_at_start * company.monitoring_fee).round_money();
        }
        owned_at_start = company.ownership;
    }
}

/// A class's own fee rates (rule 2 at the top of `classes`); the default is the fund's.
#[derive(Debug, Clone, Copy, Default)]
struct OwnRates {
    investment: Option<Decimal>,
    post_investment: Option<Decimal>,
}

/// The rate and basis of the management fee in the quarter ending `date` (outside a
/// holiday, before the fund's end), with a class's own rates in place of the fund's where
/// given (a step applies to every class alike; a class with an investment-period rate
/// and no post-investment rate, in a fund with none, keeps its own rate after the period).
fn rate_and_basis(
    fund: &FundTerms,
    calendar: &FundCalendar,
    date: NaiveDate,
    own: OwnRates,
) -> (Decimal, FeeBasis) {
    let step = fund
        .fee_terms
        .steps
        .iter()
        .filter(|s| s.from <= date)
        .max_by_key(|s| s.from);
    match step {
        Some(step) => (step.rate, step.basis),
        None if date < calendar.investment_period_end => (
            own.investment.unwrap_or(fund.management_fee_rate),
            FeeBasis::Commitment,
        ),
        None => (
            own.post_investment
                .or(fund.post_investment_fee_rate)
                .unwrap_or(own.investment.unwrap_or(fund.management_fee_rate)),
            fund.fee_terms.post_investment_basis,
        ),
    }
}

/// What `basis` is in `period` (its gross NAV already rounded).
fn basis_amount<T: Num>(basis: FeeBasis, commitment: T, period: &FundPeriod<T>) -> T {
    match basis {
        FeeBasis::Commitment => commitment,
        FeeBasis::NetInvestedCapital => period.net_invested_capital,
        FeeBasis::LowerOfCostAndNav => period.net_invested_capital.min_of(period.gross_nav),
    }
}

/// The management fee of each quarter before any offset (see the module doc), at a
/// class's own rates on `weight ×` the basis when given.
fn fees_before_offset<T: Num>(
    fund: &FundTerms,
    calendar: &FundCalendar,
    periods: &[FundPeriod<T>],
    class: Option<(OwnRates, Decimal)>,
) -> Vec<T> {
    let (own, weight) = class.map_or((OwnRates::default(), None), |(own, w)| {
        (own, Some(T::from_dec(w)))
    });
    let commitment = T::from_dec(fund.commitment);
    let four = T::from_i64(4);
    let FeeTerms { holiday_quarters, .. } = fund.fee_terms;
    let holiday = usize::try_from(holiday_quarters).unwrap_or(usize::MAX);
    periods
        .iter()
        .enumerate()
        .map(|(q, p)| {
            if q < holiday || p.date >= calendar.fund_end {
                return T::zero();
            }
            let (rate, basis) = rate_and_basis(fund, calendar, p.date, own);
            let amount = basis_amount(basis, commitment, p);
            match weight {
                None => (T::from_dec(rate) / four * amount).round_money(),
                Some(weight) => (T::from_dec(rate) / four * (weight * amount)).round_money(),
            }
        })
        .collect()
}

/// Each class's fee before offset in each quarter (rule 2 at the top of `classes`), one
/// list per class of `book`; `None` when no class has a fee rate of its own.
fn class_fees_before_offset<T: Num>(
    fund: &FundTerms,
    calendar: &FundCalendar,
    periods: &[FundPeriod<T>],
    book: &ClassBook,
) -> Option<Vec<Vec<T>>> {
    book.has_own_fees().then(|| {
        book.classes
            .iter()
            .map(|c| {
                let own = OwnRates {
                    investment: c.management_fee_rate,
                    post_investment: c.post_investment_fee_rate,
                };
                fees_before_offset(fund, calendar, periods, Some((own, c.weight)))
            })
            .collect()
    })
}

/// Management fees after offsets, fund expenses (see the module doc), the rounded gross
/// NAV, and each quarter's contributions. With classes holding fee rates of their own the
/// fee before offset is the sum of the classes' (rule 2 at the top of `classes`), and
/// each class's fee before offset is returned (`None` otherwise).
pub(super) fn charge_fees_and_expenses<T: Num>(
    fund: &FundTerms,
    calendar: &FundCalendar,
    periods: &mut [FundPeriod<T>],
    book: &ClassBook,
) -> Option<Vec<Vec<T>>> {
    for p in periods.iter_mut() {
        p.gross_nav = p.gross_nav.round_money();
    }
    let class_fees = class_fees_before_offset(fund, calendar, periods, book);
    let fees = match &class_fees {
        Some(by_class) => (0..periods.len())
            .map(|q| by_class.iter().filter_map(|fees| fees.get(q)).copied().sum())
            .collect(),
        None => fees_before_offset(fund, calendar, periods, None),
    };
    let offset_share = T::from_dec(fund.fee_terms.offset_share);
    let expenses_quarter = (T::from_dec(fund.annual_expenses) / T::from_i64(4)).round_money();
    let mut offset_carried = T::zero();
    for (q, (p, fee)) in periods.iter_mut().zip(fees).enumerate() {
        let available = offset_carried + (offset_share * p.portfolio_company_fees).round_money();
        let applied = available.min_of(fee).max_of(T::zero());
        offset_carried = available - applied;
        p.fee_offset = applied;
        p.management_fees = fee - applied;
        p.fund_expenses = T::zero();
        if p.date < calendar.fund_end && q <= calendar.final_liquidation_index {
            p.fund_expenses = expenses_quarter;
        }
        if q == 0 {
            p.fund_expenses += T::from_dec(fund.organisational_expenses).round_money();
        }
        p.contributions = p.deal_equity + p.follow_ons + p.management_fees + p.fund_expenses;
    }
    class_fees
}

#[cfg(test)]
mod tests;
