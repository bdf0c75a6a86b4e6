//! One Monte Carlo path: what every path shares (prepared once per run), the drivers'
//! and the lever gates' draws of path `i` from its own streams, and its projection and
//! figures (the rules are at the top of [`super`]).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use rust_decimal::prelude::ToPrimitive;

use super::draw::Spreads;
use super::gates::GateCopula;
use super::summary::{self, PathOutcome};
use super::{GATE_STREAM, McConfig, McError, default_uncertainty, year_end_quarters};
use crate::engine::company::{CompanyAdjustment, PrepareError, PreparedCompany};
use crate::engine::fund::{self, Detail};
use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;
use crate::engine::stage_gates::StageBaseline;

/// What every path of a run shares, prepared once.
pub(super) struct Setup<'a> {
    pub(super) portfolio: &'a Portfolio,
    /// The portfolio with its stage gates removed, when the value of staging is asked for.
    pub(super) ungated: Option<Portfolio>,
    pub(super) prepared: Vec<PreparedCompany<f64>>,
    pub(super) spreads: Spreads,
    pub(super) copula: GateCopula,
    /// The plan figures the stage gates read.
    pub(super) baseline: StageBaseline<f64>,
    /// Each company's entry multiple (the bridge's AI line over it is the EBITDA uplift).
    pub(super) entry_multiples: Vec<f64>,
    pub(super) seed: u64,
    pub(super) year_quarters: Vec<usize>,
}

/// Σ over companies of the exit LTM AI EBITDA uplift: the bridge's AI line (uplift ×
/// entry multiple) over the entry multiple.
pub(super) fn ai_uplift(result: &FundResult<f64>, entry_multiples: &[f64]) -> f64 {
    result
        .companies
        .iter()
        .zip(entry_multiples)
        .filter(|(_, m)| **m > 0.0)
        .map(|(c, m)| c.bridge.ai_levers / m)
        .sum()
}

/// One path's adjustments: the drivers' draws for each company, and the lever gates'.
pub(super) fn draw_adjustments(s: &Setup<'_>, path: u64) -> (Vec<CompanyAdjustment<f64>>, Vec<bool>) {
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

pub(super) fn simulate_path(s: &Setup<'_>, path: u64) -> Result<PathOutcome, McError> {
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
        gross_moic: m.gross_moic.unwrap_or(f64::NAN),
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

/// What every path shares: the companies in f64, the spreads, the copula, the plan
/// figures of the stage gates, and the portfolio without gates when it is compared.
pub(super) fn setup<'a>(portfolio: &'a Portfolio, config: &McConfig) -> Result<Setup<'a>, McError> {
    let model = |e: PrepareError| McError::Model(e.to_string());
    let uncertainty = portfolio.uncertainty.clone().unwrap_or_else(default_uncertainty);
    // Convert every company to f64 once; each path only adjusts the prepared figures.
    let prepared: Vec<PreparedCompany<f64>> = crate::engine::programme::scheduled_companies(portfolio)
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
