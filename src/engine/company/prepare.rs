//! A company placed on the fund's quarterly grid, with the figures the projection reads,
//! and the per-company adjustments a Monte Carlo path applies to it.

use super::levers::PreparedLever;
use super::terms::OperatingTerms;
use crate::engine::fund::wind_up::{last_quarter_index, sale_quarter};
use crate::engine::model::{Company, CostPool, FundTerms, Reading};
use crate::engine::num::Num;

/// Per-company adjustments applied on top of the model (Monte Carlo draws).
#[derive(Debug, Clone)]
pub struct CompanyAdjustment<T> {
    /// Multiplies each lever's realisation.
    pub realisation_scale: T,
    /// Added to the exit multiple.
    pub exit_multiple_shift: T,
    /// Added to annual revenue growth.
    pub growth_shift: T,
    /// Quarters the exit moves later.
    pub exit_delay_quarters: i64,
    /// The reading of the levers' gates: the plan (every gate passes) or risk-adjusted.
    pub reading: Reading,
    /// Per lever of the company, in model order, whether its gate passes (a Monte Carlo
    /// draw); `Some` overrides `reading`. A lever without a gate ignores its entry.
    pub gate_outcomes: Option<Vec<bool>>,
}

impl<T: Num> Default for CompanyAdjustment<T> {
    fn default() -> Self {
        Self {
            realisation_scale: T::one(),
            exit_multiple_shift: T::zero(),
            growth_shift: T::zero(),
            exit_delay_quarters: 0,
            reading: Reading::Plan,
            gate_outcomes: None,
        }
    }
}

/// A company ready to project on the fund grid.
#[derive(Debug, Clone)]
pub struct PreparedCompany<T> {
    /// Index into the fund's dates of the acquisition quarter.
    pub acquisition_index: usize,
    /// Index into the fund's dates of the exit quarter (after any adjustment).
    pub exit_index: usize,
    /// Exit quarter before any adjustment.
    base_exit_index: usize,
    /// Exit quarter as planned (after any adjustment), before the fund's end caps
    /// `exit_index`; a linear-to-exit mark runs to it.
    pub(super) planned_exit_index: usize,
    /// The fund's last quarter: an exit planned later is a liquidation there, at the mark
    /// (`engine::fund::wind_up`).
    last_fund_quarter: usize,
    /// Share of the mark given up at a liquidation at the fund's end.
    pub(super) liquidation_discount: T,
    /// Annual growth before any adjustment.
    base_growth: T,
    /// Exit multiple before any adjustment.
    base_exit_multiple: T,
    name: String,
    pub(super) ownership: T,
    pub(super) entry_revenue_quarter: T,
    pub(super) growth_quarter_factor: T,
    pub(super) pools: [T; 5],
    pub(super) capex_share: T,
    pub(super) tax_rate: T,
    pub(super) entry_multiple: T,
    pub(super) exit_multiple: T,
    pub(super) entry_debt: T,
    pub(super) interest_quarter: T,
    pub(super) cash_sweep: T,
    pub(super) transaction_costs: T,
    /// The manager's transaction fee, a share of entry EV (a use of funds at entry).
    pub(super) transaction_fee: T,
    /// The manager's monitoring fee each quarter (a cost below EBITDA).
    pub(super) monitoring_fee_quarter: T,
    pub(super) exit_costs: T,
    pub(super) levers: Vec<PreparedLever<T>>,
    /// The company's charge for the fund's shared platforms in each fund quarter (a cost
    /// below EBITDA; `engine::programme`); empty when none.
    pub(super) platform_charges: Vec<T>,
    pub(super) terms: OperatingTerms<T>,
}

/// Failure to prepare a company (the model is validated first, so these are rare).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrepareError {
    /// Annual growth (after any adjustment) at or below −100 %: no quarterly rate exists.
    #[error("company '{company}': revenue growth of −100 % or below cannot compound")]
    GrowthBelowMinusHundred {
        /// The company's name.
        company: String,
    },
    /// Fixed-cost inflation at or below −100 %: no quarterly rate exists.
    #[error("company '{company}': fixed-cost inflation of −100 % or below cannot compound")]
    InflationBelowMinusHundred {
        /// The company's name.
        company: String,
    },
    /// The acquisition or exit quarter is not on the fund's dates.
    #[error("company '{company}': {what} falls outside the fund's quarterly grid")]
    OutsideGrid {
        /// The company's name.
        company: String,
        /// Which date ("the exit date").
        what: &'static str,
    },
}

impl<T: Num> PreparedCompany<T> {
    /// Places `company` on the grid of `fund` (which starts at the quarter of its first
    /// close), with `adjustment` applied.
    pub fn new(
        company: &Company,
        fund: &FundTerms,
        adjustment: &CompanyAdjustment<T>,
    ) -> Result<Self, PrepareError> {
        Self::prepare(company, fund)?.adjusted(adjustment)
    }

    /// This company with `adjustment` applied to its unadjusted figures: cheap, so Monte
    /// Carlo prepares each company once and adjusts it per path.
    pub fn adjusted(&self, adjustment: &CompanyAdjustment<T>) -> Result<Self, PrepareError> {
        let mut c = self.clone();
        let growth = T::one() + c.base_growth + adjustment.growth_shift;
        c.growth_quarter_factor =
            growth
                .fourth_root()
                .ok_or_else(|| PrepareError::GrowthBelowMinusHundred {
                    company: c.name.clone(),
                })?;
        c.exit_multiple = c.base_exit_multiple + adjustment.exit_multiple_shift;
        let exit = i64::try_from(c.base_exit_index)
            .unwrap_or(i64::MAX)
            .saturating_add(adjustment.exit_delay_quarters);
        let earliest = i64::try_from(c.acquisition_index)
            .unwrap_or(i64::MAX)
            .saturating_add(1);
        c.planned_exit_index =
            usize::try_from(exit.max(earliest)).map_err(|_| PrepareError::OutsideGrid {
                company: c.name.clone(),
                what: "the exit date",
            })?;
        c.exit_index = sale_quarter(c.acquisition_index, c.planned_exit_index, c.last_fund_quarter);
        if adjustment.realisation_scale != T::one() {
            for lever in &mut c.levers {
                lever.realised_effect = lever.realised_effect * adjustment.realisation_scale;
            }
        }
        for (i, lever) in c.levers.iter_mut().enumerate() {
            let outcome = adjustment.gate_outcomes.as_ref().and_then(|o| o.get(i).copied());
            lever.set_outcome(adjustment.reading, outcome);
        }
        Ok(c)
    }

    /// Places `company` on the grid, unadjusted.
    fn prepare(company: &Company, fund: &FundTerms) -> Result<Self, PrepareError> {
        let grid_origin = fund.first_close;
        let outside = |what| PrepareError::OutsideGrid {
            company: company.name.clone(),
            what,
        };
        let acquisition_index = usize::try_from(crate::engine::grid::quarters_between(
            grid_origin,
            company.acquisition_date,
        ))
        .map_err(|_| outside("the acquisition date"))?;
        let exit_quarters = crate::engine::grid::quarters_between(grid_origin, company.exit_date).max(
            i64::try_from(acquisition_index)
                .unwrap_or(i64::MAX)
                .saturating_add(1),
        );
        let exit_index = usize::try_from(exit_quarters).map_err(|_| outside("the exit date"))?;

        let growth = T::one() + T::from_dec(company.revenue_growth);
        let growth_quarter_factor =
            growth
                .fourth_root()
                .ok_or_else(|| PrepareError::GrowthBelowMinusHundred {
                    company: company.name.clone(),
                })?;
        let four = T::from_i64(4);
        let pools = CostPool::ALL.map(|p| T::from_dec(company.cost_pools.get(p)));
        let entry_revenue = T::from_dec(company.entry_revenue);
        let entry_ebitda = crate::engine::entry::entry_ebitda(entry_revenue, pools);
        let levers = company
            .levers
            .iter()
            .map(|lever| PreparedLever::new(lever, acquisition_index))
            .collect();
        let terms = OperatingTerms::new(company, fund, acquisition_index).ok_or_else(|| {
            PrepareError::InflationBelowMinusHundred {
                company: company.name.clone(),
            }
        })?;
        Ok(Self {
            acquisition_index,
            exit_index: sale_quarter(acquisition_index, exit_index, last_quarter_index(fund)),
            planned_exit_index: exit_index,
            last_fund_quarter: last_quarter_index(fund),
            liquidation_discount: T::from_dec(fund.wind_up.liquidation_discount),
            ownership: T::from_dec(company.ownership),
            entry_revenue_quarter: entry_revenue / four,
            growth_quarter_factor,
            pools,
            capex_share: T::from_dec(company.maintenance_capex),
            tax_rate: T::from_dec(company.tax_rate),
            entry_multiple: T::from_dec(company.entry_multiple),
            exit_multiple: T::from_dec(company.exit_multiple),
            base_exit_multiple: T::from_dec(company.exit_multiple),
            base_exit_index: exit_index,
            base_growth: T::from_dec(company.revenue_growth),
            name: company.name.clone(),
            entry_debt: T::from_dec(company.debt_multiple) * entry_ebitda,
            interest_quarter: T::from_dec(company.interest_rate) / four,
            cash_sweep: T::from_dec(company.cash_sweep),
            transaction_costs: T::from_dec(company.transaction_costs),
            transaction_fee: T::from_dec(company.transaction_fee),
            monitoring_fee_quarter: T::from_dec(company.monitoring_fee) / four,
            exit_costs: T::from_dec(company.exit_costs),
            levers,
            platform_charges: Vec::new(),
            terms,
        })
    }

    /// Annual entry EBITDA.
    pub fn entry_ebitda(&self) -> T {
        crate::engine::entry::entry_ebitda(self.entry_revenue_quarter * T::from_i64(4), self.pools)
    }

    /// Enterprise value at entry: the entry multiple on entry EBITDA.
    pub(super) fn entry_enterprise_value(&self) -> T {
        crate::engine::entry::enterprise_value(self.entry_multiple, self.entry_ebitda())
    }

    /// The fund's equity cheque: its share of entry equity, transaction costs and fee,
    /// and the minimum cash put on the balance sheet.
    pub fn equity_cheque(&self) -> T {
        crate::engine::entry::equity_cheque(
            self.ownership,
            self.entry_enterprise_value(),
            self.entry_debt,
            self.entry_cost_share(),
            self.terms.minimum_cash,
        )
    }

    /// Transaction costs and the transaction fee together, as a share of entry EV.
    pub(super) fn entry_cost_share(&self) -> T {
        self.transaction_costs + self.transaction_fee
    }

    /// The fund's share of the transaction fee charged at the acquisition, to the cent.
    pub fn fund_transaction_fee(&self) -> T {
        (self.ownership * self.entry_enterprise_value() * self.transaction_fee).round_money()
    }

    /// Equity invested at entry, 100 % basis: EV less debt, plus costs, the transaction
    /// fee and minimum cash.
    pub(super) fn entry_equity_invested(&self) -> T {
        let ev = self.entry_enterprise_value();
        ev - self.entry_debt + ev * self.entry_cost_share() + self.terms.minimum_cash
    }

    /// The fund's ownership share.
    pub fn ownership(&self) -> T {
        self.ownership
    }

    /// Whether the company is still held at the fund's end and liquidated then, at its
    /// mark less the wind-up discount (`engine::fund::wind_up`).
    pub fn liquidated_at_end(&self) -> bool {
        self.exit_index < self.planned_exit_index
    }
}
