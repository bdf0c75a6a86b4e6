//! The fund's shared AI programme (issue 13): the levers' schedule across the portfolio
//! (a platform's go-live holds back the levers that run on it; learning across
//! deployments of a kind cuts their cost and ramp) and the platforms' costs.
//!
//! Rules (each a modelling choice, stated so a reviewer can check it):
//!
//! **Quarters.** A date falls in the fund-grid quarter that contains it
//! (`grid::quarters_between` from the first close). A lever's *start* is the first
//! quarter of its programme: its pilot's start if it has a pilot (the earlier of the
//! pilot's and the scale-up's start), else the scale-up's start. The scale-up starts as
//! `engine::company::programme` places it: the quarter after the gate, else the quarter
//! after the pilot, else `start_delay_quarters` after the first operating quarter (the
//! quarter after the acquisition).
//!
//! **Platform dependency.** A lever whose `programme.platform` names a platform cannot
//! start before the platform's go-live quarter: it may start *in* that quarter. Its whole
//! programme moves by `shift = max(0, go-live quarter − start)` quarters: the pilot's
//! start, the gate and the scale-up's start each move by the same shift, so a platform
//! going live `d` quarters later moves a lever that was already waiting for it by `d`,
//! and a lever that started after the go-live by less (or not at all). A lever on no
//! platform (or naming one that does not exist, which validation refuses) is not moved.
//! The shift is applied to the model (`schedule().apply`), so the company projection,
//! the lever attribution and Monte Carlo all read the moved levers.
//!
//! **Learning (Wright's law).** For a lever kind with a learning rate `r`, every lever of
//! that kind in the portfolio is a deployment, numbered `n = 1, 2, …` in the order of its
//! scale-up's start quarter after the platform shift (the scale-up is what the one-time
//! cost and ramp belong to); levers starting in the same quarter are numbered in company
//! order, then in the company's lever order. Every lever of the model counts, including
//! one that starts after its company's exit (the plan's deployments; Monte Carlo's exit
//! draws do not renumber). Deployment `n`'s one-time cost and ramp length are multiplied
//! by `n^b`, `b = log₂(1 − r)`: each doubling of the cumulative number of deployments
//! cuts them by `r` (with `r = 20 %` the 2nd costs 0.8×, the 4th 0.64×, the 3rd
//! `3^{log₂ 0.8} ≈ 0.702104×`). The factor is computed as `(1 − r)^k × m^b` for
//! `n = 2^k × m` with `m` odd, so powers of two are exact; other factors are rounded to
//! 12 decimal places. The cost after learning is rounded to the cent; the ramp to the
//! nearest whole quarter (halves away from zero), at least 1 if it was at least 1 (an
//! immediate lever stays immediate). Pilot costs, run costs and phased-cost shares are not
//! changed.
//!
//! **Platform costs** (`costs`): each build cost falls in the quarter of its date (a date
//! before the first close in the first quarter, after the grid in the last), rounded to
//! the cent; the run cost, `annual_run_cost / 4` rounded to the cent, is paid in every
//! quarter from the go-live quarter through the last quarter in which a company with a
//! lever on the platform is held (its exit quarter), never after the fund's final
//! liquidation quarter; a platform no lever uses runs to the final liquidation quarter.
//! Paid as a fund expense, a quarter's cost is added to the fund's expenses and its
//! contributions (called like the other expenses). Charged to companies, it is split
//! among the companies with a lever on the platform that operate in that quarter (after
//! the acquisition quarter up to and including the exit quarter) by a key: their revenue
//! that quarter (`by_revenue`), or the number of their levers on the platform that have
//! started (`by_usage`). The split is to the cent by largest remainder (each share
//! rounded down, the cents left to the largest losses; stated in `costs::split`), so the
//! shares sum exactly to the cost and f64 books the same cents as Decimal. The charge is a
//! company cost below EBITDA (adjusted EBITDA leaves it out, like the monitoring fee),
//! deductible for tax and paid from free cash flow, at 100 % (co-owners bear their
//! share through the company). A quarter's cost no company can carry (none operating, or
//! every key zero — build costs before the first dependent acquisition, say) is a fund
//! expense.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::grid;
use super::model::{Company, LeverKind, Portfolio};

mod costs;
mod learning;
#[cfg(test)]
mod tests;

pub use costs::{PlatformCosts, platform_costs};
pub use learning::{LearningCurve, LearningPoint, wright_factor};

/// One lever as the programme schedules it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledLever {
    /// Position of the company in `companies`.
    pub company: usize,
    /// Position of the lever in the company's `levers`.
    pub lever: usize,
    /// The lever's kind.
    pub kind: LeverKind,
    /// Fund-grid quarter of the lever's start as the model gives it (pilot or scale-up).
    pub planned_start: i64,
    /// Quarters the platform's go-live moves the lever's programme later.
    pub shift_quarters: u32,
    /// Fund-grid quarter of the scale-up's start after the shift (what learning orders).
    pub scale_up_start: i64,
    /// Deployment number within its kind, when the kind has a learning rate.
    pub deployment: Option<u32>,
    /// The learning factor on its one-time cost and ramp (1 without learning).
    pub learning_factor: Decimal,
    /// One-time cost before learning.
    pub base_one_time_cost: Decimal,
    /// One-time cost after learning, to the cent.
    pub one_time_cost: Decimal,
    /// Ramp length after learning, in quarters.
    pub ramp_quarters: u32,
}

impl ScheduledLever {
    /// Fund-grid quarter of the lever's start after the shift.
    pub fn start(&self) -> i64 {
        self.planned_start.saturating_add(i64::from(self.shift_quarters))
    }
}

/// The levers of a portfolio scheduled across it: platform shifts and learning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schedule {
    /// Every lever, in company order then lever order.
    pub levers: Vec<ScheduledLever>,
    /// The learning curve of each kind with a learning rate, in the order the rates are
    /// given.
    pub curves: Vec<LearningCurve>,
}

/// The schedule of `portfolio`'s levers (rules at the top of this module).
pub fn schedule(portfolio: &Portfolio) -> Schedule {
    let mut levers = place_levers(portfolio);
    let curves = learning::apply_learning(&portfolio.programme, &mut levers);
    Schedule { levers, curves }
}

/// Each company's levers' fund-grid start quarters after the platform shift (pilot or
/// scale-up, whichever is first), in model order.
pub(crate) fn lever_starts(portfolio: &Portfolio) -> Vec<Vec<i64>> {
    let mut starts: Vec<Vec<i64>> = portfolio
        .companies
        .iter()
        .map(|c| Vec::with_capacity(c.levers.len()))
        .collect();
    for lever in place_levers(portfolio) {
        if let Some(company) = starts.get_mut(lever.company) {
            company.push(lever.start());
        }
    }
    starts
}

/// Every lever with its platform shift, before learning.
fn place_levers(portfolio: &Portfolio) -> Vec<ScheduledLever> {
    let mut levers = Vec::new();
    for (c, company) in portfolio.companies.iter().enumerate() {
        let acquisition = grid::quarters_between(portfolio.fund.first_close, company.acquisition_date);
        let first_operating = acquisition.saturating_add(1);
        for (l, lever) in company.levers.iter().enumerate() {
            let programme = &lever.programme;
            let pilot_start = programme
                .pilot
                .as_ref()
                .map(|pilot| first_operating.saturating_add(i64::from(pilot.start_delay_quarters)));
            let scale_up = match (&programme.gate, &programme.pilot, pilot_start) {
                (Some(gate), _, _) => acquisition
                    .saturating_add(i64::from(gate.quarter))
                    .saturating_add(1),
                (None, Some(pilot), Some(start)) => start.saturating_add(i64::from(pilot.quarters.max(1))),
                _ => first_operating.saturating_add(i64::from(lever.start_delay_quarters)),
            };
            let planned_start = pilot_start.map_or(scale_up, |start| start.min(scale_up));
            let shift = go_live_quarter(portfolio, lever.programme.platform.as_deref())
                .map_or(0, |live| live.saturating_sub(planned_start).max(0));
            let shift_quarters = u32::try_from(shift).unwrap_or(u32::MAX);
            levers.push(ScheduledLever {
                company: c,
                lever: l,
                kind: lever.kind,
                planned_start,
                shift_quarters,
                scale_up_start: scale_up.saturating_add(shift),
                deployment: None,
                learning_factor: Decimal::ONE,
                base_one_time_cost: lever.one_time_cost,
                one_time_cost: lever.one_time_cost,
                ramp_quarters: lever.ramp_quarters,
            });
        }
    }
    levers
}

/// Fund-grid quarter in which the platform `name` goes live, if it exists.
pub(crate) fn go_live_quarter(portfolio: &Portfolio, name: Option<&str>) -> Option<i64> {
    let platform = portfolio.programme.platform(name?)?;
    Some(grid::quarters_between(
        portfolio.fund.first_close,
        platform.go_live,
    ))
}

impl Schedule {
    /// Whether the schedule changes no lever (no shift, no learning).
    pub fn is_identity(&self) -> bool {
        self.levers.iter().all(|l| {
            l.shift_quarters == 0
                && l.learning_factor == Decimal::ONE
                && l.one_time_cost == l.base_one_time_cost
        })
    }

    /// `companies` (the portfolio's, which this schedule was computed from) with every
    /// lever moved and scaled as scheduled; borrowed unchanged when nothing moves.
    pub fn apply<'a>(&self, companies: &'a [Company]) -> Cow<'a, [Company]> {
        if self.is_identity() {
            return Cow::Borrowed(companies);
        }
        let mut scheduled = companies.to_vec();
        for s in &self.levers {
            if let Some(lever) = scheduled
                .get_mut(s.company)
                .and_then(|c| c.levers.get_mut(s.lever))
            {
                let shift = s.shift_quarters;
                lever.start_delay_quarters = lever.start_delay_quarters.saturating_add(shift);
                if let Some(pilot) = lever.programme.pilot.as_mut() {
                    pilot.start_delay_quarters = pilot.start_delay_quarters.saturating_add(shift);
                }
                if let Some(gate) = lever.programme.gate.as_mut() {
                    gate.quarter = gate.quarter.saturating_add(shift);
                }
                lever.one_time_cost = s.one_time_cost;
                lever.ramp_quarters = s.ramp_quarters;
            }
        }
        Cow::Owned(scheduled)
    }

    /// The scheduled lever `lever` of company `company`.
    pub fn lever(&self, company: usize, lever: usize) -> Option<&ScheduledLever> {
        self.levers
            .iter()
            .find(|s| s.company == company && s.lever == lever)
    }
}

/// `portfolio`'s companies with their levers scheduled (platform shifts and learning):
/// what the projection prepares. Borrowed when the programme changes nothing.
pub fn scheduled_companies(portfolio: &Portfolio) -> Cow<'_, [Company]> {
    if portfolio.programme.is_default() {
        return Cow::Borrowed(&portfolio.companies);
    }
    schedule(portfolio).apply(&portfolio.companies)
}
