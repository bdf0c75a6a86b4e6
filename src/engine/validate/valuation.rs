//! Checks of the version-2 lists of figures: a company's partial exits (inside the hold,
//! in date order, never selling more than the fund holds) and the fund's comparable
//! multiple paths (one per sector, dated in order, multiples in range, one for every
//! company marked on comparables, and never marking a company above 100x EBITDA).

use std::collections::HashSet;

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::fund::at;
use super::{Checker, Rule, out_of_bounds, pct};
use crate::engine::fields::{self, FieldPath, MultiplePointPart, Owner, PartialExitPart, Unit};
use crate::engine::grid;
use crate::engine::model::{Company, ComparablePath, MarkingPolicy, MultiplePoint, Portfolio};

/// The highest EV / EBITDA a comparable point, and a mark on comparables, may reach (the
/// bound of the entry and exit multiples).
pub(super) const MAX_COMPARABLE_MULTIPLE: Decimal = dec!(100);

/// A multiple as the editor shows it (`12.5x`).
fn times(value: Decimal) -> String {
    format!("{}x", value.round_dp(2).normalize())
}

/// The partial exits of company `i`: each inside the hold with a share in (0, 100 %],
/// all of them together at most the whole holding, listed in date order.
pub(super) fn check_partial_exits(c: &mut Checker, i: usize, co: &Company) {
    let who = &co.name;
    let path = |index, part| FieldPath::PartialExit {
        company: i,
        index,
        part,
    };
    let mut shares_in_range = true;
    for (k, sale) in co.partial_exits.iter().enumerate() {
        let n = k + 1;
        if grid::quarters_between(co.acquisition_date, sale.date) < 1 {
            c.error(
                path(k, PartialExitPart::Date),
                Rule::DateOrder,
                format!(
                    "'{who}' partial exit {n} is on {}, which must be in a later quarter than the acquisition ({})",
                    sale.date, co.acquisition_date
                ),
            );
        } else if grid::quarters_between(sale.date, co.exit_date) < 1 {
            c.error(
                path(k, PartialExitPart::Date),
                Rule::DateOrder,
                format!(
                    "'{who}' partial exit {n} is on {}, which must be in a quarter before the exit ({})",
                    sale.date, co.exit_date
                ),
            );
        }
        let share_bounds = fields::above(Decimal::ZERO, Decimal::ONE);
        if let Some(bounds) = share_bounds
            && let Some((rule, message)) = out_of_bounds(
                &format!("'{who}' partial exit {n} share"),
                Unit::Percent,
                bounds,
                sale.share,
                "",
            )
        {
            shares_in_range = false;
            c.error(path(k, PartialExitPart::Share), rule, message);
        }
    }
    if shares_in_range {
        check_total_sold(c, i, co);
    }
    for (k, pair) in co.partial_exits.windows(2).enumerate() {
        if let [earlier, later] = pair
            && later.date < earlier.date
        {
            c.warning(
                path(k + 1, PartialExitPart::Date),
                Rule::DateOrder,
                format!(
                    "'{who}' partial exit {} ({}) is listed after partial exit {} ({}), which is later: \
                     list the sales in date order",
                    k + 2,
                    later.date,
                    k + 1,
                    earlier.date
                ),
            );
        }
    }
}

/// The shares of every partial exit together: at most the whole original holding.
/// Called when each share is in (0, 100 %], so the sum cannot overflow.
fn check_total_sold(c: &mut Checker, i: usize, co: &Company) {
    let total: Decimal = co.partial_exits.iter().map(|s| s.share).sum();
    if total <= Decimal::ONE {
        return;
    }
    let parts: Vec<String> = co.partial_exits.iter().map(|s| pct(s.share)).collect();
    c.error(
        FieldPath::PartialExits { company: i },
        Rule::Inconsistent,
        format!(
            "'{}' partial exits sell more than the fund holds: {} = {} of the holding",
            co.name,
            parts.join(" + "),
            pct(total)
        ),
    );
}

/// The fund's comparable paths, and every company marked on comparables.
pub(super) fn check_comparables(c: &mut Checker, p: &Portfolio) {
    let mut sectors = HashSet::new();
    for (j, path) in p.fund.comparable_multiples.iter().enumerate() {
        let sector = path.sector.label();
        if !sectors.insert(path.sector) {
            c.error(
                FieldPath::ComparableSector { comparable: j },
                Rule::Duplicate,
                format!("two comparable multiple paths are for {sector}: a sector has one path"),
            );
        }
        check_path(c, j, path);
    }
    for (i, co) in p.companies.iter().enumerate() {
        if co.marking_policy.unwrap_or(p.fund.marking_policy) == MarkingPolicy::Comparables {
            check_company_on_comparables(c, p, i, co);
        }
    }
}

fn check_path(c: &mut Checker, j: usize, path: &ComparablePath) {
    let sector = path.sector.label();
    let point = |index, part| FieldPath::ComparablePoint {
        comparable: j,
        index,
        part,
    };
    if path.points.is_empty() {
        c.error(
            FieldPath::ComparablePoints { comparable: j },
            Rule::Required,
            format!("the {sector} comparable multiples have no points: a path needs at least one"),
        );
    }
    for (k, pair) in path.points.windows(2).enumerate() {
        if let [a, b] = pair
            && b.date <= a.date
        {
            c.error(
                point(k + 1, MultiplePointPart::Date),
                Rule::DateOrder,
                format!(
                    "{sector} comparables point {} ({}) must be dated after point {} ({})",
                    k + 2,
                    b.date,
                    k + 1,
                    a.date
                ),
            );
        }
    }
    for (k, pt) in path.points.iter().enumerate() {
        if pt.multiple <= Decimal::ZERO || pt.multiple > MAX_COMPARABLE_MULTIPLE {
            c.error(
                point(k, MultiplePointPart::Multiple),
                Rule::OutOfRange,
                format!(
                    "the {sector} comparable multiple on {} is {}, must be above 0x and at most {}",
                    pt.date,
                    times(pt.multiple),
                    times(MAX_COMPARABLE_MULTIPLE)
                ),
            );
        }
    }
}

/// Whether the path's points can be read: some, dated in order, multiples in range.
fn is_usable(path: &ComparablePath) -> bool {
    !path.points.is_empty()
        && path
            .points
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.date < b.date))
        && path
            .points
            .iter()
            .all(|p| p.multiple > Decimal::ZERO && p.multiple <= MAX_COMPARABLE_MULTIPLE)
}

/// A company marked on comparables needs its sector's path, and the mark it gives
/// (the entry multiple × the comparable now / the comparable at the acquisition) must
/// stay at most 100x while the company is held.
fn check_company_on_comparables(c: &mut Checker, p: &Portfolio, i: usize, co: &Company) {
    let whose = if co.marking_policy.is_some() {
        "its own policy"
    } else {
        "the fund's policy"
    };
    let sector = co.sector.label();
    let field = at(Owner::Company(i), "marking_policy");
    let Some(path) = p
        .fund
        .comparable_multiples
        .iter()
        .find(|path| path.sector == co.sector)
    else {
        c.error(
            field,
            Rule::Required,
            format!(
                "'{}' is marked on sector comparables ({whose}), but the fund has no comparable \
                 multiples for {sector}: add a path for {sector} in the fund terms",
                co.name
            ),
        );
        return;
    };
    if !is_usable(path) {
        return; // its points are reported above
    }
    let bought = grid::quarter_end(co.acquisition_date);
    let sold = grid::quarter_end(co.exit_date);
    let Some(base) = multiple_on(&path.points, bought) else {
        return;
    };
    let later = path
        .points
        .iter()
        .filter(|pt| pt.date > bought && pt.date < sold)
        .map(|pt| pt.multiple);
    let highest = later
        .chain(multiple_on(&path.points, sold))
        .fold(base, Decimal::max);
    let mark = co
        .entry_multiple
        .checked_mul(highest)
        .and_then(|m| m.checked_div(base));
    if mark.is_none_or(|m| m > MAX_COMPARABLE_MULTIPLE) {
        c.error(
            field,
            Rule::OutOfRange,
            format!(
                "'{}' would be marked at {} EBITDA on the {sector} comparables (entry {} × {} / {} at \
                 the acquisition): a mark must stay at most {}",
                co.name,
                mark.map_or_else(|| "more than 100x".to_string(), |m| format!("up to {}", times(m))),
                times(co.entry_multiple),
                times(highest),
                times(base),
                times(MAX_COMPARABLE_MULTIPLE)
            ),
        );
    }
}

/// The path's multiple on `date`: linear by days between points, flat before the first
/// and after the last (the projection's reading, in [`crate::engine::company`]).
fn multiple_on(points: &[MultiplePoint], date: NaiveDate) -> Option<Decimal> {
    let first = points.first()?;
    if date <= first.date {
        return Some(first.multiple);
    }
    for pair in points.windows(2) {
        if let [a, b] = pair
            && date <= b.date
        {
            let span = Decimal::from((b.date - a.date).num_days().max(1));
            let into = Decimal::from((date - a.date).num_days());
            let step = (b.multiple - a.multiple).checked_mul(into)?.checked_div(span)?;
            return a.multiple.checked_add(step);
        }
    }
    points.last().map(|pt| pt.multiple)
}
