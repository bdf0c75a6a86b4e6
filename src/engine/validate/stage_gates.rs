//! Checks of the stage gates (rules at the top of `engine::stage_gates`): a gate reads
//! only stages before its own, decides before its stage's conditional companies are
//! bought (it may fall after the stage's start: the companies bought before it are
//! committed), has something to measure on its date, and its shares lie in 0–100 %.

use rust_decimal::Decimal;

use super::{Checker, Rule, pct};
use crate::engine::fields::{FieldPath, Owner};
use crate::engine::grid;
use crate::engine::model::{Portfolio, StageCondition, StageGate};
use crate::engine::stage_gates::{gate_quarter, read_stages};

fn gate_field(stage: usize, key: &'static str) -> FieldPath {
    FieldPath::Field {
        owner: Owner::Stage(stage),
        key,
    }
}

pub(super) fn check_stage_gates(c: &mut Checker, p: &Portfolio) {
    for (s, stage) in p.stages.iter().enumerate() {
        let Some(gate) = &stage.gate else {
            check_conditional_without_gate(c, p, s);
            continue;
        };
        let name = &stage.name;
        check_shares(c, s, name, gate);
        if s == 0 {
            c.error(
                gate_field(s, "gate"),
                Rule::Inconsistent,
                format!("stage '{name}' is the first stage: its gate has no earlier stage to measure"),
            );
            continue;
        }
        if !check_named_stages(c, p, s, gate) {
            continue;
        }
        check_dates(c, p, s, gate);
    }
}

fn check_shares(c: &mut Checker, s: usize, name: &str, gate: &StageGate) {
    let share = gate.budget_share_on_failure;
    if share < Decimal::ZERO || share > Decimal::ONE {
        c.error(
            gate_field(s, "gate.budget_share_on_failure"),
            Rule::OutOfRange,
            format!(
                "stage '{name}' budget kept when its gate fails is {}, must be between 0% and 100%",
                pct(share)
            ),
        );
    }
    match gate.condition {
        StageCondition::AiUpliftShare { min_share }
            if min_share < Decimal::ZERO || min_share > Decimal::ONE =>
        {
            c.error(
                gate_field(s, "gate.condition.min_share"),
                Rule::OutOfRange,
                format!(
                    "stage '{name}' gate: the AI uplift needed is {} of plan, must be between 0% and 100%",
                    pct(min_share)
                ),
            );
        }
        StageCondition::GrossMarkMultiple { min_multiple }
            if min_multiple < Decimal::ZERO || min_multiple > Decimal::ONE_HUNDRED =>
        {
            c.error(
                gate_field(s, "gate.condition.min_multiple"),
                Rule::OutOfRange,
                format!(
                    "stage '{name}' gate: the gross mark multiple needed is {}x, must be between 0x and 100x",
                    min_multiple.normalize()
                ),
            );
        }
        _ => {}
    }
}

/// Each stage the gate names exists and comes before the gated stage; `false` when one
/// does not (the date checks then have no reliable stages to read).
fn check_named_stages(c: &mut Checker, p: &Portfolio, s: usize, gate: &StageGate) -> bool {
    let name = p.stages.get(s).map_or("", |x| x.name.as_str());
    let mut fine = true;
    for named in &gate.stages {
        match p.stages.iter().position(|x| &x.name == named) {
            None => {
                fine = false;
                c.error(
                    gate_field(s, "gate.stages"),
                    Rule::UnknownReference,
                    format!("stage '{name}' gate reads stage '{named}', which is not a stage of the fund"),
                );
            }
            Some(k) if k >= s => {
                fine = false;
                let which = if k == s { "itself" } else { "a later stage" };
                c.error(
                    gate_field(s, "gate.stages"),
                    Rule::Inconsistent,
                    format!(
                        "stage '{name}' gate reads stage '{named}', {which}: a gate can only measure the stages \
                         before it"
                    ),
                );
            }
            Some(_) => {}
        }
    }
    fine
}

fn check_dates(c: &mut Checker, p: &Portfolio, s: usize, gate: &StageGate) {
    let Some(stage) = p.stages.get(s) else {
        return;
    };
    let name = &stage.name;
    if gate.date < p.fund.first_close {
        c.error(
            gate_field(s, "gate.date"),
            Rule::DateOrder,
            format!(
                "stage '{name}' gate on {} is before the fund's first close ({})",
                gate.date, p.fund.first_close
            ),
        );
        return;
    }
    // A gate may fall inside its stage (a mid-stage decision): the companies bought
    // before it are committed; only the conditional ones, checked below to come after its
    // quarter, hang on it.
    let q = gate_quarter(p, gate);
    let read = read_stages(p, s, gate);
    let quarter_of = |date| grid::quarters_between(p.fund.first_close, date);
    let measured = p.companies.iter().any(|company| {
        p.stages
            .iter()
            .position(|x| x.name == company.stage)
            .is_some_and(|k| read.get(k).copied().unwrap_or(false))
            && quarter_of(company.acquisition_date) <= i64::try_from(q).unwrap_or(i64::MAX)
    });
    if !measured {
        c.error(
            gate_field(s, "gate.date"),
            Rule::Inconsistent,
            format!(
                "stage '{name}' gate on {}: no company of the stages it reads is acquired by then, so it \
                 has nothing to measure",
                gate.date
            ),
        );
    }
    for (i, company) in p.companies.iter().enumerate() {
        if company.conditional
            && company.stage == *name
            && quarter_of(company.acquisition_date) <= i64::try_from(q).unwrap_or(i64::MAX)
        {
            c.error(
                FieldPath::Field {
                    owner: Owner::Company(i),
                    key: "acquisition_date",
                },
                Rule::DateOrder,
                format!(
                    "'{}' is conditional on the gate of stage '{name}' on {} but is acquired on {}, in or \
                     before the gate's quarter",
                    company.name, gate.date, company.acquisition_date
                ),
            );
        }
    }
}

/// A company marked conditional in a stage with no gate is always acquired (a warning).
fn check_conditional_without_gate(c: &mut Checker, p: &Portfolio, s: usize) {
    let Some(stage) = p.stages.get(s) else {
        return;
    };
    for (i, company) in p.companies.iter().enumerate() {
        if company.conditional && company.stage == stage.name {
            c.warning(
                FieldPath::Field {
                    owner: Owner::Company(i),
                    key: "conditional",
                },
                Rule::Inconsistent,
                format!(
                    "'{}' is conditional but stage '{}' has no gate: it is always acquired",
                    company.name, stage.name
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests;
