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

use std::sync::atomic::{AtomicBool, Ordering};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use rayon::prelude::*;
use rust_decimal::dec;
use rust_decimal::prelude::ToPrimitive;

use super::company::{CompanyAdjustment, PreparedCompany};
use super::fund::{self, Detail};
use super::model::{Distribution, Portfolio, Uncertainty};
use super::validate::{Rule, Severity};
use draw::Spreads;
pub use summary::percentile;
use summary::{PathOutcome, collect};

mod draw;
mod summary;

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
}

impl Default for McConfig {
    fn default() -> Self {
        Self {
            paths: 10_000,
            seed: 42,
            at_years: vec![5, 8, 10],
            histogram_bins: 40,
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
    }
}

fn simulate_path(
    p: &Portfolio,
    prepared: &[PreparedCompany<f64>],
    u: &Spreads,
    seed: u64,
    path: u64,
    year_quarters: &[usize],
) -> Result<PathOutcome, McError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(path);
    let w = u.market_weight;
    let (shared, own) = (w.sqrt(), (1.0 - w).sqrt());
    let market: [f64; 4] = std::array::from_fn(|_| rng.sample(StandardNormal));
    let mut companies = Vec::with_capacity(prepared.len());
    for company in prepared {
        // One draw per driver, in driver order: the market's share plus the company's own.
        let [z0, z1, z2, z3] = market.map(|m| shared * m + own * rng.sample::<f64, _>(StandardNormal));
        #[expect(
            clippy::cast_possible_truncation,
            reason = "a delay of a few quarters, rounded"
        )]
        let delay = u.exit_delay_quarters.draw(z2).round() as i64;
        let adjustment = CompanyAdjustment {
            realisation_scale: u.realisation_scale.draw(z0),
            exit_multiple_shift: u.exit_multiple_shift.draw(z1),
            growth_shift: u.growth_shift.draw(z3),
            exit_delay_quarters: delay,
            ..CompanyAdjustment::default()
        };
        companies.push(
            company
                .adjusted(&adjustment)
                .map_err(|e| McError::Model(e.to_string()))?,
        );
    }
    let result =
        fund::project_prepared(p, &companies, Detail::FundOnly).map_err(|e| McError::Model(e.to_string()))?;
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
        net_irr: m.net_irr.as_ref().ok().and_then(ToPrimitive::to_f64),
        tvpi: m.tvpi.unwrap_or(f64::NAN),
        dpi: m.dpi.unwrap_or(f64::NAN),
        at_years,
        nav: result.periods.iter().map(|x| x.nav).collect(),
        cash: result
            .periods
            .iter()
            .map(|x| x.cumulative_net_cash_flow)
            .collect(),
    })
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
    let uncertainty = Spreads::of(&portfolio.uncertainty.clone().unwrap_or_else(default_uncertainty));
    let base =
        fund::project::<f64>(portfolio, None, Detail::FundOnly).map_err(|e| McError::Model(e.to_string()))?;
    // Convert every company to f64 once; each path only adjusts the prepared figures.
    let prepared: Vec<PreparedCompany<f64>> = portfolio
        .companies
        .iter()
        .map(|c| PreparedCompany::new(c, &portfolio.fund, &CompanyAdjustment::default()))
        .collect::<Result<_, _>>()
        .map_err(|e| McError::Model(e.to_string()))?;
    let dates = base.dates.clone();
    let year_quarters = year_end_quarters(&config.at_years)?;
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
            .map(|i| {
                simulate_path(
                    portfolio,
                    &prepared,
                    &uncertainty,
                    config.seed,
                    i as u64,
                    &year_quarters,
                )
            })
            .collect();
        outcomes.extend(batch?);
        start = end;
        progress(start);
    }
    Ok(collect(outcomes, config, dates))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use rust_decimal::Decimal;

    fn small_config(paths: usize) -> McConfig {
        McConfig {
            paths,
            seed: 7,
            at_years: vec![5],
            histogram_bins: 10,
        }
    }

    fn sample() -> Portfolio {
        crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn zero_width_distributions_give_the_deterministic_result() {
        let mut p = sample();
        let fixed = |v: Decimal| Distribution::Fixed { value: v };
        p.uncertainty = Some(Uncertainty {
            realisation_scale: fixed(dec!(1)),
            exit_multiple_shift: fixed(dec!(0)),
            exit_delay_quarters: fixed(dec!(0)),
            growth_shift: fixed(dec!(0)),
            market_factor_weight: dec!(0.5),
        });
        let mc =
            run(&p, &small_config(20), &|_| {}, &AtomicBool::new(false)).unwrap_or_else(|e| panic!("{e}"));
        let exact = compute(&p).unwrap_or_else(|e| panic!("{e}")).metrics;
        let tvpi = exact.tvpi.and_then(|t| t.to_f64()).unwrap_or_default();
        let irr = exact.net_irr.ok().and_then(|t| t.to_f64()).unwrap_or_default();
        for v in mc.tvpi.values {
            assert!((v - tvpi).abs() < 1e-9, "{v} vs {tvpi}");
        }
        assert!((mc.net_irr.values[3] - irr).abs() < 1e-9);
        assert_eq!(mc.probability_tvpi_below_one, 0.0);
    }

    #[test]
    fn same_seed_same_bits_whatever_the_thread_count() {
        let p = sample();
        let config = small_config(300);
        let run_with = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap_or_else(|e| panic!("{e}"))
                .install(|| run(&p, &config, &|_| {}, &AtomicBool::new(false)))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let one = run_with(1);
        let three = run_with(3);
        assert_eq!(one, three);
        let other_seed = run(
            &p,
            &McConfig {
                seed: 8,
                ..config.clone()
            },
            &|_| {},
            &AtomicBool::new(false),
        );
        assert_ne!(other_seed.ok().map(|r| r.tvpi), Some(one.tvpi.clone()));
        // A spread exists, in the right order.
        assert!(one.tvpi.values.windows(2).all(|w| w[0] <= w[1]));
        assert!(one.tvpi.values[0] < one.tvpi.values[6]);
        assert_eq!(one.tvpi_histogram.iter().map(|b| b.2).sum::<usize>(), 300);
    }

    #[test]
    fn cancel_stops_the_run() {
        let p = sample();
        let cancel = AtomicBool::new(true);
        assert_eq!(
            run(&p, &small_config(1000), &|_| {}, &cancel),
            Err(McError::Cancelled)
        );
    }
}
