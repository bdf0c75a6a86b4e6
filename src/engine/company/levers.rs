//! Levers on the quarterly grid: the ramp of each, and what the live levers do to
//! revenue, the cost pools and inventory in one quarter.
//!
//! Levers acting on the same pool compound: with effects `e₁ … eₙ` live in a quarter the
//! pool keeps `Π(1 − eᵢ)` of itself, a reduction of `1 − Π(1 − eᵢ)` (two 20 % cuts make
//! 36 %, not 40 %; the second lever works on what the first left). Levers on inventory
//! days compound the same way. Revenue uplifts add up (`1 + Σ uᵢ`), the lower of the two
//! readings for uplifts. Each effect is capped at 100 % of what it acts on.

use crate::engine::model::{CostPool, Lever, LeverFunding, LeverTarget, RampShape};
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
    /// Effect × realisation × scale.
    pub(super) realised_effect: T,
    /// Fund-grid quarter of the first operating quarter of the lever.
    pub(super) start: usize,
    /// Ramp fraction for the quarters after start; full effect after the last.
    ramp: Vec<T>,
    /// The one-time cost, spent in the start quarter.
    pub(super) one_time_cost: T,
    /// The capitalised part of the one-time cost.
    capitalised: T,
    /// Depreciation of the capitalised part per quarter, for `depreciation_quarters`.
    depreciation_per_quarter: T,
    depreciation_quarters: usize,
    run_cost_per_quarter: T,
    /// Whether the owners fund the one-time cost with equity (the fund its share).
    pub(super) fund_funded: bool,
}

impl<T: Num> PreparedLever<T> {
    /// Places `lever` on the grid of a company acquired in quarter `acquisition_index`.
    pub(super) fn new(lever: &Lever, acquisition_index: usize) -> Self {
        let four = T::from_i64(4);
        let one_time_cost = T::from_dec(lever.one_time_cost);
        let capitalised = one_time_cost * T::from_dec(lever.one_time_capex_share);
        let life_quarters = (lever.capex_life_years as usize).saturating_mul(4).max(1);
        Self {
            acts: match lever.target {
                LeverTarget::Pool(p) => Acts::Pool(pool_index(p)),
                LeverTarget::Revenue => Acts::Revenue,
                LeverTarget::InventoryDays => Acts::Inventory,
            },
            realised_effect: T::from_dec(lever.effect) * T::from_dec(lever.realisation),
            start: acquisition_index + 1 + lever.start_delay_quarters as usize,
            ramp: ramp_fractions(lever.ramp_quarters, lever.ramp_shape),
            one_time_cost,
            capitalised,
            depreciation_per_quarter: capitalised / T::from_i64(i64::try_from(life_quarters).unwrap_or(1)),
            depreciation_quarters: life_quarters,
            run_cost_per_quarter: T::from_dec(lever.annual_run_cost) / four,
            fund_funded: lever.funding == LeverFunding::FundFollowOn,
        }
    }

    /// The lever's effect in fund-grid quarter `q` (zero before it starts), capped at 1.
    pub(super) fn effect_at(&self, q: usize) -> T {
        if q < self.start {
            return T::zero();
        }
        let fraction = self.ramp.get(q - self.start).copied().unwrap_or(T::one());
        (self.realised_effect * fraction)
            .min_of(T::one())
            .carried(crate::engine::num::FACTOR_DP)
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

fn ramp_fractions<T: Num>(quarters: u32, shape: RampShape) -> Vec<T> {
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
    /// Depreciation of capitalised lever costs this quarter.
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
            if q < lever.start {
                continue;
            }
            let since = q - lever.start;
            let effect = lever.effect_at(q);
            match lever.acts {
                Acts::Pool(p) => {
                    if let Some(kept) = quarter.pool_kept.get_mut(p) {
                        *kept = (*kept * (one - effect)).carried(crate::engine::num::FACTOR_DP);
                    }
                }
                Acts::Revenue => quarter.uplift += effect,
                Acts::Inventory => quarter.inventory_kept = quarter.inventory_kept * (one - effect),
            }
            quarter.run_costs += lever.run_cost_per_quarter;
            if since == 0 {
                quarter.one_time += lever.one_time_cost;
                quarter.capitalised += lever.capitalised;
                if lever.fund_funded {
                    quarter.equity_funded += lever.one_time_cost;
                }
            } else if since <= lever.depreciation_quarters {
                quarter.depreciation += lever.depreciation_per_quarter;
            }
        }
        quarter
    }

    /// Revenue with the uplift on `base_revenue`.
    pub(super) fn revenue(&self, base_revenue: T) -> T {
        base_revenue * (T::one() + self.uplift)
    }
}
