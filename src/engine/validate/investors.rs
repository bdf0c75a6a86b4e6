//! Checks of the fund's investors (`fund.investors`): the closes and the LP classes.
//!
//! - **Closes** (when there are any): each amount above zero, together exactly the
//!   commitment (an error at `fund.investors.closes` naming both sums and the gap); the
//!   first on the fund's first close; the others in date order (two on one day are fine:
//!   a first close often admits several classes) and on or before the end of the
//!   investment period.
//! - **Classes**: each named, names unique, at least one LP, named by at least one close;
//!   a close names one of them (and names none when the fund has no classes); a class's
//!   own fee, carry and preferred return lie in the bounds of the fund's fields they stand
//!   in for (the fund table's rows give them).
//!
//! The equalisation rate is a scalar row (`investors.equalisation_rate`, 0–100 %) checked
//! with the fund's fields.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::{Checker, MAX_MONEY, Rule, out_of_bounds};
use crate::engine::fields::{self, ClosePart, FieldPath, LpClassPart, Owner, Unit, class_name};
use crate::engine::grid;
use crate::engine::model::{Close, Portfolio};
use crate::units::{currency_prefix, format_money_in, thousands};

/// `a`, `a and b`, `a, b and c`.
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The fund's investors.
pub(super) fn check_investors(c: &mut Checker, p: &Portfolio) {
    check_classes(c, p);
    let closes = &p.fund.investors.closes;
    for (k, close) in closes.iter().enumerate() {
        check_close_class(c, p, k, close);
    }
    check_close_dates(c, p);
    check_close_amounts(c, p);
}

/// Each class's name, number of LPs, commitments and terms.
fn check_classes(c: &mut Checker, p: &Portfolio) {
    let investors = &p.fund.investors;
    let mut first_named: HashMap<&str, usize> = HashMap::new();
    for (k, class) in investors.classes.iter().enumerate() {
        let path = |part| FieldPath::LpClass { index: k, part };
        let who = class_name(p, k);
        let name = class.name.trim();
        if name.is_empty() {
            c.error(
                path(LpClassPart::Name),
                Rule::Required,
                format!("{who} needs a name"),
            );
        } else if let Some(first) = first_named.get(class.name.as_str()) {
            c.error(
                path(LpClassPart::Name),
                Rule::Duplicate,
                format!(
                    "LP classes {} and {} are both named '{}': class names must differ",
                    first + 1,
                    k + 1,
                    class.name
                ),
            );
        } else {
            first_named.insert(class.name.as_str(), k);
        }
        if class.investors == 0 {
            c.error(
                path(LpClassPart::Investors),
                Rule::NotPositive,
                format!("{who} has no LPs: its number of LPs is 0, and a class needs at least one"),
            );
        }
        if !name.is_empty() && !investors.closes.iter().any(|close| close.class == class.name) {
            c.error(
                path(LpClassPart::Name),
                Rule::Required,
                format!("{who} has no commitments in any close: name it in a close, or remove the class"),
            );
        }
        let terms = [
            (LpClassPart::ManagementFeeRate, class.management_fee_rate),
            (LpClassPart::PostInvestmentFeeRate, class.post_investment_fee_rate),
            (LpClassPart::CarryRate, class.carry_rate),
            (LpClassPart::PreferredReturn, class.preferred_return),
        ];
        for (part, value) in terms {
            let bounds = part
                .fund_key()
                .and_then(|key| FieldPath::field(Owner::Fund, key))
                .and_then(|fund_path| fields::meta(&fund_path))
                .and_then(|meta| meta.bounds);
            if let (Some(value), Some(bounds)) = (value, bounds)
                && let Some((rule, message)) = out_of_bounds(
                    &format!("{who} {}", part.label()),
                    Unit::Percent,
                    bounds,
                    value,
                    "",
                )
            {
                c.error(path(part), rule, message);
            }
        }
    }
}

/// The class close `k` names, against the fund's classes.
fn check_close_class(c: &mut Checker, p: &Portfolio, k: usize, close: &Close) {
    let classes: Vec<&str> = p
        .fund
        .investors
        .classes
        .iter()
        .map(|cl| cl.name.as_str())
        .collect();
    let path = FieldPath::Close {
        index: k,
        part: ClosePart::Class,
    };
    let n = k + 1;
    match (close.class.trim().is_empty(), classes.is_empty()) {
        (true, true) => {}
        (true, false) => c.error(
            path,
            Rule::Required,
            format!(
                "Close {n} names no LP class: the fund has classes ({}), so each close must name one",
                listed(&classes)
            ),
        ),
        (false, true) => c.error(
            path,
            Rule::UnknownReference,
            format!(
                "Close {n} names LP class '{}', but the fund has no LP classes: add the class, or leave the close's class empty",
                close.class
            ),
        ),
        (false, false) if !classes.contains(&close.class.as_str()) => c.error(
            path,
            Rule::UnknownReference,
            format!(
                "Close {n} names LP class '{}', which the fund does not have (its classes are {})",
                close.class,
                listed(&classes)
            ),
        ),
        (false, false) => {}
    }
}

/// The first close on the fund's first close; the rest in date order, within the
/// investment period.
fn check_close_dates(c: &mut Checker, p: &Portfolio) {
    let f = &p.fund;
    let closes = &f.investors.closes;
    let path = |index| FieldPath::Close {
        index,
        part: ClosePart::Date,
    };
    if let Some(first) = closes.first()
        && first.date != f.first_close
    {
        c.error(
            path(0),
            Rule::Inconsistent,
            format!(
                "Close 1 is on {}, not on the fund's first close ({}): the first close opens the fund",
                first.date, f.first_close
            ),
        );
    }
    for (k, pair) in closes.windows(2).enumerate() {
        if let [earlier, later] = pair
            && later.date < earlier.date
        {
            c.error(
                path(k + 1),
                Rule::DateOrder,
                format!(
                    "Close {} is on {}, before close {} ({}): list the closes in date order",
                    k + 2,
                    later.date,
                    k + 1,
                    earlier.date
                ),
            );
        }
    }
    if !(1..=30).contains(&f.investment_period_years) {
        return; // the investment period itself is reported
    }
    let period_end = grid::add_years(f.first_close, f.investment_period_years);
    for (k, close) in closes.iter().enumerate().skip(1) {
        if close.date > period_end {
            c.error(
                path(k),
                Rule::DateOrder,
                format!(
                    "Close {} is on {}, after the investment period ends ({period_end}): \
                     a fund admits no LPs once it has stopped investing",
                    k + 1,
                    close.date
                ),
            );
        }
    }
}

/// Each close's amount in range, and all of them together the commitment.
fn check_close_amounts(c: &mut Checker, p: &Portfolio) {
    let f = &p.fund;
    let closes = &f.investors.closes;
    if closes.is_empty() {
        return;
    }
    let mut all_in_range = true;
    for (k, close) in closes.iter().enumerate() {
        if let Some(bounds) = fields::above(Decimal::ZERO, MAX_MONEY)
            && let Some((rule, message)) = out_of_bounds(
                &format!("Close {} amount", k + 1),
                Unit::Money,
                bounds,
                close.amount,
                &f.currency,
            )
        {
            all_in_range = false;
            c.error(
                FieldPath::Close {
                    index: k,
                    part: ClosePart::Amount,
                },
                rule,
                message,
            );
        }
    }
    if !all_in_range || f.commitment <= Decimal::ZERO || f.commitment > MAX_MONEY {
        return; // the amounts (or the commitment) are reported on their own
    }
    // In range, at most 1e14 each: the sum of any list a file holds fits a Decimal.
    let total = closes
        .iter()
        .try_fold(Decimal::ZERO, |sum, close| sum.checked_add(close.amount));
    let Some(total) = total else { return };
    if total == f.commitment {
        return;
    }
    // The short form ("$1.0bn") when it tells the two sums apart, else whole units.
    let short = |amount| format_money_in(amount, &f.currency);
    let exact = short(total) == short(f.commitment);
    let money = |amount| {
        if exact {
            format!("{}{}", currency_prefix(&f.currency), thousands(amount))
        } else {
            short(amount)
        }
    };
    let (gap, direction) = if total > f.commitment {
        (total - f.commitment, "more")
    } else {
        (f.commitment - total, "less")
    };
    c.error(
        FieldPath::Closes,
        Rule::Inconsistent,
        format!(
            "Closes add up to {}, {} {direction} than the commitment ({}): the close amounts must add up to the commitment",
            money(total),
            money(gap),
            money(f.commitment)
        ),
    );
}

#[cfg(test)]
mod tests;
