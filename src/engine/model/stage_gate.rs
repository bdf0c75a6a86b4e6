//! A gate on a deployment stage (issue 13): on a date, a condition on the results of the
//! stages before it decides whether the stage's conditional companies are acquired. How
//! the projection evaluates a gate is stated at the top of `engine::stage_gates`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The go / no-go decision on a stage's conditional acquisitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageGate {
    /// The date the condition is measured on (at the end of its quarter); on or before the
    /// stage's start date.
    pub date: NaiveDate,
    /// What the earlier stages must have achieved by then.
    pub condition: StageCondition,
    /// The earlier stages the condition reads, by name; every earlier stage when empty.
    /// Only stages before this one in the stage list can be named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<String>,
    /// On failure, the stage's budget is cut to this share of it (0 to 1), and the
    /// stage's companies marked conditional are not acquired.
    pub budget_share_on_failure: Decimal,
}

/// A condition on the earlier stages' companies at the gate date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum StageCondition {
    /// The AI EBITDA uplift realised over the last four quarters (EBITDA with levers less
    /// without, 100 % of each company) as a share of the same under the plan reading.
    AiUpliftShare {
        /// The share that passes (0 to 1; `0.75` is 75 % of plan).
        min_share: Decimal,
    },
    /// The gross mark multiple: (the fund's proceeds to date + its value of the companies
    /// still held) over what it invested in them to date.
    GrossMarkMultiple {
        /// The multiple that passes (`1.2` is 1.2×).
        min_multiple: Decimal,
    },
}

impl StageCondition {
    /// The threshold the measured figure must reach.
    pub fn threshold(&self) -> Decimal {
        match self {
            StageCondition::AiUpliftShare { min_share } => *min_share,
            StageCondition::GrossMarkMultiple { min_multiple } => *min_multiple,
        }
    }

    /// A human label of what is measured.
    pub fn label(&self) -> &'static str {
        match self {
            StageCondition::AiUpliftShare { .. } => "AI EBITDA uplift / plan",
            StageCondition::GrossMarkMultiple { .. } => "gross mark multiple",
        }
    }
}
