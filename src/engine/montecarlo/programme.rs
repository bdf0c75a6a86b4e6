//! The AI programme's figures across the paths: AI value at risk, the probability of
//! missing the hurdle, lever and stage gate pass rates, and the value of staging.

use super::Summary;
use super::summary::{PathOutcome, summarise};

/// How often one lever's gate passed.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverGateRate {
    /// The company's name.
    pub company: String,
    /// The lever's name.
    pub lever: String,
    /// The probability the model gives it.
    pub probability: f64,
    /// The share of paths on which it passed.
    pub pass_rate: f64,
}

/// How often one stage gate passed.
#[derive(Debug, Clone, PartialEq)]
pub struct StageGateRate {
    /// The gated stage's name.
    pub stage: String,
    /// The share of paths on which it passed.
    pub pass_rate: f64,
}

/// The spread of one stage's realised AI EBITDA uplift over the paths, per fund date.
#[derive(Debug, Clone, PartialEq)]
pub struct StageUpliftBand {
    /// The stage's name.
    pub stage: String,
    /// Per fund date (the run's `dates`), the P10, P50 and P90 over the paths of the
    /// stage's LTM AI EBITDA uplift: Σ over its companies operating that quarter of their
    /// last four quarters' uplift, 100 % of each company, in currency units (rule at the
    /// top of `engine::fund::stage_uplift`). A company a stage gate did not acquire on a
    /// path adds nothing on that path.
    pub p10_p50_p90: Vec<[f64; 3]>,
}

/// Net IRR, TVPI and the probability of a loss on one set of paths.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnSpread {
    /// Net IRR across the paths that have one (mean, P10 = `values[1]`, P90 = `values[5]`).
    pub net_irr: Summary,
    /// Final net TVPI.
    pub tvpi: Summary,
    /// Share of paths ending below 1.0x TVPI.
    pub probability_of_loss: f64,
    /// The LPs' paid-in capital, in currency units: a failed gate calls less.
    pub paid_in: Summary,
}

/// The value of staging: the same seeds with the stage gates, and with every stage
/// committed up front (gates ignored, conditional companies acquired).
#[derive(Debug, Clone, PartialEq)]
pub struct StagingComparison {
    /// With the stage gates, as modelled.
    pub gated: ReturnSpread,
    /// Every stage committed up front.
    pub ungated: ReturnSpread,
}

/// The AI programme's figures of a simulation (estimates).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgrammeRisk {
    /// AI value at risk: per path, Σ over the companies acquired of the exit LTM AI
    /// EBITDA uplift (EBITDA with levers less without, 100 % of each company), as a share
    /// of the same Σ under the plan; `None` when the plan has no uplift.
    pub ai_uplift_share: Option<Summary>,
    /// The plan's Σ exit LTM AI EBITDA uplift (the share's denominator).
    pub plan_ai_uplift: f64,
    /// The hurdle (the fund's preferred return) net IRR is compared with.
    pub hurdle: f64,
    /// Share of paths whose net IRR is below the hurdle (a path with no IRR counts as
    /// missing it).
    pub probability_below_hurdle: f64,
    /// Each gated lever's pass rate, in model order.
    pub lever_gates: Vec<LeverGateRate>,
    /// Each stage gate's pass rate, in stage order.
    pub stage_gates: Vec<StageGateRate>,
    /// Each stage's simulated LTM AI EBITDA uplift per date, in stage order.
    pub uplift_by_stage: Vec<StageUpliftBand>,
    /// With and without the stage gates, when asked for ([`super::McConfig::compare_ungated`]).
    pub staging: Option<StagingComparison>,
}

/// What [`collect`] needs besides the outcomes.
pub(super) struct ProgrammeLabels {
    pub(super) plan_ai_uplift: f64,
    pub(super) hurdle: f64,
    /// `(company, lever, probability)` of each gated lever.
    pub(super) levers: Vec<(String, String, f64)>,
    pub(super) stages: Vec<String>,
    /// Every stage's name, gated or not, in stage order.
    pub(super) all_stages: Vec<String>,
}

#[expect(clippy::cast_precision_loss, reason = "path counts are far below 2^52")]
fn rate(count: usize, of: usize) -> f64 {
    count as f64 / of.max(1) as f64
}

fn spread(irrs: Vec<f64>, tvpis: Vec<f64>, paid_in: Vec<f64>) -> ReturnSpread {
    let losses = tvpis.iter().filter(|t| **t < 1.0).count();
    let paths = tvpis.len();
    ReturnSpread {
        net_irr: summarise(irrs),
        tvpi: summarise(tvpis),
        probability_of_loss: rate(losses, paths),
        paid_in: summarise(paid_in),
    }
}

/// The programme figures from the paths' outcomes (in path order).
pub(super) fn collect(outcomes: &[PathOutcome], labels: ProgrammeLabels) -> ProgrammeRisk {
    let n = outcomes.len();
    let ai_uplift_share = (labels.plan_ai_uplift > 0.0).then(|| {
        summarise(
            outcomes
                .iter()
                .map(|o| o.ai_uplift / labels.plan_ai_uplift)
                .collect(),
        )
    });
    let below = outcomes
        .iter()
        .filter(|o| o.net_irr.is_none_or(|irr| irr < labels.hurdle))
        .count();
    let lever_gates = labels
        .levers
        .into_iter()
        .enumerate()
        .map(|(k, (company, lever, probability))| LeverGateRate {
            company,
            lever,
            probability,
            pass_rate: rate(
                outcomes
                    .iter()
                    .filter(|o| o.lever_gates.get(k).copied().unwrap_or(false))
                    .count(),
                n,
            ),
        })
        .collect();
    let stage_gates = labels
        .stages
        .into_iter()
        .enumerate()
        .map(|(k, stage)| StageGateRate {
            stage,
            pass_rate: rate(
                outcomes
                    .iter()
                    .filter(|o| o.stage_gates.get(k).copied().unwrap_or(false))
                    .count(),
                n,
            ),
        })
        .collect();
    let staging = outcomes
        .iter()
        .all(|o| o.ungated.is_some())
        .then(|| StagingComparison {
            gated: spread(
                outcomes.iter().filter_map(|o| o.net_irr).collect(),
                outcomes.iter().map(|o| o.tvpi).collect(),
                outcomes.iter().map(|o| o.paid_in).collect(),
            ),
            ungated: spread(
                outcomes
                    .iter()
                    .filter_map(|o| o.ungated.and_then(|u| u.net_irr))
                    .collect(),
                outcomes
                    .iter()
                    .filter_map(|o| o.ungated.map(|u| u.tvpi))
                    .collect(),
                outcomes
                    .iter()
                    .filter_map(|o| o.ungated.map(|u| u.paid_in))
                    .collect(),
            ),
        });
    let uplift_by_stage = labels
        .all_stages
        .into_iter()
        .enumerate()
        .map(|(k, stage)| StageUpliftBand {
            stage,
            p10_p50_p90: uplift_percentiles(outcomes, k),
        })
        .collect();
    ProgrammeRisk {
        uplift_by_stage,
        ai_uplift_share,
        plan_ai_uplift: labels.plan_ai_uplift,
        hurdle: labels.hurdle,
        probability_below_hurdle: rate(below, n),
        lever_gates,
        stage_gates,
        staging: staging.filter(|_| n > 0),
    }
}

/// Per date, the P10, P50 and P90 over the paths of stage `k`'s LTM AI uplift.
fn uplift_percentiles(outcomes: &[PathOutcome], k: usize) -> Vec<[f64; 3]> {
    let len = outcomes
        .iter()
        .map(|o| o.stage_uplift.get(k).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let value = |o: &PathOutcome, q: usize| {
        o.stage_uplift
            .get(k)
            .and_then(|s| s.get(q))
            .map_or(0.0, |v| f64::from(*v))
    };
    super::summary::columns(outcomes, len, value, [10.0, 50.0, 90.0])
}
