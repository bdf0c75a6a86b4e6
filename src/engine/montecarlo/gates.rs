//! Lever gates drawn pass / fail through a Gaussian copula (the model is stated at the
//! top of [`super`]): the gated levers are listed once per run, and each path draws its
//! factors and the levers' own terms from a stream of its own, so the draws of today's
//! drivers are the same with or without gates.

use rand::Rng;
use rand_distr::StandardNormal;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::super::company::CompanyAdjustment;
use super::super::model::{LeverKind, Portfolio, Sector, Uncertainty};
use super::draw::phi;

/// One lever with a gate, where it is and the probability of passing it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct GatedLever {
    /// Position of its company in the portfolio.
    pub(super) company: usize,
    /// Position of the lever in its company's levers.
    pub(super) lever: usize,
    /// Position of its kind in [`LeverKind::ALL`].
    kind: usize,
    /// Position of its company's sector in [`Sector::ALL`].
    sector: usize,
    /// Probability of passing, 0 to 1.
    pub(super) probability: f64,
}

/// The copula of a run: the gated levers and the square roots of the loadings.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct GateCopula {
    pub(super) levers: Vec<GatedLever>,
    /// Each company's number of levers (the length of its `gate_outcomes`).
    lever_counts: Vec<usize>,
    ai: f64,
    kind: f64,
    sector: f64,
    own: f64,
}

fn share(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0).clamp(0.0, 1.0)
}

impl GateCopula {
    /// The gated levers of `portfolio` and the loadings of `u` (each clamped to 0–1; the
    /// lever's own term takes what is left of the variance, none when they exceed 1,
    /// which validation refuses).
    pub(super) fn of(portfolio: &Portfolio, u: &Uncertainty) -> Self {
        let mut levers = Vec::new();
        for (c, company) in portfolio.companies.iter().enumerate() {
            let sector = Sector::ALL.iter().position(|s| *s == company.sector).unwrap_or(0);
            for (l, lever) in company.levers.iter().enumerate() {
                if let Some(gate) = &lever.programme.gate {
                    levers.push(GatedLever {
                        company: c,
                        lever: l,
                        kind: LeverKind::ALL.iter().position(|k| *k == lever.kind).unwrap_or(0),
                        sector,
                        probability: share(gate.probability),
                    });
                }
            }
        }
        let (a, b, c) = (
            share(u.ai_execution_loading),
            share(u.lever_kind_loading),
            share(u.sector_loading),
        );
        Self {
            levers,
            lever_counts: portfolio.companies.iter().map(|c| c.levers.len()).collect(),
            ai: a.sqrt(),
            kind: b.sqrt(),
            sector: c.sqrt(),
            own: (1.0 - a - b - c).max(0.0).sqrt(),
        }
    }

    /// Whether no lever has a gate (a path then draws nothing for gates).
    pub(super) fn is_empty(&self) -> bool {
        self.levers.is_empty()
    }

    /// One path's outcomes, one per gated lever in model order (`true`: it passes). The
    /// stream's draws, in order: the AI execution factor, one factor per lever kind
    /// ([`LeverKind::ALL`] order), one per sector ([`Sector::ALL`] order), then each
    /// gated lever's own term.
    pub(super) fn draw(&self, rng: &mut impl Rng) -> Vec<bool> {
        let ai: f64 = rng.sample(StandardNormal);
        let kinds: [f64; LeverKind::ALL.len()] = std::array::from_fn(|_| rng.sample(StandardNormal));
        let sectors: [f64; Sector::ALL.len()] = std::array::from_fn(|_| rng.sample(StandardNormal));
        self.levers
            .iter()
            .map(|lever| {
                let own: f64 = rng.sample(StandardNormal);
                let z = self.ai * ai
                    + self.kind * kinds.get(lever.kind).copied().unwrap_or(0.0)
                    + self.sector * sectors.get(lever.sector).copied().unwrap_or(0.0)
                    + self.own * own;
                lever.probability >= 1.0 || phi(z) < lever.probability
            })
            .collect()
    }

    /// Sets each company's `gate_outcomes` from one path's `passes` (a company without a
    /// gated lever keeps `None`: its reading, the plan, applies).
    pub(super) fn apply(&self, passes: &[bool], adjustments: &mut [CompanyAdjustment<f64>]) {
        for (lever, pass) in self.levers.iter().zip(passes) {
            let Some(adjustment) = adjustments.get_mut(lever.company) else {
                continue;
            };
            let count = self.lever_counts.get(lever.company).copied().unwrap_or(0);
            let outcomes = adjustment.gate_outcomes.get_or_insert_with(|| vec![true; count]);
            if let Some(slot) = outcomes.get_mut(lever.lever) {
                *slot = *pass;
            }
        }
    }
}

#[cfg(test)]
mod tests;
