//! Wind-up: when the fund ends, what happens to a company it still holds then, and the
//! quarter of the final liquidation.
//!
//! Rules (each a modelling choice, stated so a reviewer can check it):
//!
//! **The fund's last quarter** is the last quarter end before the end of the term and
//! extensions (first close + term + extensions, in calendar years): on the fund's grid,
//! whose first quarter is the first close's, it is quarter `4 × (term + extensions) − 1`.
//! It is the last quarter in which a management fee is charged.
//!
//! **Liquidation at the end.** A company whose exit falls in a later quarter — as
//! entered, or moved later by a Monte Carlo draw — is not held past the fund: it is
//! liquidated in the fund's last quarter at its mark. The fund receives its share of the
//! marked equity (the mark multiple of the company's marking policy on LTM EBITDA, less
//! net debt, never below zero, less the management pool that equity pays) times
//! `1 − wind_up.liquidation_discount`, to the cent. No exit costs are charged on top: the
//! discount stands for the cost of a forced sale. A mark on the linear-to-exit policy
//! stays on its path to the planned exit (it does not jump to the exit multiple). A
//! company acquired in the fund's last quarter or later is liquidated the quarter after
//! its acquisition, and the grid runs on to it. The company projection applies the rule
//! (`engine::company::prepare` caps the exit, `projection` prices the sale).
//!
//! **The final liquidation** is the quarter of the last sale: the latest exit (or
//! liquidation) quarter of any company, partial exits being earlier by validation; a fund
//! with no companies ends in its last quarter. Fund expenses are called up to and
//! including it and stop after it (`engine::fund::fees`).
//!
//! **Validation** warns about every exit after the fund's last quarter, naming the
//! company and saying that it will be liquidated at its mark, less the discount.

use chrono::NaiveDate;

use crate::engine::company::PreparedCompany;
use crate::engine::grid;
use crate::engine::model::FundTerms;

/// The end of the term and extensions: `term_years + extension_years` after the first
/// close.
pub fn fund_end(fund: &FundTerms) -> NaiveDate {
    grid::add_years(
        fund.first_close,
        fund.term_years.saturating_add(fund.extension_years),
    )
}

/// The fund's last quarter on its grid (see the module doc): the last quarter end before
/// the end of the term and extensions; the first quarter for a fund without a term.
pub fn last_quarter_index(fund: &FundTerms) -> usize {
    let quarters = grid::quarters_between(fund.first_close, fund_end(fund));
    usize::try_from(quarters.saturating_sub(1)).unwrap_or(0)
}

/// The date of the fund's last quarter end.
pub fn last_quarter_end(fund: &FundTerms) -> NaiveDate {
    grid::nth_quarter_end(fund.first_close, last_quarter_index(fund))
}

/// The quarter a company acquired in `acquisition_index` and planned to exit in
/// `planned_exit_index` is sold in: its planned exit, or the fund's `last_quarter` when
/// that comes first (and not before the quarter after the acquisition).
pub fn sale_quarter(acquisition_index: usize, planned_exit_index: usize, last_quarter: usize) -> usize {
    planned_exit_index.min(last_quarter.max(acquisition_index.saturating_add(1)))
}

/// The quarter of the final liquidation (see the module doc): the latest exit quarter of
/// `companies` (already capped at the fund's end), else `last_quarter`.
pub(crate) fn final_liquidation_index<T>(companies: &[PreparedCompany<T>], last_quarter: usize) -> usize {
    companies
        .iter()
        .map(|c| c.exit_index)
        .max()
        .unwrap_or(last_quarter)
}

#[cfg(test)]
mod tests;
