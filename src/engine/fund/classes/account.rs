//! A class's quarterly capital account and its metrics, from its flows (rule 6 at the top
//! of [`super`]).

use chrono::NaiveDate;

use crate::engine::fund::Detail;
use crate::engine::metrics::irr_on_grid;
use crate::engine::num::Num;
use crate::engine::results::{CapitalAccountPeriod, ClassMetrics, ClassResult};
use crate::engine::xirr::XirrError;

/// One class's actual flows in one quarter (all its LPs together).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct ClassFlows<T> {
    /// Commitments admitted by the quarter end.
    pub commitment: T,
    /// Capital paid in this quarter, equalisation included.
    pub contributed: T,
    /// Received this quarter, net of carry.
    pub distributed: T,
    /// NAV at the quarter end, net of accrued carry.
    pub nav: T,
    /// The class's management fee this quarter.
    pub management_fees: T,
    /// Carry on the class's distributions this quarter.
    pub carried_interest: T,
    /// Equalisation capital paid (positive) or refunded (negative), inside `contributed`.
    pub equalisation: T,
    /// Equalisation interest paid this quarter.
    pub interest_paid: T,
    /// Equalisation interest received this quarter.
    pub interest_received: T,
}

/// What a class is, for its statement.
pub(super) struct ClassHeading<'a, T> {
    /// Its name.
    pub name: &'a str,
    /// How many LPs hold it.
    pub investors: u32,
    /// Its LP commitment at the final close.
    pub commitment: T,
}

/// `numerator / denominator` when the denominator is above zero and the quotient fits.
fn ratio<T: Num>(numerator: T, denominator: T) -> Option<T> {
    (denominator > T::zero())
        .then(|| numerator.checked_div(denominator))
        .flatten()
}

/// The capital account of one class (rule 6): quarterly periods under [`Detail::Full`]
/// (none under [`Detail::FundOnly`], where the net IRR is not computed either) and its
/// metrics.
pub(super) fn class_result<T: Num>(
    heading: ClassHeading<'_, T>,
    dates: &[NaiveDate],
    flows: &[ClassFlows<T>],
    detail: Detail,
) -> ClassResult<T> {
    let zero = T::zero();
    let sum = |f: fn(&ClassFlows<T>) -> T| flows.iter().map(f).sum::<T>();
    let paid_in = sum(|f| f.contributed);
    let distributed = sum(|f| f.distributed);
    let nav = flows.last().map_or(zero, |f| f.nav);
    let net_irr = match detail {
        Detail::Full => {
            let mut cash: Vec<(usize, T)> = flows
                .iter()
                .map(|f| f.distributed - f.contributed - f.interest_paid + f.interest_received)
                .enumerate()
                .collect();
            cash.push((flows.len().saturating_sub(1), nav));
            irr_on_grid(dates, &cash)
        }
        Detail::FundOnly => Err(XirrError::NotComputed),
    };
    let metrics = ClassMetrics {
        paid_in,
        distributed,
        nav,
        tvpi: ratio(distributed + nav, paid_in),
        dpi: ratio(distributed, paid_in),
        rvpi: ratio(nav, paid_in),
        net_irr,
        management_fees: sum(|f| f.management_fees),
        carried_interest: sum(|f| f.carried_interest),
        equalisation_interest_paid: sum(|f| f.interest_paid),
        equalisation_interest_received: sum(|f| f.interest_received),
    };
    let periods = match detail {
        Detail::Full => periods(dates, flows),
        Detail::FundOnly => Vec::new(),
    };
    ClassResult {
        name: heading.name.to_owned(),
        investors: heading.investors,
        commitment: heading.commitment,
        periods,
        metrics,
    }
}

/// The quarterly statement: this quarter's flows and the sums to date.
fn periods<T: Num>(dates: &[NaiveDate], flows: &[ClassFlows<T>]) -> Vec<CapitalAccountPeriod<T>> {
    let zero = T::zero();
    let mut to_date = CapitalAccountPeriod::<T>::default();
    dates
        .iter()
        .zip(flows)
        .map(|(&date, f)| {
            to_date.contributed_to_date += f.contributed;
            to_date.distributed_to_date += f.distributed;
            to_date.management_fees_to_date += f.management_fees;
            to_date.carried_interest_to_date += f.carried_interest;
            CapitalAccountPeriod {
                date,
                commitment: f.commitment,
                contributed: f.contributed,
                contributed_to_date: to_date.contributed_to_date,
                distributed: f.distributed,
                distributed_to_date: to_date.distributed_to_date,
                nav: f.nav,
                unfunded: (f.commitment - to_date.contributed_to_date).max_of(zero),
                management_fees: f.management_fees,
                management_fees_to_date: to_date.management_fees_to_date,
                carried_interest: f.carried_interest,
                carried_interest_to_date: to_date.carried_interest_to_date,
                equalisation: f.equalisation,
                equalisation_interest: f.interest_paid - f.interest_received,
            }
        })
        .collect()
}
