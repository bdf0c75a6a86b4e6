//! The quarter-by-quarter projection of one company: revenue and cost pools after the
//! levers, EBITDA, debt and cash, the mark, and the exit.

use super::levers::LeverQuarter;
use super::prepare::PreparedCompany;
use crate::engine::num::Num;
use crate::engine::results::{CompanyPeriod, ValueBridge};

/// What projecting one company yields.
#[derive(Debug, Clone)]
pub struct Projection<T> {
    /// The company in each quarter of the fund, one per fund date.
    pub periods: Vec<CompanyPeriod<T>>,
    /// The fund's exit proceeds (in the exit quarter).
    pub proceeds: T,
    /// Run-rate EBITDA at exit.
    pub exit_ebitda: T,
    /// Where the equity gain from entry to exit came from.
    pub bridge: ValueBridge<T>,
}

/// Revenue and EBITDA of one operating quarter.
struct Operations<T> {
    /// Revenue had no lever been applied.
    base_revenue: T,
    revenue: T,
    ebitda: T,
    ebitda_without_levers: T,
    levers: LeverQuarter<T>,
}

/// Below EBITDA in one quarter: interest, capex, tax and free cash flow.
struct CashFlows<T> {
    interest: T,
    capex: T,
    tax: T,
    free_cash_flow: T,
}

/// Debt and cash at quarter end.
struct Balance<T> {
    debt: T,
    cash: T,
}

/// The company marked at quarter end.
struct Mark<T> {
    multiple: T,
    run_rate_ebitda: T,
    enterprise_value: T,
    net_debt: T,
    equity: T,
}

/// The exit figures the proceeds and the bridge are built from (annual, 100 %).
pub(super) struct ExitFigures<T> {
    /// The fund's proceeds, rounded to money.
    pub(super) proceeds: T,
    /// Run-rate EBITDA, levers included.
    pub(super) ebitda: T,
    /// Run-rate revenue had no lever been applied.
    pub(super) revenue_without_levers: T,
    /// Run-rate EBITDA had no lever been applied.
    pub(super) ebitda_without_levers: T,
    /// Debt less cash.
    pub(super) net_debt: T,
}

impl<T: Num> PreparedCompany<T> {
    /// Projects the company over `grid_len` quarters.
    pub fn project(&self, grid_len: usize) -> Projection<T> {
        let mut periods = vec![CompanyPeriod::<T>::default(); grid_len];
        let hold = T::from_i64(i64::try_from(self.exit_index - self.acquisition_index).unwrap_or(1));
        let pool_total: T = self.pools.iter().copied().sum();
        let mut balance = Balance {
            debt: self.entry_debt,
            cash: T::zero(),
        };
        let mut base_revenue = self.entry_revenue_quarter;
        let mut exit = self.exit_outside_grid();

        let last = self.exit_index.min(grid_len.saturating_sub(1));
        for (q, period) in periods
            .iter_mut()
            .enumerate()
            .take(last + 1)
            .skip(self.acquisition_index)
        {
            if q == self.acquisition_index {
                *period = self.entry_period();
                continue;
            }
            base_revenue = base_revenue * self.growth_quarter_factor;
            let operations = self.operations(q, base_revenue, pool_total);
            let cash_flows = self.cash_flows(&operations, &mut balance);
            let is_exit = q == self.exit_index;
            let mark = self.mark(q, hold, is_exit, operations.ebitda, &balance);
            *period = self.period(&operations, &cash_flows, &balance, &mark, is_exit);
            if is_exit {
                exit = self.exit_figures(&operations, &mark);
            }
        }

        let bridge = self.bridge(&exit);
        Projection {
            periods,
            proceeds: exit.proceeds,
            exit_ebitda: exit.ebitda,
            bridge,
        }
    }

    /// The acquisition quarter: entry revenue and EBITDA, marked at the entry multiple.
    fn entry_period(&self) -> CompanyPeriod<T> {
        let four = T::from_i64(4);
        let entry_ebitda = self.entry_ebitda();
        let ev = self.entry_enterprise_value();
        let equity_value = (ev - self.entry_debt).max_of(T::zero());
        CompanyPeriod {
            held: true,
            revenue: self.entry_revenue_quarter,
            revenue_without_levers: self.entry_revenue_quarter,
            ebitda: entry_ebitda / four,
            ebitda_without_levers: entry_ebitda / four,
            debt: self.entry_debt,
            multiple: self.entry_multiple,
            enterprise_value: ev,
            equity_value,
            fund_equity_value: self.ownership * equity_value,
            ..CompanyPeriod::default()
        }
    }

    /// Revenue and cost pools in quarter `q` after the levers live then, and the EBITDA
    /// with and without them (`pool_total` is the sum of the pool shares).
    fn operations(&self, q: usize, base_revenue: T, pool_total: T) -> Operations<T> {
        let levers = LeverQuarter::at(&self.levers, q);
        let revenue = levers.revenue(base_revenue);
        let ebitda = revenue - levers.costs(revenue, &self.pools);
        Operations {
            base_revenue,
            revenue,
            ebitda,
            ebitda_without_levers: base_revenue * (T::one() - pool_total),
            levers,
        }
    }

    /// Interest, capex, tax and free cash flow; the sweep repays debt, the rest moves cash.
    fn cash_flows(&self, operations: &Operations<T>, balance: &mut Balance<T>) -> CashFlows<T> {
        let zero = T::zero();
        let ebitda = operations.ebitda;
        let interest = balance.debt * self.interest_quarter;
        let capex = operations.revenue * self.capex_share;
        let tax = (ebitda - interest - capex).max_of(zero) * self.tax_rate;
        let free_cash_flow = ebitda - interest - tax - capex - operations.levers.one_time_company;
        let repayment = (free_cash_flow.max_of(zero) * self.cash_sweep).min_of(balance.debt);
        balance.debt -= repayment;
        balance.cash += free_cash_flow - repayment;
        CashFlows {
            interest,
            capex,
            tax,
            free_cash_flow,
        }
    }

    /// The mark in quarter `q` of a `hold`-quarter hold: the multiple moves linearly from
    /// entry to exit, on run-rate EBITDA, less net debt.
    fn mark(&self, q: usize, hold: T, is_exit: bool, ebitda: T, balance: &Balance<T>) -> Mark<T> {
        let elapsed = T::from_i64(i64::try_from(q - self.acquisition_index).unwrap_or(0));
        let multiple = if is_exit {
            self.exit_multiple
        } else {
            self.entry_multiple + (self.exit_multiple - self.entry_multiple) * elapsed / hold
        };
        let run_rate_ebitda = ebitda * T::from_i64(4);
        let enterprise_value = multiple * run_rate_ebitda;
        let net_debt = balance.debt - balance.cash;
        Mark {
            multiple,
            run_rate_ebitda,
            enterprise_value,
            net_debt,
            equity: (enterprise_value - net_debt).max_of(T::zero()),
        }
    }

    /// One operating quarter's figures.
    fn period(
        &self,
        operations: &Operations<T>,
        cash_flows: &CashFlows<T>,
        balance: &Balance<T>,
        mark: &Mark<T>,
        is_exit: bool,
    ) -> CompanyPeriod<T> {
        CompanyPeriod {
            held: !is_exit,
            revenue: operations.revenue,
            revenue_without_levers: operations.base_revenue,
            ebitda: operations.ebitda,
            ebitda_without_levers: operations.ebitda_without_levers,
            lever_run_costs: operations.levers.run_costs,
            lever_one_time_costs: operations.levers.one_time_company,
            interest: cash_flows.interest,
            tax: cash_flows.tax,
            capex: cash_flows.capex,
            free_cash_flow: cash_flows.free_cash_flow,
            debt: balance.debt,
            cash: balance.cash,
            multiple: mark.multiple,
            enterprise_value: mark.enterprise_value,
            equity_value: mark.equity,
            fund_equity_value: if is_exit {
                T::zero()
            } else {
                self.ownership * mark.equity
            },
            ..CompanyPeriod::default()
        }
    }

    /// The exit quarter: the fund's share of EV after exit costs, less net debt.
    fn exit_figures(&self, operations: &Operations<T>, mark: &Mark<T>) -> ExitFigures<T> {
        let four = T::from_i64(4);
        let sale = mark.enterprise_value * (T::one() - self.exit_costs) - mark.net_debt;
        ExitFigures {
            proceeds: (self.ownership * sale.max_of(T::zero())).round_money(),
            ebitda: mark.run_rate_ebitda,
            revenue_without_levers: operations.base_revenue * four,
            ebitda_without_levers: operations.ebitda_without_levers * four,
            net_debt: mark.net_debt,
        }
    }

    /// An exit beyond the grid: no proceeds, and the bridge stays at the entry figures.
    fn exit_outside_grid(&self) -> ExitFigures<T> {
        let entry_ebitda = self.entry_ebitda();
        ExitFigures {
            proceeds: T::zero(),
            ebitda: entry_ebitda,
            revenue_without_levers: self.entry_revenue_quarter * T::from_i64(4),
            ebitda_without_levers: entry_ebitda,
            net_debt: self.entry_debt,
        }
    }
}
