//! Edits of the fund's shared AI programme and of a lever's cost phasing
//! ([`ProgrammeEdit`]): add, delete and set the parts of a shared platform and of its
//! dated build costs; add, delete and set a learning rate; add, delete and set the
//! quarterly shares a lever's one-time cost is spent by. Values are stored as given;
//! validation names what does not fit (a duplicate kind, a rate of 100 %, shares not
//! summing to 100 %).
//!
//! Cascades: renaming a platform renames it in every lever that runs on it, in the same
//! edit (one Undo takes both back). Deleting a platform leaves its levers naming it
//! (validation flags them), as deleting a stage leaves its companies.

mod phasing;

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::{EditError, EditOutcome, unique_name};
use crate::engine::grid;
use crate::engine::model::{DatedAmount, LearningRate, LeverKind, Platform, PlatformCharging, Portfolio};

pub use phasing::new_phasing_share;

/// The name a new platform starts with (made unique).
pub const NEW_PLATFORM_NAME: &str = "New AI platform";

/// The rate a new learning rate starts at: each doubling of deployments cuts the
/// one-time cost and the ramp by 15 %, a middling figure for repeated industrial roll-outs.
pub const NEW_LEARNING_RATE: Decimal = dec!(0.15);

/// Quarters after the first close a new platform goes live.
const NEW_PLATFORM_LIVE_QUARTERS: usize = 4;

/// A change to the shared AI programme or to a lever's cost phasing, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgrammeEdit {
    /// A platform named [`NEW_PLATFORM_NAME`] (made unique), live four quarters after the
    /// first close, with no build cost and no run cost, paid by the fund.
    AddPlatform,
    /// Deletes `programme.platforms[i]`; levers naming it keep the name.
    DeletePlatform(usize),
    /// Renames a platform and every lever that runs on it.
    RenamePlatform {
        /// Position of the platform in `platforms`.
        index: usize,
        /// The new name; it must not be another platform's.
        name: String,
    },
    /// Sets the date a platform goes live.
    SetPlatformGoLive {
        /// Position of the platform in `platforms`.
        index: usize,
        /// The go-live date.
        date: NaiveDate,
    },
    /// Sets a platform's annual run cost.
    SetPlatformRunCost {
        /// Position of the platform in `platforms`.
        index: usize,
        /// The cost a year once live, in the fund's currency.
        amount: Decimal,
    },
    /// Sets who pays a platform's costs.
    SetPlatformCharging {
        /// Position of the platform in `platforms`.
        index: usize,
        /// The fund, or the companies by a key.
        charging: PlatformCharging,
    },
    /// A build cost of platform `.0` ([`new_build_cost`]), placed in date order.
    AddBuildCost(usize),
    /// Deletes a platform's build cost.
    DeleteBuildCost {
        /// Position of the platform in `platforms`.
        platform: usize,
        /// Position of the cost in its `build_costs`.
        index: usize,
    },
    /// Sets the date of a platform's build cost.
    SetBuildCostDate {
        /// Position of the platform in `platforms`.
        platform: usize,
        /// Position of the cost in its `build_costs`.
        index: usize,
        /// The date (the amount falls in its quarter).
        date: NaiveDate,
    },
    /// Sets the amount of a platform's build cost.
    SetBuildCostAmount {
        /// Position of the platform in `platforms`.
        platform: usize,
        /// Position of the cost in its `build_costs`.
        index: usize,
        /// The amount, in the fund's currency.
        amount: Decimal,
    },
    /// A learning rate of [`NEW_LEARNING_RATE`] for a lever kind.
    AddLearningRate(LeverKind),
    /// Deletes `programme.learning[k]`.
    DeleteLearningRate(usize),
    /// Sets the lever kind a learning rate is for.
    SetLearningKind {
        /// Position of the rate in `learning`.
        index: usize,
        /// The kind that learns.
        kind: LeverKind,
    },
    /// Sets a learning rate.
    SetLearningRate {
        /// Position of the rate in `learning`.
        index: usize,
        /// The cut per doubling of deployments (fraction: 0.2 is 20 %).
        rate: Decimal,
    },
    /// A quarter at the end of a lever's cost phasing, with the share still unphased
    /// ([`new_phasing_share`]).
    AddPhasingQuarter {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the lever in the company's `levers`.
        lever: usize,
    },
    /// Deletes a quarter of a lever's cost phasing (the later quarters move one earlier).
    DeletePhasingQuarter {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the lever in the company's `levers`.
        lever: usize,
        /// Position of the quarter in `cost_phasing`.
        index: usize,
    },
    /// Sets the share of a lever's one-time cost spent in one quarter of its phasing.
    SetPhasingShare {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the lever in the company's `levers`.
        lever: usize,
        /// Position of the quarter in `cost_phasing`.
        index: usize,
        /// The share (fraction: 0.25 is 25 % of the one-time cost).
        share: Decimal,
    },
}

impl ProgrammeEdit {
    /// What the edit does, for the Undo and Redo tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            ProgrammeEdit::AddPlatform => "add an AI platform",
            ProgrammeEdit::DeletePlatform(_) => "delete an AI platform",
            ProgrammeEdit::RenamePlatform { .. } => "rename an AI platform",
            ProgrammeEdit::SetPlatformGoLive { .. } => "change an AI platform's go-live date",
            ProgrammeEdit::SetPlatformRunCost { .. } => "change an AI platform's run cost",
            ProgrammeEdit::SetPlatformCharging { .. } => "change who pays for an AI platform",
            ProgrammeEdit::AddBuildCost(_) => "add a platform build cost",
            ProgrammeEdit::DeleteBuildCost { .. } => "delete a platform build cost",
            ProgrammeEdit::SetBuildCostDate { .. } => "change a build cost's date",
            ProgrammeEdit::SetBuildCostAmount { .. } => "change a build cost's amount",
            ProgrammeEdit::AddLearningRate(_) => "add a learning rate",
            ProgrammeEdit::DeleteLearningRate(_) => "delete a learning rate",
            ProgrammeEdit::SetLearningKind { .. } => "change a learning rate's lever kind",
            ProgrammeEdit::SetLearningRate { .. } => "change a learning rate",
            ProgrammeEdit::AddPhasingQuarter { .. } => "add a cost phasing quarter",
            ProgrammeEdit::DeletePhasingQuarter { .. } => "delete a cost phasing quarter",
            ProgrammeEdit::SetPhasingShare { .. } => "change a cost phasing share",
        }
    }

    /// Applies the edit; on error `p` is left as it was.
    pub(super) fn apply(&self, p: &mut Portfolio) -> Result<EditOutcome, EditError> {
        match self {
            ProgrammeEdit::AddPlatform => Ok(add_platform(p)),
            ProgrammeEdit::DeletePlatform(i) => {
                platform_mut(p, *i)?;
                p.programme.platforms.remove(*i);
                Ok(EditOutcome::keep())
            }
            ProgrammeEdit::RenamePlatform { index, name } => rename_platform(p, *index, name),
            ProgrammeEdit::SetPlatformGoLive { index, date } => {
                set(&mut platform_mut(p, *index)?.go_live, *date)
            }
            ProgrammeEdit::SetPlatformRunCost { index, amount } => {
                set(&mut platform_mut(p, *index)?.annual_run_cost, *amount)
            }
            ProgrammeEdit::SetPlatformCharging { index, charging } => {
                set(&mut platform_mut(p, *index)?.charging, *charging)
            }
            ProgrammeEdit::AddBuildCost(i) => {
                let first_close = p.fund.first_close;
                let costs = &mut platform_mut(p, *i)?.build_costs;
                let cost = new_build_cost(costs, first_close);
                // Kept in date order: the new cost goes after every cost on or before its date.
                let at = costs
                    .iter()
                    .position(|c| c.date > cost.date)
                    .unwrap_or(costs.len());
                costs.insert(at, cost);
                Ok(EditOutcome::keep())
            }
            ProgrammeEdit::DeleteBuildCost { platform, index } => {
                build_cost_mut(p, *platform, *index)?;
                platform_mut(p, *platform)?.build_costs.remove(*index);
                Ok(EditOutcome::keep())
            }
            ProgrammeEdit::SetBuildCostDate {
                platform,
                index,
                date,
            } => set(&mut build_cost_mut(p, *platform, *index)?.date, *date),
            ProgrammeEdit::SetBuildCostAmount {
                platform,
                index,
                amount,
            } => set(&mut build_cost_mut(p, *platform, *index)?.amount, *amount),
            ProgrammeEdit::AddLearningRate(kind) => {
                p.programme.learning.push(LearningRate {
                    kind: *kind,
                    rate: NEW_LEARNING_RATE,
                });
                Ok(EditOutcome::keep())
            }
            ProgrammeEdit::DeleteLearningRate(k) => {
                learning_mut(p, *k)?;
                p.programme.learning.remove(*k);
                Ok(EditOutcome::keep())
            }
            ProgrammeEdit::SetLearningKind { index, kind } => set(&mut learning_mut(p, *index)?.kind, *kind),
            ProgrammeEdit::SetLearningRate { index, rate } => set(&mut learning_mut(p, *index)?.rate, *rate),
            ProgrammeEdit::AddPhasingQuarter { company, lever } => phasing::add(p, *company, *lever),
            ProgrammeEdit::DeletePhasingQuarter {
                company,
                lever,
                index,
            } => phasing::delete(p, *company, *lever, *index),
            ProgrammeEdit::SetPhasingShare {
                company,
                lever,
                index,
                share,
            } => phasing::set_share(p, *company, *lever, *index, *share),
        }
    }
}

/// A build cost after `costs`: a quarter after the latest, of the same amount; the first
/// in the quarter of the fund's first close, of nothing (to be typed in).
pub fn new_build_cost(costs: &[DatedAmount], first_close: NaiveDate) -> DatedAmount {
    match costs.iter().max_by_key(|c| c.date) {
        Some(latest) => DatedAmount {
            date: grid::nth_quarter_end(latest.date, 1),
            amount: latest.amount,
        },
        None => DatedAmount {
            date: grid::quarter_end(first_close),
            amount: Decimal::ZERO,
        },
    }
}

fn add_platform(p: &mut Portfolio) -> EditOutcome {
    let platforms = &mut p.programme.platforms;
    platforms.push(Platform {
        name: unique_name(NEW_PLATFORM_NAME, platforms.iter().map(|x| x.name.as_str())),
        go_live: grid::nth_quarter_end(p.fund.first_close, NEW_PLATFORM_LIVE_QUARTERS),
        build_costs: Vec::new(),
        annual_run_cost: Decimal::ZERO,
        charging: PlatformCharging::default(),
    });
    EditOutcome::keep()
}

/// Renames platform `index` to `name` and every lever that names the old name.
fn rename_platform(p: &mut Portfolio, index: usize, name: &str) -> Result<EditOutcome, EditError> {
    let old = platform_mut(p, index)?.name.clone();
    if old == name {
        return Ok(EditOutcome {
            select: None,
            changed: false,
        });
    }
    if p.programme
        .platforms
        .iter()
        .enumerate()
        .any(|(i, x)| i != index && x.name == name)
    {
        return Err(EditError::PlatformNameTaken(name.to_string()));
    }
    for runs_on in p
        .companies
        .iter_mut()
        .flat_map(|c| c.levers.iter_mut())
        .filter_map(|l| l.programme.platform.as_mut())
        .filter(|runs_on| **runs_on == old)
    {
        *runs_on = name.to_string();
    }
    platform_mut(p, index)?.name = name.to_string();
    Ok(EditOutcome::keep())
}

/// Sets `slot` to `value`, saying whether that changed anything.
fn set<T: PartialEq>(slot: &mut T, value: T) -> Result<EditOutcome, EditError> {
    let changed = *slot != value;
    *slot = value;
    Ok(EditOutcome {
        select: None,
        changed,
    })
}

/// `items[index]` of the list named `list` in words, or the error naming it.
fn item_mut<'a, T>(items: &'a mut [T], list: &'static str, index: usize) -> Result<&'a mut T, EditError> {
    let count = items.len();
    items
        .get_mut(index)
        .ok_or(EditError::NoListItem { list, index, count })
}

fn platform_mut(p: &mut Portfolio, index: usize) -> Result<&mut Platform, EditError> {
    item_mut(&mut p.programme.platforms, "AI platform", index)
}

fn build_cost_mut(p: &mut Portfolio, platform: usize, index: usize) -> Result<&mut DatedAmount, EditError> {
    item_mut(
        &mut platform_mut(p, platform)?.build_costs,
        "platform build cost",
        index,
    )
}

fn learning_mut(p: &mut Portfolio, index: usize) -> Result<&mut LearningRate, EditError> {
    item_mut(&mut p.programme.learning, "learning rate", index)
}

#[cfg(test)]
mod tests;
