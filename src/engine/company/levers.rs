//! Levers on the quarterly grid: the ramp of each, and what the live levers do to
//! revenue and the cost pools in one quarter.

use crate::engine::model::{CostPool, Lever, LeverFunding, LeverTarget, RampShape};
use crate::engine::num::Num;

/// A lever turned into per-quarter terms.
#[derive(Debug, Clone)]
pub(super) struct PreparedLever<T> {
    /// `None` for a revenue uplift.
    pool: Option<usize>,
    /// Effect × realisation × scale.
    pub(super) realised_effect: T,
    /// Fund-grid quarter of the first operating quarter of the lever.
    pub(super) start: usize,
    /// Ramp fraction for the quarters after start; full effect after the last.
    ramp: Vec<T>,
    pub(super) one_time_cost: T,
    run_cost_per_quarter: T,
    pub(super) fund_funded: bool,
}

impl<T: Num> PreparedLever<T> {
    /// Places `lever` on the grid of a company acquired in quarter `acquisition_index`.
    pub(super) fn new(lever: &Lever, acquisition_index: usize) -> Self {
        let four = T::from_i64(4);
        Self {
            pool: match lever.target {
                LeverTarget::Pool(p) => Some(pool_index(p)),
                LeverTarget::Revenue | LeverTarget::InventoryDays => None,
            },
            realised_effect: T::from_dec(lever.effect) * T::from_dec(lever.realisation),
            start: acquisition_index + 1 + lever.start_delay_quarters as usize,
            ramp: ramp_fractions(lever.ramp_quarters, lever.ramp_shape),
            one_time_cost: T::from_dec(lever.one_time_cost),
            run_cost_per_quarter: T::from_dec(lever.annual_run_cost) / four,
            fund_funded: lever.funding == LeverFunding::FundFollowOn,
        }
    }
}

fn pool_index(pool: CostPool) -> usize {
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
    /// Reduction of each cost pool, a share of the pool (capped at all of it).
    reductions: [T; 5],
    /// Run costs of the levers live this quarter.
    pub(super) run_costs: T,
    /// One-time costs the company pays this quarter (fund-funded ones are follow-ons).
    pub(super) one_time_company: T,
}

impl<T: Num> LeverQuarter<T> {
    /// The effect of `levers` in fund-grid quarter `q`.
    pub(super) fn at(levers: &[PreparedLever<T>], q: usize) -> Self {
        let zero = T::zero();
        let mut quarter = Self {
            uplift: zero,
            reductions: [zero; 5],
            run_costs: zero,
            one_time_company: zero,
        };
        for lever in levers {
            if q < lever.start {
                continue;
            }
            let since = q - lever.start;
            let fraction = lever.ramp.get(since).copied().unwrap_or(T::one());
            let effect = lever.realised_effect * fraction;
            match lever.pool {
                #[expect(
                    clippy::indexing_slicing,
                    reason = "`p` comes from `pool_index`, 0 to 4, one per CostPool, and the array has 5"
                )]
                Some(p) => quarter.reductions[p] += effect,
                None => quarter.uplift += effect,
            }
            quarter.run_costs += lever.run_cost_per_quarter;
            if since == 0 && !lever.fund_funded {
                quarter.one_time_company += lever.one_time_cost;
            }
        }
        quarter
    }

    /// Revenue with the uplift on `base_revenue`.
    pub(super) fn revenue(&self, base_revenue: T) -> T {
        base_revenue * (T::one() + self.uplift)
    }

    /// Costs on `revenue`: the run costs plus each pool (`pools`, shares of revenue) after
    /// its reduction.
    pub(super) fn costs(&self, revenue: T, pools: &[T; 5]) -> T {
        let mut costs = self.run_costs;
        for (share, reduction) in pools.iter().zip(self.reductions) {
            costs += revenue * *share * (T::one() - reduction.min_of(T::one()));
        }
        costs
    }
}
