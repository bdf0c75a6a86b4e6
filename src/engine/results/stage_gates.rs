//! What a stage gate found on one reading (rules at the top of `engine::stage_gates`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One stage gate evaluated on the reading projected.
#[derive(Debug, Clone, PartialEq)]
pub struct StageGateOutcome<T = Decimal> {
    /// The gated stage's name.
    pub stage: String,
    /// The date the condition was measured on (the end of its quarter is used).
    pub date: NaiveDate,
    /// What was measured on the earlier stages: the AI uplift as a share of plan, or the
    /// gross mark multiple; `None` when there is nothing to measure (no plan uplift, or
    /// nothing invested yet), which fails the gate.
    pub measured: Option<T>,
    /// The threshold the measure had to reach.
    pub threshold: T,
    /// Whether the gate passed (the stage's conditional companies are acquired).
    pub passed: bool,
    /// The stage's budget as it stands after the gate: the budget when it passed, the
    /// budget × the share kept on failure when it failed.
    pub budget: T,
    /// Names of the stage's conditional companies not acquired (empty when it passed).
    pub not_acquired: Vec<String>,
}
