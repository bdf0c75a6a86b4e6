//! Each edit's effect on a small hand-built portfolio.

use chrono::NaiveDate;
use rust_decimal::dec;
use serde_json::json;

use super::*;
use crate::engine::defaults::{self, blank_portfolio, template_company};
use crate::engine::fields::{FieldPath, FieldValue, Owner};
use crate::engine::model::{CompanyOverride, Scenario, Stage};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Two stages; Alpha and Beta in stage I, Gamma in stage II; one scenario overriding
/// Gamma's stage and exit multiple, and Alpha's exit multiple.
fn small() -> Portfolio {
    let mut p = blank_portfolio(day(2026, 3, 31));
    p.stages.push(Stage {
        name: "Stage II".into(),
        start_date: day(2028, 3, 31),
        budget: dec!(100_000_000),
        reserve: dec!(0),
        gate: None,
    });
    for (name, stage) in [("Alpha", "Stage I"), ("Beta", "Stage I"), ("Gamma", "Stage II")] {
        let mut c = template_company(stage, day(2026, 3, 31), day(2036, 3, 31));
        c.name = name.into();
        p.companies.push(c);
    }
    let fields = |v: serde_json::Value| v.as_object().cloned().unwrap_or_default();
    p.scenarios.push(Scenario {
        name: "Downside".into(),
        company_overrides: vec![
            CompanyOverride {
                company: "Gamma".into(),
                fields: fields(json!({"stage": "Stage II", "exit_multiple": "8"})),
            },
            CompanyOverride {
                company: "Alpha".into(),
                fields: fields(json!({"exit_multiple": "7"})),
            },
        ],
        ..Default::default()
    });
    p
}

fn apply(p: &mut Portfolio, edit: Edit) -> EditOutcome {
    edit.apply(p).unwrap_or_else(|e| panic!("{edit:?}: {e}"))
}

fn names(p: &Portfolio) -> Vec<&str> {
    p.companies.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn stages_add_duplicate_move_delete() {
    let mut p = small();
    let out = apply(&mut p, Edit::AddStage);
    assert_eq!(out.select, Some(Item::Stage(2)));
    assert_eq!(p.stages[2].name, "New stage");
    assert_eq!(
        p.stages[2].start_date,
        day(2028, 3, 31),
        "starts with the last stage"
    );
    assert_eq!(apply(&mut p, Edit::AddStage).select, Some(Item::Stage(3)));
    assert_eq!(p.stages[3].name, "New stage (2)");

    assert_eq!(
        apply(&mut p, Edit::DuplicateStage(0)).select,
        Some(Item::Stage(1))
    );
    assert_eq!(p.stages[1].name, "Stage I (2)");
    assert_eq!(p.stages[1].budget, p.stages[0].budget);

    assert_eq!(
        apply(&mut p, Edit::MoveStage(1, Direction::Up)).select,
        Some(Item::Stage(0))
    );
    assert_eq!(p.stages[0].name, "Stage I (2)");
    let top = apply(&mut p, Edit::MoveStage(0, Direction::Up));
    assert_eq!((top.select, top.changed), (Some(Item::Stage(0)), false));

    apply(&mut p, Edit::DeleteStage(0));
    assert_eq!(p.stages.len(), 4);
    assert_eq!(p.stages[0].name, "Stage I");
}

#[test]
fn renaming_a_stage_moves_its_companies_and_overrides() {
    let mut p = small();
    apply(
        &mut p,
        Edit::RenameStage {
            index: 1,
            name: "Wave 2".into(),
        },
    );
    assert_eq!(p.stages[1].name, "Wave 2");
    let stages: Vec<&str> = p.companies.iter().map(|c| c.stage.as_str()).collect();
    assert_eq!(stages, ["Stage I", "Stage I", "Wave 2"]);
    assert_eq!(
        p.scenarios[0].company_overrides[0].fields.get("stage"),
        Some(&json!("Wave 2"))
    );
    // The other override had no stage and gets none.
    assert!(!p.scenarios[0].company_overrides[1].fields.contains_key("stage"));
}

#[test]
fn a_stage_cannot_take_another_stages_name() {
    let mut p = small();
    let before = p.clone();
    let refused = Edit::RenameStage {
        index: 1,
        name: "Stage I".into(),
    }
    .apply(&mut p);
    assert_eq!(refused, Err(EditError::StageNameTaken("Stage I".into())));
    assert_eq!(p, before, "nothing merged");
}

#[test]
fn companies_add_from_the_template_duplicate_move_delete() {
    let mut p = small();
    let out = apply(
        &mut p,
        Edit::AddCompany {
            stage: Some("Stage II".into()),
        },
    );
    assert_eq!(out.select, Some(Item::Company(3)));
    let added = &p.companies[3];
    assert_eq!(
        (added.name.as_str(), added.stage.as_str()),
        ("New company", "Stage II")
    );
    assert_eq!(
        added.acquisition_date,
        day(2028, 3, 31),
        "bought when its stage starts"
    );
    assert_eq!(
        added.entry_revenue,
        dec!(250_000_000),
        "the template, not a copy of Gamma"
    );
    assert!(added.levers.is_empty());

    assert_eq!(
        apply(&mut p, Edit::DuplicateCompany(0)).select,
        Some(Item::Company(1))
    );
    assert_eq!(names(&p), ["Alpha", "Alpha (2)", "Beta", "Gamma", "New company"]);
    apply(&mut p, Edit::MoveCompany(1, Direction::Down));
    assert_eq!(names(&p), ["Alpha", "Beta", "Alpha (2)", "Gamma", "New company"]);
    apply(&mut p, Edit::DeleteCompany(2));
    assert_eq!(names(&p), ["Alpha", "Beta", "Gamma", "New company"]);
    assert_eq!(
        Edit::AddCompany {
            stage: Some("Stage IX".into())
        }
        .apply(&mut p),
        Err(EditError::NoStageNamed("Stage IX".into()))
    );
}

#[test]
fn renaming_and_deleting_a_company_carries_to_the_overrides() {
    let mut p = small();
    apply(
        &mut p,
        Edit::RenameCompany {
            index: 2,
            name: "Gamma Holdings".into(),
        },
    );
    assert_eq!(p.scenarios[0].company_overrides[0].company, "Gamma Holdings");
    assert_eq!(
        Edit::RenameCompany {
            index: 2,
            name: "Beta".into()
        }
        .apply(&mut p),
        Err(EditError::CompanyNameTaken("Beta".into()))
    );
    apply(&mut p, Edit::DeleteCompany(0));
    let named: Vec<&str> = p.scenarios[0]
        .company_overrides
        .iter()
        .map(|o| o.company.as_str())
        .collect();
    assert_eq!(named, ["Gamma Holdings"], "Alpha's override went with Alpha");
    // Every scenario still applies.
    assert!(crate::engine::scenario::apply_named(&p, "Downside").is_ok());
}

#[test]
fn levers_add_duplicate_move_delete() {
    let mut p = small();
    assert_eq!(apply(&mut p, Edit::AddLever(1)).select, Some(Item::Lever(1, 0)));
    assert_eq!(p.companies[1].levers[0], defaults::template_lever());
    p.companies[1].levers[0].name = "First".into();
    assert_eq!(
        apply(&mut p, Edit::DuplicateLever(1, 0)).select,
        Some(Item::Lever(1, 1))
    );
    p.companies[1].levers[1].name = "Second".into();
    assert_eq!(
        apply(&mut p, Edit::MoveLever(1, 1, Direction::Up)).select,
        Some(Item::Lever(1, 0))
    );
    assert_eq!(p.companies[1].levers[0].name, "Second");
    assert_eq!(
        apply(&mut p, Edit::DeleteLever(1, 0)).select,
        Some(Item::Company(1))
    );
    let left: Vec<&str> = p.companies[1].levers.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(left, ["First"]);
}

#[test]
fn scenarios_add_duplicate_move_delete() {
    let mut p = small();
    assert_eq!(apply(&mut p, Edit::AddScenario).select, Some(Item::Scenario(1)));
    assert_eq!(
        apply(&mut p, Edit::DuplicateScenario(0)).select,
        Some(Item::Scenario(1))
    );
    let names = |p: &Portfolio| p.scenarios.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&p), ["Downside", "Downside (2)", "New scenario"]);
    assert_eq!(p.scenarios[1].company_overrides, p.scenarios[0].company_overrides);
    apply(&mut p, Edit::MoveScenario(2, Direction::Up));
    assert_eq!(names(&p), ["Downside", "New scenario", "Downside (2)"]);
    apply(&mut p, Edit::DeleteScenario(0));
    assert_eq!(names(&p), ["New scenario", "Downside (2)"]);
}

#[test]
fn out_of_range_indices_are_typed_errors_and_change_nothing() {
    let mut p = small();
    let before = p.clone();
    let cases = [
        (Edit::DeleteStage(2), EditError::NoStage { index: 2, count: 2 }),
        (
            Edit::MoveStage(9, Direction::Up),
            EditError::NoStage { index: 9, count: 2 },
        ),
        (
            Edit::DeleteCompany(3),
            EditError::NoCompany { index: 3, count: 3 },
        ),
        (Edit::AddLever(3), EditError::NoCompany { index: 3, count: 3 }),
        (
            Edit::DeleteLever(0, 0),
            EditError::NoLever {
                company: 0,
                lever: 0,
                count: 0,
            },
        ),
        (
            Edit::MoveLever(0, 4, Direction::Down),
            EditError::NoLever {
                company: 0,
                lever: 4,
                count: 0,
            },
        ),
        (
            Edit::DuplicateScenario(1),
            EditError::NoScenario { index: 1, count: 1 },
        ),
        (
            Edit::DeleteScenario(5),
            EditError::NoScenario { index: 5, count: 1 },
        ),
    ];
    for (edit, expected) in cases {
        assert_eq!(edit.apply(&mut p), Err(expected), "{edit:?}");
    }
    assert_eq!(p, before);
    assert_eq!(
        EditError::NoCompany { index: 3, count: 3 }.to_string(),
        "there is no company number 4 (the model has 3)"
    );
}

#[test]
fn a_field_edit_sets_the_field_and_a_name_edit_cascades() -> Result<(), String> {
    let mut p = small();
    let path = FieldPath::field(Owner::Company(1), "exit_multiple").ok_or("no exit_multiple row")?;
    apply(
        &mut p,
        Edit::SetField(FieldEdit::new(path, FieldValue::Decimal(dec!(11.5)))),
    );
    assert_eq!(p.companies[1].exit_multiple, dec!(11.5));

    let name = FieldPath::field(Owner::Stage(0), "name").ok_or("no stage name row")?;
    apply(
        &mut p,
        Edit::SetField(FieldEdit::new(name, FieldValue::Text("Wave 1".into()))),
    );
    assert_eq!(p.companies[0].stage, "Wave 1");
    assert_eq!(p.companies[1].stage, "Wave 1");
    Ok(())
}

#[test]
fn unique_names_count_up() {
    let existing = ["A", "A (2)", "B"];
    assert_eq!(unique_name("A", existing.iter().copied()), "A (3)");
    assert_eq!(unique_name("C", existing.iter().copied()), "C");
}

mod valuation_lists;
