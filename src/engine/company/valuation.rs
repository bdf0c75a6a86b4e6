//! A company's value in one quarter: the mark of what the fund holds (the multiple its
//! marking policy gives), the sales (partial and final, a liquidation at the fund's end
//! at the mark less the wind-up discount) and the management pool, and the exit figures
//! the value bridge is built from. The conventions ("Marks", "Sales") are at the top of
//! [`super`].

use super::cash::Balances;
use super::prepare::PreparedCompany;
use super::projection::Running;
use crate::engine::model::MarkingPolicy;
use crate::engine::num::Num;
use crate::engine::results::CompanyPeriod;

/// The exit figures the bridge is built from (annual, 100 %).
pub(super) struct ExitFigures<T> {
    /// LTM revenue had no lever been applied.
    pub(super) revenue_without_levers: T,
    /// LTM EBITDA, levers included.
    pub(super) ebitda: T,
    /// LTM EBITDA had no lever been applied.
    pub(super) ebitda_without_levers: T,
    /// Debt and overdraft less cash.
    pub(super) net_debt: T,
    pub(super) working_capital: T,
    /// The management pool paid at the final sale.
    pub(super) management_pool: T,
    /// EV / EBITDA of the final sale: the exit multiple, or the mark at a liquidation.
    pub(super) sale_multiple: T,
    /// Costs of the final sale (see `sale_costs`).
    pub(super) sale_costs: T,
}

impl<T: Num> PreparedCompany<T> {
    /// The sale (final, or partial in its quarter) and the mark of what the fund still
    /// holds, into `period`; moves the fund's ownership on.
    pub(super) fn value(
        &self,
        q: usize,
        is_exit: bool,
        period: &mut CompanyPeriod<T>,
        balances: &Balances<T>,
        run: &mut Running<T>,
    ) {
        let zero = T::zero();
        let ltm = period.ltm_ebitda;
        let net_debt = balances.net_debt();
        let sold_share = if is_exit {
            run.ownership
        } else {
            self.terms
                .partial_exits
                .iter()
                .filter(|(at, _)| *at == q)
                .map(|(_, share)| *share * self.ownership)
                .sum::<T>()
                .min_of(run.ownership)
        };
        if is_exit || sold_share > zero {
            // Held at the fund's end: liquidated at the mark, less the wind-up discount
            // instead of exit costs (`engine::fund::wind_up`).
            let (sale_multiple, sale_costs, kept) = if is_exit && self.liquidated_at_end() {
                (self.mark_multiple(q), zero, T::one() - self.liquidation_discount)
            } else {
                (self.exit_multiple, self.exit_costs, T::one())
            };
            let sale_ev = sale_multiple * ltm;
            let sale_equity = (sale_ev * (T::one() - sale_costs) - net_debt).max_of(zero);
            let pool = self.terms.management_pool(sale_equity, run.invested);
            period.fund_proceeds = (sold_share * (sale_equity - pool) * kept).round_money();
            run.ownership -= sold_share;
            if is_exit {
                period.held = false;
                period.multiple = sale_multiple;
                period.enterprise_value = sale_ev;
                period.equity_value = (sale_ev - net_debt).max_of(zero);
                period.management_pool = pool;
                return;
            }
            period.management_pool = pool;
        }
        let multiple = self.mark_multiple(q);
        let enterprise_value = multiple * ltm;
        let equity_value = (enterprise_value - net_debt).max_of(zero);
        let accrued_pool = self.terms.management_pool(equity_value, run.invested);
        period.multiple = multiple;
        period.enterprise_value = enterprise_value;
        period.equity_value = equity_value;
        if sold_share == zero {
            period.management_pool = accrued_pool;
        }
        period.ownership = run.ownership;
        period.fund_equity_value = run.ownership * (equity_value - accrued_pool);
    }

    /// The multiple a held company is marked at in quarter `q` under its policy.
    fn mark_multiple(&self, q: usize) -> T {
        match self.terms.marking {
            MarkingPolicy::EntryMultiple => self.entry_multiple,
            MarkingPolicy::Comparables => {
                self.entry_multiple * self.terms.comparable_ratio.get(q).copied().unwrap_or(T::one())
            }
            MarkingPolicy::LinearToExit => {
                let hold =
                    T::from_i64(i64::try_from(self.planned_exit_index - self.acquisition_index).unwrap_or(1));
                let elapsed = T::from_i64(i64::try_from(q - self.acquisition_index).unwrap_or(0));
                self.entry_multiple + (self.exit_multiple - self.entry_multiple) * elapsed / hold
            }
        }
    }

    /// An exit beyond the grid: no proceeds, and the bridge stays at the entry figures.
    pub(super) fn exit_outside_grid(&self, balances: &Balances<T>) -> ExitFigures<T> {
        let entry_ebitda = self.entry_ebitda();
        ExitFigures {
            revenue_without_levers: self.entry_revenue_quarter * T::from_i64(4),
            ebitda: entry_ebitda,
            ebitda_without_levers: entry_ebitda,
            net_debt: balances.net_debt(),
            working_capital: balances.working_capital,
            management_pool: T::zero(),
            sale_multiple: self.exit_multiple,
            sale_costs: self.exit_multiple * entry_ebitda * self.exit_costs,
        }
    }

    /// The costs of the final sale, 100 % basis, for the bridge: the exit costs on the
    /// exit EV, or at a liquidation at the fund's end the discount on the equity net of
    /// the management pool.
    pub(super) fn sale_costs(&self, exit: &CompanyPeriod<T>) -> T {
        if self.liquidated_at_end() {
            self.liquidation_discount * (exit.equity_value - exit.management_pool).max_of(T::zero())
        } else {
            self.exit_multiple * exit.ltm_ebitda * self.exit_costs
        }
    }
}
