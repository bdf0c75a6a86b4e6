//! Edits of a company's partial exits: add one (halfway through what is left of the
//! hold, a quarter of the original holding), delete one, set its date or its share.
//! Values are stored as given; validation names a sale out of the hold or over what is
//! held.

use chrono::{Days, NaiveDate};
use rust_decimal::{Decimal, dec};

use super::lists::company_mut;
use super::{EditError, EditOutcome};
use crate::engine::model::{Company, PartialExit, Portfolio};

/// The share of the original holding a new partial exit sells.
pub const NEW_PARTIAL_EXIT_SHARE: Decimal = dec!(0.25);

/// The day halfway from `from` to `to` (rounded down); `from` when `to` is not later.
fn halfway(from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let days = (to - from).num_days();
    u64::try_from(days / 2)
        .ok()
        .and_then(|half| from.checked_add_days(Days::new(half)))
        .unwrap_or(from)
}

/// Where a new sale of `company` falls: halfway through the hold, or, when it already
/// has sales, halfway from the latest of them to the exit.
pub fn new_partial_exit_date(company: &Company) -> NaiveDate {
    let latest_sale = company.partial_exits.iter().map(|s| s.date).max();
    let from = latest_sale.map_or(company.acquisition_date, |d| d.max(company.acquisition_date));
    halfway(from, company.exit_date)
}

pub(super) fn add(p: &mut Portfolio, c: usize) -> Result<EditOutcome, EditError> {
    let company = company_mut(p, c)?;
    let sale = PartialExit {
        date: new_partial_exit_date(company),
        share: NEW_PARTIAL_EXIT_SHARE,
    };
    // Kept in date order: the new sale goes after every sale on or before its date.
    let at = company
        .partial_exits
        .iter()
        .position(|s| s.date > sale.date)
        .unwrap_or(company.partial_exits.len());
    company.partial_exits.insert(at, sale);
    Ok(EditOutcome::keep())
}

fn sale_mut(p: &mut Portfolio, company: usize, index: usize) -> Result<&mut PartialExit, EditError> {
    let sales = &mut company_mut(p, company)?.partial_exits;
    let count = sales.len();
    sales.get_mut(index).ok_or(EditError::NoPartialExit {
        company,
        index,
        count,
    })
}

pub(super) fn delete(p: &mut Portfolio, company: usize, index: usize) -> Result<EditOutcome, EditError> {
    sale_mut(p, company, index)?;
    company_mut(p, company)?.partial_exits.remove(index);
    Ok(EditOutcome::keep())
}

pub(super) fn set_date(
    p: &mut Portfolio,
    company: usize,
    index: usize,
    date: NaiveDate,
) -> Result<EditOutcome, EditError> {
    let sale = sale_mut(p, company, index)?;
    let changed = sale.date != date;
    sale.date = date;
    Ok(EditOutcome {
        select: None,
        changed,
    })
}

pub(super) fn set_share(
    p: &mut Portfolio,
    company: usize,
    index: usize,
    share: Decimal,
) -> Result<EditOutcome, EditError> {
    let sale = sale_mut(p, company, index)?;
    let changed = sale.share != share;
    sale.share = share;
    Ok(EditOutcome {
        select: None,
        changed,
    })
}
