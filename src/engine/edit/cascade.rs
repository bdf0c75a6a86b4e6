//! Edits that carry to what refers to an item by name: renaming a stage or company,
//! deleting a company, and field edits of those names.

use serde_json::Value;

use super::lists::{company_at, stage_at};
use super::{EditError, EditOutcome, Item};
use crate::engine::fields::{FieldEdit, FieldPath, FieldValue, Owner};
use crate::engine::model::Portfolio;

/// A field edit; names of stages and companies take the rename cascade.
pub(super) fn set_field(p: &mut Portfolio, field: &FieldEdit) -> Result<EditOutcome, EditError> {
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

pub(super) fn rename_stage(p: &mut Portfolio, index: usize, name: &str) -> Result<EditOutcome, EditError> {
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
    super::stage_gate::rename_in_gates(p, &old, name);
    if let Some(stage) = p.stages.get_mut(index) {
        stage.name = name.to_string();
    }
    Ok(EditOutcome::select(Item::Stage(index)))
}

pub(super) fn rename_company(p: &mut Portfolio, index: usize, name: &str) -> Result<EditOutcome, EditError> {
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

pub(super) fn delete_company(p: &mut Portfolio, index: usize) -> Result<EditOutcome, EditError> {
    let name = company_at(p, index)?.name.clone();
    p.companies.remove(index);
    if !p.companies.iter().any(|c| c.name == name) {
        for scenario in &mut p.scenarios {
            scenario.company_overrides.retain(|o| o.company != name);
        }
    }
    Ok(EditOutcome::keep())
}
