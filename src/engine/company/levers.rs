//! Levers on the quarterly grid: the ramp of each, and what the live levers do to
//! revenue, the cost pools and inventory in one quarter.
//!
//! Levers acting on the same pool compound: with effects `e₁ … eₙ` live in a quarter the
//! pool keeps `Π(1 − eᵢ)` of itself, a reduction of `1 − Π(1 − eᵢ)` (two 20 % cuts make
//! 36 %, not 40 %; the second lever works on what the first left). Levers on inventory
//! days compound the same way. Revenue uplifts add up (`1 + Σ uᵢ`), the lower of the two
//! readings for uplifts. Each effect is capped at 100 % of what it acts on; a temporary
//! dis-synergy (a negative effect, see `programme`) at −100 %, and the levers together
//! may at most double a pool.
//!
//! A lever's phases (pilot, gate, scale-up), phased costs and dis-synergy are placed by
//! [`PreparedLever::new`] and read quarter by quarter in [`super::programme`], whose
//! module documentation states the rules.

use super::programme::{GateTerms, PilotTerms};
use crate::engine::model::{CostPool, GateFailure, Lever, LeverFunding, LeverTarget, RampShape};
use crate::engine::num::Num;

/// What a lever acts on, on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Acts {
    /// A cost pool, by index in [`CostPool::ALL`].
    Pool(usize),
    /// Revenue.
    Revenue,
    /// Inventory days.
    Inventory,
}

/// A lever turned into per-quarter terms.
#[derive(Debug, Clone)]
pub(super) struct PreparedLever<T> {
    pub(super) acts: Acts,
    /// Scale-up effect at full ramp: effect × realisation × scale.
    pub(super) realised_effect: T,
    /// Fund-grid quarter of the first quarter of the scale-up.
    pub(super) start: usize,
    /// Ramp fraction for the quarters after start; full effect after the last.
    pub(super) ramp: Vec<T>,
    /// The scale-up's one-time cost spent in each quarter from `start` (one tranche
    /// without cost phasing).
    pub(super) tranches: Vec<T>,
    /// Share of each one-time cost (scale-up and pilot) capitalised.
    pub(super) capex_share: T,
    /// Quarters a capitalised cost is depreciated over, from the quarter after it is spent.
    pub(super) depreciation_quarters: usize,
    pub(super) run_cost_per_quarter: T,
    /// Whether the owners fund the one-time costs with equity (the fund its share).
    pub(super) fund_funded: bool,
    /// The pilot, if any.
    pub(super) pilot: Option<PilotTerms<T>>,
    /// The gate, if any.
    pub(super) gate: Option<GateTerms<T>>,
    /// Share of what the lever acts on lost from `start`, and for how many quarters.
    pub(super) dis_synergy: Option<(T, usize)>,
}

impl<T: Num> PreparedLever<T> {
    /// Places `lever` on the grid of a company acquired in quarter `acquisition_index`
    /// (a shared platform's delay and learning are already in the lever: see
    /// `engine::programme`).
    pub(super) fn new(lever: &Lever, acquisition_index: usize) -> Self {
        let programme = &lever.programme;
        // The first quarter the company operates under the fund.
        let first = acquisition_index + 1;
        let realised_effect = T::from_dec(lever.effect) * T::from_dec(lever.realisation);
        let run_cost_per_quarter = T::from_dec(lever.annual_run_cost) / T::from_i64(4);
        let pilot = programme
            .pilot
            .as_ref()
            .map(|p| PilotTerms::new(p, first, realised_effect, run_cost_per_quarter));
        let gate = programme.gate.as_ref().map(|g| GateTerms {
            at: first - 1 + g.quarter as usize,
            probability: T::from_dec(g.probability),
            keep_pilot: g.on_failure == GateFailure::KeepPilot,
            weight: T::one(),
        });
        let start = match (&gate, &pilot) {
            (Some(gate), _) => gate.at + 1,
            (None, Some(pilot)) => pilot.end() + 1,
            (None, None) => first + lever.start_delay_quarters as usize,
        };
        let one_time_cost = T::from_dec(lever.one_time_cost);
        let tranches = if programme.cost_phasing.is_empty() {
            vec![one_time_cost]
        } else {
            programme
                .cost_phasing
                .iter()
                .map(|share| one_time_cost * T::from_dec(*share))
                .collect()
        };
        Self {
            acts: match lever.target {
                LeverTarget::Pool(p) => Acts::Pool(pool_index(p)),
                LeverTarget::Revenue => Acts::Revenue,
                LeverTarget::InventoryDays => Acts::Inventory,
            },
            realised_effect,
            start,
            ramp: ramp_fractions(lever.ramp_quarters, lever.ramp_shape),
            tranches,
            capex_share: T::from_dec(lever.one_time_capex_share),
            depreciation_quarters: (lever.capex_life_years as usize).saturating_mul(4).max(1),
            run_cost_per_quarter,
            fund_funded: lever.funding == LeverFunding::FundFollowOn,
            pilot,
            gate,
            dis_synergy: programme
                .dis_synergy
                .as_ref()
                .map(|d| (T::from_dec(d.share), d.quarters as usize)),
        }
    }
}

/// Index of `pool` in [`CostPool::ALL`].
pub(super) fn pool_index(pool: CostPool) -> usize {
    match pool {
        CostPool::Materials => 0,
        CostPool::DirectLabour => 1,
        CostPool::Energy => 2,
        CostPool::Maintenance => 3,
        CostPool::Overhead => 4,
    }
}

/// The ramp fraction at the end of each of `quarters` quarters.
pub(super) fn ramp_fractions<T: Num>(quarters: u32, shape: RampShape) -> Vec<T> {
    let n = T::from_i64(i64::from(quarters));
    (1..=i64::from(quarters))
        .map(|k| {
            let x = T::from_i64(k) / n;
            match shape {
                RampShape::Linear => x,
                RampShape::SCurve => {
                    let three = T::from_i64(3);
                    let two = T::from_i64(2);
                    x * x * (three - two * x)
                }
            }
        })
        .collect()
}

/// What the live levers do in one quarter.
#[derive(Debug, Clone, Copy)]
pub(super) struct LeverQuarter<T> {
    /// Revenue uplift, a share of baseline revenue.
    uplift: T,
    /// Share of each cost pool kept after the levers: `Π(1 − eᵢ)`.
    pub(super) pool_kept: [T; 5],
    /// Share of inventory days kept after the levers.
    pub(super) inventory_kept: T,
    /// Run costs of the levers live this quarter.
    pub(super) run_costs: T,
    /// One-time costs spent this quarter, whoever funds them.
    pub(super) one_time: T,
    /// The capitalised part of `one_time`.
    pub(super) capitalised: T,
    /// The part of `one_time` the owners fund with equity (100 % basis).
    pub(super) equity_funded: T,
    /// Depreciation of capitalised lever costs this quarter, and any write-off.
    pub(super) depreciation: T,
}

impl<T: Num> LeverQuarter<T> {
    /// The effect of `levers` in fund-grid quarter `q`.
    pub(super) fn at(levers: &[PreparedLever<T>], q: usize) -> Self {
        let zero = T::zero();
        let one = T::one();
        let mut quarter = Self {
            uplift: zero,
            pool_kept: [one; 5],
            inventory_kept: one,
            run_costs: zero,
            one_time: zero,
            capitalised: zero,
            equity_funded: zero,
            depreciation: zero,
        };
        for lever in levers {
            if q < lever.first_quarter() {
                continue;
            }
            let effect = lever.effect_at(q);
            match lever.acts {
                Acts::Pool(p) => {
                    if let Some(kept) = quarter.pool_kept.get_mut(p) {
                        // A dis-synergy (a negative effect) raises the pool; the levers
                        // together may at most double it.
                        *kept = (*kept * (one - effect))
                            .min_of(one + one)
                            .carried(crate::engine::num::FACTOR_DP);
                    }
                }
                Acts::Revenue => quarter.uplift += effect,
                Acts::Inventory => {
                    quarter.inventory_kept = (quarter.inventory_kept * (one - effect)).min_of(one + one);
                }
            }
            let costs = lever.costs_at(q);
            quarter.run_costs += costs.run;
            quarter.one_time += costs.one_time;
            quarter.capitalised += costs.one_time * lever.capex_share;
            if lever.fund_funded {
                quarter.equity_funded += costs.one_time;
            }
            quarter.depreciation += costs.depreciation;
        }
        quarter
    }

    /// Revenue with the uplift on `base_revenue`.
    pub(super) fn revenue(&self, base_revenue: T) -> T {
        base_revenue * (T::one() + self.uplift)
    }
}
