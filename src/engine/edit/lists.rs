//! Structural edits of the model's four lists (stages, companies, levers, scenarios):
//! add, duplicate, delete, move, and the look-ups that turn a bad index into an
//! [`EditError`].

use super::{Direction, EditError, EditOutcome, Item};
use crate::engine::defaults::{self, NEW_SCENARIO_NAME, NEW_STAGE_NAME};
use crate::engine::model::{Company, Lever, Portfolio, Scenario, Stage};

pub(super) fn add_stage(p: &mut Portfolio) -> EditOutcome {
    let start = p.stages.last().map_or(p.fund.first_close, |s| s.start_date);
    p.stages.push(Stage {
        name: unique_name(NEW_STAGE_NAME, p.stages.iter().map(|s| s.name.as_str())),
        start_date: start,
        budget: Default::default(),
        reserve: Default::default(),
        gate: None,
    });
    EditOutcome::select(Item::Stage(p.stages.len() - 1))
}

pub(super) fn duplicate_stage(p: &mut Portfolio, i: usize) -> Result<EditOutcome, EditError> {
    let stage = stage_at(p, i)?.clone();
    let name = unique_name(&stage.name, p.stages.iter().map(|s| s.name.as_str()));
    p.stages.insert(i + 1, Stage { name, ..stage });
    Ok(EditOutcome::select(Item::Stage(i + 1)))
}

/// Deletes a stage; its companies keep their stage name (and validation flags them).
pub(super) fn delete_stage(p: &mut Portfolio, i: usize) -> Result<EditOutcome, EditError> {
    stage_at(p, i)?;
    p.stages.remove(i);
    Ok(EditOutcome::keep())
}

pub(super) fn move_stage(p: &mut Portfolio, i: usize, d: Direction) -> Result<EditOutcome, EditError> {
    stage_at(p, i)?;
    Ok(moved(&mut p.stages, i, d, Item::Stage))
}

/// The template company in `stage` (the first stage when `None`), named uniquely.
pub(super) fn add_company(p: &mut Portfolio, stage: Option<&str>) -> Result<EditOutcome, EditError> {
    if let Some(name) = stage
        && p.stage(name).is_none()
    {
        return Err(EditError::NoStageNamed(name.to_string()));
    }
    let mut company = defaults::template_company_in(p, stage);
    company.name = unique_name(&company.name, p.companies.iter().map(|c| c.name.as_str()));
    p.companies.push(company);
    Ok(EditOutcome::select(Item::Company(p.companies.len() - 1)))
}

pub(super) fn duplicate_company(p: &mut Portfolio, i: usize) -> Result<EditOutcome, EditError> {
    let mut company = company_at(p, i)?.clone();
    company.name = unique_name(&company.name, p.companies.iter().map(|c| c.name.as_str()));
    p.companies.insert(i + 1, company);
    Ok(EditOutcome::select(Item::Company(i + 1)))
}

pub(super) fn move_company(p: &mut Portfolio, i: usize, d: Direction) -> Result<EditOutcome, EditError> {
    company_at(p, i)?;
    Ok(moved(&mut p.companies, i, d, Item::Company))
}

pub(super) fn add_lever(p: &mut Portfolio, c: usize) -> Result<EditOutcome, EditError> {
    let levers = &mut company_mut(p, c)?.levers;
    levers.push(defaults::template_lever());
    Ok(EditOutcome::select(Item::Lever(c, levers.len() - 1)))
}

pub(super) fn duplicate_lever(p: &mut Portfolio, c: usize, l: usize) -> Result<EditOutcome, EditError> {
    let lever = lever_at(p, c, l)?.clone();
    company_mut(p, c)?.levers.insert(l + 1, lever);
    Ok(EditOutcome::select(Item::Lever(c, l + 1)))
}

pub(super) fn delete_lever(p: &mut Portfolio, c: usize, l: usize) -> Result<EditOutcome, EditError> {
    lever_at(p, c, l)?;
    company_mut(p, c)?.levers.remove(l);
    Ok(EditOutcome::select(Item::Company(c)))
}

pub(super) fn move_lever(
    p: &mut Portfolio,
    c: usize,
    l: usize,
    d: Direction,
) -> Result<EditOutcome, EditError> {
    lever_at(p, c, l)?;
    let levers = &mut company_mut(p, c)?.levers;
    Ok(moved(levers, l, d, |j| Item::Lever(c, j)))
}

pub(super) fn add_scenario(p: &mut Portfolio) -> EditOutcome {
    p.scenarios.push(Scenario {
        name: unique_name(NEW_SCENARIO_NAME, p.scenarios.iter().map(|s| s.name.as_str())),
        ..Default::default()
    });
    EditOutcome::select(Item::Scenario(p.scenarios.len() - 1))
}

pub(super) fn duplicate_scenario(p: &mut Portfolio, i: usize) -> Result<EditOutcome, EditError> {
    let mut scenario = scenario_at(p, i)?.clone();
    scenario.name = unique_name(&scenario.name, p.scenarios.iter().map(|s| s.name.as_str()));
    p.scenarios.insert(i + 1, scenario);
    Ok(EditOutcome::select(Item::Scenario(i + 1)))
}

pub(super) fn delete_scenario(p: &mut Portfolio, i: usize) -> Result<EditOutcome, EditError> {
    scenario_at(p, i)?;
    p.scenarios.remove(i);
    Ok(EditOutcome::keep())
}

pub(super) fn move_scenario(p: &mut Portfolio, i: usize, d: Direction) -> Result<EditOutcome, EditError> {
    scenario_at(p, i)?;
    Ok(moved(&mut p.scenarios, i, d, Item::Scenario))
}

pub(super) fn stage_at(p: &Portfolio, index: usize) -> Result<&Stage, EditError> {
    p.stages.get(index).ok_or(EditError::NoStage {
        index,
        count: p.stages.len(),
    })
}

pub(super) fn company_at(p: &Portfolio, index: usize) -> Result<&Company, EditError> {
    p.companies.get(index).ok_or(EditError::NoCompany {
        index,
        count: p.companies.len(),
    })
}

pub(super) fn company_mut(p: &mut Portfolio, index: usize) -> Result<&mut Company, EditError> {
    let count = p.companies.len();
    p.companies
        .get_mut(index)
        .ok_or(EditError::NoCompany { index, count })
}

fn lever_at(p: &Portfolio, company: usize, lever: usize) -> Result<&Lever, EditError> {
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
