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

use serde_json::Value;

use super::defaults::{self, NEW_SCENARIO_NAME, NEW_STAGE_NAME};
use super::fields::{FieldEdit, FieldError, FieldPath, FieldValue, Owner};
use super::model::{Portfolio, Scenario, Stage};

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
            Edit::AddStage => {
                let start = p.stages.last().map_or(p.fund.first_close, |s| s.start_date);
                p.stages.push(Stage {
                    name: unique_name(NEW_STAGE_NAME, p.stages.iter().map(|s| s.name.as_str())),
                    start_date: start,
                    budget: Default::default(),
                    reserve: Default::default(),
                });
                Ok(EditOutcome::select(Item::Stage(p.stages.len() - 1)))
            }
            Edit::DuplicateStage(i) => {
                let stage = stage_at(p, *i)?.clone();
                let name = unique_name(&stage.name, p.stages.iter().map(|s| s.name.as_str()));
                p.stages.insert(i + 1, Stage { name, ..stage });
                Ok(EditOutcome::select(Item::Stage(i + 1)))
            }
            Edit::DeleteStage(i) => {
                stage_at(p, *i)?;
                p.stages.remove(*i);
                Ok(EditOutcome::keep())
            }
            Edit::MoveStage(i, d) => {
                stage_at(p, *i)?;
                Ok(moved(&mut p.stages, *i, *d, Item::Stage))
            }
            Edit::RenameStage { index, name } => rename_stage(p, *index, name),
            Edit::AddCompany { stage } => {
                if let Some(name) = stage
                    && p.stage(name).is_none()
                {
                    return Err(EditError::NoStageNamed(name.clone()));
                }
                let mut company = defaults::template_company_in(p, stage.as_deref());
                company.name = unique_name(&company.name, p.companies.iter().map(|c| c.name.as_str()));
                p.companies.push(company);
                Ok(EditOutcome::select(Item::Company(p.companies.len() - 1)))
            }
            Edit::DuplicateCompany(i) => {
                let mut company = company_at(p, *i)?.clone();
                company.name = unique_name(&company.name, p.companies.iter().map(|c| c.name.as_str()));
                p.companies.insert(i + 1, company);
                Ok(EditOutcome::select(Item::Company(i + 1)))
            }
            Edit::DeleteCompany(i) => delete_company(p, *i),
            Edit::MoveCompany(i, d) => {
                company_at(p, *i)?;
                Ok(moved(&mut p.companies, *i, *d, Item::Company))
            }
            Edit::RenameCompany { index, name } => rename_company(p, *index, name),
            Edit::AddLever(c) => {
                let levers = &mut company_mut(p, *c)?.levers;
                levers.push(defaults::template_lever());
                Ok(EditOutcome::select(Item::Lever(*c, levers.len() - 1)))
            }
            Edit::DuplicateLever(c, l) => {
                let lever = lever_at(p, *c, *l)?.clone();
                company_mut(p, *c)?.levers.insert(l + 1, lever);
                Ok(EditOutcome::select(Item::Lever(*c, l + 1)))
            }
            Edit::DeleteLever(c, l) => {
                lever_at(p, *c, *l)?;
                company_mut(p, *c)?.levers.remove(*l);
                Ok(EditOutcome::select(Item::Company(*c)))
            }
            Edit::MoveLever(c, l, d) => {
                lever_at(p, *c, *l)?;
                let levers = &mut company_mut(p, *c)?.levers;
                Ok(moved(levers, *l, *d, |j| Item::Lever(*c, j)))
            }
            Edit::AddScenario => {
                p.scenarios.push(Scenario {
                    name: unique_name(NEW_SCENARIO_NAME, p.scenarios.iter().map(|s| s.name.as_str())),
                    ..Default::default()
                });
                Ok(EditOutcome::select(Item::Scenario(p.scenarios.len() - 1)))
            }
            Edit::DuplicateScenario(i) => {
                let mut scenario = scenario_at(p, *i)?.clone();
                scenario.name = unique_name(&scenario.name, p.scenarios.iter().map(|s| s.name.as_str()));
                p.scenarios.insert(i + 1, scenario);
                Ok(EditOutcome::select(Item::Scenario(i + 1)))
            }
            Edit::DeleteScenario(i) => {
                scenario_at(p, *i)?;
                p.scenarios.remove(*i);
                Ok(EditOutcome::keep())
            }
            Edit::MoveScenario(i, d) => {
                scenario_at(p, *i)?;
                Ok(moved(&mut p.scenarios, *i, *d, Item::Scenario))
            }
            Edit::SetField(field) => set_field(p, field),
        }
    }
}

/// A field edit; names of stages and companies take the rename cascade.
fn set_field(p: &mut Portfolio, field: &FieldEdit) -> Result<EditOutcome, EditError> {
    if let (FieldPath::Field { owner, key: "name" }, FieldValue::Text(name)) = (&field.path, &field.value) {
        match *owner {
            Owner::Stage(index) => return rename_stage(p, index, name).map(|_| EditOutcome::keep()),
            Owner::Company(index) => return rename_company(p, index, name).map(|_| EditOutcome::keep()),
            _ => {}
        }
    }
    field.apply(p)?;
    Ok(EditOutcome::keep())
}

fn rename_stage(p: &mut Portfolio, index: usize, name: &str) -> Result<EditOutcome, EditError> {
    let old = stage_at(p, index)?.name.clone();
    if old == name {
        return Ok(EditOutcome {
            select: Some(Item::Stage(index)),
            changed: false,
        });
    }
    if p.stages
        .iter()
        .enumerate()
        .any(|(i, s)| i != index && s.name == name)
    {
        return Err(EditError::StageNameTaken(name.to_string()));
    }
    for company in p.companies.iter_mut().filter(|c| c.stage == old) {
        company.stage = name.to_string();
    }
    for fields in p
        .scenarios
        .iter_mut()
        .flat_map(|s| s.company_overrides.iter_mut())
        .map(|o| &mut o.fields)
    {
        if let Some(stage) = fields.get_mut("stage")
            && stage.as_str() == Some(old.as_str())
        {
            *stage = Value::String(name.to_string());
        }
    }
    if let Some(stage) = p.stages.get_mut(index) {
        stage.name = name.to_string();
    }
    Ok(EditOutcome::select(Item::Stage(index)))
}

fn rename_company(p: &mut Portfolio, index: usize, name: &str) -> Result<EditOutcome, EditError> {
    let old = company_at(p, index)?.name.clone();
    if old == name {
        return Ok(EditOutcome {
            select: Some(Item::Company(index)),
            changed: false,
        });
    }
    if p.companies
        .iter()
        .enumerate()
        .any(|(i, c)| i != index && c.name == name)
    {
        return Err(EditError::CompanyNameTaken(name.to_string()));
    }
    for o in p
        .scenarios
        .iter_mut()
        .flat_map(|s| s.company_overrides.iter_mut())
        .filter(|o| o.company == old)
    {
        o.company = name.to_string();
    }
    if let Some(company) = p.companies.get_mut(index) {
        company.name = name.to_string();
    }
    Ok(EditOutcome::select(Item::Company(index)))
}

fn delete_company(p: &mut Portfolio, index: usize) -> Result<EditOutcome, EditError> {
    let name = company_at(p, index)?.name.clone();
    p.companies.remove(index);
    if !p.companies.iter().any(|c| c.name == name) {
        for scenario in &mut p.scenarios {
            scenario.company_overrides.retain(|o| o.company != name);
        }
    }
    Ok(EditOutcome::keep())
}

fn stage_at(p: &Portfolio, index: usize) -> Result<&Stage, EditError> {
    p.stages.get(index).ok_or(EditError::NoStage {
        index,
        count: p.stages.len(),
    })
}

fn company_at(p: &Portfolio, index: usize) -> Result<&super::model::Company, EditError> {
    p.companies.get(index).ok_or(EditError::NoCompany {
        index,
        count: p.companies.len(),
    })
}

fn company_mut(p: &mut Portfolio, index: usize) -> Result<&mut super::model::Company, EditError> {
    let count = p.companies.len();
    p.companies
        .get_mut(index)
        .ok_or(EditError::NoCompany { index, count })
}

fn lever_at(p: &Portfolio, company: usize, lever: usize) -> Result<&super::model::Lever, EditError> {
    let levers = &company_at(p, company)?.levers;
    levers.get(lever).ok_or(EditError::NoLever {
        company,
        lever,
        count: levers.len(),
    })
}

fn scenario_at(p: &Portfolio, index: usize) -> Result<&Scenario, EditError> {
    p.scenarios.get(index).ok_or(EditError::NoScenario {
        index,
        count: p.scenarios.len(),
    })
}

/// Swaps `items[index]` with its neighbour in `direction` (nothing at either end) and
/// selects where it went. `index` must be in range.
fn moved<T>(
    items: &mut [T],
    index: usize,
    direction: Direction,
    item: impl Fn(usize) -> Item,
) -> EditOutcome {
    let target = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => (index + 1 < items.len()).then_some(index + 1),
    };
    match target {
        Some(t) if index < items.len() => {
            items.swap(index, t);
            EditOutcome::select(item(t))
        }
        _ => EditOutcome {
            select: Some(item(index)),
            changed: false,
        },
    }
}

/// `base`, or `base (2)`, `base (3)`… — the first that is not among `existing`.
pub fn unique_name<'a>(base: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    if !existing.clone().any(|n| n == base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base} ({i})"))
        .find(|candidate| !existing.clone().any(|n| n == candidate))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests;
