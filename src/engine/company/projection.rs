//! The quarter-by-quarter projection of one company: revenue and cost pools after the
//! levers, EBITDA and its last twelve months, the cash lines below it (`cash`), then the
//! mark, the sales and the management pool (`valuation`).

use super::cash::{Balances, CashLines, Operating};
use super::levers::LeverQuarter;
use super::prepare::PreparedCompany;
use super::valuation::ExitFigures;
use crate::engine::num::{AMOUNT_DP, FACTOR_DP, Num};
use crate::engine::results::{CompanyPeriod, ValueBridge};

/// What projecting one company yields.
#[derive(Debug, Clone)]
pub struct Projection<T> {
    /// The company in each quarter of the fund, one per fund date.
    pub periods: Vec<CompanyPeriod<T>>,
    /// The fund's proceeds of each sale, `(quarter, amount)`, booked to the cent.
    pub sales: Vec<(usize, T)>,
    /// The fund's follow-on equity, `(quarter, amount)`, booked to the cent.
    pub follow_ons: Vec<(usize, T)>,
    /// The fund's proceeds over all sales.
    pub proceeds: T,
    /// LTM EBITDA at exit.
    pub exit_ebitda: T,
    /// Where the equity gain from entry to exit came from.
    pub bridge: ValueBridge<T>,
}

/// The last four quarters of a figure (before the acquisition: the entry quarter's).
#[derive(Debug, Clone, Copy)]
struct Trailing<T> {
    quarters: [T; 4],
    next: usize,
}

impl<T: Num> Trailing<T> {
    fn flat(quarter: T) -> Self {
        Self {
            quarters: [quarter; 4],
            next: 0,
        }
    }

    fn push(&mut self, value: T) {
        if let Some(slot) = self.quarters.get_mut(self.next) {
            *slot = value;
        }
        self.next = (self.next + 1) % 4;
    }

    fn sum(&self) -> T {
        self.quarters.iter().copied().sum()
    }
}

/// What the loop carries from quarter to quarter besides the balances.
pub(super) struct Running<T> {
    base_revenue: T,
    fixed_index: T,
    ltm_ebitda: Trailing<T>,
    ltm_ebitda_without_levers: Trailing<T>,
    ltm_base_revenue: Trailing<T>,
    /// The fund's share of the equity now.
    pub(super) ownership: T,
    /// Equity put in by all owners so far (entry and follow-ons), 100 % basis.
    pub(super) invested: T,
}

/// Revenue, pools and EBITDA of one quarter.
struct Lines<T> {
    revenue: T,
    pool_costs: [T; 5],
    ebitda: T,
    ebitda_without_levers: T,
    levers: LeverQuarter<T>,
}

impl<T: Num> PreparedCompany<T> {
    /// Projects the company over `grid_len` quarters.
    pub fn project(&self, grid_len: usize) -> Projection<T> {
        let mut periods = vec![CompanyPeriod::<T>::default(); grid_len];
        let mut balances = self.opening_balances();
        let entry_ebitda_quarter = self.entry_ebitda() / T::from_i64(4);
        let mut run = Running {
            base_revenue: self.entry_revenue_quarter,
            fixed_index: T::one(),
            ltm_ebitda: Trailing::flat(entry_ebitda_quarter),
            ltm_ebitda_without_levers: Trailing::flat(entry_ebitda_quarter),
            ltm_base_revenue: Trailing::flat(self.entry_revenue_quarter),
            ownership: self.ownership,
            invested: self.entry_equity_invested(),
        };
        let mut projection = Projection {
            periods: Vec::new(),
            sales: Vec::new(),
            follow_ons: Vec::new(),
            proceeds: T::zero(),
            exit_ebitda: self.entry_ebitda(),
            bridge: ValueBridge::default(),
        };
        let mut exit = self.exit_outside_grid(&balances);
        let last = self.exit_index.min(grid_len.saturating_sub(1));
        for (q, period) in periods
            .iter_mut()
            .enumerate()
            .take(last + 1)
            .skip(self.acquisition_index)
        {
            if q == self.acquisition_index {
                *period = self.entry_period(&balances, run.invested);
                continue;
            }
            let is_exit = q == self.exit_index;
            run.base_revenue = (run.base_revenue * self.growth_quarter_factor).carried(AMOUNT_DP);
            run.fixed_index = (run.fixed_index * self.terms.fixed_growth_quarter).carried(FACTOR_DP);
            let lines = self.lines(q, &run);
            let equity_injected = if is_exit {
                T::zero()
            } else {
                lines.levers.equity_funded
            };
            let operating = Operating {
                revenue: lines.revenue,
                ebitda: lines.ebitda,
                working_capital: self.terms.working_capital(
                    lines.revenue,
                    cost_of_goods(&lines.pool_costs),
                    lines.levers.inventory_kept,
                ),
                levers: lines.levers,
                equity_injected,
                platform_charge: self.platform_charge(q),
            };
            let cash = self.cash_lines(&operating, &mut balances);
            run.ltm_ebitda.push(lines.ebitda);
            run.ltm_ebitda_without_levers.push(lines.ebitda_without_levers);
            run.ltm_base_revenue.push(run.base_revenue);
            let fund_follow_on = (run.ownership * equity_injected).round_money();
            if fund_follow_on != T::zero() {
                projection.follow_ons.push((q, fund_follow_on));
            }
            run.invested += equity_injected;
            *period = self.operating_period(&lines, &cash, &balances, &run);
            period.equity_injected = equity_injected;
            period.fund_follow_on = fund_follow_on;
            self.value(q, is_exit, period, &balances, &mut run);
            if period.fund_proceeds != T::zero() || is_exit {
                projection.sales.push((q, period.fund_proceeds));
                projection.proceeds += period.fund_proceeds;
            }
            if is_exit {
                projection.exit_ebitda = run.ltm_ebitda.sum();
                exit = ExitFigures {
                    revenue_without_levers: run.ltm_base_revenue.sum(),
                    ebitda: run.ltm_ebitda.sum(),
                    ebitda_without_levers: run.ltm_ebitda_without_levers.sum(),
                    net_debt: balances.net_debt(),
                    working_capital: balances.working_capital,
                    management_pool: period.management_pool,
                    sale_multiple: period.multiple,
                    sale_costs: self.sale_costs(period),
                };
            }
        }
        projection.bridge = self.bridge(&exit);
        projection.periods = periods;
        projection
    }

    /// Balances at the acquisition: the acquisition debt, the minimum cash, the asset
    /// base, the opening tax losses and the working capital on entry figures.
    fn opening_balances(&self) -> Balances<T> {
        let opening_assets = match self.terms.depreciation {
            super::terms::DepreciationTerms::AssetBase { opening_assets, .. } => opening_assets,
            super::terms::DepreciationTerms::ShareOfRevenue(_) => T::zero(),
        };
        let entry_pools = self.pools.map(|share| self.entry_revenue_quarter * share);
        Balances {
            debt: self.entry_debt,
            overdraft: T::zero(),
            cash: self.terms.minimum_cash,
            net_assets: opening_assets,
            gross_assets: opening_assets,
            tax_losses: self.terms.opening_tax_losses,
            interest_carried: T::zero(),
            working_capital: self.terms.working_capital(
                self.entry_revenue_quarter,
                cost_of_goods(&entry_pools),
                T::one(),
            ),
        }
    }

    /// The acquisition quarter: the company as bought — entry revenue, pools, EBITDA and
    /// D&A (EBIT follows), the opening balances, marked at the entry multiple. The
    /// quarter's cash flows belong to the seller, so interest, tax and free cash flow are
    /// zero.
    fn entry_period(&self, balances: &Balances<T>, invested: T) -> CompanyPeriod<T> {
        let four = T::from_i64(4);
        let entry_ebitda = self.entry_ebitda();
        let depreciation = match self.terms.depreciation {
            super::terms::DepreciationTerms::ShareOfRevenue(share) => self.entry_revenue_quarter * share,
            super::terms::DepreciationTerms::AssetBase {
                opening_assets,
                rate_per_quarter,
            } => opening_assets * rate_per_quarter,
        };
        let ev = self.entry_enterprise_value();
        let net_debt = balances.net_debt();
        let equity_value = (ev - net_debt).max_of(T::zero());
        let management_pool = self.terms.management_pool(equity_value, invested);
        CompanyPeriod {
            held: true,
            revenue: self.entry_revenue_quarter,
            revenue_without_levers: self.entry_revenue_quarter,
            pool_costs: self.pools.map(|share| self.entry_revenue_quarter * share),
            ebitda: entry_ebitda / four,
            ebitda_without_levers: entry_ebitda / four,
            ltm_ebitda: entry_ebitda,
            depreciation,
            ebit: entry_ebitda / four - depreciation,
            debt: balances.debt,
            cash: balances.cash,
            net_debt,
            working_capital: balances.working_capital,
            tax_losses_carried_forward: balances.tax_losses,
            multiple: self.entry_multiple,
            enterprise_value: ev,
            equity_value,
            management_pool,
            ownership: self.ownership,
            fund_equity_value: self.ownership * (equity_value - management_pool),
            ..CompanyPeriod::default()
        }
    }

    /// Revenue and each pool in quarter `q` after the levers live then, and the EBITDA
    /// with and without them. A pool's fixed share grows with inflation from its entry
    /// amount; the rest moves with revenue.
    fn lines(&self, q: usize, run: &Running<T>) -> Lines<T> {
        let one = T::one();
        let zero = T::zero();
        let terms = &self.terms;
        let levers = LeverQuarter::at(&self.levers, q);
        let revenue = levers.revenue(run.base_revenue).carried(AMOUNT_DP);
        let mut pool_costs = [zero; 5];
        for (p, slot) in pool_costs.iter_mut().enumerate() {
            let kept = levers.pool_kept.get(p).copied().unwrap_or(one);
            let cost = terms.pool_before_levers(p, revenue, run.fixed_index);
            *slot = if kept == one { cost } else { cost * kept }.carried(AMOUNT_DP);
        }
        let costs_without_levers = run.base_revenue * terms.total_variable_share
            + if terms.total_fixed_entry_quarter == zero {
                zero
            } else {
                terms.total_fixed_entry_quarter * run.fixed_index
            };
        let ebitda = revenue - pool_costs.iter().copied().sum::<T>() - levers.run_costs;
        let costs_without_levers = costs_without_levers.carried(AMOUNT_DP);
        Lines {
            revenue,
            pool_costs,
            ebitda,
            ebitda_without_levers: run.base_revenue - costs_without_levers,
            levers,
        }
    }

    /// One operating quarter's figures before the valuation.
    fn operating_period(
        &self,
        lines: &Lines<T>,
        cash: &CashLines<T>,
        balances: &Balances<T>,
        run: &Running<T>,
    ) -> CompanyPeriod<T> {
        CompanyPeriod {
            held: true,
            revenue: lines.revenue,
            revenue_without_levers: run.base_revenue,
            pool_costs: lines.pool_costs,
            ebitda: lines.ebitda,
            ebitda_without_levers: lines.ebitda_without_levers,
            ltm_ebitda: run.ltm_ebitda.sum(),
            ai_ebitda_uplift: lines.ebitda - lines.ebitda_without_levers,
            ai_run_rate_uplift: (lines.ebitda - lines.ebitda_without_levers) * T::from_i64(4),
            lever_run_costs: lines.levers.run_costs,
            lever_one_time_costs: lines.levers.one_time,
            lever_one_time_expensed: lines.levers.one_time - lines.levers.capitalised,
            lever_capex: lines.levers.capitalised,
            depreciation: cash.depreciation,
            monitoring_fee: cash.monitoring_fee,
            platform_charge: cash.platform_charge,
            ebit: cash.ebit,
            interest: cash.interest,
            interest_income: cash.interest_income,
            deductible_interest: cash.deductible_interest,
            interest_carried_forward: balances.interest_carried,
            taxable_income: cash.taxable_income,
            tax: cash.tax,
            tax_losses_carried_forward: balances.tax_losses,
            capex: cash.capex,
            working_capital: balances.working_capital,
            change_in_working_capital: cash.change_in_working_capital,
            free_cash_flow: cash.free_cash_flow,
            debt: balances.debt,
            overdraft: balances.overdraft,
            cash: balances.cash,
            net_debt: balances.net_debt(),
            ..CompanyPeriod::default()
        }
    }
}

/// Cost of goods: every pool but overhead (materials, direct labour, energy,
/// maintenance).
fn cost_of_goods<T: Num>(pool_costs: &[T; 5]) -> T {
    pool_costs.iter().take(4).copied().sum()
}
