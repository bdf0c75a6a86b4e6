//! Gated deployment stages (issue 13): a stage's gate decides, on its date, whether the
//! stage's conditional companies are acquired, from what the earlier stages achieved.
//!
//! Rules (each a modelling choice, stated so a reviewer can check it):
//!
//! - **When.** A gate is measured at the end of the quarter of its date (the fund's grid
//!   quarter `quarters_between(first close, date)`). Gates are evaluated in stage order,
//!   so a gate reads the earlier stages as the earlier gates left them: a company an
//!   earlier gate did not acquire counts for nothing, in the measure and in the plan.
//!   A gate may fall after its stage's start (a mid-stage decision, as funds stage a
//!   programme): the stage's companies bought before it are committed whatever it finds;
//!   its conditional companies, which validation requires to be acquired after the
//!   gate's quarter, hang on it.
//! - **What is read.** The companies of the stages the gate names, all of them before
//!   the gated stage in the stage list (validation refuses a later or unknown one); every
//!   earlier stage when it names none.
//! - **AI uplift share.** For each company read: the EBITDA with levers less the EBITDA
//!   without levers (100 % of the company, after lever run costs) over the four quarters
//!   to the gate quarter — quarters before the acquisition or after the exit count as
//!   zero. The measure is Σ over the companies of that uplift on the reading projected
//!   (plan, risk-adjusted, or a Monte Carlo path's draws) over the same Σ under the plan
//!   reading (every lever gate passes, no Monte Carlo adjustment), each company's sum to
//!   the cent. With no plan uplift (zero or below) there is nothing to measure.
//! - **Gross mark multiple.** `(Σ the fund's proceeds to the gate quarter + Σ the fund's
//!   value of the companies still held then) / Σ invested to then` (equity cheques of
//!   companies acquired by then and follow-ons to then). With nothing invested there is
//!   nothing to measure.
//! - **Outcome.** The gate passes when the measure is at least the threshold; a gate with
//!   nothing to measure fails (no evidence, no commitment). On failure the stage's
//!   conditional companies are not acquired: their cheques, follow-ons, fees, NAV and
//!   proceeds are left out of the fund (their [`CompanyResult`] stays, with zeros, so the
//!   results keep the model's order), so capital is not called and fees charged on
//!   invested capital fall with them; fees on commitments do not change. The budget the
//!   outcome shows is the stage's budget × `budget_share_on_failure`, to the cent.
//!
//! The projection of each company read is kept and booked afterwards, so a gate costs
//! no projection beyond the plan reading's figures ([`StageBaseline`]), which Monte Carlo
//! computes once per run.

use super::company::{CompanyAdjustment, PrepareError, PreparedCompany, Projection};
use super::grid;
use super::model::{Portfolio, StageCondition, StageGate};
use super::num::Num;
use super::results::{CompanyPeriod, CompanyResult, StageGateOutcome, ValueBridge};
use super::xirr::XirrError;

/// The plan reading's AI uplift of every company at each uplift gate: the denominator of
/// the uplift share, computed once per model.
#[derive(Debug, Clone, Default)]
pub struct StageBaseline<T> {
    /// Per stage (by index): for an uplift gate, each company's plan uplift at the gate
    /// quarter (zero for a company the gate does not read).
    plan_uplift: Vec<Option<Vec<T>>>,
}

impl<T: Num> StageBaseline<T> {
    /// The plan figures of `portfolio`'s uplift gates (empty when it has none).
    pub fn plan(portfolio: &Portfolio) -> Result<Self, PrepareError> {
        let gates = gated_stages(portfolio);
        if !gates
            .iter()
            .any(|(_, g)| matches!(g.condition, StageCondition::AiUpliftShare { .. }))
        {
            return Ok(Self::default());
        }
        let stage_of = stage_indices(portfolio);
        // Each company read is projected once, to the latest uplift gate that reads it.
        let mut horizon: Vec<Option<usize>> = vec![None; portfolio.companies.len()];
        for (s, gate) in gates.iter().filter(|(_, g)| is_uplift(g)) {
            let q = gate_quarter(portfolio, gate);
            let read = read_stages(portfolio, *s, gate);
            for (i, stage) in stage_of.iter().enumerate() {
                if reads(&read, *stage)
                    && let Some(h) = horizon.get_mut(i)
                {
                    *h = Some(h.map_or(q, |h| h.max(q)));
                }
            }
        }
        let plan = CompanyAdjustment::default();
        let mut periods: Vec<Vec<CompanyPeriod<T>>> = Vec::with_capacity(horizon.len());
        for (company, h) in super::programme::scheduled_companies(portfolio)
            .iter()
            .zip(&horizon)
        {
            periods.push(match h {
                Some(q) => {
                    PreparedCompany::new(company, &portfolio.fund, &plan)?
                        .project(q + 1)
                        .periods
                }
                None => Vec::new(),
            });
        }
        let mut plan_uplift = vec![None; portfolio.stages.len()];
        for (s, gate) in gates.iter().filter(|(_, g)| is_uplift(g)) {
            let q = gate_quarter(portfolio, gate);
            let read = read_stages(portfolio, *s, gate);
            let per_company = stage_of
                .iter()
                .zip(&periods)
                .map(|(stage, p)| {
                    if reads(&read, *stage) {
                        trailing_uplift(p, q)
                    } else {
                        T::zero()
                    }
                })
                .collect();
            if let Some(slot) = plan_uplift.get_mut(*s) {
                *slot = Some(per_company);
            }
        }
        Ok(Self { plan_uplift })
    }
}

/// The gates evaluated on one reading: which companies are acquired, the projections
/// made to measure them (booked afterwards), and the outcomes.
pub(crate) struct Staging<T> {
    /// Per company whether it is acquired; empty when every company is.
    acquired: Vec<bool>,
    /// Per company the projection the gates made of it, taken when it is booked.
    projections: Vec<Option<Projection<T>>>,
    /// Each gate's outcome, in stage order.
    pub(crate) outcomes: Vec<StageGateOutcome<T>>,
}

impl<T: Num> Staging<T> {
    /// Whether company `i` is acquired on this reading.
    pub(crate) fn acquires(&self, i: usize) -> bool {
        self.acquired.get(i).copied().unwrap_or(true)
    }

    /// The projection of company `i` made to measure a gate, if one was (once).
    pub(crate) fn take_projection(&mut self, i: usize) -> Option<Projection<T>> {
        self.projections.get_mut(i).and_then(Option::take)
    }

    /// The quarter of the final liquidation among the companies acquired, when a gate
    /// left some out (`None`: every company is acquired and the calendar stands).
    pub(crate) fn final_liquidation_index(
        &self,
        companies: &[PreparedCompany<T>],
        last_quarter: usize,
    ) -> Option<usize> {
        if self.acquired.iter().all(|a| *a) {
            return None;
        }
        let held = companies.iter().enumerate().filter(|(i, _)| self.acquires(*i));
        Some(held.map(|(_, c)| c.exit_index).max().unwrap_or(last_quarter))
    }
}

/// Evaluates `portfolio`'s stage gates, in stage order, on `companies` (the reading
/// being projected, on a grid of `grid_len` quarters).
pub(crate) fn evaluate<T: Num>(
    portfolio: &Portfolio,
    companies: &[PreparedCompany<T>],
    grid_len: usize,
    baseline: &StageBaseline<T>,
) -> Staging<T> {
    let gates = gated_stages(portfolio);
    let mut staging = Staging {
        acquired: Vec::new(),
        projections: Vec::new(),
        outcomes: Vec::with_capacity(gates.len()),
    };
    if gates.is_empty() {
        return staging;
    }
    staging.acquired = vec![true; companies.len()];
    staging.projections = vec![None; companies.len()];
    let stage_of = stage_indices(portfolio);
    let last = grid_len.saturating_sub(1);
    for (s, gate) in gates {
        let q = gate_quarter(portfolio, gate).min(last);
        let read = read_stages(portfolio, s, gate);
        let members: Vec<usize> = (0..companies.len())
            .filter(|&i| staging.acquires(i) && reads(&read, stage_of.get(i).copied().flatten()))
            .collect();
        for &i in &members {
            if let (Some(slot), Some(company)) = (staging.projections.get_mut(i), companies.get(i))
                && slot.is_none()
            {
                *slot = Some(company.project(grid_len));
            }
        }
        let measured = measure(
            &staging,
            companies,
            &members,
            q,
            gate,
            baseline.plan_uplift.get(s),
        );
        let threshold = T::from_dec(gate.condition.threshold());
        let passed = measured.is_some_and(|m| m >= threshold);
        let full_budget = portfolio
            .stages
            .get(s)
            .map_or(T::zero(), |stage| T::from_dec(stage.budget));
        let mut outcome = StageGateOutcome {
            stage: portfolio
                .stages
                .get(s)
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            date: gate.date,
            measured,
            threshold,
            passed,
            budget: full_budget,
            not_acquired: Vec::new(),
        };
        if !passed {
            outcome.budget = (full_budget * T::from_dec(gate.budget_share_on_failure)).round_money();
            for (i, company) in portfolio.companies.iter().enumerate() {
                if company.conditional
                    && stage_of.get(i).copied().flatten() == Some(s)
                    && let Some(a) = staging.acquired.get_mut(i)
                {
                    *a = false;
                    outcome.not_acquired.push(company.name.clone());
                }
            }
        }
        staging.outcomes.push(outcome);
    }
    staging
}

/// The gate's measure on the companies `members` (projected in `staging`) at quarter `q`.
fn measure<T: Num>(
    staging: &Staging<T>,
    companies: &[PreparedCompany<T>],
    members: &[usize],
    q: usize,
    gate: &StageGate,
    plan_uplift: Option<&Option<Vec<T>>>,
) -> Option<T> {
    let projected = |i: usize| staging.projections.get(i).and_then(Option::as_ref);
    match gate.condition {
        StageCondition::AiUpliftShare { .. } => {
            let plan = plan_uplift.and_then(Option::as_ref)?;
            let realised: T = members
                .iter()
                .filter_map(|&i| projected(i))
                .map(|p| trailing_uplift(&p.periods, q))
                .sum();
            let planned: T = members.iter().filter_map(|&i| plan.get(i).copied()).sum();
            (planned > T::zero()).then(|| realised / planned)
        }
        StageCondition::GrossMarkMultiple { .. } => {
            let (mut value, mut invested) = (T::zero(), T::zero());
            for &i in members {
                let (Some(p), Some(company)) = (projected(i), companies.get(i)) else {
                    continue;
                };
                if company.acquisition_index > q {
                    continue;
                }
                let to_date = p.periods.get(..=q).unwrap_or(&p.periods);
                value += to_date.iter().map(|x| x.fund_proceeds).sum::<T>();
                value += p.periods.get(q).map_or(T::zero(), |x| x.fund_equity_value);
                invested += company.equity_cheque() + to_date.iter().map(|x| x.fund_follow_on).sum::<T>();
            }
            (invested > T::zero()).then(|| value / invested)
        }
    }
}

/// What the fund's results show for a company a gate did not acquire: its name, stage
/// and dates as planned, every figure zero (`periods_len` empty quarters).
pub(crate) fn not_acquired<T: Num>(
    company: &super::model::Company,
    prepared: &PreparedCompany<T>,
    periods_len: usize,
) -> CompanyResult<T> {
    CompanyResult {
        name: company.name.clone(),
        sector: company.sector,
        stage: company.stage.clone(),
        acquisition_index: prepared.acquisition_index,
        exit_index: prepared.exit_index,
        equity_cheque: T::zero(),
        follow_ons: T::zero(),
        invested: T::zero(),
        proceeds: T::zero(),
        gross_moic: None,
        gross_irr: Err(XirrError::Empty),
        entry_ebitda: prepared.entry_ebitda(),
        exit_ebitda: T::zero(),
        bridge: ValueBridge::default(),
        periods: vec![CompanyPeriod::default(); periods_len],
    }
}

/// EBITDA with levers less without over the four quarters to `q` (fewer at the start),
/// to the cent (the two EBITDAs are carried at 1e-8, so a company without levers shows
/// differences of that order, which are not an uplift).
fn trailing_uplift<T: Num>(periods: &[CompanyPeriod<T>], q: usize) -> T {
    super::fund::stage_uplift::trailing_ai_uplift(periods, q).round_money()
}

/// The stages with a gate: `(stage index, gate)`, in stage order.
fn gated_stages(portfolio: &Portfolio) -> Vec<(usize, &StageGate)> {
    portfolio
        .stages
        .iter()
        .enumerate()
        .filter_map(|(s, stage)| stage.gate.as_ref().map(|g| (s, g)))
        .collect()
}

fn is_uplift(gate: &StageGate) -> bool {
    matches!(gate.condition, StageCondition::AiUpliftShare { .. })
}

/// The grid quarter of the gate's date (quarter 0 for a date before the first close,
/// which validation refuses).
pub(crate) fn gate_quarter(portfolio: &Portfolio, gate: &StageGate) -> usize {
    usize::try_from(grid::quarters_between(portfolio.fund.first_close, gate.date)).unwrap_or(0)
}

/// Each company's stage index (`None` for a stage that does not exist).
fn stage_indices(portfolio: &Portfolio) -> Vec<Option<usize>> {
    portfolio
        .companies
        .iter()
        .map(|c| portfolio.stages.iter().position(|s| s.name == c.stage))
        .collect()
}

/// Per stage index, whether the gate of stage `s` reads it: the named stages before
/// `s`, or every stage before `s` when none is named.
pub(crate) fn read_stages(portfolio: &Portfolio, s: usize, gate: &StageGate) -> Vec<bool> {
    portfolio
        .stages
        .iter()
        .enumerate()
        .map(|(k, stage)| k < s && (gate.stages.is_empty() || gate.stages.contains(&stage.name)))
        .collect()
}

fn reads(read: &[bool], stage: Option<usize>) -> bool {
    stage.is_some_and(|k| read.get(k).copied().unwrap_or(false))
}

#[cfg(test)]
mod tests;
