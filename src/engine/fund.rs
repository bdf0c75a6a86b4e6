//! The fund, quarter by quarter: contributions (deals, follow-ons, fees, expenses),
//! exit proceeds through the waterfall, NAV net of accrued carry.
//!
//! Fees, fee offsets and expenses: their rules are at the top of `engine::fund::fees`.

use super::company::{CompanyAdjustment, PrepareError, PreparedCompany, Projection};
use super::grid;
use super::metrics;
use super::model::{FundTerms, Portfolio, Waterfall};
use super::num::Num;
use super::results::{CompanyResult, FundPeriod, FundResult};
use super::stage_gates::{self, StageBaseline};
use super::waterfall::Terms;

mod american;
mod capital;
mod carry;
mod classes;
mod credit_line;
mod fees;
mod partners;
mod recycling;
pub(crate) mod stage_uplift;
pub mod wind_up;

pub use capital::{CallOverrun, CallPurpose, call_overrun, recycled};

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
    let default_adjustment = CompanyAdjustment::default();
    let companies = super::programme::scheduled_companies(portfolio)
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let adjustment = adjustments.and_then(|a| a.get(i)).unwrap_or(&default_adjustment);
            PreparedCompany::new(c, &portfolio.fund, adjustment)
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
    project_staged(portfolio, companies, detail, &StageBaseline::plan(portfolio)?)
}

/// [`project_prepared`] with the plan figures its stage gates read already computed
/// (Monte Carlo computes them once per run).
pub fn project_staged<T: Num>(
    portfolio: &Portfolio,
    companies: &[PreparedCompany<T>],
    detail: Detail,
    baseline: &StageBaseline<T>,
) -> Result<FundResult<T>, ProjectError> {
    let fund = &portfolio.fund;
    let mut calendar = FundCalendar::new(fund, companies)?;
    let platforms = super::programme::platform_costs(
        portfolio,
        companies,
        calendar.dates.len(),
        calendar.final_liquidation_index,
    );
    let charged = platforms
        .charges_companies()
        .then(|| platforms.charged(companies));
    let companies = charged.as_deref().unwrap_or(companies);
    let mut staging = stage_gates::evaluate(portfolio, companies, calendar.dates.len(), baseline);
    if let Some(last) = staging.final_liquidation_index(companies, wind_up::last_quarter_index(fund)) {
        calendar.final_liquidation_index = last;
    }
    let mut periods: Vec<FundPeriod<T>> = calendar
        .dates
        .iter()
        .map(|&date| FundPeriod {
            date,
            ..FundPeriod::default()
        })
        .collect();
    let deals = project_deals(
        portfolio,
        companies,
        &calendar.dates,
        &mut periods,
        detail,
        &mut staging,
    );
    let book = classes::ClassBook::new(fund, &calendar.dates);
    let fees_before_offset = fees::charge_fees_and_expenses(fund, &calendar, &mut periods, &book);
    let lp_classes = classes::LpClasses::new(book, fees_before_offset);
    platforms.book_fund_expenses(&mut periods, |i| staging.acquires(i));
    partners::waive_gp_fees(fund, &mut periods);
    recycling::recycle_proceeds(fund, &mut periods);
    let credit_line = credit_line::bridge_calls(fund, &deals, &lp_classes, &mut periods, detail)?;
    let class_runs = run_waterfall(fund, &deals, &lp_classes, &mut periods)?;
    net_cash_flows(&mut periods);
    capital::book_uncalled(fund, &mut periods);
    let metrics = metrics::fund_metrics(&periods, &fund.pme_benchmark);
    let classes = classes::capital_accounts(fund, &lp_classes.book, class_runs.as_ref(), &periods, detail);
    Ok(FundResult {
        currency: fund.currency.clone(),
        dates: calendar.dates,
        periods,
        companies: deals.results,
        metrics,
        credit_line,
        classes,
        stage_gates: staging.outcomes,
        stage_ai_uplift: deals.stage_uplift.into_series(),
    })
}

/// The fund's quarterly grid and the dates its fees change on.
struct FundCalendar {
    /// Quarter ends from first close to the end of the term and extensions (or the last
    /// exit, if later: only a company acquired in the fund's last quarter or later exits
    /// after it, see [`wind_up`]).
    dates: Vec<chrono::NaiveDate>,
    /// End of the investment period.
    investment_period_end: chrono::NaiveDate,
    /// End of the term and extensions.
    fund_end: chrono::NaiveDate,
    /// The quarter of the final liquidation (an index into `dates`): the quarter of the
    /// last sale of a company — a company not exited by the end of the term and
    /// extensions is liquidated in the fund's last quarter — or the fund's last quarter
    /// when it holds no company. Fund expenses are called up to and including it, none
    /// after (rules at the top of [`wind_up`]).
    pub(super) final_liquidation_index: usize,
}

impl FundCalendar {
    fn new<T: Num>(fund: &FundTerms, companies: &[PreparedCompany<T>]) -> Result<Self, ProjectError> {
        let origin = fund.first_close;
        let investment_period_end = grid::add_years(origin, fund.investment_period_years);
        let fund_end = grid::add_years(origin, fund.term_years.saturating_add(fund.extension_years));
        let term_quarters = usize::try_from(grid::quarters_between(origin, fund_end)).unwrap_or(0);
        let final_liquidation_index =
            wind_up::final_liquidation_index(companies, wind_up::last_quarter_index(fund));
        let len = term_quarters.max(final_liquidation_index + 1).max(1);
        if len > MAX_QUARTERS {
            return Err(ProjectError::TooLong);
        }
        Ok(Self {
            dates: grid::quarter_ends(origin, len),
            investment_period_end,
            fund_end,
            final_liquidation_index,
        })
    }
}

/// Every deal projected: the results, and what the waterfall needs of each.
struct Deals<T> {
    results: Vec<CompanyResult<T>>,
    /// Each deal's `(quarter, amount)` flows: cheque and follow-ons negative, proceeds
    /// positive.
    flows: Vec<Vec<(usize, T)>>,
    /// Each deal's fund equity value in each quarter.
    navs: Vec<Vec<T>>,
    /// Each stage's LTM AI EBITDA uplift per quarter.
    stage_uplift: stage_uplift::StageUplift<T>,
}

/// Projects each company and books its cheque, follow-ons, proceeds, NAV and cost basis
/// in `periods`.
fn project_deals<T: Num>(
    portfolio: &Portfolio,
    companies: &[PreparedCompany<T>],
    dates: &[chrono::NaiveDate],
    periods: &mut [FundPeriod<T>],
    detail: Detail,
    staging: &mut stage_gates::Staging<T>,
) -> Deals<T> {
    let mut deals = Deals {
        results: Vec::with_capacity(companies.len()),
        flows: Vec::with_capacity(companies.len()),
        navs: Vec::with_capacity(companies.len()),
        stage_uplift: stage_uplift::StageUplift::new(portfolio, dates.len()),
    };
    for (i, (company, prepared)) in portfolio.companies.iter().zip(companies).enumerate() {
        if !staging.acquires(i) {
            let len = if detail == Detail::Full { dates.len() } else { 0 };
            deals
                .results
                .push(stage_gates::not_acquired(company, prepared, len));
            deals.flows.push(Vec::new());
            deals.navs.push(Vec::new());
            continue;
        }
        let projection = staging
            .take_projection(i)
            .unwrap_or_else(|| prepared.project(dates.len()));
        fees::book_company_fees(prepared, &projection, periods);
        deals.stage_uplift.add(
            i,
            (prepared.acquisition_index, prepared.exit_index),
            &projection.periods,
        );
        let cheque = prepared.equity_cheque();
        let (flows, follow_ons) = book_deal_flows(prepared, cheque, &projection, periods);
        book_holding(prepared, cheque, &projection, periods);
        deals
            .navs
            .push(projection.periods.iter().map(|p| p.fund_equity_value).collect());
        let invested = cheque + follow_ons;
        let gross_irr = match detail {
            Detail::Full => metrics::irr_on_grid(dates, &flows),
            Detail::FundOnly => Err(super::xirr::XirrError::NotComputed),
        };
        deals.results.push(CompanyResult {
            name: company.name.clone(),
            sector: company.sector,
            stage: company.stage.clone(),
            acquisition_index: prepared.acquisition_index,
            exit_index: prepared.exit_index,
            equity_cheque: cheque,
            follow_ons,
            invested,
            proceeds: projection.proceeds,
            gross_moic: (invested > T::zero()).then(|| projection.proceeds / invested),
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
        deals.flows.push(flows);
    }
    deals
}

/// Books the deal's cheque, follow-ons and sales in `periods`; returns its flows and the
/// follow-ons booked.
fn book_deal_flows<T: Num>(
    prepared: &PreparedCompany<T>,
    cheque: T,
    projection: &Projection<T>,
    periods: &mut [FundPeriod<T>],
) -> (Vec<(usize, T)>, T) {
    let acquisition = prepared.acquisition_index;
    let mut flows = vec![(acquisition, -cheque)];
    if let Some(p) = periods.get_mut(acquisition) {
        p.deal_equity += cheque;
    }
    let mut follow_ons = T::zero();
    for &(q, amount) in &projection.follow_ons {
        if let Some(p) = periods.get_mut(q) {
            p.follow_ons += amount;
            follow_ons += amount;
            flows.push((q, -amount));
        }
    }
    for &(q, amount) in &projection.sales {
        if let Some(p) = periods.get_mut(q) {
            p.gross_proceeds += amount;
        }
        flows.push((q, amount));
    }
    if projection.sales.is_empty() {
        flows.push((prepared.exit_index, T::zero()));
    }
    (flows, follow_ons)
}

/// Adds the deal's cost basis and fund equity value to each quarter it is held. The cost
/// basis grows with follow-ons and falls with a partial sale in proportion to the share of
/// the holding sold.
fn book_holding<T: Num>(
    prepared: &PreparedCompany<T>,
    cheque: T,
    projection: &Projection<T>,
    periods: &mut [FundPeriod<T>],
) {
    let mut basis = cheque;
    let mut held = prepared.ownership();
    for (q, period) in periods
        .iter_mut()
        .enumerate()
        .take(prepared.exit_index)
        .skip(prepared.acquisition_index)
    {
        basis += projection
            .follow_ons
            .iter()
            .filter(|(at, _)| *at == q)
            .map(|(_, a)| *a)
            .sum::<T>();
        if let Some(cp) = projection.periods.get(q) {
            if cp.ownership < held && held > T::zero() {
                basis = basis * cp.ownership / held;
            }
            held = cp.ownership;
            period.gross_nav += cp.fund_equity_value;
        }
        period.net_invested_capital += basis;
    }
}

/// Distributions, carried interest and accrued carry under the fund's waterfall, on the
/// LPs' flows (rules at the top of [`carry`], [`american`] and [`partners`]); by class
/// when the classes' terms differ (rules at the top of [`classes`]), their runs returned.
fn run_waterfall<T: Num>(
    fund: &FundTerms,
    deals: &Deals<T>,
    lp_classes: &classes::LpClasses<T>,
    periods: &mut [FundPeriod<T>],
) -> Result<Option<classes::ClassRuns<T>>, ProjectError> {
    let terms = Terms::from_fund(fund).ok_or(ProjectError::PreferredReturn)?;
    partners::split_calls_and_proceeds(fund, periods);
    let runs = classes::run_by_class(fund, &terms, lp_classes, deals, periods)?;
    if runs.is_none() {
        let lp_share = T::one() - T::from_dec(fund.gp_commitment_share);
        carry_waterfall(fund, &terms, deals, lp_share, periods);
    }
    partners::finish(periods);
    Ok(runs)
}

/// The fund's waterfall with `terms` on the LP flows of `periods`, and its settlement
/// (escrow, clawback); `lp_share` of every deal flow is theirs.
fn carry_waterfall<T: Num>(
    fund: &FundTerms,
    terms: &Terms<T>,
    deals: &Deals<T>,
    lp_share: T,
    periods: &mut [FundPeriod<T>],
) {
    let settlement = carry::Settlement {
        escrow_share: T::from_dec(fund.carry_terms.escrow_share),
        clawback_tax_rate: T::from_dec(fund.carry_terms.clawback_tax_rate),
    };
    let entitlement = match fund.waterfall {
        Waterfall::European => Some(carry::run_european(periods, terms)),
        Waterfall::American { clawback } => {
            let held = deals.results.iter().map(|r| (r.acquisition_index, r.exit_index));
            let book = american::DealBook {
                flows: &deals.flows,
                navs: &deals.navs,
                held: held.collect(),
                lp_share,
            };
            let capital = fund.carry_terms.american_capital;
            let whole_fund = american::run_american(periods, terms, &book, capital);
            clawback.then_some(whole_fund)
        }
    };
    carry::settle(periods, entitlement, settlement);
}

/// NAV net of accrued carry, and the LPs' net and cumulative cash flows (the J-curve).
fn net_cash_flows<T: Num>(periods: &mut [FundPeriod<T>]) {
    let mut cumulative = T::zero();
    for p in periods {
        p.nav = p.gross_nav - p.accrued_carry;
        p.net_cash_flow = p.lp_distributions - p.lp_contributions;
        cumulative += p.net_cash_flow;
        p.cumulative_net_cash_flow = cumulative;
    }
}
