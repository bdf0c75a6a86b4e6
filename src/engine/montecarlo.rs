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

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use rayon::prelude::*;
use rust_decimal::dec;
use rust_decimal::prelude::ToPrimitive;

use super::company::{CompanyAdjustment, PreparedCompany};
use super::fund::{self, Detail};
use super::model::{
    DEFAULT_AI_EXECUTION_LOADING, DEFAULT_LEVER_KIND_LOADING, DEFAULT_SECTOR_LOADING, Distribution,
    Portfolio, Uncertainty,
};
use super::results::FundResult;
use super::stage_gates::StageBaseline;
use super::validate::{Rule, Severity};
use draw::Spreads;
use gates::GateCopula;
pub use programme::{
    LeverGateRate, ProgrammeRisk, ReturnSpread, StageGateRate, StageUpliftBand, StagingComparison,
};
pub use summary::percentile;
use summary::{PathOutcome, collect};

mod draw;
mod gates;
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

/// What every path of a run shares, prepared once.
struct Setup<'a> {
    portfolio: &'a Portfolio,
    /// The portfolio with its stage gates removed, when the value of staging is asked for.
    ungated: Option<Portfolio>,
    prepared: Vec<PreparedCompany<f64>>,
    spreads: Spreads,
    copula: GateCopula,
    /// The plan figures the stage gates read.
    baseline: StageBaseline<f64>,
    /// Each company's entry multiple (the bridge's AI line over it is the EBITDA uplift).
    entry_multiples: Vec<f64>,
    seed: u64,
    year_quarters: Vec<usize>,
}

/// Σ over companies of the exit LTM AI EBITDA uplift: the bridge's AI line (uplift ×
/// entry multiple) over the entry multiple.
fn ai_uplift(result: &FundResult<f64>, entry_multiples: &[f64]) -> f64 {
    result
        .companies
        .iter()
        .zip(entry_multiples)
        .filter(|(_, m)| **m > 0.0)
        .map(|(c, m)| c.bridge.ai_levers / m)
        .sum()
}

/// One path's adjustments: the drivers' draws for each company, and the lever gates'.
fn draw_adjustments(s: &Setup<'_>, path: u64) -> (Vec<CompanyAdjustment<f64>>, Vec<bool>) {
    let mut rng = ChaCha8Rng::seed_from_u64(s.seed);
    rng.set_stream(path);
    let u = &s.spreads;
    let w = u.market_weight;
    let (shared, own) = (w.sqrt(), (1.0 - w).sqrt());
    let market: [f64; 4] = std::array::from_fn(|_| rng.sample(StandardNormal));
    let mut adjustments: Vec<CompanyAdjustment<f64>> = Vec::with_capacity(s.prepared.len());
    for _ in &s.prepared {
        // One draw per driver, in driver order: the market's share plus the company's own.
        let [z0, z1, z2, z3] = market.map(|m| shared * m + own * rng.sample::<f64, _>(StandardNormal));
        #[expect(
            clippy::cast_possible_truncation,
            reason = "a delay of a few quarters, rounded"
        )]
        let delay = u.exit_delay_quarters.draw(z2).round() as i64;
        adjustments.push(CompanyAdjustment {
            realisation_scale: u.realisation_scale.draw(z0),
            exit_multiple_shift: u.exit_multiple_shift.draw(z1),
            growth_shift: u.growth_shift.draw(z3),
            exit_delay_quarters: delay,
            ..CompanyAdjustment::default()
        });
    }
    let mut passes = Vec::new();
    if !s.copula.is_empty() {
        let mut gate_rng = ChaCha8Rng::seed_from_u64(s.seed);
        gate_rng.set_stream(path | GATE_STREAM);
        passes = s.copula.draw(&mut gate_rng);
        s.copula.apply(&passes, &mut adjustments);
    }
    (adjustments, passes)
}

fn simulate_path(s: &Setup<'_>, path: u64) -> Result<PathOutcome, McError> {
    let model = |e: fund::ProjectError| McError::Model(e.to_string());
    let (adjustments, lever_gates) = draw_adjustments(s, path);
    let companies = s
        .prepared
        .iter()
        .zip(&adjustments)
        .map(|(company, adjustment)| company.adjusted(adjustment))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| McError::Model(e.to_string()))?;
    let result =
        fund::project_staged(s.portfolio, &companies, Detail::FundOnly, &s.baseline).map_err(model)?;
    let ungated = match &s.ungated {
        Some(ungated) => {
            let r = fund::project_staged(ungated, &companies, Detail::FundOnly, &StageBaseline::default())
                .map_err(model)?;
            Some(summary::Ungated {
                net_irr: irr_of(&r),
                tvpi: r.metrics.tvpi.unwrap_or(f64::NAN),
                paid_in: r.metrics.paid_in,
            })
        }
        None => None,
    };
    let year_quarters = &s.year_quarters;
    let m = &result.metrics;
    let at_years = year_quarters
        .iter()
        .map(|&q| {
            let upto = result.periods.get(..=q).unwrap_or(&result.periods);
            let paid: f64 = upto.iter().map(|x| x.contributions).sum();
            let dist: f64 = upto.iter().map(|x| x.distributions).sum();
            let nav = upto.last().map_or(0.0, |x| x.nav);
            if paid > 0.0 {
                (dist / paid, (dist + nav) / paid)
            } else {
                (f64::NAN, f64::NAN)
            }
        })
        .collect();
    Ok(PathOutcome {
        net_irr: irr_of(&result),
        tvpi: m.tvpi.unwrap_or(f64::NAN),
        dpi: m.dpi.unwrap_or(f64::NAN),
        paid_in: m.paid_in,
        at_years,
        nav: result.periods.iter().map(|x| x.nav).collect(),
        cash: result
            .periods
            .iter()
            .map(|x| x.cumulative_net_cash_flow)
            .collect(),
        ai_uplift: ai_uplift(&result, &s.entry_multiples),
        lever_gates,
        stage_gates: result.stage_gates.iter().map(|g| g.passed).collect(),
        stage_uplift: result
            .stage_ai_uplift
            .iter()
            .map(|stage| stage.iter().map(|v| narrow(*v)).collect())
            .collect(),
        ungated,
    })
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "kept to seven significant digits on purpose"
)]
fn narrow(value: f64) -> f32 {
    value as f32
}

fn irr_of(result: &FundResult<f64>) -> Option<f64> {
    result.metrics.net_irr.as_ref().ok().and_then(ToPrimitive::to_f64)
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

/// What every path shares: the companies in f64, the spreads, the copula, the plan
/// figures of the stage gates, and the portfolio without gates when it is compared.
fn setup<'a>(portfolio: &'a Portfolio, config: &McConfig) -> Result<Setup<'a>, McError> {
    let model = |e: super::company::PrepareError| McError::Model(e.to_string());
    let uncertainty = portfolio.uncertainty.clone().unwrap_or_else(default_uncertainty);
    // Convert every company to f64 once; each path only adjusts the prepared figures.
    let prepared: Vec<PreparedCompany<f64>> = super::programme::scheduled_companies(portfolio)
        .iter()
        .map(|c| PreparedCompany::new(c, &portfolio.fund, &CompanyAdjustment::default()))
        .collect::<Result<_, _>>()
        .map_err(model)?;
    let ungated = config.compare_ungated.then(|| {
        let mut p = portfolio.clone();
        for stage in &mut p.stages {
            stage.gate = None;
        }
        p
    });
    Ok(Setup {
        portfolio,
        ungated,
        prepared,
        spreads: Spreads::of(&uncertainty),
        copula: GateCopula::of(portfolio, &uncertainty),
        baseline: StageBaseline::plan(portfolio).map_err(model)?,
        entry_multiples: portfolio
            .companies
            .iter()
            .map(|c| c.entry_multiple.to_f64().unwrap_or(0.0))
            .collect(),
        seed: config.seed,
        year_quarters: year_end_quarters(&config.at_years)?,
    })
}

#[cfg(test)]
mod tests;
