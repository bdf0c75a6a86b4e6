//! Regression tests for issue 13's bad input, run as a user would: the $100B sample with
//! one bad AI-programme term, written to a file, must fail `millwright check` with an
//! error at the field's path whose message names the company, lever, stage or kind and
//! the figure. The inputs: a gate probability outside 0–1, a gate before its pilot ends,
//! a lever on a platform that does not exist, a stage gate reading a later stage, and a
//! learning rate outside 0–1.

use millwright::engine::model::Portfolio;
use millwright::io::samples;
use rust_decimal::dec;

use crate::regression_issue_12::{assert_error, check_fails};

fn flagship() -> Portfolio {
    samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

/// The sample's first company and its first lever, with their names as the messages
/// give them.
const FIRST: &str = "Company 'Aerostruct Precision' lever 'Vision inspection and scrap reduction'";

fn first_gate(p: &mut Portfolio) -> &mut millwright::engine::model::Gate {
    p.companies
        .first_mut()
        .and_then(|c| c.levers.first_mut())
        .and_then(|l| l.programme.gate.as_mut())
        .unwrap_or_else(|| panic!("the sample's first lever has a gate"))
}

#[test]
fn a_gate_probability_above_one_is_refused_as_a_percentage() {
    let mut p = flagship();
    first_gate(&mut p).probability = dec!(1.5);
    assert_error(
        &check_fails(&p),
        "companies[0].levers[0].programme.gate.probability",
        &format!("{FIRST} gate probability is 150%: it must be between 0% and 100%"),
    );
}

#[test]
fn a_gate_before_its_pilot_ends_gives_both_quarters() {
    // The sample's pilot starts one quarter after the acquisition and runs two: it ends
    // three quarters after; a gate one quarter after comes first.
    let mut p = flagship();
    first_gate(&mut p).quarter = 1;
    assert_error(
        &check_fails(&p),
        "companies[0].levers[0].programme.gate.quarter",
        &format!("{FIRST} gate is 1 quarter after the acquisition, before its pilot ends (3 quarters after)"),
    );
}

#[test]
fn a_lever_on_a_platform_that_does_not_exist_lists_the_fund_s_platforms() {
    let mut p = flagship();
    p.companies[0].levers[0].programme.platform = Some("Nope".into());
    assert_error(
        &check_fails(&p),
        "companies[0].levers[0].programme.platform",
        "Company 'Aerostruct Precision' lever 'Vision inspection and scrap reduction' runs on AI platform 'Nope', \
         which does not exist (the fund's platforms are: Foundry industrial AI platform)",
    );
}

#[test]
fn a_stage_gate_reading_a_later_stage_is_refused() {
    let mut p = flagship();
    let later = p.stages[3].name.clone();
    p.stages[2]
        .gate
        .as_mut()
        .unwrap_or_else(|| panic!("the sample gates stage III"))
        .stages = vec![later.clone()];
    assert_error(
        &check_fails(&p),
        "stages[2].gate.stages",
        &format!(
            "stage '{}' gate reads stage '{later}', a later stage: a gate can only measure the stages before it",
            p.stages[2].name
        ),
    );
}

#[test]
fn a_learning_rate_of_one_or_more_is_refused() {
    let mut p = flagship();
    p.programme.learning[0].rate = dec!(1.2);
    assert_error(
        &check_fails(&p),
        "programme.learning[0].rate",
        "the learning rate of Predictive maintenance is 120%, must be from 0% up to but not including 100% \
         (the cut in one-time cost and ramp each time the number of deployments doubles)",
    );
}
