//! Model edits as data: add, duplicate, move, delete and rename the model's stages,
//! companies, levers and scenarios, and set one field ([`FieldEdit`]). An [`Edit`] is
//! applied to a [`Portfolio`] with [`Edit::apply`], which either changes the portfolio and
//! says what to select next, or refuses with an [`EditError`] and leaves it untouched.
//! The app's buttons, menus and undo history speak only this type; tests drive it with
//! no GUI.
//!
//! Cascades: renaming a stage moves its companies (and any scenario override that puts a
//! company in it) to the new name; renaming a company renames the scenario overrides of
//! it; deleting a company drops the overrides that named it.

mod cascade;
mod lists;

pub use lists::unique_name;

use super::fields::{FieldEdit, FieldError};
use super::model::Portfolio;

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

/// Why an edit was refused. The portfolio is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit names a stage position past the end of the list.
    #[error("there is no stage number {} (the model has {count})", .index + 1)]
    NoStage {
        /// The position asked for (zero-based).
        index: usize,
        /// How many stages there are.
        count: usize,
    },
    /// The edit names a company position past the end of the list.
    #[error("there is no company number {} (the model has {count})", .index + 1)]
    NoCompany {
        /// The position asked for (zero-based).
        index: usize,
        /// How many companies there are.
        count: usize,
    },
    /// The company exists but has no lever at that position.
    #[error("company number {} has no lever number {} (it has {count})", .company + 1, .lever + 1)]
    NoLever {
        /// The company's position (zero-based).
        company: usize,
        /// The lever position asked for (zero-based).
        lever: usize,
        /// How many levers the company has.
        count: usize,
    },
    /// The edit names a scenario position past the end of the list.
    #[error("there is no scenario number {} (the model has {count})", .index + 1)]
    NoScenario {
        /// The position asked for (zero-based).
        index: usize,
        /// How many scenarios there are.
        count: usize,
    },
    /// A company was to be added to a stage that does not exist.
    #[error("there is no stage named '{0}'")]
    NoStageNamed(String),
    /// A rename would give two stages the same name.
    #[error("another stage is already named '{0}': stage names must differ")]
    StageNameTaken(String),
    /// A rename would give two companies the same name.
    #[error("another company is already named '{0}': company names must differ")]
    CompanyNameTaken(String),
    /// A field edit was refused (not a settable field, nothing at the path, a value of the
    /// wrong kind, an unknown stage).
    #[error(transparent)]
    Field(#[from] FieldError),
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
            Edit::SetField(field) => cascade::set_field(p, field),
        }
    }
}

#[cfg(test)]
mod tests;
