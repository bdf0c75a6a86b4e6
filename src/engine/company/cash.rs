//! Below EBITDA in one quarter: D&A, the manager's monitoring fee, the shared platforms'
//! charge, interest, the interest cap, tax with losses carried forward, free cash flow,
//! and the cash waterfall (overdraft, sweep, minimum cash).
//! The conventions are stated at the top of [`super`].

use super::levers::LeverQuarter;
use super::prepare::PreparedCompany;
use super::terms::DepreciationTerms;
use crate::engine::num::AMOUNT_DP;
use crate::engine::num::Num;

/// Balances carried from quarter to quarter (100 % basis).
#[derive(Debug, Clone, Copy)]
pub(super) struct Balances<T> {
    pub(super) debt: T,
    pub(super) overdraft: T,
    pub(super) cash: T,
    /// Net book value of the asset base (asset-base D&A only).
    pub(super) net_assets: T,
    /// Gross asset base: opening assets plus capex to date (asset-base D&A only).
    pub(super) gross_assets: T,
    pub(super) tax_losses: T,
    pub(super) interest_carried: T,
    pub(super) working_capital: T,
}

impl<T: Num> Balances<T> {
    /// `debt + overdraft − cash`.
    pub(super) fn net_debt(&self) -> T {
        self.debt + self.overdraft - self.cash
    }
}

/// What the operating lines of a quarter hand to the cash flow.
pub(super) struct Operating<T> {
    pub(super) revenue: T,
    pub(super) ebitda: T,
    pub(super) working_capital: T,
    pub(super) levers: LeverQuarter<T>,
    /// Owners' equity for fund-funded levers this quarter (100 %).
    pub(super) equity_injected: T,
    /// The company's charge for the fund's shared platforms (below EBITDA, deductible).
    pub(super) platform_charge: T,
}

/// The quarter's lines below EBITDA.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct CashLines<T> {
    pub(super) depreciation: T,
    /// The manager's monitoring fee (below EBITDA, deductible).
    pub(super) monitoring_fee: T,
    /// The charge for the fund's shared platforms (below EBITDA, deductible).
    pub(super) platform_charge: T,
    pub(super) ebit: T,
    pub(super) interest: T,
    pub(super) interest_income: T,
    pub(super) deductible_interest: T,
    pub(super) taxable_income: T,
    pub(super) tax: T,
    pub(super) capex: T,
    pub(super) change_in_working_capital: T,
    pub(super) free_cash_flow: T,
}

impl<T: Num> PreparedCompany<T> {
    /// D&A, interest, tax and free cash flow of one quarter; moves `balances` on.
    pub(super) fn cash_lines(&self, op: &Operating<T>, balances: &mut Balances<T>) -> CashLines<T> {
        let zero = T::zero();
        let terms = &self.terms;
        let capex = (op.revenue * self.capex_share).carried(AMOUNT_DP);
        let own_depreciation = match terms.depreciation {
            DepreciationTerms::ShareOfRevenue(share) => op.revenue * share,
            DepreciationTerms::AssetBase { rate_per_quarter, .. } => {
                let charge = (balances.gross_assets * rate_per_quarter).min_of(balances.net_assets);
                balances.net_assets = balances.net_assets - charge + capex;
                balances.gross_assets += capex;
                charge
            }
        };
        let depreciation = (own_depreciation + op.levers.depreciation).carried(AMOUNT_DP);
        let expensed = op.levers.one_time - op.levers.capitalised;
        let monitoring_fee = self.monitoring_fee_quarter;
        let ebit = op.ebitda - depreciation - expensed - monitoring_fee - op.platform_charge;

        let interest = ((balances.debt + balances.overdraft) * self.interest_quarter).carried(AMOUNT_DP);
        let interest_income = (balances.cash.max_of(zero) * terms.cash_rate_quarter).carried(AMOUNT_DP);
        let deductible_interest = self.deductible_interest(interest - interest_income, op.ebitda, balances);
        let taxable_income = ebit - deductible_interest;
        let tax = self.tax_after_losses(taxable_income, balances).carried(AMOUNT_DP);

        let change_in_working_capital = op.working_capital.carried(AMOUNT_DP) - balances.working_capital;
        balances.working_capital = op.working_capital.carried(AMOUNT_DP);
        let free_cash_flow = op.ebitda + interest_income
            - interest
            - tax
            - capex
            - op.levers.one_time
            - monitoring_fee
            - op.platform_charge
            - change_in_working_capital
            + op.equity_injected;
        self.move_cash(free_cash_flow, balances);
        CashLines {
            depreciation,
            monitoring_fee,
            platform_charge: op.platform_charge,
            ebit,
            interest,
            interest_income,
            deductible_interest,
            taxable_income,
            tax,
            capex,
            change_in_working_capital,
            free_cash_flow,
        }
    }

    /// Net interest deducted this quarter: with a cap, at most `cap × EBITDA` (none when
    /// EBITDA is negative) of this quarter's net interest plus what was carried; the rest
    /// is carried forward. Net interest income is taxable in full.
    fn deductible_interest(&self, net_interest: T, ebitda: T, balances: &mut Balances<T>) -> T {
        let Some(cap) = self.terms.interest_cap else {
            return net_interest;
        };
        let claimable = net_interest + balances.interest_carried;
        if claimable <= T::zero() {
            balances.interest_carried = T::zero();
            return claimable;
        }
        let deductible = claimable.min_of(ebitda.max_of(T::zero()) * cap);
        balances.interest_carried = claimable - deductible;
        deductible
    }

    /// Tax on `taxable` after losses carried forward (at most the offset cap's share of
    /// the income); a loss is added to the losses carried.
    fn tax_after_losses(&self, taxable: T, balances: &mut Balances<T>) -> T {
        if taxable <= T::zero() {
            balances.tax_losses -= taxable;
            return T::zero();
        }
        let offsettable = self.terms.loss_offset_cap.map_or(taxable, |cap| taxable * cap);
        let offset = balances.tax_losses.min_of(offsettable);
        balances.tax_losses -= offset;
        (taxable - offset) * self.tax_rate
    }

    /// The cash waterfall: free cash flow into cash; cash above the minimum first repays
    /// the overdraft, then the sweep share of a positive free cash flow repays debt; a
    /// balance below the minimum is topped up from the overdraft.
    fn move_cash(&self, free_cash_flow: T, balances: &mut Balances<T>) {
        let zero = T::zero();
        let minimum = self.terms.minimum_cash;
        balances.cash += free_cash_flow;
        let spare = (balances.cash - minimum).max_of(zero);
        let overdraft_repaid = spare.min_of(balances.overdraft);
        balances.overdraft -= overdraft_repaid;
        balances.cash -= overdraft_repaid;
        let spare = (balances.cash - minimum).max_of(zero);
        let swept = (free_cash_flow.max_of(zero) * self.cash_sweep)
            .carried(AMOUNT_DP)
            .min_of(balances.debt)
            .min_of(spare);
        balances.debt -= swept;
        balances.cash -= swept;
        if balances.cash < minimum {
            balances.overdraft += minimum - balances.cash;
            balances.cash = minimum;
        }
    }
}
