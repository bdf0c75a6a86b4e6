//! Edits of the fund's LP classes and closes ([`InvestorEdit`]): add, delete, and set one
//! part of an item. Values are stored as given; validation names what does not fit
//! (closes not adding up to the commitment, a class with no LPs).
//!
//! Cascades: renaming a class renames it in the closes that name it; the first class
//! added to a fund whose closes name none is given to those closes. Deleting a class
//! leaves its closes naming it (validation flags them), as deleting a stage does.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use super::{EditError, EditOutcome, unique_name};
use crate::engine::fields::LpClassPart;
use crate::engine::grid;
use crate::engine::model::{Close, FundTerms, LpClass, Portfolio};

/// The name a new LP class starts with (made unique).
pub const NEW_LP_CLASS_NAME: &str = "New class";

/// Months after the latest close a new close is dated.
const NEW_CLOSE_MONTHS_LATER: u32 = 6;

/// A change to the fund's LP classes or closes, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvestorEdit {
    /// A class named [`NEW_LP_CLASS_NAME`] (made unique) with one LP, on the fund's
    /// terms; the first class is also given to every close that names none.
    AddClass,
    /// Deletes `investors.classes[k]`.
    DeleteClass(usize),
    /// Renames a class and the closes that name it.
    RenameClass {
        /// Position of the class in `investors.classes`.
        index: usize,
        /// The new name; it must not be another class's.
        name: String,
    },
    /// Sets how many LPs hold a class.
    SetClassInvestors {
        /// Position of the class in `investors.classes`.
        index: usize,
        /// The number of LPs.
        investors: u32,
    },
    /// Sets one of a class's own terms (`None`: the fund's).
    SetClassTerm {
        /// Position of the class in `investors.classes`.
        index: usize,
        /// Which term: one of [`LpClassPart::TERMS`].
        term: LpClassPart,
        /// The rate (fraction: 0.015 is 1.5 %), or `None` for the fund's.
        rate: Option<Decimal>,
    },
    /// A close ([`new_close`]) after the last.
    AddClose,
    /// Deletes `investors.closes[k]`.
    DeleteClose(usize),
    /// Sets a close's date.
    SetCloseDate {
        /// Position of the close in `investors.closes`.
        index: usize,
        /// The new date.
        date: NaiveDate,
    },
    /// Sets the class a close's commitments belong to (empty: none).
    SetCloseClass {
        /// Position of the close in `investors.closes`.
        index: usize,
        /// The class's name.
        class: String,
    },
    /// Sets the commitments a close accepts.
    SetCloseAmount {
        /// Position of the close in `investors.closes`.
        index: usize,
        /// The amount, in the fund's currency.
        amount: Decimal,
    },
}

impl InvestorEdit {
    /// What the edit does, for the Undo and Redo tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            InvestorEdit::AddClass => "add an LP class",
            InvestorEdit::DeleteClass(_) => "delete an LP class",
            InvestorEdit::RenameClass { .. } => "rename an LP class",
            InvestorEdit::SetClassInvestors { .. } => "change an LP class's number of LPs",
            InvestorEdit::SetClassTerm { .. } => "change an LP class's terms",
            InvestorEdit::AddClose => "add a close",
            InvestorEdit::DeleteClose(_) => "delete a close",
            InvestorEdit::SetCloseDate { .. } => "change a close's date",
            InvestorEdit::SetCloseClass { .. } => "change a close's LP class",
            InvestorEdit::SetCloseAmount { .. } => "change a close's amount",
        }
    }

    /// Applies the edit; on error `p` is left as it was.
    pub(super) fn apply(&self, p: &mut Portfolio) -> Result<EditOutcome, EditError> {
        match self {
            InvestorEdit::AddClass => Ok(add_class(p)),
            InvestorEdit::DeleteClass(k) => {
                class_mut(p, *k)?;
                p.fund.investors.classes.remove(*k);
                Ok(EditOutcome::keep())
            }
            InvestorEdit::RenameClass { index, name } => rename_class(p, *index, name),
            InvestorEdit::SetClassInvestors { index, investors } => {
                set_class(p, *index, |c| c.investors = *investors)
            }
            InvestorEdit::SetClassTerm { index, term, rate } => set_class(p, *index, |c| match term {
                LpClassPart::ManagementFeeRate => c.management_fee_rate = *rate,
                LpClassPart::PostInvestmentFeeRate => c.post_investment_fee_rate = *rate,
                LpClassPart::CarryRate => c.carry_rate = *rate,
                LpClassPart::PreferredReturn => c.preferred_return = *rate,
                LpClassPart::Name | LpClassPart::Investors => {}
            }),
            InvestorEdit::AddClose => {
                let close = new_close(&p.fund);
                p.fund.investors.closes.push(close);
                Ok(EditOutcome::keep())
            }
            InvestorEdit::DeleteClose(k) => {
                close_mut(p, *k)?;
                p.fund.investors.closes.remove(*k);
                Ok(EditOutcome::keep())
            }
            InvestorEdit::SetCloseDate { index, date } => set_close(p, *index, |c| c.date = *date),
            InvestorEdit::SetCloseClass { index, class } => {
                set_close(p, *index, |c| c.class.clone_from(class))
            }
            InvestorEdit::SetCloseAmount { index, amount } => set_close(p, *index, |c| c.amount = *amount),
        }
    }
}

/// The close [`InvestorEdit::AddClose`] adds to `fund`: without closes, the whole
/// commitment at the first close in the first class; after that, six months after the
/// latest close (no later than the end of the investment period), in the latest close's
/// class, for what the closes do not yet cover (zero when they cover it all).
pub fn new_close(fund: &FundTerms) -> Close {
    let investors = &fund.investors;
    let first_class = investors
        .classes
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let Some(latest) = investors.closes.iter().max_by_key(|c| c.date) else {
        return Close {
            date: fund.first_close,
            class: first_class,
            amount: fund.commitment,
        };
    };
    let period_end = grid::add_years(fund.first_close, fund.investment_period_years);
    let later = latest
        .date
        .checked_add_months(Months::new(NEW_CLOSE_MONTHS_LATER))
        .unwrap_or(latest.date);
    let covered = investors
        .closes
        .iter()
        .try_fold(Decimal::ZERO, |sum, c| sum.checked_add(c.amount));
    let left = covered
        .and_then(|covered| fund.commitment.checked_sub(covered))
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ZERO);
    Close {
        date: later.min(period_end).max(latest.date),
        class: latest.class.clone(),
        amount: left,
    }
}

fn add_class(p: &mut Portfolio) -> EditOutcome {
    let investors = &mut p.fund.investors;
    let name = unique_name(
        NEW_LP_CLASS_NAME,
        investors.classes.iter().map(|c| c.name.as_str()),
    );
    if investors.classes.is_empty() {
        for close in investors.closes.iter_mut().filter(|c| c.class.trim().is_empty()) {
            close.class.clone_from(&name);
        }
    }
    investors.classes.push(LpClass {
        name,
        investors: 1,
        management_fee_rate: None,
        post_investment_fee_rate: None,
        carry_rate: None,
        preferred_return: None,
    });
    EditOutcome::keep()
}

fn rename_class(p: &mut Portfolio, index: usize, name: &str) -> Result<EditOutcome, EditError> {
    let old = class_mut(p, index)?.name.clone();
    if old == name {
        return Ok(EditOutcome {
            select: None,
            changed: false,
        });
    }
    let investors = &mut p.fund.investors;
    if investors.classes.iter().any(|c| c.name == name) {
        return Err(EditError::LpClassNameTaken(name.to_string()));
    }
    for close in investors.closes.iter_mut().filter(|c| c.class == old) {
        close.class = name.to_string();
    }
    class_mut(p, index)?.name = name.to_string();
    Ok(EditOutcome::keep())
}

fn class_mut(p: &mut Portfolio, index: usize) -> Result<&mut LpClass, EditError> {
    let classes = &mut p.fund.investors.classes;
    let count = classes.len();
    classes.get_mut(index).ok_or(EditError::NoListItem {
        list: "LP class",
        index,
        count,
    })
}

fn close_mut(p: &mut Portfolio, index: usize) -> Result<&mut Close, EditError> {
    let closes = &mut p.fund.investors.closes;
    let count = closes.len();
    closes.get_mut(index).ok_or(EditError::NoListItem {
        list: "close",
        index,
        count,
    })
}

/// Sets one part of class `index` with `set`, saying whether it changed.
fn set_class(
    p: &mut Portfolio,
    index: usize,
    set: impl FnOnce(&mut LpClass),
) -> Result<EditOutcome, EditError> {
    let class = class_mut(p, index)?;
    let before = class.clone();
    set(class);
    Ok(EditOutcome {
        select: None,
        changed: *class != before,
    })
}

/// Sets one part of close `index` with `set`, saying whether it changed.
fn set_close(
    p: &mut Portfolio,
    index: usize,
    set: impl FnOnce(&mut Close),
) -> Result<EditOutcome, EditError> {
    let close = close_mut(p, index)?;
    let before = close.clone();
    set(close);
    Ok(EditOutcome {
        select: None,
        changed: *close != before,
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

    fn apply(p: &mut Portfolio, edit: InvestorEdit) -> EditOutcome {
        Edit::Investors(edit).apply(p).unwrap()
    }

    #[test]
    fn closes_are_added_for_what_is_not_yet_covered_and_set_part_by_part() {
        // The blank fund: $1bn, first close 2026-03-31, five-year investment period.
        let mut p = blank_portfolio(d(2026, 3, 31));
        apply(&mut p, InvestorEdit::AddClose);
        assert_eq!(
            p.fund.investors.closes,
            vec![Close {
                date: d(2026, 3, 31),
                class: String::new(),
                amount: dec!(1_000_000_000),
            }]
        );
        let changed = apply(
            &mut p,
            InvestorEdit::SetCloseAmount {
                index: 0,
                amount: dec!(700_000_000),
            },
        );
        assert!(changed.changed);
        // The second: six months later (2026-09-30), for the 300m left.
        apply(&mut p, InvestorEdit::AddClose);
        assert_eq!(p.fund.investors.closes[1].date, d(2026, 9, 30));
        assert_eq!(p.fund.investors.closes[1].amount, dec!(300_000_000));
        // Near the end of the investment period (2031-03-31) a new close is dated on it.
        apply(
            &mut p,
            InvestorEdit::SetCloseDate {
                index: 1,
                date: d(2031, 1, 31),
            },
        );
        assert_eq!(new_close(&p.fund).date, d(2031, 3, 31));
        assert_eq!(new_close(&p.fund).amount, dec!(0));
        apply(&mut p, InvestorEdit::DeleteClose(0));
        assert_eq!(p.fund.investors.closes.len(), 1);
        let before = p.clone();
        assert_eq!(
            Edit::Investors(InvestorEdit::DeleteClose(1)).apply(&mut p),
            Err(EditError::NoListItem {
                list: "close",
                index: 1,
                count: 1
            })
        );
        assert_eq!(p, before);
    }

    #[test]
    fn classes_are_added_renamed_with_their_closes_and_given_terms() {
        let mut p = blank_portfolio(d(2026, 3, 31));
        apply(&mut p, InvestorEdit::AddClose);
        // The first class takes the close that named none.
        apply(&mut p, InvestorEdit::AddClass);
        assert_eq!(p.fund.investors.classes[0].name, "New class");
        assert_eq!(p.fund.investors.classes[0].investors, 1);
        assert_eq!(p.fund.investors.closes[0].class, "New class");
        apply(&mut p, InvestorEdit::AddClass);
        assert_eq!(p.fund.investors.classes[1].name, "New class (2)");
        apply(
            &mut p,
            InvestorEdit::RenameClass {
                index: 0,
                name: "Anchor".into(),
            },
        );
        assert_eq!(p.fund.investors.closes[0].class, "Anchor");
        assert_eq!(
            Edit::Investors(InvestorEdit::RenameClass {
                index: 1,
                name: "Anchor".into()
            })
            .apply(&mut p),
            Err(EditError::LpClassNameTaken("Anchor".into()))
        );
        apply(
            &mut p,
            InvestorEdit::SetClassTerm {
                index: 0,
                term: LpClassPart::CarryRate,
                rate: Some(dec!(0.15)),
            },
        );
        apply(
            &mut p,
            InvestorEdit::SetClassInvestors {
                index: 0,
                investors: 4,
            },
        );
        let anchor = &p.fund.investors.classes[0];
        assert_eq!((anchor.carry_rate, anchor.investors), (Some(dec!(0.15)), 4));
        // Back to the fund's carry.
        apply(
            &mut p,
            InvestorEdit::SetClassTerm {
                index: 0,
                term: LpClassPart::CarryRate,
                rate: None,
            },
        );
        assert_eq!(p.fund.investors.classes[0].carry_rate, None);
        apply(&mut p, InvestorEdit::DeleteClass(1));
        assert_eq!(p.fund.investors.classes.len(), 1);
    }
}
