//! The fund, quarter by quarter: contributions (deals, follow-ons, fees, expenses),
//! exit proceeds through the waterfall, NAV net of accrued carry.
//!
//! Fees: `management_fee_rate / 4 × commitment` for each quarter ending before the end of
//! the investment period; then `post_investment_fee_rate / 4 × net invested capital` (the
//! cost of companies held at quarter end, after that quarter's exits) for each quarter
//! ending before the end of the term and extensions. Expenses: organisational expenses in
//! the first quarter, `annual_expenses / 4` each quarter of the term. Fees and expenses
//! are called from partners like investments.

use super::company::{CompanyAdjustment, PrepareError, PreparedCompany};
use super::grid;
use super::metrics;
use super::model::{Portfolio, Waterfall};
use super::num::Num;
use super::results::{CompanyResult, FundPeriod, FundResult};
use super::waterfall::{Ledger, Terms};

/// How much of the projection to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Every company's quarterly figures (for the app and exports).
    Full,
    /// Fund figures and per-company totals only, no per-deal IRR (for sweeps).
    FundOnly,
}

/// Why the fund could not be projected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// A company could not be put on the fund's quarterly grid.
    #[error(transparent)]
    Company(#[from] PrepareError),
    /// A hurdle at or below −100 % has no quarterly rate.
    #[error("the preferred return must be above −100 %")]
    PreferredReturn,
    /// The term with extensions, or the last exit, lies beyond [`MAX_QUARTERS`] quarters.
    #[error("the projection would run past 40 years from the first close")]
    TooLong,
}

/// Longest projection the engine runs, in quarters (40 years).
pub const MAX_QUARTERS: usize = 160;

/// Projects `portfolio`, applying `adjustments[i]` to company `i` when given.
pub fn project<T: Num>(
    portfolio: &Portfolio,
    adjustments: Option<&[CompanyAdjustment<T>]>,
    detail: Detail,
) -> Result<FundResult<T>, ProjectError> {
    let origin = portfolio.fund.first_close;
    let default_adjustment = CompanyAdjustment::default();
    let companies = portfolio
        .companies
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let adjustment = adjustments.and_then(|a| a.get(i)).unwrap_or(&default_adjustment);
            PreparedCompany::new(c, origin, adjustment)
        })
        .collect::<Result<Vec<_>, _>>()?;
    project_prepared(portfolio, &companies, detail)
}

/// Projects `portfolio` with its companies already prepared (and adjusted) —
/// `companies[i]` is `portfolio.companies[i]`.
pub fn project_prepared<T: Num>(
    portfolio: &Portfolio,
    companies: &[PreparedCompany<T>],
    detail: Detail,
) -> Result<FundResult<T>, ProjectError> {
    let fund = &portfolio.fund;
    let origin = fund.first_close;
    let ip_end = grid::add_years(origin, fund.investment_period_years);
    let fund_end = grid::add_years(origin, fund.term_years.saturating_add(fund.extension_years));
    let term_quarters = usize::try_from(grid::quarters_between(origin, fund_end)).unwrap_or(0);
    let last_exit = companies.iter().map(|c| c.exit_index).max().unwrap_or(0);
    let len = term_quarters.max(last_exit + 1).max(1);
    if len > MAX_QUARTERS {
        return Err(ProjectError::TooLong);
    }
    let dates = grid::quarter_ends(origin, len);

    let zero = T::zero();
    let four = T::from_i64(4);
    let mut periods: Vec<FundPeriod<T>> = dates
        .iter()
        .map(|&date| FundPeriod {
            date,
            ..FundPeriod::default()
        })
        .collect();

    // Deals: cheques, follow-ons, proceeds, NAV, cost basis.
    let mut company_results = Vec::with_capacity(companies.len());
    let mut deal_flows: Vec<Vec<(usize, T)>> = Vec::with_capacity(companies.len());
    let mut deal_navs: Vec<Vec<T>> = Vec::with_capacity(companies.len());
    for (company, prepared) in portfolio.companies.iter().zip(companies) {
        let projection = prepared.project(len);
        let cheque = prepared.equity_cheque();
        let acquisition = prepared.acquisition_index;
        let exit = prepared.exit_index;
        let mut flows = vec![(acquisition, -cheque)];
        if let Some(p) = periods.get_mut(acquisition) {
            p.deal_equity += cheque;
        }
        let mut follow_ons = zero;
        for (q, amount) in prepared.follow_ons() {
            if let Some(p) = periods.get_mut(q) {
                p.follow_ons += amount;
                follow_ons += amount;
                flows.push((q, -amount));
            }
        }
        if let Some(p) = periods.get_mut(exit) {
            p.gross_proceeds += projection.proceeds;
        }
        flows.push((exit, projection.proceeds));
        let mut basis = cheque;
        for (q, period) in periods.iter_mut().enumerate().take(exit).skip(acquisition) {
            basis += prepared
                .follow_ons()
                .filter(|(at, _)| *at == q)
                .map(|(_, a)| a)
                .sum::<T>();
            period.net_invested_capital += basis;
            if let Some(cp) = projection.periods.get(q) {
                period.gross_nav += cp.fund_equity_value;
            }
        }
        deal_navs.push(projection.periods.iter().map(|p| p.fund_equity_value).collect());
        let invested = cheque + follow_ons;
        let gross_irr = match detail {
            Detail::Full => metrics::irr_on_grid(&dates, &flows),
            Detail::FundOnly => Err(super::xirr::XirrError::NotComputed),
        };
        company_results.push(CompanyResult {
            name: company.name.clone(),
            sector: company.sector,
            stage: company.stage.clone(),
            acquisition_index: acquisition,
            exit_index: exit,
            equity_cheque: cheque,
            follow_ons,
            invested,
            proceeds: projection.proceeds,
            gross_moic: (invested > zero).then(|| projection.proceeds / invested),
            gross_irr,
            entry_ebitda: prepared.entry_ebitda(),
            exit_ebitda: projection.exit_ebitda,
            bridge: projection.bridge,
            periods: if detail == Detail::Full {
                projection.periods
            } else {
                Vec::new()
            },
        });
        deal_flows.push(flows);
    }

    // Fees and expenses.
    let commitment = T::from_dec(fund.commitment);
    let fee_ip = T::from_dec(fund.management_fee_rate) / four;
    let fee_post = T::from_dec(fund.post_investment_fee_rate.unwrap_or(fund.management_fee_rate)) / four;
    let expenses_quarter = T::from_dec(fund.annual_expenses) / four;
    for (q, p) in periods.iter_mut().enumerate() {
        if p.date < ip_end {
            p.management_fees = (fee_ip * commitment).round_money();
        } else if p.date < fund_end {
            p.management_fees = (fee_post * p.net_invested_capital).round_money();
        }
        if p.date < fund_end {
            p.fund_expenses = expenses_quarter.round_money();
        }
        if q == 0 {
            p.fund_expenses += T::from_dec(fund.organisational_expenses).round_money();
        }
        p.gross_nav = p.gross_nav.round_money();
        p.contributions = p.deal_equity + p.follow_ons + p.management_fees + p.fund_expenses;
    }

    let terms = Terms {
        carry_rate: T::from_dec(fund.carry_rate),
        hurdle_quarter_factor: (T::one() + T::from_dec(fund.preferred_return))
            .fourth_root()
            .ok_or(ProjectError::PreferredReturn)?,
        gp_catch_up: T::from_dec(fund.gp_catch_up),
    };
    match fund.waterfall {
        Waterfall::European => {
            run_european(&mut periods, &terms);
            final_true_up(&mut periods, &terms, None);
        }
        Waterfall::American { clawback } => {
            let whole_fund_carry = run_american(&mut periods, &terms, &deal_flows, &deal_navs);
            if clawback {
                final_true_up(&mut periods, &terms, Some(whole_fund_carry));
            }
        }
    }

    let mut cumulative = zero;
    for p in &mut periods {
        p.nav = p.gross_nav - p.accrued_carry;
        p.net_cash_flow = p.distributions - p.contributions;
        cumulative += p.net_cash_flow;
        p.cumulative_net_cash_flow = cumulative;
    }
    let metrics = metrics::fund_metrics(&periods, &fund.pme_benchmark);
    Ok(FundResult {
        currency: fund.currency.clone(),
        dates,
        periods,
        companies: company_results,
        metrics,
    })
}

fn run_european<T: Num>(periods: &mut [FundPeriod<T>], terms: &Terms<T>) {
    let mut ledger = Ledger::default();
    for p in periods.iter_mut() {
        ledger.accrue_quarter(terms);
        ledger.contribute(p.contributions);
        let split = ledger.distribute(p.gross_proceeds, terms);
        p.distributions = split.partners;
        p.carried_interest = split.carry;
        p.accrued_carry = ledger.clone().distribute(p.gross_nav, terms).carry;
    }
}

/// Deal by deal: each deal's ledger holds its own cheque and follow-ons; fees and
/// expenses sit in no deal. A whole-fund ledger runs alongside; the carry it would have
/// paid over the life (with a liquidation at the final NAV) is returned for the clawback.
fn run_american<T: Num>(
    periods: &mut [FundPeriod<T>],
    terms: &Terms<T>,
    deal_flows: &[Vec<(usize, T)>],
    deal_navs: &[Vec<T>],
) -> T {
    let zero = T::zero();
    let mut deals = vec![Ledger::<T>::default(); deal_flows.len()];
    let mut whole_fund = Ledger::<T>::default();
    for (q, p) in periods.iter_mut().enumerate() {
        whole_fund.accrue_quarter(terms);
        whole_fund.contribute(p.contributions);
        whole_fund.distribute(p.gross_proceeds, terms);
        let mut carry = zero;
        let mut accrued = zero;
        for ((ledger, flows), navs) in deals.iter_mut().zip(deal_flows).zip(deal_navs) {
            ledger.accrue_quarter(terms);
            for (_, amount) in flows.iter().filter(|(at, a)| *at == q && *a < zero) {
                ledger.contribute(-*amount);
            }
            for (_, amount) in flows.iter().filter(|(at, a)| *at == q && *a > zero) {
                carry += ledger.distribute(*amount, terms).carry;
            }
            let value = navs.get(q).copied().unwrap_or(zero);
            if value > zero {
                accrued += ledger.clone().distribute(value, terms).carry;
            }
        }
        p.distributions = p.gross_proceeds - carry;
        p.carried_interest = carry;
        p.accrued_carry = accrued;
    }
    let final_nav = periods.last().map_or(zero, |p| p.gross_nav);
    whole_fund.carry_paid + whole_fund.clone().distribute(final_nav, terms).carry
}

/// The GP clawback at the end of the fund: carry paid plus carry accrued on the final NAV
/// may not exceed the carry rate times the fund's lifetime profit (nor, when given, the
/// whole-fund carry `cap`). Any excess returns to the partners on the last date.
fn final_true_up<T: Num>(periods: &mut [FundPeriod<T>], terms: &Terms<T>, cap: Option<T>) {
    let zero = T::zero();
    let contributed: T = periods.iter().map(|p| p.contributions).sum();
    let proceeds: T = periods.iter().map(|p| p.gross_proceeds).sum();
    let paid: T = periods.iter().map(|p| p.carried_interest).sum();
    let Some(last) = periods.last_mut() else { return };
    let profit = (proceeds + last.gross_nav - contributed).max_of(zero);
    let mut entitlement = terms.carry_rate * profit;
    if let Some(cap) = cap {
        entitlement = entitlement.min_of(cap);
    }
    let excess = paid + last.accrued_carry - entitlement;
    if excess > zero {
        let from_paid = excess.min_of(paid.max_of(zero));
        last.carried_interest -= from_paid;
        last.distributions += from_paid;
        last.accrued_carry -= excess - from_paid;
    }
}
