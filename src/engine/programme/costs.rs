//! The shared platforms' costs in one projection: build costs in their quarters, the run
//! cost while a dependent company is held, paid by the fund or charged to the companies
//! by a key (rules at the top of [`super`]; a quarter's cost is split among them as
//! `split` states). The costs and their split are worked out in `Decimal` whatever the
//! projection's number type: they are booked amounts, so the `f64` projection books the
//! same cents as the exact one.

use rust_decimal::Decimal;

use crate::engine::company::PreparedCompany;
use crate::engine::grid;
use crate::engine::model::{Platform, PlatformCharging, Portfolio};
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;

mod split;

use split::split_by_key;

/// What the platforms cost in each quarter of one projection.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformCosts<T> {
    /// Per fund quarter: platform costs the fund pays as expenses (with any charged cost
    /// no company could carry).
    pub fund_expenses: Vec<T>,
    /// Per company (in `companies` order): its platform charge per fund quarter; empty for
    /// a company charged nothing.
    pub company_charges: Vec<Vec<T>>,
}

impl<T: Num> PlatformCosts<T> {
    /// Whether any company is charged.
    pub fn charges_companies(&self) -> bool {
        self.company_charges.iter().any(|c| !c.is_empty())
    }

    /// Adds the fund's platform expenses to each quarter's fund expenses and
    /// contributions (after `fees` has set them), with the charges of any company a
    /// stage gate leaves unacquired (`acquired(i)` false): the fund pays its share.
    pub fn book_fund_expenses(&self, periods: &mut [FundPeriod<T>], acquired: impl Fn(usize) -> bool) {
        let mut expenses = self.fund_expenses.clone();
        for (i, charges) in self.company_charges.iter().enumerate() {
            if !acquired(i) {
                add_into(&mut expenses, charges);
            }
        }
        for (p, cost) in periods.iter_mut().zip(expenses) {
            if cost != T::zero() {
                p.fund_expenses += cost;
                p.contributions += cost;
            }
        }
    }

    /// `companies` with their platform charges set (unchanged when none is charged).
    pub fn charged(&self, companies: &[PreparedCompany<T>]) -> Vec<PreparedCompany<T>> {
        companies
            .iter()
            .zip(
                self.company_charges
                    .iter()
                    .map(Some)
                    .chain(std::iter::repeat(None)),
            )
            .map(|(company, charges)| match charges {
                Some(c) if !c.is_empty() => company.with_platform_charges(c.clone()),
                _ => company.clone(),
            })
            .collect()
    }
}

/// The costs of `portfolio`'s platforms over a grid of `len` quarters whose final
/// liquidation is in quarter `final_liquidation`, with `companies` prepared (and adjusted)
/// from `portfolio.companies`.
pub fn platform_costs<T: Num>(
    portfolio: &Portfolio,
    companies: &[PreparedCompany<T>],
    len: usize,
    final_liquidation: usize,
) -> PlatformCosts<T> {
    let mut costs = PlatformCosts {
        fund_expenses: vec![T::zero(); len],
        company_charges: vec![Vec::new(); companies.len()],
    };
    if portfolio.programme.platforms.is_empty() || len == 0 {
        return costs;
    }
    let starts = super::lever_starts(portfolio);
    for platform in &portfolio.programme.platforms {
        let users = Users::of(portfolio, &starts, companies, &platform.name);
        let quarterly = quarterly_costs(portfolio, platform, &users, len, final_liquidation);
        if platform.charging == PlatformCharging::FundExpense {
            for (slot, cost) in costs.fund_expenses.iter_mut().zip(&quarterly) {
                *slot += T::from_dec(*cost);
            }
            continue;
        }
        let revenues: Vec<Vec<T>> = match platform.charging {
            PlatformCharging::ByRevenue => users
                .companies
                .iter()
                .map(|&(i, _)| {
                    companies
                        .get(i)
                        .map_or_else(Vec::new, |c| c.revenue_by_quarter(len))
                })
                .collect(),
            _ => Vec::new(),
        };
        for (q, cost) in quarterly.iter().copied().enumerate() {
            if cost.is_zero() {
                continue;
            }
            let keys = users.keys(q, platform.charging, &revenues);
            let shares = split_by_key(cost, &keys);
            if shares.is_empty() {
                if let Some(slot) = costs.fund_expenses.get_mut(q) {
                    *slot += T::from_dec(cost);
                }
                continue;
            }
            for (&(i, _), share) in users.companies.iter().zip(shares) {
                if let Some(charges) = costs.company_charges.get_mut(i) {
                    if charges.is_empty() {
                        *charges = vec![T::zero(); len];
                    }
                    if let Some(slot) = charges.get_mut(q) {
                        *slot += T::from_dec(share);
                    }
                }
            }
        }
    }
    costs
}

/// The companies with a lever on one platform.
struct Users<'a, T> {
    /// `(company index, fund-grid start quarters of its levers on the platform)`.
    companies: Vec<(usize, Vec<i64>)>,
    prepared: &'a [PreparedCompany<T>],
}

impl<'a, T: Num> Users<'a, T> {
    fn of(
        portfolio: &Portfolio,
        starts: &[Vec<i64>],
        prepared: &'a [PreparedCompany<T>],
        name: &str,
    ) -> Self {
        let companies = portfolio
            .companies
            .iter()
            .zip(starts)
            .enumerate()
            .filter_map(|(i, (company, lever_starts))| {
                let on_platform: Vec<i64> = company
                    .levers
                    .iter()
                    .zip(lever_starts)
                    .filter(|(lever, _)| lever.programme.platform.as_deref() == Some(name))
                    .map(|(_, start)| *start)
                    .collect();
                (!on_platform.is_empty()).then_some((i, on_platform))
            })
            .collect();
        Self { companies, prepared }
    }

    /// The last quarter in which a user is held (its exit quarter), if there is a user.
    fn last_held(&self) -> Option<usize> {
        self.companies
            .iter()
            .filter_map(|&(i, _)| self.prepared.get(i).map(|c| c.exit_index))
            .max()
    }

    /// Whether user `i` operates in quarter `q`: after its acquisition quarter, up to and
    /// including its exit quarter.
    fn operates(&self, i: usize, q: usize) -> bool {
        self.prepared
            .get(i)
            .is_some_and(|c| q > c.acquisition_index && q <= c.exit_index)
    }

    /// Each user's key in quarter `q` (zero when it does not operate then), as the
    /// split reads it: a `Decimal`.
    fn keys(&self, q: usize, charging: PlatformCharging, revenues: &[Vec<T>]) -> Vec<Decimal> {
        let quarter = i64::try_from(q).unwrap_or(i64::MAX);
        self.companies
            .iter()
            .enumerate()
            .map(|(k, (i, lever_starts))| {
                if !self.operates(*i, q) {
                    return Decimal::ZERO;
                }
                match charging {
                    PlatformCharging::ByRevenue => revenues
                        .get(k)
                        .and_then(|r| r.get(q))
                        .and_then(|revenue| revenue.to_decimal())
                        .unwrap_or(Decimal::ZERO)
                        .max(Decimal::ZERO),
                    _ => Decimal::from(lever_starts.iter().filter(|&&s| s <= quarter).count()),
                }
            })
            .collect()
    }
}

/// The platform's cost in each quarter, to the cent: build costs in their quarters, run
/// cost from the go-live quarter to the last quarter a user is held (or the final
/// liquidation).
fn quarterly_costs<T: Num>(
    portfolio: &Portfolio,
    platform: &Platform,
    users: &Users<'_, T>,
    len: usize,
    final_liquidation: usize,
) -> Vec<Decimal> {
    let origin = portfolio.fund.first_close;
    let last = len.saturating_sub(1);
    let mut costs = vec![Decimal::ZERO; len];
    for build in &platform.build_costs {
        let q =
            usize::try_from(grid::quarters_between(origin, build.date).max(0)).map_or(last, |q| q.min(last));
        if let Some(slot) = costs.get_mut(q) {
            *slot += build.amount.round_money();
        }
    }
    let run = (platform.annual_run_cost / Decimal::from(4)).round_money();
    if run.is_zero() {
        return costs;
    }
    let live = grid::quarters_between(origin, platform.go_live).max(0);
    let end = users
        .last_held()
        .unwrap_or(final_liquidation)
        .min(final_liquidation)
        .min(last);
    for (q, slot) in costs.iter_mut().enumerate().take(end + 1) {
        if i64::try_from(q).is_ok_and(|q| q >= live) {
            *slot += run;
        }
    }
    costs
}

/// Adds `more` into `into`, quarter by quarter.
fn add_into<T: Num>(into: &mut [T], more: &[T]) {
    for (slot, value) in into.iter_mut().zip(more) {
        *slot += *value;
    }
}
