//! Edits of the fund's carry tiers ([`CarryTierEdit`]): add one ([`new_carry_tier`]),
//! delete one, set its net-multiple or net-IRR threshold (either may be empty) or its
//! rate. Values are stored as given; validation names thresholds that do not rise.

use rust_decimal::{Decimal, dec};

use super::{EditError, EditOutcome};
use crate::engine::model::{CarryTier, FundTerms, Portfolio};

/// The net multiple the first tier starts above (the example: 2.5×).
const FIRST_TIER_MULTIPLE: Decimal = dec!(2.5);
/// How far each new tier's thresholds and rate sit above the tier before (0.5×, five
/// points of IRR, five points of carry).
const MULTIPLE_STEP: Decimal = dec!(0.5);
const IRR_STEP: Decimal = dec!(0.05);
const RATE_STEP: Decimal = dec!(0.05);

/// A change to the fund's carry tiers, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarryTierEdit {
    /// A tier above the last ([`new_carry_tier`]).
    Add,
    /// Deletes `carry_terms.tiers[k]`.
    Delete(usize),
    /// Sets the net multiple above which a tier applies (`None`: no multiple threshold).
    SetNetMultiple {
        /// Position of the tier in `carry_terms.tiers`.
        index: usize,
        /// The multiple of contributed capital, or none.
        multiple: Option<Decimal>,
    },
    /// Sets the net IRR above which a tier applies (`None`: no IRR threshold).
    SetNetIrr {
        /// Position of the tier in `carry_terms.tiers`.
        index: usize,
        /// The IRR (fraction: 0.2 is 20 %), or none.
        irr: Option<Decimal>,
    },
    /// Sets a tier's carry rate.
    SetRate {
        /// Position of the tier in `carry_terms.tiers`.
        index: usize,
        /// The GP's share of profit in the tier (fraction).
        rate: Decimal,
    },
}

impl CarryTierEdit {
    /// What the edit does, for the Undo and Redo tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            CarryTierEdit::Add => "add a carry tier",
            CarryTierEdit::Delete(_) => "delete a carry tier",
            CarryTierEdit::SetNetMultiple { .. } => "change a carry tier's net multiple",
            CarryTierEdit::SetNetIrr { .. } => "change a carry tier's net IRR",
            CarryTierEdit::SetRate { .. } => "change a carry tier's rate",
        }
    }

    /// Applies the edit; on error `p` is left as it was.
    pub(super) fn apply(&self, p: &mut Portfolio) -> Result<EditOutcome, EditError> {
        match self {
            CarryTierEdit::Add => {
                let tier = new_carry_tier(&p.fund);
                p.fund.carry_terms.tiers.push(tier);
                Ok(EditOutcome::keep())
            }
            CarryTierEdit::Delete(k) => {
                tier_mut(p, *k)?;
                p.fund.carry_terms.tiers.remove(*k);
                Ok(EditOutcome::keep())
            }
            CarryTierEdit::SetNetMultiple { index, multiple } => {
                set(p, *index, |t| t.above_net_multiple = *multiple)
            }
            CarryTierEdit::SetNetIrr { index, irr } => set(p, *index, |t| t.above_net_irr = *irr),
            CarryTierEdit::SetRate { index, rate } => set(p, *index, |t| t.rate = *rate),
        }
    }
}

/// The tier [`CarryTierEdit::Add`] adds to `fund`: the first above a 2.5× net multiple
/// at five points over the fund's carry; each later one half a turn (and, if the last
/// tier has one, five points of IRR) above the last, at five points more carry (at most
/// 100 %). A threshold too large to step up is kept as it is (validation then names it).
pub fn new_carry_tier(fund: &FundTerms) -> CarryTier {
    let up = |value: Decimal, step| value.checked_add(step).unwrap_or(value);
    match fund.carry_terms.tiers.last() {
        None => CarryTier {
            above_net_multiple: Some(FIRST_TIER_MULTIPLE),
            above_net_irr: None,
            rate: up(fund.carry_rate, RATE_STEP).min(Decimal::ONE),
        },
        Some(last) => CarryTier {
            above_net_multiple: Some(
                last.above_net_multiple
                    .map_or(FIRST_TIER_MULTIPLE, |m| up(m, MULTIPLE_STEP)),
            ),
            above_net_irr: last.above_net_irr.map(|irr| up(irr, IRR_STEP)),
            rate: up(last.rate, RATE_STEP).min(Decimal::ONE),
        },
    }
}

fn tier_mut(p: &mut Portfolio, index: usize) -> Result<&mut CarryTier, EditError> {
    let tiers = &mut p.fund.carry_terms.tiers;
    let count = tiers.len();
    tiers.get_mut(index).ok_or(EditError::NoListItem {
        list: "carry tier",
        index,
        count,
    })
}

/// Sets one part of tier `index` with `set`, saying whether it changed.
fn set(p: &mut Portfolio, index: usize, set: impl FnOnce(&mut CarryTier)) -> Result<EditOutcome, EditError> {
    let tier = tier_mut(p, index)?;
    let before = *tier;
    set(tier);
    Ok(EditOutcome {
        select: None,
        changed: *tier != before,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::super::{Edit, EditError};
    use super::*;
    use crate::engine::defaults::blank_portfolio;

    #[test]
    fn tiers_are_added_above_the_last_and_set_part_by_part() {
        let mut p = blank_portfolio(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        p.fund.carry_rate = dec!(0.2);
        let add = Edit::CarryTiers(CarryTierEdit::Add);
        add.apply(&mut p).unwrap();
        // The first: above 2.5x at 20 % + 5 points.
        assert_eq!(
            p.fund.carry_terms.tiers,
            vec![CarryTier {
                above_net_multiple: Some(dec!(2.5)),
                above_net_irr: None,
                rate: dec!(0.25),
            }]
        );
        Edit::CarryTiers(CarryTierEdit::SetNetIrr {
            index: 0,
            irr: Some(dec!(0.2)),
        })
        .apply(&mut p)
        .unwrap();
        add.apply(&mut p).unwrap();
        // The second: 3x or 25 % IRR, at 30 %.
        assert_eq!(
            p.fund.carry_terms.tiers[1],
            CarryTier {
                above_net_multiple: Some(dec!(3)),
                above_net_irr: Some(dec!(0.25)),
                rate: dec!(0.3),
            }
        );
        let set = Edit::CarryTiers(CarryTierEdit::SetNetMultiple {
            index: 1,
            multiple: None,
        });
        assert!(set.apply(&mut p).unwrap().changed);
        assert!(!set.apply(&mut p).unwrap().changed);
        Edit::CarryTiers(CarryTierEdit::SetRate {
            index: 1,
            rate: dec!(0.35),
        })
        .apply(&mut p)
        .unwrap();
        assert_eq!(p.fund.carry_terms.tiers[1].rate, dec!(0.35));
        Edit::CarryTiers(CarryTierEdit::Delete(0)).apply(&mut p).unwrap();
        assert_eq!(p.fund.carry_terms.tiers.len(), 1);
        assert_eq!(
            Edit::CarryTiers(CarryTierEdit::Delete(3)).apply(&mut p),
            Err(EditError::NoListItem {
                list: "carry tier",
                index: 3,
                count: 1
            })
        );
    }
}
