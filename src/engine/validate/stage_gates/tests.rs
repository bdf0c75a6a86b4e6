//! Bad stage gates, each named by its field.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::dec;

use crate::engine::defaults::{blank_portfolio, template_company};
use crate::engine::model::{Portfolio, Stage, StageCondition, StageGate};
use crate::engine::validate::{Problem, Rule, Severity, validate};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date"))
}

/// Stage I buys A at the first close; Stage II (from 30 June 2028) is gated on
/// 31 March 2028 and buys B, conditional, on 30 June 2028; Stage III follows.
fn staged() -> Portfolio {
    let mut p = blank_portfolio(day(2026, 3, 31));
    p.stages[0].budget = dec!(300_000_000);
    let stage = |name: &str, start| Stage {
        name: name.into(),
        start_date: start,
        budget: dec!(300_000_000),
        reserve: Decimal::ZERO,
        gate: None,
    };
    p.stages.push(Stage {
        gate: Some(StageGate {
            date: day(2028, 3, 31),
            condition: StageCondition::AiUpliftShare {
                min_share: dec!(0.75),
            },
            stages: vec!["Stage I".into()],
            budget_share_on_failure: dec!(0.5),
        }),
        ..stage("Stage II", day(2028, 6, 30))
    });
    p.stages.push(stage("Stage III", day(2029, 6, 30)));
    let a = template_company("Stage I", day(2026, 3, 31), day(2036, 3, 31));
    let mut b = template_company("Stage II", day(2028, 6, 30), day(2036, 3, 31));
    b.name = "B".into();
    b.conditional = true;
    p.companies = vec![a, b];
    p
}

fn gate(p: &mut Portfolio) -> &mut StageGate {
    p.stages[1].gate.as_mut().unwrap_or_else(|| panic!("no gate"))
}

/// The problems whose path is written `path` (compared as text: the gate's keys are not
/// rows of the field registry, so `path` does not parse into a `FieldPath`).
#[expect(clippy::cmp_owned, reason = "the text is what is compared (see above)")]
fn problems_at(p: &Portfolio, path: &str) -> Vec<Problem> {
    validate(p)
        .into_iter()
        .filter(|x| x.path.to_string() == path)
        .collect()
}

#[test]
fn a_well_formed_gate_has_no_problem() {
    let problems = validate(&staged());
    assert!(
        problems.iter().all(|x| !x.path.to_string().contains("gate")),
        "{problems:#?}"
    );
}

#[test]
fn a_gate_reading_a_later_stage_or_an_unknown_one_is_refused() {
    let mut p = staged();
    gate(&mut p).stages = vec!["Stage III".into()];
    let found = problems_at(&p, "stages[1].gate.stages");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, Rule::Inconsistent);
    assert!(
        found[0].message.contains("'Stage III', a later stage"),
        "{}",
        found[0].message
    );
    gate(&mut p).stages = vec!["Stage II".into(), "Stage IX".into()];
    let found = problems_at(&p, "stages[1].gate.stages");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].message.contains("itself"));
    assert_eq!(found[1].rule, Rule::UnknownReference);
}

#[test]
fn shares_outside_zero_to_one_name_their_field() {
    let mut p = staged();
    gate(&mut p).budget_share_on_failure = dec!(1.2);
    gate(&mut p).condition = StageCondition::AiUpliftShare {
        min_share: dec!(-0.1),
    };
    let budget = problems_at(&p, "stages[1].gate.budget_share_on_failure");
    assert_eq!(budget.len(), 1);
    assert!(budget[0].message.contains("120%"), "{}", budget[0].message);
    let share = problems_at(&p, "stages[1].gate.condition.min_share");
    assert_eq!(share.len(), 1);
    assert_eq!(share[0].severity, Severity::Error);
}

#[test]
fn gate_dates_must_decide_before_the_conditional_companies_and_after_something_is_bought() {
    let mut p = staged();
    // After the stage's start and in the conditional company's quarter: the company is
    // named, the gate's date itself is fine.
    gate(&mut p).date = day(2028, 6, 30);
    assert!(problems_at(&p, "stages[1].gate.date").is_empty());
    let found = problems_at(&p, "companies[1].acquisition_date");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, Rule::DateOrder);
    // A mid-stage gate, after the stage starts and before its conditional company: fine.
    let mut p = staged();
    p.companies[1].acquisition_date = day(2028, 12, 31);
    gate(&mut p).date = day(2028, 9, 30);
    assert!(
        validate(&p).iter().all(|x| x.severity != Severity::Error),
        "{:#?}",
        validate(&p)
    );
    // Before Stage I has bought anything: nothing to measure.
    let mut p = staged();
    p.companies[0].acquisition_date = day(2028, 6, 30);
    let found = problems_at(&p, "stages[1].gate.date");
    assert!(
        found.iter().any(|x| x.message.contains("nothing to measure")),
        "{found:#?}"
    );
}

#[test]
fn the_first_stage_cannot_be_gated_and_a_conditional_company_needs_a_gate() {
    let mut p = staged();
    p.stages[0].gate = p.stages[1].gate.take();
    assert_eq!(problems_at(&p, "stages[0].gate").len(), 1);
    let warned = problems_at(&p, "companies[1].conditional");
    assert_eq!(warned.len(), 1);
    assert_eq!(warned[0].severity, Severity::Warning);
}

#[test]
fn gate_loadings_above_one_together_are_refused() {
    let mut p = staged();
    p.uncertainty = Some(crate::engine::model::Uncertainty {
        ai_execution_loading: dec!(0.6),
        lever_kind_loading: dec!(0.3),
        sector_loading: dec!(0.2),
        ..crate::engine::montecarlo::default_uncertainty()
    });
    let found = problems_at(&p, "uncertainty.ai_execution_loading");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("110%"), "{}", found[0].message);
}
