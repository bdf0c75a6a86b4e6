//! Edits of the credit line's dated base rates ([`RateCurveEdit`]): add a point
//! ([`new_rate_point`]), delete one, set its date or rate. A fund without a credit line
//! has no curve: the edits are refused. Values are stored as given; validation names
//! points out of date order or rates out of range.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{EditError, EditOutcome};
use crate::engine::grid;
use crate::engine::model::{CreditLine, Portfolio, RatePoint};

/// A change to the credit line's base-rate curve, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateCurveEdit {
    /// A point after the last ([`new_rate_point`]).
    Add,
    /// Deletes `credit_line.base_rate_curve[k]`.
    Delete(usize),
    /// Sets the date a point's rate applies from.
    SetDate {
        /// Position of the point in `base_rate_curve`.
        index: usize,
        /// The new date.
        date: NaiveDate,
    },
    /// Sets a point's annual base rate.
    SetRate {
        /// Position of the point in `base_rate_curve`.
        index: usize,
        /// The rate (fraction: 0.04 is 4 %).
        rate: Decimal,
    },
}

impl RateCurveEdit {
    /// What the edit does, for the Undo and Redo tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            RateCurveEdit::Add => "add a dated base rate",
            RateCurveEdit::Delete(_) => "delete a dated base rate",
            RateCurveEdit::SetDate { .. } => "change a dated base rate's date",
            RateCurveEdit::SetRate { .. } => "change a dated base rate",
        }
    }

    /// Applies the edit; on error `p` is left as it was.
    pub(super) fn apply(&self, p: &mut Portfolio) -> Result<EditOutcome, EditError> {
        let first_close = p.fund.first_close;
        let line = p.fund.credit_line.as_mut().ok_or(EditError::NoCreditLine)?;
        match self {
            RateCurveEdit::Add => {
                let point = new_rate_point(line, first_close);
                line.base_rate_curve.push(point);
                Ok(EditOutcome::keep())
            }
            RateCurveEdit::Delete(k) => {
                point_mut(line, *k)?;
                line.base_rate_curve.remove(*k);
                Ok(EditOutcome::keep())
            }
            RateCurveEdit::SetDate { index, date } => set(line, *index, |pt| pt.date = *date),
            RateCurveEdit::SetRate { index, rate } => set(line, *index, |pt| pt.rate = *rate),
        }
    }
}

/// The point [`RateCurveEdit::Add`] adds to `line`: a year after its last point at that
/// point's rate, or a year after the first close at the line's base rate.
pub fn new_rate_point(line: &CreditLine, first_close: NaiveDate) -> RatePoint {
    match line.base_rate_curve.last() {
        Some(last) => RatePoint {
            date: grid::add_years(last.date, 1),
            rate: last.rate,
        },
        None => RatePoint {
            date: grid::add_years(first_close, 1),
            rate: line.base_rate,
        },
    }
}

fn point_mut(line: &mut CreditLine, index: usize) -> Result<&mut RatePoint, EditError> {
    let count = line.base_rate_curve.len();
    line.base_rate_curve.get_mut(index).ok_or(EditError::NoListItem {
        list: "dated base rate",
        index,
        count,
    })
}

/// Sets one part of point `index` with `set`, saying whether it changed.
fn set(
    line: &mut CreditLine,
    index: usize,
    set: impl FnOnce(&mut RatePoint),
) -> Result<EditOutcome, EditError> {
    let point = point_mut(line, index)?;
    let before = point.clone();
    set(point);
    Ok(EditOutcome {
        select: None,
        changed: *point != before,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::super::{Edit, EditError};
    use super::*;
    use crate::engine::defaults::blank_portfolio;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn points_need_a_line_and_follow_the_last() {
        let mut p = blank_portfolio(d(2026, 3, 31));
        let add = Edit::BaseRateCurve(RateCurveEdit::Add);
        assert_eq!(add.apply(&mut p), Err(EditError::NoCreditLine));
        p.fund.credit_line = Some(CreditLine::default());
        add.apply(&mut p).unwrap();
        // A year after the first close, at the default line's 4 % base rate.
        let curve = |p: &Portfolio| p.fund.credit_line.clone().unwrap().base_rate_curve;
        assert_eq!(
            curve(&p),
            vec![RatePoint {
                date: d(2027, 3, 31),
                rate: dec!(0.04),
            }]
        );
        Edit::BaseRateCurve(RateCurveEdit::SetRate {
            index: 0,
            rate: dec!(0.035),
        })
        .apply(&mut p)
        .unwrap();
        add.apply(&mut p).unwrap();
        assert_eq!(
            curve(&p)[1],
            RatePoint {
                date: d(2028, 3, 31),
                rate: dec!(0.035),
            }
        );
        Edit::BaseRateCurve(RateCurveEdit::SetDate {
            index: 1,
            date: d(2028, 9, 30),
        })
        .apply(&mut p)
        .unwrap();
        assert_eq!(curve(&p)[1].date, d(2028, 9, 30));
        Edit::BaseRateCurve(RateCurveEdit::Delete(0))
            .apply(&mut p)
            .unwrap();
        assert_eq!(curve(&p).len(), 1);
        assert_eq!(
            Edit::BaseRateCurve(RateCurveEdit::Delete(1)).apply(&mut p),
            Err(EditError::NoListItem {
                list: "dated base rate",
                index: 1,
                count: 1
            })
        );
    }
}
