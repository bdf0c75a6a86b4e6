//! Rows of issue 13's gated stages and lever-gate copula: a stage's gate (on / off, its
//! date, what it measures and the threshold, the stages it reads, the budget kept on
//! failure), a company's "conditional" flag, and the three factor loadings of the
//! Monte Carlo gate copula. The rules are at the top of `engine::stage_gates` and
//! `engine::montecarlo`.
//!
//! Without a gate the gate's value rows do not apply (`get` gives `None`: the editor
//! draws nothing and validation checks nothing); setting any of them switches a gate on
//! with [`new_gate`] first, like the credit line's rows. Ranges are checked by
//! `validate::stage_gates` and `validate::gate_copula`, so the rows carry no bounds (a
//! bound here would report each value twice).
//!
//! The stages a gate reads are a list: their row (`gate.stages`) reads and writes the
//! names separated by commas, for `set` and for paths; the app's editor shows a tick box
//! per earlier stage instead ([`crate::engine::edit::StageGateEdit`]).

use rust_decimal::{Decimal, dec};

use super::{Choices, FieldMeta, FieldSpec, FieldValue, Unit, ValueError};
use crate::engine::model::{Company, Stage, StageCondition, StageGate, Uncertainty};

/// The label of a [`Choices::Flag`] row that is off.
pub const NO: &str = "No";
/// The label of a [`Choices::Flag`] row that is on.
pub const YES: &str = "Yes";

/// The threshold of a new "AI uplift / plan" condition: 75 % of plan.
pub const NEW_MIN_SHARE: Decimal = dec!(0.75);
/// The threshold of a new "gross mark multiple" condition: 1.2×.
pub const NEW_MIN_MULTIPLE: Decimal = dec!(1.2);
/// The share of the budget a new gate keeps when it fails: half.
pub const NEW_BUDGET_SHARE_ON_FAILURE: Decimal = dec!(0.5);

/// The condition kinds, in the words the editor shows.
const AI_UPLIFT: &str = "AI EBITDA uplift as a share of plan";
const GROSS_MARK: &str = "Gross mark multiple";

/// A gate for `stage` when one is switched on: measured on the stage's start date, on
/// every earlier stage's AI EBITDA uplift against 75 % of plan, keeping
/// 50 % of the budget on failure.
pub fn new_gate(stage: &Stage) -> StageGate {
    StageGate {
        date: stage.start_date,
        condition: StageCondition::AiUpliftShare {
            min_share: NEW_MIN_SHARE,
        },
        stages: Vec::new(),
        budget_share_on_failure: NEW_BUDGET_SHARE_ON_FAILURE,
    }
}

fn gate_mut(s: &mut Stage) -> &mut StageGate {
    let new = new_gate(s);
    s.gate.get_or_insert(new)
}

fn flag(on: bool) -> FieldValue {
    FieldValue::Choice(if on { YES } else { NO }.into())
}

fn read_flag(v: FieldValue) -> Result<bool, ValueError> {
    match v.choice()?.as_str() {
        YES => Ok(true),
        NO => Ok(false),
        other => Err(ValueError::NoSuchChoice(other.to_string())),
    }
}

/// Whether the stage has a gate; switching it off drops the gate's settings.
pub(super) const GATE: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new("gate", "Gate on the earlier stages' results", Unit::Choice, None)
        .with_choices(Choices::Flag),
    get: |s| Some(flag(s.gate.is_some())),
    set: |s, v| {
        if read_flag(v)? {
            gate_mut(s);
        } else {
            s.gate = None;
        }
        Ok(())
    },
};

/// The date the condition is measured on.
pub(super) const GATE_DATE: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new("gate.date", "Gate: measured on", Unit::Date, None),
    get: |s| s.gate.as_ref().map(|g| FieldValue::Date(g.date)),
    set: |s, v| {
        let date = v.date()?;
        gate_mut(s).date = date;
        Ok(())
    },
};

/// What the condition measures; changing it starts its threshold at the default.
pub(super) const GATE_CONDITION: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new("gate.condition.kind", "Gate: measures", Unit::Choice, None)
        .with_choices(Choices::Fixed(|| vec![AI_UPLIFT, GROSS_MARK])),
    get: |s| {
        s.gate.as_ref().map(|g| {
            FieldValue::Choice(
                match g.condition {
                    StageCondition::AiUpliftShare { .. } => AI_UPLIFT,
                    StageCondition::GrossMarkMultiple { .. } => GROSS_MARK,
                }
                .into(),
            )
        })
    },
    set: |s, v| {
        let condition = match v.choice()?.as_str() {
            AI_UPLIFT => StageCondition::AiUpliftShare {
                min_share: NEW_MIN_SHARE,
            },
            GROSS_MARK => StageCondition::GrossMarkMultiple {
                min_multiple: NEW_MIN_MULTIPLE,
            },
            other => return Err(ValueError::NoSuchChoice(other.to_string())),
        };
        let gate = gate_mut(s);
        if std::mem::discriminant(&gate.condition) != std::mem::discriminant(&condition) {
            gate.condition = condition;
        }
        Ok(())
    },
};

/// The AI uplift share that passes (applies to that condition only).
pub(super) const GATE_MIN_SHARE: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new(
        "gate.condition.min_share",
        "Gate: AI uplift needed (share of plan)",
        Unit::Percent,
        None,
    ),
    get: |s| match s.gate.as_ref().map(|g| &g.condition) {
        Some(StageCondition::AiUpliftShare { min_share }) => Some(FieldValue::Decimal(*min_share)),
        _ => None,
    },
    set: |s, v| {
        let min_share = v.decimal()?;
        gate_mut(s).condition = StageCondition::AiUpliftShare { min_share };
        Ok(())
    },
};

/// The gross mark multiple that passes (applies to that condition only).
pub(super) const GATE_MIN_MULTIPLE: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new(
        "gate.condition.min_multiple",
        "Gate: gross mark multiple needed",
        Unit::Multiple,
        None,
    ),
    get: |s| match s.gate.as_ref().map(|g| &g.condition) {
        Some(StageCondition::GrossMarkMultiple { min_multiple }) => Some(FieldValue::Decimal(*min_multiple)),
        _ => None,
    },
    set: |s, v| {
        let min_multiple = v.decimal()?;
        gate_mut(s).condition = StageCondition::GrossMarkMultiple { min_multiple };
        Ok(())
    },
};

/// The earlier stages the condition reads, by name, separated by commas (empty: every
/// earlier stage). A stage name with a comma in it cannot be named here; the app's
/// tick boxes can.
pub(super) const GATE_STAGES: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new(
        "gate.stages",
        "Gate: stages read (every earlier stage when none)",
        Unit::Text,
        None,
    ),
    get: |s| s.gate.as_ref().map(|g| FieldValue::Text(g.stages.join(", "))),
    set: |s, v| {
        let text = v.text()?;
        gate_mut(s).stages = text
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_string)
            .collect();
        Ok(())
    },
};

/// The share of the stage's budget kept when the gate fails.
pub(super) const GATE_BUDGET_SHARE: FieldSpec<Stage> = FieldSpec {
    meta: FieldMeta::new(
        "gate.budget_share_on_failure",
        "Gate: budget kept on failure (share)",
        Unit::Percent,
        None,
    ),
    get: |s| {
        s.gate
            .as_ref()
            .map(|g| FieldValue::Decimal(g.budget_share_on_failure))
    },
    set: |s, v| {
        let share = v.decimal()?;
        gate_mut(s).budget_share_on_failure = share;
        Ok(())
    },
};

/// Whether the company is bought only if its stage's gate passes.
pub(super) const CONDITIONAL: FieldSpec<Company> = FieldSpec {
    meta: FieldMeta::new(
        "conditional",
        "Conditional on its stage's gate",
        Unit::Choice,
        None,
    )
    .with_choices(Choices::Flag),
    get: |c| Some(flag(c.conditional)),
    set: |c, v| {
        c.conditional = read_flag(v)?;
        Ok(())
    },
};

/// A loading of the lever-gate copula (a share of each gate draw's variance).
macro_rules! loading {
    ($key:literal, $label:literal, $field:ident) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::Percent, None),
            get: |u: &Uncertainty| Some(FieldValue::Decimal(u.$field)),
            set: |u: &mut Uncertainty, v| {
                u.$field = v.decimal()?;
                Ok(())
            },
        }
    };
}

/// The portfolio-wide AI execution factor's share of a lever gate's variance.
pub(super) const AI_EXECUTION_LOADING: FieldSpec<Uncertainty> = loading!(
    "ai_execution_loading",
    "Lever gates: AI execution factor (share of variance)",
    ai_execution_loading
);
/// The lever kind's factor's share.
pub(super) const LEVER_KIND_LOADING: FieldSpec<Uncertainty> = loading!(
    "lever_kind_loading",
    "Lever gates: lever-kind factor (share of variance)",
    lever_kind_loading
);
/// The company's sector factor's share.
pub(super) const SECTOR_LOADING: FieldSpec<Uncertainty> = loading!(
    "sector_loading",
    "Lever gates: sector factor (share of variance)",
    sector_loading
);

#[cfg(test)]
mod tests;
