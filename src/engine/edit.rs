//! Model edits as data: add, duplicate, move, delete and rename the model's stages,
//! companies, levers and scenarios; add, delete and set a company's partial exits and the
//! fund's comparable multiple paths and their points; the fund's LP classes and closes
//! ([`InvestorEdit`]), carry tiers ([`CarryTierEdit`]) and the credit line's dated base
//! rates ([`RateCurveEdit`]); the shared AI programme and a lever's cost phasing
//! ([`ProgrammeEdit`]); and set one field ([`FieldEdit`]). An [`Edit`] is
//! applied to a [`Portfolio`] with [`Edit::apply`], which either changes the portfolio and
//! says what to select next, or refuses with an [`EditError`] and leaves it untouched.
//! The app's buttons, menus and undo history speak only this type; tests drive it with
//! no GUI.
//!
//! Cascades: renaming a stage moves its companies (and any scenario override that puts a
//! company in it) to the new name; renaming a company renames the scenario overrides of
//! it; deleting a company drops the overrides that named it; renaming a shared AI
//! platform renames it in the levers that run on it.

mod carry_tiers;
mod cascade;
mod comparables;
mod error;
mod fee_steps;
mod investors;
mod lists;
mod partial_exits;
mod programme;
mod rate_curve;
pub(crate) mod stage_gate;

pub use carry_tiers::{CarryTierEdit, new_carry_tier};
pub use comparables::{NEW_COMPARABLE_MULTIPLE, NEW_COMPARABLE_SPAN_YEARS, new_comparable_point};
pub use error::EditError;
pub use fee_steps::new_fee_step;
pub use investors::{InvestorEdit, NEW_LP_CLASS_NAME, new_close};
pub use lists::unique_name;
pub use partial_exits::{NEW_PARTIAL_EXIT_SHARE, new_partial_exit_date};
pub use programme::{NEW_LEARNING_RATE, NEW_PLATFORM_NAME, ProgrammeEdit, new_build_cost, new_phasing_share};
pub use rate_curve::{RateCurveEdit, new_rate_point};
pub use stage_gate::StageGateEdit;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::fields::FieldEdit;
use super::model::{FeeBasis, Portfolio, Sector};

/// Up or down in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Towards the start of the list (one place earlier).
    Up,
    /// Towards the end of the list (one place later).
    Down,
}

/// One item of the model, by its place in the lists: what an edit leaves selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Item {
    /// The fund terms.
    #[default]
    Fund,
    /// `stages[i]`.
    Stage(usize),
    /// `companies[i]`.
    Company(usize),
    /// `companies[i].levers[j]`.
    Lever(usize, usize),
    /// `scenarios[i]`.
    Scenario(usize),
}

impl Item {
    /// Whether the item exists in `portfolio`.
    pub fn exists_in(self, portfolio: &Portfolio) -> bool {
        let p = portfolio;
        match self {
            Item::Fund => true,
            Item::Stage(i) => i < p.stages.len(),
            Item::Company(i) => i < p.companies.len(),
            Item::Lever(c, l) => p.companies.get(c).is_some_and(|co| l < co.levers.len()),
            Item::Scenario(i) => i < p.scenarios.len(),
        }
    }
}

/// A change to the model, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new stage after the last, starting when the last one starts.
    AddStage,
    /// A copy of `stages[i]` with a unique name, inserted just after it.
    DuplicateStage(usize),
    /// Deletes a stage; its companies keep their stage name (and are flagged).
    DeleteStage(usize),
    /// Moves `stages[i]` one place up or down (order only; dates are unchanged).
    MoveStage(usize, Direction),
    /// Renames a stage and everything that refers to it by name.
    RenameStage {
        /// Position of the stage in `stages`.
        index: usize,
        /// The new name; it must not be another stage's.
        name: String,
    },
    /// The template company in `stage` (by name; the first stage when `None`).
    AddCompany {
        /// Name of the stage that acquires it.
        stage: Option<String>,
    },
    /// A copy of `companies[i]` with a unique name, inserted just after it.
    DuplicateCompany(usize),
    /// Deletes `companies[i]` and the scenario overrides that name it.
    DeleteCompany(usize),
    /// Moves `companies[i]` one place up or down.
    MoveCompany(usize, Direction),
    /// Renames a company and the scenario overrides of it.
    RenameCompany {
        /// Position of the company in `companies`.
        index: usize,
        /// The new name; it must not be another company's.
        name: String,
    },
    /// The template lever in company `0`.
    AddLever(usize),
    /// `(company, lever)`.
    DuplicateLever(usize, usize),
    /// Deletes lever `.1` of company `.0`.
    DeleteLever(usize, usize),
    /// Moves lever `.1` of company `.0` one place up or down.
    MoveLever(usize, usize, Direction),
    /// A new scenario with no overrides (so equal to the base case), named uniquely.
    AddScenario,
    /// A copy of `scenarios[i]` with a unique name, inserted just after it.
    DuplicateScenario(usize),
    /// Deletes `scenarios[i]`.
    DeleteScenario(usize),
    /// Moves `scenarios[i]` one place up or down.
    MoveScenario(usize, Direction),
    /// A partial exit of company `.0` selling [`NEW_PARTIAL_EXIT_SHARE`] of the original
    /// holding, on [`new_partial_exit_date`] (halfway through the hold, or from the latest
    /// sale to the exit), placed in date order.
    AddPartialExit(usize),
    /// Deletes partial exit `.1` of company `.0`.
    DeletePartialExit(usize, usize),
    /// Sets the date of a partial exit.
    SetPartialExitDate {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the sale in its `partial_exits`.
        index: usize,
        /// The new date of the sale.
        date: NaiveDate,
    },
    /// Sets the share of the original holding a partial exit sells.
    SetPartialExitShare {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the sale in its `partial_exits`.
        index: usize,
        /// The new share (fraction: 0.25 is 25 % of what the fund bought).
        share: Decimal,
    },
    /// A comparable multiple path for a sector that has none: two points, the first close
    /// and [`NEW_COMPARABLE_SPAN_YEARS`] years later, both at [`NEW_COMPARABLE_MULTIPLE`].
    AddComparablePath(Sector),
    /// Deletes `fund.comparable_multiples[j]`.
    DeleteComparablePath(usize),
    /// Gives a comparable path another sector (one that has no path).
    SetComparableSector {
        /// Position of the path in `comparable_multiples`.
        comparable: usize,
        /// The sector the path is for now.
        sector: Sector,
    },
    /// A point after the last of path `.0` ([`new_comparable_point`]).
    AddComparablePoint(usize),
    /// Deletes point `.1` of comparable path `.0`.
    DeleteComparablePoint(usize, usize),
    /// Sets the date of a point of a comparable path.
    SetComparablePointDate {
        /// Position of the path in `comparable_multiples`.
        comparable: usize,
        /// Position of the point in the path's `points`.
        index: usize,
        /// The new date.
        date: NaiveDate,
    },
    /// Sets the multiple of a point of a comparable path.
    SetComparablePointMultiple {
        /// Position of the path in `comparable_multiples`.
        comparable: usize,
        /// Position of the point in the path's `points`.
        index: usize,
        /// The sector's EV / EBITDA on the point's date.
        multiple: Decimal,
    },
    /// A dated fee step ([`new_fee_step`]: a year after the latest, or at the end of the
    /// investment period), placed in date order.
    AddFeeStep,
    /// Deletes `fund.fee_terms.steps[k]`.
    DeleteFeeStep(usize),
    /// Sets the first quarter end a fee step applies to.
    SetFeeStepFrom {
        /// Position of the step in `fee_terms.steps`.
        index: usize,
        /// The new date.
        from: NaiveDate,
    },
    /// Sets a fee step's annual rate.
    SetFeeStepRate {
        /// Position of the step in `fee_terms.steps`.
        index: usize,
        /// The annual rate (fraction: 0.015 is 1.5 %).
        rate: Decimal,
    },
    /// Sets what a fee step's rate is charged on.
    SetFeeStepBasis {
        /// Position of the step in `fee_terms.steps`.
        index: usize,
        /// Commitments, net invested capital, or the lower of cost and NAV.
        basis: FeeBasis,
    },
    /// An edit of the fund's LP classes or closes.
    Investors(InvestorEdit),
    /// An edit of the fund's carry tiers.
    CarryTiers(CarryTierEdit),
    /// An edit of the credit line's dated base rates.
    BaseRateCurve(RateCurveEdit),
    /// An edit of a stage gate's list of stages read.
    StageGate(StageGateEdit),
    /// An edit of the shared AI programme (platforms, learning rates) or of a lever's
    /// cost phasing.
    Programme(ProgrammeEdit),
    /// Sets one field; a stage's or company's name goes through the rename cascade.
    SetField(FieldEdit),
}

/// What an applied edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditOutcome {
    /// What to select now (`None`: keep the selection, if it still exists).
    pub select: Option<Item>,
    /// Whether the portfolio changed (moving the first item up does not).
    pub changed: bool,
}

impl EditOutcome {
    fn select(item: Item) -> Self {
        Self {
            select: Some(item),
            changed: true,
        }
    }

    fn keep() -> Self {
        Self {
            select: None,
            changed: true,
        }
    }
}

impl Edit {
    /// What the edit does, in a few words for the Undo and Redo tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            Edit::AddStage => "add a stage",
            Edit::DuplicateStage(_) => "duplicate a stage",
            Edit::DeleteStage(_) => "delete a stage",
            Edit::MoveStage(..) => "move a stage",
            Edit::RenameStage { .. } => "rename a stage",
            Edit::AddCompany { .. } => "add a company",
            Edit::DuplicateCompany(_) => "duplicate a company",
            Edit::DeleteCompany(_) => "delete a company",
            Edit::MoveCompany(..) => "move a company",
            Edit::RenameCompany { .. } => "rename a company",
            Edit::AddLever(_) => "add a lever",
            Edit::DuplicateLever(..) => "duplicate a lever",
            Edit::DeleteLever(..) => "delete a lever",
            Edit::MoveLever(..) => "move a lever",
            Edit::AddScenario => "add a scenario",
            Edit::DuplicateScenario(_) => "duplicate a scenario",
            Edit::DeleteScenario(_) => "delete a scenario",
            Edit::MoveScenario(..) => "move a scenario",
            Edit::AddPartialExit(_) => "add a partial exit",
            Edit::DeletePartialExit(..) => "delete a partial exit",
            Edit::SetPartialExitDate { .. } => "change a partial exit's date",
            Edit::SetPartialExitShare { .. } => "change a partial exit's share",
            Edit::AddComparablePath(_) => "add a comparable multiple path",
            Edit::DeleteComparablePath(_) => "delete a comparable multiple path",
            Edit::SetComparableSector { .. } => "change a comparable path's sector",
            Edit::AddComparablePoint(_) => "add a comparable multiple point",
            Edit::DeleteComparablePoint(..) => "delete a comparable multiple point",
            Edit::SetComparablePointDate { .. } => "change a comparable point's date",
            Edit::SetComparablePointMultiple { .. } => "change a comparable multiple",
            Edit::AddFeeStep => "add a fee step",
            Edit::DeleteFeeStep(_) => "delete a fee step",
            Edit::SetFeeStepFrom { .. } => "change a fee step's date",
            Edit::SetFeeStepRate { .. } => "change a fee step's rate",
            Edit::SetFeeStepBasis { .. } => "change a fee step's basis",
            Edit::Investors(edit) => edit.label(),
            Edit::CarryTiers(edit) => edit.label(),
            Edit::BaseRateCurve(edit) => edit.label(),
            Edit::StageGate(edit) => edit.label(),
            Edit::Programme(edit) => edit.label(),
            Edit::SetField(_) => "edit a field",
        }
    }

    /// Applies the edit to `portfolio`; on error `portfolio` is left as it was.
    pub fn apply(&self, portfolio: &mut Portfolio) -> Result<EditOutcome, EditError> {
        let p = portfolio;
        match self {
            Edit::AddStage => Ok(lists::add_stage(p)),
            Edit::DuplicateStage(i) => lists::duplicate_stage(p, *i),
            Edit::DeleteStage(i) => lists::delete_stage(p, *i),
            Edit::MoveStage(i, d) => lists::move_stage(p, *i, *d),
            Edit::RenameStage { index, name } => cascade::rename_stage(p, *index, name),
            Edit::AddCompany { stage } => lists::add_company(p, stage.as_deref()),
            Edit::DuplicateCompany(i) => lists::duplicate_company(p, *i),
            Edit::DeleteCompany(i) => cascade::delete_company(p, *i),
            Edit::MoveCompany(i, d) => lists::move_company(p, *i, *d),
            Edit::RenameCompany { index, name } => cascade::rename_company(p, *index, name),
            Edit::AddLever(c) => lists::add_lever(p, *c),
            Edit::DuplicateLever(c, l) => lists::duplicate_lever(p, *c, *l),
            Edit::DeleteLever(c, l) => lists::delete_lever(p, *c, *l),
            Edit::MoveLever(c, l, d) => lists::move_lever(p, *c, *l, *d),
            Edit::AddScenario => Ok(lists::add_scenario(p)),
            Edit::DuplicateScenario(i) => lists::duplicate_scenario(p, *i),
            Edit::DeleteScenario(i) => lists::delete_scenario(p, *i),
            Edit::MoveScenario(i, d) => lists::move_scenario(p, *i, *d),
            Edit::AddPartialExit(c) => partial_exits::add(p, *c),
            Edit::DeletePartialExit(c, k) => partial_exits::delete(p, *c, *k),
            Edit::SetPartialExitDate { company, index, date } => {
                partial_exits::set_date(p, *company, *index, *date)
            }
            Edit::SetPartialExitShare {
                company,
                index,
                share,
            } => partial_exits::set_share(p, *company, *index, *share),
            Edit::AddComparablePath(sector) => comparables::add_path(p, *sector),
            Edit::DeleteComparablePath(j) => comparables::delete_path(p, *j),
            Edit::SetComparableSector { comparable, sector } => {
                comparables::set_sector(p, *comparable, *sector)
            }
            Edit::AddComparablePoint(j) => comparables::add_point(p, *j),
            Edit::DeleteComparablePoint(j, k) => comparables::delete_point(p, *j, *k),
            Edit::SetComparablePointDate {
                comparable,
                index,
                date,
            } => comparables::set_point_date(p, *comparable, *index, *date),
            Edit::SetComparablePointMultiple {
                comparable,
                index,
                multiple,
            } => comparables::set_point_multiple(p, *comparable, *index, *multiple),
            Edit::AddFeeStep => Ok(fee_steps::add(p)),
            Edit::DeleteFeeStep(k) => fee_steps::delete(p, *k),
            Edit::SetFeeStepFrom { index, from } => fee_steps::set_from(p, *index, *from),
            Edit::SetFeeStepRate { index, rate } => fee_steps::set_rate(p, *index, *rate),
            Edit::SetFeeStepBasis { index, basis } => fee_steps::set_basis(p, *index, *basis),
            Edit::Investors(edit) => edit.apply(p),
            Edit::CarryTiers(edit) => edit.apply(p),
            Edit::BaseRateCurve(edit) => edit.apply(p),
            Edit::StageGate(edit) => edit.apply(p),
            Edit::Programme(edit) => edit.apply(p),
            Edit::SetField(field) => cascade::set_field(p, field),
        }
    }
}

#[cfg(test)]
mod tests;
