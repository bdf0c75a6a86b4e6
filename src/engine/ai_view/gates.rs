//! Each gated stage with its gate's outcome on the plan and on the risk-adjusted reading,
//! as the projection of each reading evaluated it (`FundResult::stage_gates`; rules at the
//! top of `engine::stage_gates`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::model::{Portfolio, Reading, StageCondition};
use crate::engine::results::{FundResult, StageGateOutcome};

/// One stage gate and its outcome on both readings.
#[derive(Debug, Clone, PartialEq)]
pub struct StageGateView {
    /// The gated stage's name.
    pub stage: String,
    /// The date the condition is measured on (at the end of its quarter).
    pub date: NaiveDate,
    /// What is measured and the threshold it must reach.
    pub condition: StageCondition,
    /// The earlier stages the condition reads; every earlier stage when empty.
    pub reads: Vec<String>,
    /// The stage's budget before the gate.
    pub budget: Decimal,
    /// The share of the budget kept when the gate fails.
    pub budget_share_on_failure: Decimal,
    /// The outcome when every lever gate passes; `None` if the projection has none for it.
    pub plan: Option<StageGateOutcome>,
    /// The outcome on the risk-adjusted reading.
    pub risk_adjusted: Option<StageGateOutcome>,
}

impl StageGateView {
    /// The outcome on `reading`.
    pub fn on(&self, reading: Reading) -> Option<&StageGateOutcome> {
        match reading {
            Reading::Plan => self.plan.as_ref(),
            Reading::RiskAdjusted => self.risk_adjusted.as_ref(),
        }
    }

    /// The stages read, in words.
    pub fn reads_label(&self) -> String {
        if self.reads.is_empty() {
            "every earlier stage".into()
        } else {
            self.reads.join(", ")
        }
    }
}

/// Every gated stage of `portfolio`, in stage order, with the outcomes of `plan` and
/// `risk_adjusted` (matched by the stage's name).
pub(super) fn stage_gates(
    portfolio: &Portfolio,
    plan: &FundResult,
    risk_adjusted: &FundResult,
) -> Vec<StageGateView> {
    let outcome =
        |result: &FundResult, stage: &str| result.stage_gates.iter().find(|g| g.stage == stage).cloned();
    portfolio
        .stages
        .iter()
        .filter_map(|stage| {
            let gate = stage.gate.as_ref()?;
            Some(StageGateView {
                stage: stage.name.clone(),
                date: gate.date,
                condition: gate.condition.clone(),
                reads: gate.stages.clone(),
                budget: stage.budget,
                budget_share_on_failure: gate.budget_share_on_failure,
                plan: outcome(plan, &stage.name),
                risk_adjusted: outcome(risk_adjusted, &stage.name),
            })
        })
        .collect()
}
