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
    Up,
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
    DuplicateStage(usize),
    /// Deletes a stage; its companies keep their stage name (and are flagged).
    DeleteStage(usize),
    MoveStage(usize, Direction),
    /// Renames a stage and everything that refers to it by name.
    RenameStage {
        index: usize,
        name: String,
    },
    /// The template company in `stage` (by name; the first stage when `None`).
    AddCompany {
        stage: Option<String>,
    },
    DuplicateCompany(usize),
    DeleteCompany(usize),
    MoveCompany(usize, Direction),
    /// Renames a company and the scenario overrides of it.
    RenameCompany {
        index: usize,
        name: String,
    },
    /// The template lever in company `0`.
    AddLever(usize),
    /// `(company, lever)`.
    DuplicateLever(usize, usize),
    DeleteLever(usize, usize),
    MoveLever(usize, usize, Direction),
    AddScenario,
    DuplicateScenario(usize),
    DeleteScenario(usize),
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
    #[error("there is no stage number {} (the model has {count})", .index + 1)]
    NoStage { index: usize, count: usize },
    #[error("there is no company number {} (the model has {count})", .index + 1)]
    NoCompany { index: usize, count: usize },
    #[error("company number {} has no lever number {} (it has {count})", .company + 1, .lever + 1)]
    NoLever {
        company: usize,
        lever: usize,
        count: usize,
    },
    #[error("there is no scenario number {} (the model has {count})", .index + 1)]
    NoScenario { index: usize, count: usize },
    #[error("there is no stage named '{0}'")]
    NoStageNamed(String),
    #[error("another stage is already named '{0}': stage names must differ")]
    StageNameTaken(String),
    #[error("another company is already named '{0}': company names must differ")]
    CompanyNameTaken(String),
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
