//! Edits of the fund's dated fee steps: add one (a year after the latest step at its rate
//! and basis, or at the end of the investment period at the post-investment rate and
//! basis), delete one, set its date, rate or basis. Values are stored as given;
//! validation names a step out of date order or a rate out of range.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{EditError, EditOutcome};
use crate::engine::grid;
use crate::engine::model::{FeeBasis, FeeStep, FundTerms, Portfolio};

/// The step [`Edit::AddFeeStep`](super::Edit::AddFeeStep) adds to `fund`: a year after
/// its latest step, with that step's rate and basis; without steps, from the end of the
/// investment period at the post-investment rate (else the management fee rate) on the
/// post-investment basis.
pub fn new_fee_step(fund: &FundTerms) -> FeeStep {
    match fund.fee_terms.steps.iter().max_by_key(|s| s.from) {
        Some(latest) => FeeStep {
            from: grid::add_years(latest.from, 1),
            ..*latest
        },
        None => FeeStep {
            from: grid::add_years(fund.first_close, fund.investment_period_years),
            rate: fund.post_investment_fee_rate.unwrap_or(fund.management_fee_rate),
            basis: fund.fee_terms.post_investment_basis,
        },
    }
}

pub(super) fn add(p: &mut Portfolio) -> EditOutcome {
    let step = new_fee_step(&p.fund);
    let steps = &mut p.fund.fee_terms.steps;
    // Kept in date order: the new step goes after every step on or before its date.
    let at = steps
        .iter()
        .position(|s| s.from > step.from)
        .unwrap_or(steps.len());
    steps.insert(at, step);
    EditOutcome::keep()
}

fn step_mut(p: &mut Portfolio, index: usize) -> Result<&mut FeeStep, EditError> {
    let steps = &mut p.fund.fee_terms.steps;
    let count = steps.len();
    steps.get_mut(index).ok_or(EditError::NoFeeStep { index, count })
}

pub(super) fn delete(p: &mut Portfolio, index: usize) -> Result<EditOutcome, EditError> {
    step_mut(p, index)?;
    p.fund.fee_terms.steps.remove(index);
    Ok(EditOutcome::keep())
}

/// Sets one part of step `index` with `set`, saying whether it changed.
fn set(p: &mut Portfolio, index: usize, set: impl FnOnce(&mut FeeStep)) -> Result<EditOutcome, EditError> {
    let step = step_mut(p, index)?;
    let before = *step;
    set(step);
    Ok(EditOutcome {
        select: None,
        changed: *step != before,
    })
}

pub(super) fn set_from(p: &mut Portfolio, index: usize, from: NaiveDate) -> Result<EditOutcome, EditError> {
    set(p, index, |s| s.from = from)
}

pub(super) fn set_rate(p: &mut Portfolio, index: usize, rate: Decimal) -> Result<EditOutcome, EditError> {
    set(p, index, |s| s.rate = rate)
}

pub(super) fn set_basis(p: &mut Portfolio, index: usize, basis: FeeBasis) -> Result<EditOutcome, EditError> {
    set(p, index, |s| s.basis = basis)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::super::{Edit, EditError};
    use crate::engine::defaults::blank_portfolio;
    use crate::engine::model::{FeeBasis, FeeStep};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn add_set_and_delete_fee_steps() {
        // The blank fund: first close 2026-03-31, a five-year investment period, 1.5 %
        // after it on net invested capital. The first step starts where the investment
        // period ends, at that rate; the second a year later with the same terms.
        let mut p = blank_portfolio(d(2026, 3, 31));
        Edit::AddFeeStep.apply(&mut p).unwrap();
        let first = FeeStep {
            from: d(2031, 3, 31),
            rate: dec!(0.015),
            basis: FeeBasis::NetInvestedCapital,
        };
        assert_eq!(p.fund.fee_terms.steps, vec![first]);
        Edit::AddFeeStep.apply(&mut p).unwrap();
        assert_eq!(p.fund.fee_terms.steps[1].from, d(2032, 3, 31));
        let set = [
            Edit::SetFeeStepRate {
                index: 1,
                rate: dec!(0.01),
            },
            Edit::SetFeeStepBasis {
                index: 1,
                basis: FeeBasis::LowerOfCostAndNav,
            },
            Edit::SetFeeStepFrom {
                index: 1,
                from: d(2033, 6, 30),
            },
        ];
        for edit in &set {
            assert!(edit.apply(&mut p).unwrap().changed);
        }
        assert_eq!(
            p.fund.fee_terms.steps[1],
            FeeStep {
                from: d(2033, 6, 30),
                rate: dec!(0.01),
                basis: FeeBasis::LowerOfCostAndNav,
            }
        );
        // Setting the same value again changes nothing.
        assert!(!set[0].apply(&mut p).unwrap().changed);
        Edit::DeleteFeeStep(0).apply(&mut p).unwrap();
        assert_eq!(p.fund.fee_terms.steps.len(), 1);
        assert_eq!(p.fund.fee_terms.steps[0].rate, dec!(0.01));
        // A step that is not there is refused, and the list is left alone.
        let before = p.clone();
        assert_eq!(
            Edit::DeleteFeeStep(1).apply(&mut p),
            Err(EditError::NoFeeStep { index: 1, count: 1 })
        );
        assert_eq!(p, before);
        assert_eq!(
            EditError::NoFeeStep { index: 1, count: 1 }.to_string(),
            "there is no fee step number 2 (the fund has 1)"
        );
    }
}
