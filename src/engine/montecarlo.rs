//! Monte Carlo: seeded, reproducible simulation of per-company uncertainty (lever
//! realisation, exit multiple, exit timing, growth), run in `f64` on the same generic
//! projection the exact figures use. Results are statistical estimates and are labelled
//! so wherever they are shown.
//!
//! Reproducibility: path `i` draws from a ChaCha8 stream seeded with the seed and set to
//! stream `i`, so a path's numbers do not depend on which thread runs it; results are
//! collected in path order. Correlation: for each driver, every company's draw uses
//! `z = √w·z_market + √(1−w)·z_company` (standard normals), mapped to the driver's
//! distribution through the normal CDF, so `w` is the share of variance the companies
//! share.
//!
//! **Lever gates (issue 13): a Gaussian copula.** Each path draws every gated lever's
//! gate pass / fail. For lever `l` of kind `k` in a company of sector `s`:
//!
//! `z = √a·Z_ai + √b·Z_kind(k) + √c·Z_sector(s) + √(1 − a − b − c)·ε_l`, pass iff
//! `Φ(z) < p_l`,
//!
//! with `Z_ai` (the portfolio-wide AI execution factor), one `Z_kind` per lever kind, one
//! `Z_sector` per sector (the semiconductor cycle, defence budgets, automotive volumes;
//! geopolitics acts as a sector-wide factor) and each lever's own `ε_l`, all independent
//! standard normals drawn afresh on each path. `z` is standard normal, so `Φ(z)` is
//! uniform and each gate passes with exactly its probability `p_l` (a probability of 1
//! always passes); two levers sharing factors have gate variables correlated by the
//! loadings they share: `a + b` for two levers of one kind in different sectors, `a + c`
//! for two kinds in one sector, `a + b + c` for one kind in one sector. The loadings are
//! `Uncertainty.ai_execution_loading`, `lever_kind_loading` and `sector_loading`
//! (validated: each 0–1, together at most 1). The gate draws come from a stream of their
//! own (the path's stream number with the top bit set), so the draws of the other drivers
//! are the same with and without gates. The outcomes are the path's
//! `CompanyAdjustment::gate_outcomes`; stage gates are then evaluated on the path's
//! projection (`engine::stage_gates`), against the plan figures computed once per run.
//!
//! **Value of staging.** With `McConfig::compare_ungated`, each path's draws are also
//! projected with every stage committed up front (stage gates removed, conditional
//! companies acquired): the same seeds, side by side.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use rust_decimal::dec;
use rust_decimal::prelude::ToPrimitive;

use super::fund::{self, Detail};
use super::model::{
    DEFAULT_AI_EXECUTION_LOADING, DEFAULT_LEVER_KIND_LOADING, DEFAULT_SECTOR_LOADING, Distribution,
    Portfolio, Uncertainty,
};
use super::validate::{Rule, Severity};
use path::{ai_uplift, setup, simulate_path};
pub use programme::{
    LeverGateRate, ProgrammeRisk, ReturnSpread, StageGateRate, StageUpliftBand, StagingComparison,
};
pub use summary::percentile;
use summary::{PathOutcome, collect};

mod draw;
mod gates;
mod path;
mod programme;
mod summary;

/// Stream numbers at or above this one are the lever gates' (`path + GATE_STREAM`).
const GATE_STREAM: u64 = 1 << 63;

/// Percentiles reported for every figure.
pub const PERCENTILES: [f64; 7] = [5.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0];

/// How to run.
#[derive(Debug, Clone, PartialEq)]
pub struct McConfig {
    /// Number of simulated paths (at least 10).
    pub paths: usize,
    /// Seed of the random streams: the same seed and model give the same result.
    pub seed: u64,
    /// Years after the first close at which DPI and TVPI are also reported.
    pub at_years: Vec<u32>,
    /// Number of bars in the final-TVPI histogram.
    pub histogram_bins: usize,
    /// Also project every path with every stage committed up front (the value of
    /// staging); doubles the time of a run with stage gates.
    pub compare_ungated: bool,
}

impl Default for McConfig {
    fn default() -> Self {
        Self {
            paths: 10_000,
            seed: 42,
            at_years: vec![5, 8, 10],
            histogram_bins: 40,
            compare_ungated: false,
        }
    }
}

/// Why a simulation stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum McError {
    /// The user cancelled the run.
    #[error("cancelled")]
    Cancelled,
    /// The model does not validate, or a drawn path cannot be projected (the reason).
    #[error("the model cannot be simulated: {0}")]
    Model(String),
    /// Fewer than 10 paths were asked for.
    #[error("at least 10 paths are needed")]
    TooFewPaths,
}

/// Percentiles of one figure (`values[k]` is the `PERCENTILES[k]`th percentile).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// P5, P10, P25, P50, P75, P90 and P95, in the figure's units (IRR as a fraction).
    pub values: [f64; 7],
    /// The mean over the paths where the figure is finite.
    pub mean: f64,
}

/// What a simulation found (all estimates).
#[derive(Debug, Clone, PartialEq)]
pub struct McResult {
    /// Paths simulated.
    pub paths: usize,
    /// The seed used.
    pub seed: u64,
    /// Net IRR across the paths that have one.
    pub net_irr: Summary,
    /// Paths whose net IRR has no root (excluded from `net_irr`).
    pub paths_without_irr: usize,
    /// Final net TVPI.
    pub tvpi: Summary,
    /// Final DPI.
    pub dpi: Summary,
    /// Gross MOIC: Σ deal proceeds and final gross NAV over Σ invested.
    pub gross_moic: Summary,
    /// The LPs' paid-in capital, in currency units (lower on paths where a stage gate
    /// failed).
    pub paid_in: Summary,
    /// `(year, DPI summary, TVPI summary)` at each requested year.
    pub at_years: Vec<(u32, Summary, Summary)>,
    /// Share of paths ending below 1.0x TVPI (money lost), 0 to 1.
    pub probability_tvpi_below_one: f64,
    /// `(bin low, bin high, paths)` of final TVPI.
    pub tvpi_histogram: Vec<(f64, f64, usize)>,
    /// Per date: P5, P25, P50, P75, P95 of reported NAV.
    pub nav_fan: Vec<[f64; 5]>,
    /// Per date: P5, P25, P50, P75, P95 of cumulative net cash flow.
    pub cash_fan: Vec<[f64; 5]>,
    /// The fund's quarter-end dates, one per fan entry.
    pub dates: Vec<chrono::NaiveDate>,
    /// AI value at risk, the hurdle, lever and stage gate pass rates, the value of staging.
    pub programme: ProgrammeRisk,
}

/// The defaults used when a file has no `uncertainty` section.
pub fn default_uncertainty() -> Uncertainty {
    Uncertainty {
        realisation_scale: Distribution::Triangular {
            min: dec!(0.5),
            mode: dec!(0.9),
            max: dec!(1.1),
        },
        exit_multiple_shift: Distribution::Normal {
            mean: dec!(0),
            sd: dec!(1.25),
            min: dec!(-3),
            max: dec!(3),
        },
        exit_delay_quarters: Distribution::Discrete {
            values: vec![dec!(-1), dec!(0), dec!(2), dec!(4)],
            weights: vec![dec!(0.15), dec!(0.5), dec!(0.25), dec!(0.1)],
        },
        growth_shift: Distribution::Normal {
            mean: dec!(0),
            sd: dec!(0.015),
            min: dec!(-0.04),
            max: dec!(0.04),
        },
        market_factor_weight: dec!(0.3),
        ai_execution_loading: DEFAULT_AI_EXECUTION_LOADING,
        lever_kind_loading: DEFAULT_LEVER_KIND_LOADING,
        sector_loading: DEFAULT_SECTOR_LOADING,
    }
}

/// Validation errors stop a simulation as they stop the exact projection: a path only
/// moves inputs that validation bounded (a stage over budget is allowed, as in sweeps).
fn refuse_invalid(portfolio: &Portfolio) -> Result<(), McError> {
    let problems = super::validate::validate(portfolio);
    let mut errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error && p.rule != Rule::OverBudget);
    match errors.next() {
        Some(first) => Err(McError::Model(format!(
            "{} problem(s) to fix first: {first}",
            1 + errors.count()
        ))),
        None => Ok(()),
    }
}

/// The last quarter index of each year in `at_years` (year 1 ends at quarter 3).
fn year_end_quarters(at_years: &[u32]) -> Result<Vec<usize>, McError> {
    at_years
        .iter()
        .map(|&y| {
            usize::try_from(y)
                .ok()
                .and_then(|y| y.checked_mul(4))
                .and_then(|q| q.checked_sub(1))
                .ok_or_else(|| McError::Model(format!("at_years: year {y} is not a year of the fund")))
        })
        .collect()
}

/// Runs the simulation; `progress(paths done)` after each batch; stops early when
/// `cancel` is set.
pub fn run(
    portfolio: &Portfolio,
    config: &McConfig,
    progress: &(dyn Fn(usize) + Sync),
    cancel: &AtomicBool,
) -> Result<McResult, McError> {
    if config.paths < 10 {
        return Err(McError::TooFewPaths);
    }
    refuse_invalid(portfolio)?;
    let setup = setup(portfolio, config)?;
    let base =
        fund::project::<f64>(portfolio, None, Detail::FundOnly).map_err(|e| McError::Model(e.to_string()))?;
    const BATCH: usize = 256;
    let mut outcomes: Vec<PathOutcome> = Vec::with_capacity(config.paths);
    let mut start = 0;
    while start < config.paths {
        if cancel.load(Ordering::Relaxed) {
            return Err(McError::Cancelled);
        }
        let end = (start + BATCH).min(config.paths);
        let batch: Result<Vec<PathOutcome>, McError> = (start..end)
            .into_par_iter()
            .map(|i| simulate_path(&setup, i as u64))
            .collect();
        outcomes.extend(batch?);
        start = end;
        progress(start);
    }
    let labels = programme::ProgrammeLabels {
        plan_ai_uplift: ai_uplift(&base, &setup.entry_multiples),
        hurdle: portfolio.fund.preferred_return.to_f64().unwrap_or(0.0),
        levers: setup
            .copula
            .levers
            .iter()
            .map(|l| {
                let company = portfolio.companies.get(l.company);
                let lever = company.and_then(|c| c.levers.get(l.lever));
                (
                    company.map(|c| c.name.clone()).unwrap_or_default(),
                    lever.map(|x| x.name.clone()).unwrap_or_default(),
                    l.probability,
                )
            })
            .collect(),
        stages: portfolio
            .stages
            .iter()
            .filter(|s| s.gate.is_some())
            .map(|s| s.name.clone())
            .collect(),
        all_stages: portfolio.stages.iter().map(|s| s.name.clone()).collect(),
    };
    let programme = programme::collect(&outcomes, labels);
    let mut result = collect(outcomes, config, base.dates);
    result.programme = programme;
    Ok(result)
}

#[cfg(test)]
mod tests;
