//! Checks of the fund's dated fee steps: each rate between 0 % and 10 % a year (the bound
//! of the two fee rates), dates strictly in order, and a warning for a step that starts
//! after the fund's last quarter (it would never apply).

use rust_decimal::{Decimal, dec};

use super::{Checker, Rule, out_of_bounds};
use crate::engine::fields::{self, FeeStepPart, FieldPath, Unit};
use crate::engine::grid;
use crate::engine::model::Portfolio;

/// The highest annual fee rate a step may charge (the two fee rates' bound).
pub(super) const MAX_FEE_STEP_RATE: Decimal = dec!(0.1);

/// The last quarter end before the end of the term and extensions (the fund's last
/// quarter, when fees are last charged).
fn last_quarter_end(p: &Portfolio) -> chrono::NaiveDate {
    let f = &p.fund;
    let fund_end = grid::add_years(f.first_close, f.term_years.saturating_add(f.extension_years));
    let quarters = grid::quarters_between(f.first_close, fund_end).saturating_sub(1);
    grid::nth_quarter_end(f.first_close, usize::try_from(quarters).unwrap_or(0))
}

/// The fund's fee steps.
pub(super) fn check_fee_steps(c: &mut Checker, p: &Portfolio) {
    let steps = &p.fund.fee_terms.steps;
    let path = |index, part| FieldPath::FeeStep { index, part };
    let last_quarter = last_quarter_end(p);
    for (k, step) in steps.iter().enumerate() {
        let n = k + 1;
        if let Some(bounds) = fields::between(Decimal::ZERO, MAX_FEE_STEP_RATE)
            && let Some((rule, message)) = out_of_bounds(
                &format!("Fee step {n} rate"),
                Unit::Percent,
                bounds,
                step.rate,
                "",
            )
        {
            c.error(path(k, FeeStepPart::Rate), rule, message);
        }
        if step.from > last_quarter {
            c.warning(
                path(k, FeeStepPart::From),
                Rule::AfterTerm,
                format!(
                    "Fee step {n} starts on {}, after the fund's last quarter ({last_quarter}): it never applies",
                    step.from
                ),
            );
        }
    }
    for (k, pair) in steps.windows(2).enumerate() {
        if let [earlier, later] = pair
            && later.from <= earlier.from
        {
            c.error(
                path(k + 1, FeeStepPart::From),
                Rule::DateOrder,
                format!(
                    "Fee step {} starts on {}, which must be after fee step {} ({}): list the steps in date order",
                    k + 2,
                    later.from,
                    k + 1,
                    earlier.from
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use crate::engine::defaults::blank_portfolio;
    use crate::engine::fields::{FeeStepPart, FieldPath};
    use crate::engine::model::{FeeBasis, FeeStep};
    use crate::engine::validate::{Rule, Severity, validate};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn step(from: NaiveDate, rate: rust_decimal::Decimal) -> FeeStep {
        FeeStep {
            from,
            rate,
            basis: FeeBasis::NetInvestedCapital,
        }
    }

    #[test]
    fn fee_steps_in_order_with_rates_in_range_pass() {
        let mut p = blank_portfolio(d(2026, 3, 31));
        p.fund.fee_terms.steps = vec![step(d(2031, 3, 31), dec!(0.015)), step(d(2033, 3, 31), dec!(0))];
        let problems = validate(&p);
        assert!(
            problems
                .iter()
                .all(|x| !matches!(x.path, FieldPath::FeeStep { .. })),
            "{problems:?}"
        );
    }

    #[test]
    fn a_rate_above_ten_percent_and_steps_out_of_order_are_errors() {
        // Step 2 is dated before step 1, and step 3 asks 12 %; step 4 starts in 2040,
        // after the blank fund's last quarter (ten years from 2026-03-31: 2035-12-31).
        let mut p = blank_portfolio(d(2026, 3, 31));
        p.fund.fee_terms.steps = vec![
            step(d(2032, 3, 31), dec!(0.015)),
            step(d(2031, 3, 31), dec!(0.01)),
            step(d(2033, 3, 31), dec!(0.12)),
            step(d(2040, 3, 31), dec!(0.01)),
        ];
        let problems = validate(&p);
        let at = |index, part| {
            problems
                .iter()
                .find(|x| x.path == FieldPath::FeeStep { index, part })
                .unwrap_or_else(|| panic!("no problem at step {index}: {problems:?}"))
        };
        let order = at(1, FeeStepPart::From);
        assert_eq!((order.severity, order.rule), (Severity::Error, Rule::DateOrder));
        assert!(
            order.message.contains("fee step 1 (2032-03-31)"),
            "{}",
            order.message
        );
        let rate = at(2, FeeStepPart::Rate);
        assert_eq!((rate.severity, rate.rule), (Severity::Error, Rule::OutOfRange));
        assert!(rate.message.contains("12%"), "{}", rate.message);
        let late = at(3, FeeStepPart::From);
        assert_eq!((late.severity, late.rule), (Severity::Warning, Rule::AfterTerm));
        assert!(late.message.contains("2035-12-31"), "{}", late.message);
    }
}
