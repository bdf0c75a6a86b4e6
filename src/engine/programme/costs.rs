//! The shared platforms' costs in one projection: build costs in their quarters, the run
//! cost while a dependent company is held, paid by the fund or charged to the companies
//! by a key (rules at the top of [`super`]).

use crate::engine::company::PreparedCompany;
use crate::engine::grid;
use crate::engine::model::{Platform, PlatformCharging, Portfolio};
use crate::engine::num::Num;
use crate::engine::results::FundPeriod;

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
            add_into(&mut costs.fund_expenses, &quarterly);
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
            if cost == T::zero() {
                continue;
            }
            let keys = users.keys(q, platform.charging, &revenues);
            let shares = split_by_key(cost, &keys);
            if shares.is_empty() {
                if let Some(slot) = costs.fund_expenses.get_mut(q) {
                    *slot += cost;
                }
                continue;
            }
            for (&(i, _), share) in users.companies.iter().zip(shares) {
                if let Some(charges) = costs.company_charges.get_mut(i) {
                    if charges.is_empty() {
                        *charges = vec![T::zero(); len];
                    }
                    if let Some(slot) = charges.get_mut(q) {
                        *slot += share;
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

    /// Each user's key in quarter `q` (zero when it does not operate then).
    fn keys(&self, q: usize, charging: PlatformCharging, revenues: &[Vec<T>]) -> Vec<T> {
        let quarter = i64::try_from(q).unwrap_or(i64::MAX);
        self.companies
            .iter()
            .enumerate()
            .map(|(k, (i, lever_starts))| {
                if !self.operates(*i, q) {
                    return T::zero();
                }
                match charging {
                    PlatformCharging::ByRevenue => revenues
                        .get(k)
                        .and_then(|r| r.get(q))
                        .copied()
                        .unwrap_or(T::zero())
                        .max_of(T::zero()),
                    _ => {
                        let live = lever_starts.iter().filter(|&&s| s <= quarter).count();
                        T::from_i64(i64::try_from(live).unwrap_or(0))
                    }
                }
            })
            .collect()
    }
}

/// The platform's cost in each quarter: build costs in their quarters, run cost from the
/// go-live quarter to the last quarter a user is held (or the final liquidation).
fn quarterly_costs<T: Num>(
    portfolio: &Portfolio,
    platform: &Platform,
    users: &Users<'_, T>,
    len: usize,
    final_liquidation: usize,
) -> Vec<T> {
    let origin = portfolio.fund.first_close;
    let last = len.saturating_sub(1);
    let mut costs = vec![T::zero(); len];
    for build in &platform.build_costs {
        let q =
            usize::try_from(grid::quarters_between(origin, build.date).max(0)).map_or(last, |q| q.min(last));
        if let Some(slot) = costs.get_mut(q) {
            *slot += T::from_dec(build.amount).round_money();
        }
    }
    let run = (T::from_dec(platform.annual_run_cost) / T::from_i64(4)).round_money();
    if run == T::zero() {
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

/// `cost` split in proportion to `keys`, each share to the cent and the last positive key
/// taking the remainder; empty when no key is positive.
fn split_by_key<T: Num>(cost: T, keys: &[T]) -> Vec<T> {
    let total: T = keys.iter().copied().sum();
    let Some(last) = keys.iter().rposition(|k| *k > T::zero()) else {
        return Vec::new();
    };
    let mut shares = vec![T::zero(); keys.len()];
    let mut given = T::zero();
    for (i, (share, key)) in shares.iter_mut().zip(keys).enumerate() {
        if *key <= T::zero() {
            continue;
        }
        *share = if i == last {
            cost - given
        } else {
            (cost * *key / total).round_money()
        };
        given += *share;
    }
    shares
}

/// Adds `more` into `into`, quarter by quarter.
fn add_into<T: Num>(into: &mut [T], more: &[T]) {
    for (slot, value) in into.iter_mut().zip(more) {
        *slot += *value;
    }
}

#[cfg(test)]
pub(super) mod split_tests {
    use rust_decimal::{Decimal, dec};

    use super::split_by_key;

    #[test]
    fn a_cost_splits_by_key_to_the_cent_and_sums_back() {
        // 100 split 1 : 2 : 0 : 3 (total 6): 100/6 = 16.666… → 16.67, 200/6 = 33.333… →
        // 33.33, the zero key nothing, the last key the rest: 100 − 16.67 − 33.33 = 50.00.
        let shares = split_by_key(dec!(100), &[dec!(1), dec!(2), Decimal::ZERO, dec!(3)]);
        assert_eq!(shares, vec![dec!(16.67), dec!(33.33), Decimal::ZERO, dec!(50.00)]);
        assert_eq!(shares.iter().copied().sum::<Decimal>(), dec!(100));
        assert!(split_by_key(dec!(100), &[Decimal::ZERO, Decimal::ZERO]).is_empty());
    }
}
