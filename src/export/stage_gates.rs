//! The stage gates' outcomes in `summary`: per gated stage its date, what it measured
//! against what it needed, and on failure the budget kept and the companies not acquired
//! (rules at the top of `engine::stage_gates`).

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::tables::{MONEY_DP, RATIO_DP};
use crate::engine::model::{Portfolio, StageCondition};
use crate::engine::results::{FundResult, StageGateOutcome};
use crate::units;

/// How the gate of stage `stage` measures (`None`: the stage has no gate).
fn condition<'a>(portfolio: &'a Portfolio, stage: &str) -> Option<&'a StageCondition> {
    portfolio
        .stages
        .iter()
        .find(|s| s.name == stage)
        .and_then(|s| s.gate.as_ref())
        .map(|g| &g.condition)
}

/// A measured value in the condition's terms: "72.4 % of plan" or "1.32x".
fn in_terms(condition: Option<&StageCondition>, value: Decimal) -> String {
    match condition {
        Some(StageCondition::AiUpliftShare { .. }) => {
            format!("AI uplift {} of plan", units::format_percent(value))
        }
        Some(StageCondition::GrossMarkMultiple { .. }) | None => {
            format!("gross mark {}", units::format_multiple(value))
        }
    }
}

fn outcome_line(portfolio: &Portfolio, currency: &str, gate: &StageGateOutcome) -> String {
    let condition = condition(portfolio, &gate.stage);
    let measured = gate
        .measured
        .map_or_else(|| "nothing to measure".to_string(), |m| in_terms(condition, m));
    let needed = match condition {
        Some(StageCondition::AiUpliftShare { .. }) => units::format_percent(gate.threshold),
        Some(StageCondition::GrossMarkMultiple { .. }) | None => units::format_multiple(gate.threshold),
    };
    let head = format!("{} on {}: {measured}, needs {needed}", gate.stage, gate.date);
    if gate.passed {
        format!("{head}: passed")
    } else {
        format!(
            "{head}: failed; budget cut to {}; not acquired: {}",
            units::format_money_in(gate.budget, currency),
            gate.not_acquired.join(", ")
        )
    }
}

/// The `summary` text's stage-gate block (empty when no stage has a gate).
pub fn summary_lines(portfolio: &Portfolio, result: &FundResult) -> Vec<String> {
    if result.stage_gates.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![String::new(), "Stage gates".to_string()];
    lines.extend(
        result
            .stage_gates
            .iter()
            .map(|g| outcome_line(portfolio, &result.currency, g)),
    );
    lines
}

/// The `stage_gates` array of `summary --json` (`None` when no stage has a gate):
/// decimals as strings, the measure null when there was nothing to measure.
pub fn summary_json(result: &FundResult) -> Option<Value> {
    (!result.stage_gates.is_empty()).then(|| {
        Value::Array(
            result
                .stage_gates
                .iter()
                .map(|g| {
                    json!({
                        "stage": g.stage,
                        "date": g.date.to_string(),
                        "measured": g.measured.map(|m| m.round_dp(RATIO_DP).normalize().to_string()),
                        "threshold": g.threshold.normalize().to_string(),
                        "passed": g.passed,
                        "budget": g.budget.round_dp(MONEY_DP).to_string(),
                        "not_acquired": g.not_acquired,
                    })
                })
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::*;
    use crate::engine::model::StageGate;

    fn failed() -> StageGateOutcome {
        StageGateOutcome {
            stage: "Stage II".into(),
            date: NaiveDate::from_ymd_opt(2028, 9, 30).unwrap_or_default(),
            measured: Some(dec!(0.6)),
            threshold: dec!(0.75),
            passed: false,
            budget: dec!(150_000_000),
            not_acquired: vec!["B".into(), "C".into()],
        }
    }

    #[test]
    fn a_failed_uplift_gate_reads_as_a_share_of_plan_with_what_it_cut() {
        let mut p = crate::engine::defaults::blank_portfolio(
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_default(),
        );
        let mut stage = p.stages[0].clone();
        stage.name = "Stage II".into();
        stage.gate = Some(StageGate {
            date: NaiveDate::from_ymd_opt(2028, 9, 30).unwrap_or_default(),
            condition: StageCondition::AiUpliftShare {
                min_share: dec!(0.75),
            },
            stages: Vec::new(),
            budget_share_on_failure: dec!(0.5),
        });
        p.stages.push(stage);
        let line = outcome_line(&p, "USD", &failed());
        assert!(line.starts_with("Stage II on 2028-09-30: AI uplift 60"), "{line}");
        assert!(line.contains("of plan, needs 75.00%: failed"), "{line}");
        assert!(line.contains("failed; budget cut to"), "{line}");
        assert!(line.ends_with("not acquired: B, C"), "{line}");
    }
}
