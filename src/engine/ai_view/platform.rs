//! Each shared AI platform and the levers that depend on it, with what it costs over the
//! fund's life: the build cost by quarter, the run cost, and who ends up paying.
//!
//! Conventions (each a modelling choice, stated so a reviewer can check it):
//!
//! - **Costs** are the projection's (`engine::programme::platform_costs`, rules at the top
//!   of `engine::programme`) on the plan's companies after the platform schedule: each
//!   build cost in the quarter of its date, to the cent; the run cost from the go-live
//!   quarter to the last quarter a dependent company is held.
//! - **Who pays.** A platform paid as a fund expense costs the fund all of it. One
//!   charged to companies costs the companies what they are charged, except that a
//!   quarter no company can carry, and the charges of a company a stage gate leaves
//!   unacquired, fall to the fund; so the split is given on each reading (a gate may fail
//!   on one and not the other).
//! - **Dependants.** Every lever naming the platform, in company then lever order, with
//!   its start as the model gives it (the pilot's start, else the scale-up's), its start
//!   after the platform constraint, and the delay between them in quarters.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ReadingPair;
use crate::engine::company::PreparedCompany;
use crate::engine::fund::wind_up;
use crate::engine::grid;
use crate::engine::model::{LeverKind, Platform, PlatformCharging, Portfolio};
use crate::engine::programme::{PlatformCosts, Schedule, platform_costs};
use crate::engine::results::FundResult;

/// A lever that runs on a shared platform.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformDependant {
    /// The company's name.
    pub company: String,
    /// The lever's name.
    pub lever: String,
    /// Its kind.
    pub kind: LeverKind,
    /// Fund-grid quarter of the lever's start as the model gives it (pilot or scale-up).
    pub planned_start: usize,
    /// Fund-grid quarter of its start once the platform is live.
    pub scheduled_start: usize,
    /// Quarters the platform's go-live holds the lever back.
    pub delay_quarters: u32,
}

/// One shared platform on the fund's dates.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformView {
    /// The platform's name.
    pub name: String,
    /// The go-live date as written.
    pub go_live: NaiveDate,
    /// Fund-grid quarter of the go-live (the first quarter a dependant may start in).
    pub go_live_quarter: usize,
    /// The build cost by fund-grid quarter, quarters with a cost only, in quarter order.
    pub build_by_quarter: Vec<(usize, Decimal)>,
    /// Σ of the build costs.
    pub build_cost: Decimal,
    /// The annual run cost once live.
    pub annual_run_cost: Decimal,
    /// Σ of the run cost over the fund's life.
    pub run_cost: Decimal,
    /// How it is charged.
    pub charging: PlatformCharging,
    /// What the fund pays of it over the fund's life, on each reading.
    pub cost_to_fund: ReadingPair,
    /// What the companies are charged of it over the fund's life, on each reading.
    pub cost_to_companies: ReadingPair,
    /// The levers that run on it.
    pub dependants: Vec<PlatformDependant>,
}

impl PlatformView {
    /// The platform's whole cost over the fund's life (build and run).
    pub fn total_cost(&self) -> Decimal {
        self.build_cost + self.run_cost
    }
}

/// The scheduled companies prepared on one reading, with that reading's results.
pub(super) struct ReadingInputs<'a> {
    /// The companies after the platform schedule, prepared on the reading.
    pub(super) prepared: &'a [PreparedCompany<Decimal>],
    /// The reading's projection.
    pub(super) result: &'a FundResult,
}

/// Every platform of `portfolio` with its dependants and costs on the `plan` and the
/// `risk_adjusted` reading; `schedule` is the levers' schedule.
pub(super) fn platforms(
    portfolio: &Portfolio,
    schedule: &Schedule,
    plan: &ReadingInputs<'_>,
    risk_adjusted: &ReadingInputs<'_>,
) -> Vec<PlatformView> {
    if portfolio.programme.platforms.is_empty() {
        return Vec::new();
    }
    let len = plan.result.dates.len();
    let mut alone = portfolio.clone();
    let mut costs_of = |platform: Platform, prepared: &[PreparedCompany<Decimal>]| {
        alone.programme.platforms = vec![platform];
        let final_liquidation =
            wind_up::final_liquidation_index(prepared, wind_up::last_quarter_index(&portfolio.fund));
        platform_costs(&alone, prepared, len, final_liquidation)
    };
    portfolio
        .programme
        .platforms
        .iter()
        .map(|platform| {
            let build = costs_of(
                Platform {
                    annual_run_cost: Decimal::ZERO,
                    charging: PlatformCharging::FundExpense,
                    ..platform.clone()
                },
                plan.prepared,
            )
            .fund_expenses;
            let build_cost: Decimal = build.iter().sum();
            let mut split = |inputs: &ReadingInputs<'_>| {
                let costs = costs_of(platform.clone(), inputs.prepared);
                paid_by(portfolio, &costs, inputs.result)
            };
            let (plan_fund, plan_companies) = split(plan);
            let (risk_fund, risk_companies) = split(risk_adjusted);
            PlatformView {
                name: platform.name.clone(),
                go_live: platform.go_live,
                go_live_quarter: quarter(grid::quarters_between(
                    portfolio.fund.first_close,
                    platform.go_live,
                )),
                build_by_quarter: build
                    .iter()
                    .enumerate()
                    .filter(|(_, amount)| !amount.is_zero())
                    .map(|(q, amount)| (q, *amount))
                    .collect(),
                build_cost,
                annual_run_cost: platform.annual_run_cost,
                run_cost: plan_fund + plan_companies - build_cost,
                charging: platform.charging,
                cost_to_fund: ReadingPair {
                    plan: plan_fund,
                    risk_adjusted: risk_fund,
                },
                cost_to_companies: ReadingPair {
                    plan: plan_companies,
                    risk_adjusted: risk_companies,
                },
                dependants: dependants(portfolio, schedule, &platform.name),
            }
        })
        .collect()
}

/// `(the fund's part, the companies' part)` of `costs` over the life, with the charges
/// of the companies `result`'s stage gates leave unacquired falling to the fund.
fn paid_by(portfolio: &Portfolio, costs: &PlatformCosts<Decimal>, result: &FundResult) -> (Decimal, Decimal) {
    let not_acquired = |i: usize| {
        portfolio.companies.get(i).is_some_and(|c| {
            result
                .stage_gates
                .iter()
                .any(|g| g.not_acquired.contains(&c.name))
        })
    };
    let mut fund: Decimal = costs.fund_expenses.iter().sum();
    let mut companies = Decimal::ZERO;
    for (i, charges) in costs.company_charges.iter().enumerate() {
        let charged: Decimal = charges.iter().sum();
        if not_acquired(i) {
            fund += charged;
        } else {
            companies += charged;
        }
    }
    (fund, companies)
}

/// The levers on platform `name`, as scheduled.
fn dependants(portfolio: &Portfolio, schedule: &Schedule, name: &str) -> Vec<PlatformDependant> {
    schedule
        .levers
        .iter()
        .filter_map(|s| {
            let company = portfolio.companies.get(s.company)?;
            let lever = company.levers.get(s.lever)?;
            (lever.programme.platform.as_deref() == Some(name)).then(|| PlatformDependant {
                company: company.name.clone(),
                lever: lever.name.clone(),
                kind: lever.kind,
                planned_start: quarter(s.planned_start),
                scheduled_start: quarter(s.start()),
                delay_quarters: s.shift_quarters,
            })
        })
        .collect()
}

/// A fund-grid quarter as an index (a date before the first close in the first quarter).
fn quarter(q: i64) -> usize {
    usize::try_from(q.max(0)).unwrap_or(usize::MAX)
}
