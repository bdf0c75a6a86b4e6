//! The gate, conditional and copula rows: switching a gate on writes [`new_gate`], each
//! row writes its part of the gate, and every path validation reports reads back.

use rust_decimal::dec;

use super::*;
use crate::engine::fields::{FieldEdit, FieldPath, value};
use crate::engine::model::Portfolio;

fn sample() -> Portfolio {
    crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn path(text: &str) -> FieldPath {
    text.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn set(p: &mut Portfolio, at: &str, v: FieldValue) {
    FieldEdit::new(path(at), v)
        .apply(p)
        .unwrap_or_else(|e| panic!("{at}: {e}"));
}

#[test]
fn switching_a_gate_on_measures_every_earlier_stage_on_the_stage_start() {
    let mut p = sample();
    p.stages[2].gate = None;
    assert_eq!(
        value(&p, &path("stages[2].gate")),
        Some(FieldValue::Choice(NO.into()))
    );
    assert_eq!(value(&p, &path("stages[2].gate.date")), None, "no gate, no date");
    set(&mut p, "stages[2].gate", FieldValue::Choice(YES.into()));
    let gate = p.stages[2].gate.clone().unwrap_or_else(|| panic!("no gate"));
    assert_eq!(gate.date, p.stages[2].start_date);
    assert_eq!(
        gate.condition,
        StageCondition::AiUpliftShare {
            min_share: dec!(0.75)
        }
    );
    assert!(gate.stages.is_empty());
    assert_eq!(gate.budget_share_on_failure, dec!(0.5));
    set(&mut p, "stages[2].gate", FieldValue::Choice(NO.into()));
    assert_eq!(p.stages[2].gate, None);
}

#[test]
fn each_row_writes_its_part_and_the_threshold_follows_the_condition() {
    let mut p = sample();
    p.stages[2].gate = None;
    set(
        &mut p,
        "stages[2].gate.condition.min_multiple",
        FieldValue::Decimal(dec!(1.4)),
    );
    assert_eq!(
        p.stages[2].gate.as_ref().map(|g| g.condition.clone()),
        Some(StageCondition::GrossMarkMultiple {
            min_multiple: dec!(1.4)
        })
    );
    // The other condition's threshold does not apply.
    assert_eq!(value(&p, &path("stages[2].gate.condition.min_share")), None);
    assert_eq!(
        value(&p, &path("stages[2].gate.condition.kind")),
        Some(FieldValue::Choice(GROSS_MARK.into()))
    );
    // Choosing the same kind again keeps its threshold; the other kind starts at 75 %.
    set(
        &mut p,
        "stages[2].gate.condition.kind",
        FieldValue::Choice(GROSS_MARK.into()),
    );
    assert_eq!(
        value(&p, &path("stages[2].gate.condition.min_multiple")),
        Some(FieldValue::Decimal(dec!(1.4)))
    );
    set(
        &mut p,
        "stages[2].gate.condition.kind",
        FieldValue::Choice(AI_UPLIFT.into()),
    );
    assert_eq!(
        value(&p, &path("stages[2].gate.condition.min_share")),
        Some(FieldValue::Decimal(dec!(0.75)))
    );
    set(
        &mut p,
        "stages[2].gate.stages",
        FieldValue::Text(" Stage I ,, Stage II".into()),
    );
    assert_eq!(
        p.stages[2].gate.as_ref().map(|g| g.stages.clone()),
        Some(vec!["Stage I".to_string(), "Stage II".to_string()])
    );
    assert_eq!(
        value(&p, &path("stages[2].gate.stages")),
        Some(FieldValue::Text("Stage I, Stage II".into()))
    );
    set(
        &mut p,
        "stages[2].gate.budget_share_on_failure",
        FieldValue::Decimal(dec!(0.2)),
    );
    assert_eq!(
        p.stages[2].gate.as_ref().map(|g| g.budget_share_on_failure),
        Some(dec!(0.2))
    );
}

#[test]
fn a_company_is_made_conditional_and_a_wrong_word_is_refused() {
    let mut p = sample();
    p.companies[4].conditional = false;
    set(&mut p, "companies[4].conditional", FieldValue::Choice(YES.into()));
    assert!(p.companies[4].conditional);
    let before = p.clone();
    let refused = FieldEdit::new(
        path("companies[4].conditional"),
        FieldValue::Choice("Maybe".into()),
    )
    .apply(&mut p);
    assert!(refused.is_err());
    assert_eq!(p, before);
}

#[test]
fn the_loadings_read_the_defaults_until_one_is_set() {
    let mut p = sample();
    p.uncertainty = None;
    // Defaults 25 %, 15 %, 10 % (model::DEFAULT_*_LOADING).
    assert_eq!(
        value(&p, &path("uncertainty.ai_execution_loading")),
        Some(FieldValue::Decimal(dec!(0.25)))
    );
    let refused =
        FieldEdit::new(path("uncertainty.sector_loading"), FieldValue::Text("x".into())).apply(&mut p);
    assert!(refused.is_err());
    assert_eq!(p.uncertainty, None, "a refused edit leaves the model as it was");
    set(
        &mut p,
        "uncertainty.sector_loading",
        FieldValue::Decimal(dec!(0.3)),
    );
    let u = p.uncertainty.clone().unwrap_or_else(|| panic!("no uncertainty"));
    assert_eq!(u.sector_loading, dec!(0.3));
    assert_eq!(u.lever_kind_loading, dec!(0.15));
    assert_eq!(
        u,
        Uncertainty {
            sector_loading: dec!(0.3),
            ..crate::engine::montecarlo::default_uncertainty()
        }
    );
}

#[test]
fn every_path_the_gate_checks_report_reads_back() {
    let mut p = sample();
    let first = p.stages[0].name.clone();
    let last = p.stages.len() - 1;
    let later = p.stages[last].name.clone();
    // A gate on the first stage; a gate reading a later stage with shares out of range,
    // dated before the first close; loadings adding up to more than 100 %.
    p.stages[0].gate = Some(new_gate(&p.stages[0]));
    let mut bad = new_gate(&p.stages[1]);
    bad.stages = vec![first, later];
    bad.budget_share_on_failure = dec!(1.5);
    bad.condition = StageCondition::AiUpliftShare {
        min_share: dec!(-0.1),
    };
    p.stages[1].gate = Some(bad);
    let mut other = new_gate(&p.stages[last]);
    other.date = p.fund.first_close - chrono::Days::new(1);
    other.condition = StageCondition::GrossMarkMultiple {
        min_multiple: dec!(200),
    };
    p.stages[last].gate = Some(other);
    let mut u = crate::engine::montecarlo::default_uncertainty();
    u.ai_execution_loading = dec!(0.6);
    u.sector_loading = dec!(0.6);
    p.uncertainty = Some(u);
    let problems = crate::engine::validate::validate(&p);
    let texts: Vec<String> = problems.iter().map(|x| x.path.to_string()).collect();
    for expected in [
        "stages[0].gate",
        "stages[1].gate.stages",
        "stages[1].gate.budget_share_on_failure",
        "stages[1].gate.condition.min_share",
        format!("stages[{last}].gate.condition.min_multiple").as_str(),
        format!("stages[{last}].gate.date").as_str(),
        "uncertainty.ai_execution_loading",
    ] {
        assert!(texts.iter().any(|t| t == expected), "no {expected} in {texts:?}");
    }
    for problem in problems {
        assert_eq!(problem.path.to_string().parse::<FieldPath>(), Ok(problem.path));
    }
}
