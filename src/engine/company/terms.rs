//! The version-2 operating and valuation terms of a company, turned into per-quarter
//! figures once when the company is prepared: fixed costs, working-capital factors,
//! depreciation, tax rules, cash, the marking policy, partial exits and the management
//! pool. The conventions are stated at the top of [`super`].

use chrono::NaiveDate;

use crate::engine::grid;
use crate::engine::model::{
    Company, ComparablePath, CostPool, DepreciationMethod, FundTerms, MarkingPolicy, MultiplePoint,
};
use crate::engine::num::Num;

/// Days in the year working-capital days are counted on.
const DAYS_IN_YEAR: i64 = 365;

/// How D&A of the company's own assets is worked out each quarter.
#[derive(Debug, Clone, Copy)]
pub(super) enum DepreciationTerms<T> {
    /// A share of the quarter's revenue.
    ShareOfRevenue(T),
    /// Straight line: `gross assets / life` a quarter, capped at the net book value.
    AssetBase {
        /// Net book value at the acquisition (taken as the gross base too).
        opening_assets: T,
        /// `1 / (useful life in quarters)`.
        rate_per_quarter: T,
    },
}

/// The operating and valuation terms of one company, per quarter.
#[derive(Debug, Clone)]
pub(super) struct OperatingTerms<T> {
    /// Each pool's variable part as a share of revenue: `share × (1 − fixed share)`.
    pub(super) variable_shares: [T; 5],
    /// Each pool's fixed part in the entry quarter: `entry revenue / 4 × share × fixed share`.
    pub(super) fixed_entry_quarter: [T; 5],
    /// `Σ variable_shares`.
    pub(super) total_variable_share: T,
    /// `Σ fixed_entry_quarter`.
    pub(super) total_fixed_entry_quarter: T,
    /// Whether any working-capital days are set (else working capital is zero throughout).
    pub(super) has_working_capital: bool,
    /// `(1 + inflation)^(1/4)`, the quarterly growth of the fixed part.
    pub(super) fixed_growth_quarter: T,
    /// Receivable days (on annualised quarterly revenue, over 365).
    pub(super) receivable_days: T,
    /// Inventory days (on annualised quarterly cost of goods, over 365).
    pub(super) inventory_days: T,
    /// Payable days (on annualised quarterly cost of goods, over 365).
    pub(super) payable_days: T,
    pub(super) depreciation: DepreciationTerms<T>,
    /// Net interest deductible, as a share of the quarter's EBITDA.
    pub(super) interest_cap: Option<T>,
    /// Share of taxable income that losses carried forward may offset.
    pub(super) loss_offset_cap: Option<T>,
    pub(super) opening_tax_losses: T,
    pub(super) minimum_cash: T,
    pub(super) cash_rate_quarter: T,
    /// The policy in force (the company's, else the fund's).
    pub(super) marking: MarkingPolicy,
    /// For [`MarkingPolicy::Comparables`]: the sector multiple in each fund quarter over
    /// its value at the acquisition (empty otherwise, or when no path exists).
    pub(super) comparable_ratio: Vec<T>,
    /// `(fund quarter, share of the original holding)` of each partial sale, in order.
    pub(super) partial_exits: Vec<(usize, T)>,
    pub(super) pool_share: T,
    pub(super) pool_hurdle: T,
}

impl<T: Num> OperatingTerms<T> {
    /// The terms of `company` in `fund`, acquired in fund quarter `acquisition_index`.
    pub(super) fn new(company: &Company, fund: &FundTerms, acquisition_index: usize) -> Option<Self> {
        let wc = &company.working_capital;
        let life_quarters = i64::from(company.depreciation.useful_life_years.max(1)) * 4;
        let depreciation = match company.depreciation.method {
            DepreciationMethod::ShareOfRevenue => DepreciationTerms::ShareOfRevenue(T::from_dec(
                company
                    .depreciation
                    .share_of_revenue
                    .unwrap_or(company.maintenance_capex),
            )),
            DepreciationMethod::AssetBase => DepreciationTerms::AssetBase {
                opening_assets: T::from_dec(company.depreciation.opening_assets),
                rate_per_quarter: T::one() / T::from_i64(life_quarters),
            },
        };
        let marking = company.marking_policy.unwrap_or(fund.marking_policy);
        let comparable_ratio = match marking {
            MarkingPolicy::Comparables => fund
                .comparable_multiples
                .iter()
                .find(|p| p.sector == company.sector)
                .map(|path| comparable_ratios(path, fund.first_close, acquisition_index))
                .unwrap_or_default(),
            MarkingPolicy::EntryMultiple | MarkingPolicy::LinearToExit => Vec::new(),
        };
        let partial_exits = company
            .partial_exits
            .iter()
            .filter_map(|sale| {
                let q = usize::try_from(grid::quarters_between(fund.first_close, sale.date)).ok()?;
                (q > acquisition_index).then(|| (q, T::from_dec(sale.share)))
            })
            .collect();
        let entry_revenue_quarter = T::from_dec(company.entry_revenue) / T::from_i64(4);
        let shares = CostPool::ALL.map(|p| T::from_dec(company.cost_pools.get(p)));
        let fixed_shares = CostPool::ALL.map(|p| T::from_dec(company.fixed_costs.shares.get(p)));
        let mut variable_shares = [T::zero(); 5];
        let mut fixed_entry_quarter = [T::zero(); 5];
        for (p, (share, fixed)) in shares.iter().zip(fixed_shares).enumerate() {
            if let (Some(variable), Some(entry)) =
                (variable_shares.get_mut(p), fixed_entry_quarter.get_mut(p))
            {
                *variable = *share * (T::one() - fixed);
                *entry = entry_revenue_quarter * *share * fixed;
            }
        }
        Some(Self {
            variable_shares,
            fixed_entry_quarter,
            total_variable_share: variable_shares.iter().copied().sum(),
            total_fixed_entry_quarter: fixed_entry_quarter.iter().copied().sum(),
            has_working_capital: [wc.receivable_days, wc.inventory_days, wc.payable_days]
                .iter()
                .any(|d| !d.is_zero()),
            fixed_growth_quarter: (T::one() + T::from_dec(company.fixed_costs.inflation)).fourth_root()?,
            receivable_days: T::from_dec(wc.receivable_days),
            inventory_days: T::from_dec(wc.inventory_days),
            payable_days: T::from_dec(wc.payable_days),
            depreciation,
            interest_cap: company.tax.interest_cap.map(T::from_dec),
            loss_offset_cap: company.tax.loss_offset_cap.map(T::from_dec),
            opening_tax_losses: T::from_dec(company.tax.opening_tax_losses),
            minimum_cash: T::from_dec(company.cash.minimum_cash),
            cash_rate_quarter: T::from_dec(company.cash.interest_rate_on_cash) / T::from_i64(4),
            marking,
            comparable_ratio,
            partial_exits,
            pool_share: T::from_dec(company.management_pool.share),
            pool_hurdle: T::from_dec(company.management_pool.hurdle_multiple),
        })
    }

    /// Pool `p`'s cost in a quarter before the levers: its variable part on `revenue`
    /// plus its fixed part, the entry amount grown to `fixed_index`.
    pub(super) fn pool_before_levers(&self, p: usize, revenue: T, fixed_index: T) -> T {
        let variable = self.variable_shares.get(p).copied().unwrap_or_default();
        let fixed_entry = self.fixed_entry_quarter.get(p).copied().unwrap_or_default();
        let cost = revenue * variable;
        if fixed_entry == T::zero() {
            cost
        } else {
            cost + fixed_entry * fixed_index
        }
    }

    /// Inventory on a quarter's `cost_of_goods` before inventory-days levers.
    pub(super) fn inventory_before_levers(&self, cost_of_goods: T) -> T {
        cost_of_goods * self.inventory_days * T::from_i64(4) / T::from_i64(DAYS_IN_YEAR)
    }

    /// Working capital on a quarter's `revenue` and `cost_of_goods`, with `inventory_kept`
    /// of the inventory days after the levers: receivables + inventory − payables.
    pub(super) fn working_capital(&self, revenue: T, cost_of_goods: T, inventory_kept: T) -> T {
        if !self.has_working_capital {
            return T::zero();
        }
        let day_weighted = revenue * self.receivable_days
            + cost_of_goods * (self.inventory_days * inventory_kept)
            - cost_of_goods * self.payable_days;
        (day_weighted * T::from_i64(4) / T::from_i64(DAYS_IN_YEAR)).carried(crate::engine::num::AMOUNT_DP)
    }

    /// The management pool on a 100 % `equity` value when `invested` equity went in.
    pub(super) fn management_pool(&self, equity: T, invested: T) -> T {
        if self.pool_share == T::zero() {
            return T::zero();
        }
        (equity - self.pool_hurdle * invested).max_of(T::zero()) * self.pool_share
    }
}

/// The path's multiple in each fund quarter over its multiple at the acquisition quarter
/// (linear between points, flat outside them), for [`crate::engine::fund::MAX_QUARTERS`]
/// quarters.
fn comparable_ratios<T: Num>(
    path: &ComparablePath,
    first_close: NaiveDate,
    acquisition_index: usize,
) -> Vec<T> {
    let at = |q: usize| multiple_on::<T>(&path.points, grid::nth_quarter_end(first_close, q));
    let Some(base) = at(acquisition_index).filter(|m| *m > T::zero()) else {
        return Vec::new();
    };
    (0..crate::engine::fund::MAX_QUARTERS)
        .map(|q| at(q).map_or(T::one(), |m| m / base))
        .collect()
}

/// The multiple of `points` on `date`, interpolated linearly by days.
fn multiple_on<T: Num>(points: &[MultiplePoint], date: NaiveDate) -> Option<T> {
    let first = points.first()?;
    if date <= first.date {
        return Some(T::from_dec(first.multiple));
    }
    for pair in points.windows(2) {
        let [a, b] = pair else { continue };
        if date <= b.date {
            let span = (b.date - a.date).num_days().max(1);
            let into = (date - a.date).num_days();
            let (ma, mb) = (T::from_dec(a.multiple), T::from_dec(b.multiple));
            return Some(ma + (mb - ma) * T::from_i64(into) / T::from_i64(span));
        }
    }
    points.last().map(|p| T::from_dec(p.multiple))
}
