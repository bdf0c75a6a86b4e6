//! Checks of the recycling clause: a window that closes before it opens (an error), and
//! warnings when recycling is on but cannot do what it seems to say — an empty window,
//! no room under the cap, exits whose proceeds fall outside the window, a share an
//! American waterfall's carry may not leave room for. The shares' ranges (0–100 %) come
//! from the field registry.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::fund::at;
use super::{Checker, Rule, pct};
use crate::engine::fields::Owner;
use crate::engine::grid;
use crate::engine::model::{Company, Portfolio, Waterfall};

/// How many company names a warning lists before saying "and N more".
const NAMES_SHOWN: usize = 3;

pub(super) fn check_recycling(c: &mut Checker, p: &Portfolio) {
    let f = &p.fund;
    let r = &f.recycling;
    let start_years = r.window_start_years;
    let end_years = r.window_end(f.investment_period_years);
    if end_years < start_years {
        let (key, closes) = match r.window_end_years {
            Some(_) => (
                "recycling.window_end_years",
                format!("{end_years} years after the first close"),
            ),
            None => (
                "recycling.window_start_years",
                format!("at the end of the investment period ({end_years} years)"),
            ),
        };
        c.error(
            at(Owner::Fund, key),
            Rule::DateOrder,
            format!(
                "the recycling window closes {closes}, before it opens ({start_years} years after the first close)"
            ),
        );
        return;
    }
    if !r.is_on() {
        return;
    }
    if end_years == start_years {
        c.warning(
            at(Owner::Fund, "recycling.window_end_years"),
            Rule::Inconsistent,
            format!(
                "the recycling window opens and closes {start_years} years after the first close: no proceeds are recycled"
            ),
        );
        return;
    }
    if r.cap_share.is_zero() && r.fee_share.is_zero() {
        c.warning(
            at(Owner::Fund, "recycling.cap_share"),
            Rule::Inconsistent,
            "the recycling cap is 0% of commitments and no fees are recycled: no proceeds are recycled",
        );
    }
    if matches!(f.waterfall, Waterfall::American { .. })
        && f.carry_rate <= Decimal::ONE
        && r.proceeds_share > Decimal::ONE - f.carry_rate
    {
        c.warning(
            at(Owner::Fund, "recycling.proceeds_share"),
            Rule::Inconsistent,
            format!(
                "recycling retains {} of exit proceeds, more than an American waterfall leaves the partners after \
                 {} carry: in a quarter with carry the partners could be left owing",
                pct(r.proceeds_share),
                pct(f.carry_rate)
            ),
        );
    }
    let start = grid::add_years(f.first_close, start_years);
    let end = grid::add_years(f.first_close, end_years);
    warn_exits_outside(c, p, start, end);
}

/// One warning naming the companies with a sale (partial or final) whose quarter falls
/// outside the window `[start, end)`: their proceeds are distributed in full.
fn warn_exits_outside(c: &mut Checker, p: &Portfolio, start: NaiveDate, end: NaiveDate) {
    let outside: Vec<&str> = p
        .companies
        .iter()
        .filter(|company| sale_dates(company).any(|date| !(start..end).contains(&grid::quarter_end(date))))
        .map(|company| company.name.as_str())
        .collect();
    if outside.is_empty() {
        return;
    }
    let mut names = outside
        .iter()
        .take(NAMES_SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if outside.len() > NAMES_SHOWN {
        names.push_str(&format!(" and {} more", outside.len() - NAMES_SHOWN));
    }
    c.warning(
        at(Owner::Fund, "recycling.window_end_years"),
        Rule::OutsideRecyclingWindow,
        format!(
            "{} of {} companies sell outside the recycling window (from {start} until {end}): {names}; proceeds of \
             those sales are distributed in full, not recycled",
            outside.len(),
            p.companies.len(),
        ),
    );
}

/// The dates of a company's sales: its partial exits and its exit.
fn sale_dates(company: &Company) -> impl Iterator<Item = NaiveDate> + '_ {
    company
        .partial_exits
        .iter()
        .map(|sale| sale.date)
        .chain(std::iter::once(company.exit_date))
}
