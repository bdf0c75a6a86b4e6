//! Checks of the subscription credit line that relate its fields to each other or to the
//! fund. Its scalars' bounds (a size share in 0–100 %, a cap that is not negative, rates,
//! days outstanding) come from the field registry and are checked with the fund's.

use rust_decimal::{Decimal, dec};

use super::fund::at;
use super::{Checker, Rule, pct};
use crate::engine::fields::Owner;
use crate::engine::model::Portfolio;

/// The range a dated base rate must lie in (the same as the base rate's row).
const BASE_RATE_RANGE: (Decimal, Decimal) = (dec!(-0.05), dec!(0.5));

pub(super) fn check_credit_line(c: &mut Checker, p: &Portfolio) {
    let Some(line) = &p.fund.credit_line else {
        return;
    };
    let curve_path = at(Owner::Fund, "credit_line.base_rate");
    for pair in line.base_rate_curve.windows(2) {
        if let [a, b] = pair
            && b.date <= a.date
        {
            c.error(
                curve_path,
                Rule::DateOrder,
                format!(
                    "the credit line's dated base rates must be in date order ({} follows {})",
                    b.date, a.date
                ),
            );
        }
    }
    let (low, high) = BASE_RATE_RANGE;
    for point in &line.base_rate_curve {
        if point.rate < low || point.rate > high {
            c.error(
                curve_path,
                Rule::OutOfRange,
                format!(
                    "the credit line's base rate from {} is {}, must be between {} and {}",
                    point.date,
                    pct(point.rate),
                    pct(low),
                    pct(high)
                ),
            );
        }
    }
    let fund_years = p.fund.term_years.saturating_add(p.fund.extension_years);
    if let Some(years) = line.facility_years
        && years > fund_years
    {
        c.warning(
            at(Owner::Fund, "credit_line.facility_years"),
            Rule::AfterTerm,
            format!(
                "the credit line is open for {years} years, beyond the fund's term and extensions \
                 ({fund_years} years): it closes with the projection"
            ),
        );
    }
    if line.share_of_uncalled.is_zero() || line.cap.is_zero() {
        let key = if line.cap.is_zero() {
            "credit_line.cap"
        } else {
            "credit_line.share_of_uncalled"
        };
        c.warning(
            at(Owner::Fund, key),
            Rule::Inconsistent,
            "the credit line has a size of zero: it never draws, and its rows change nothing",
        );
    }
}
