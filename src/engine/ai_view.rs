//! The AI programme seen from the fund (issue 13): each lever's timeline on the fund's
//! dates and the AI EBITDA uplift on the plan and the risk-adjusted reading, by stage and
//! by lever kind, computed from the results of both readings of the same portfolio.
//!
//! Conventions (each a modelling choice, stated so a reviewer can check it):
//!
//! **Timeline.** A lever's pilot, gate, scale-up start, full-effect quarter and
//! dis-synergy are where the company projection places them (read from the prepared
//! company after the platform schedule, `engine::programme`; rules at the top of
//! `engine::company::programme`), as indices into the fund's quarterly grid; a quarter
//! stands for its quarter-end date. The full-effect quarter is the last of the scale-up's
//! ramp (its start for a lever with no ramp): the effect is reached by its end.
//!
//! **Uplift.** A company's AI EBITDA uplift in a quarter is `CompanyPeriod::
//! ai_ebitda_uplift` (EBITDA with levers less without, 100 % of the company, net of the
//! levers' run costs; one-time costs are below EBITDA). Its *realised* (LTM) uplift at a
//! quarter is the sum of its last four quarters' uplifts — the in-year realised figure —
//! and its *run-rate* is `ai_run_rate_uplift`, four times the quarter's. A company counts
//! in the quarters it operates under the fund (after its acquisition quarter, up to and
//! including its exit quarter); one a stage gate leaves unacquired counts nowhere. *At
//! exit* is its LTM uplift in its exit quarter (the figure its sale is priced on). A stage
//! or a kind sums its companies' (or levers') figures at 100 %, not the fund's share.
//!
//! **Attribution by lever kind.** Levers interact (levers on one pool compound, a revenue
//! uplift changes the variable pools), so the split of a company's uplift among its levers
//! is a convention: lever `i`'s *stand-alone* uplift `sᵢ` in a quarter is the company's
//! uplift projected with lever `i` alone (same reading); the interaction `U − Σ sⱼ` (the
//! company's uplift less the stand-alones) is shared in proportion to `|sᵢ|`, so lever
//! `i` gets `sᵢ + (U − Σ sⱼ) × |sᵢ| / Σ|sⱼ|` (equal shares when every `sⱼ` is zero) and
//! the company's last lever takes what is left, so its levers sum exactly to `U`. When
//! every stand-alone has the same sign this is each stand-alone scaled so the levers sum to
//! the company's uplift. Realised, run-rate and at-exit figures by kind are built from the
//! attributed quarterly uplifts. The stand-alone projections are of the companies after
//! the platform schedule (`engine::programme::scheduled_companies`), the model the fund
//! projection reads, so a platform's delay and learning move the attributed uplift with
//! the company's.
//!
//! **Platforms and stage gates.** Each shared platform with its costs and the levers
//! that depend on it (`platform`, conventions there), and each gated stage with its
//! outcome on both readings, as the readings' projections evaluated it (`gates`).
//!
//! **Three readings.** The fund's headline figures on the plan, the risk-adjusted reading
//! and a Monte Carlo run, side by side (`readings`, conventions there).

mod gates;
mod platform;
mod readings;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_programme;
mod timeline;
mod uplift;

pub use gates::StageGateView;
pub use platform::{PlatformDependant, PlatformView};
pub use readings::{ReadingColumn, ReadingsTable, SimulatedColumn, Spread};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::EngineError;
use super::company::{CompanyAdjustment, PrepareError, PreparedCompany};
use super::model::{Company, Evidence, GateFailure, LeverKind, Portfolio, Reading};
use super::results::FundResult;

/// A lever's gate on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct GateMark {
    /// Fund-grid quarter at whose end the gate is decided.
    pub quarter: usize,
    /// Probability of passing it.
    pub probability: Decimal,
    /// What happens if it fails.
    pub on_failure: GateFailure,
}

/// A figure on the plan and on the risk-adjusted reading.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ReadingPair {
    /// Every gate passes.
    pub plan: Decimal,
    /// Post-gate effects weighted by the gates' probabilities.
    pub risk_adjusted: Decimal,
}

impl ReadingPair {
    /// The figure on `reading`.
    pub fn on(&self, reading: Reading) -> Decimal {
        match reading {
            Reading::Plan => self.plan,
            Reading::RiskAdjusted => self.risk_adjusted,
        }
    }
}

/// One lever's programme on the fund's dates.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverTimeline {
    /// The company's name.
    pub company: String,
    /// The stage that acquires it.
    pub stage: String,
    /// The lever's name.
    pub lever: String,
    /// Its kind.
    pub kind: LeverKind,
    /// Fund-grid quarter of the acquisition.
    pub acquisition: usize,
    /// Fund-grid quarter of the exit (on the plan).
    pub exit: usize,
    /// The pilot's first and last quarters.
    pub pilot: Option<(usize, usize)>,
    /// The gate.
    pub gate: Option<GateMark>,
    /// The scale-up's first quarter.
    pub scale_up_start: usize,
    /// The quarter by whose end the full effect is reached.
    pub full_effect: usize,
    /// The dis-synergy's last quarter.
    pub dis_synergy_end: Option<usize>,
    /// Quarters the shared platform's go-live moved the programme later.
    pub platform_shift_quarters: u32,
    /// The lever's target effect and realisation share.
    pub effect: Decimal,
    /// Share of the target effect believed reached.
    pub realisation: Decimal,
    /// The published range for the effect, if given.
    pub evidence: Option<Evidence>,
    /// The lever's LTM uplift at its company's exit, attributed as the module says.
    pub at_exit: ReadingPair,
}

/// One reading's uplift of a group (a stage, a kind, the fund), one entry per fund date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpliftFigures {
    /// Realised uplift of the last four quarters (LTM, annual).
    pub ltm: Vec<Decimal>,
    /// Annualised run-rate at each quarter end.
    pub run_rate: Vec<Decimal>,
    /// Σ of the companies' LTM uplift at their exits.
    pub at_exit: Decimal,
}

/// The uplift of one group on both readings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpliftSeries {
    /// The group's label (a stage's name, a kind's label, "Fund").
    pub label: String,
    /// Every gate passes.
    pub plan: UpliftFigures,
    /// Risk-adjusted.
    pub risk_adjusted: UpliftFigures,
}

impl UpliftSeries {
    /// The figures on `reading`.
    pub fn on(&self, reading: Reading) -> &UpliftFigures {
        match reading {
            Reading::Plan => &self.plan,
            Reading::RiskAdjusted => &self.risk_adjusted,
        }
    }
}

/// The AI programme view of a portfolio.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AiProgramme {
    /// The fund's quarter-end dates (the plan's grid).
    pub dates: Vec<NaiveDate>,
    /// Every lever, in company order then lever order.
    pub levers: Vec<LeverTimeline>,
    /// Uplift by stage, in the fund's stage order (then any stage not listed there).
    pub by_stage: Vec<UpliftSeries>,
    /// Uplift by lever kind, in [`LeverKind::ALL`] order, kinds with a lever only.
    pub by_kind: Vec<UpliftSeries>,
    /// The whole portfolio.
    pub total: UpliftSeries,
    /// Each shared platform, in the programme's order, with its costs and dependants.
    pub platforms: Vec<PlatformView>,
    /// Each gated stage, in stage order, with its outcome on both readings.
    pub stage_gates: Vec<StageGateView>,
    /// The fund's headline figures on the plan and the risk-adjusted reading (add a
    /// Monte Carlo run's with [`ReadingsTable::with_simulated`]).
    pub readings: ReadingsTable,
}

impl AiProgramme {
    /// The quarter-end date of fund-grid quarter `q` (past the grid: counted on from
    /// the first date).
    pub fn date(&self, q: usize) -> Option<NaiveDate> {
        match self.dates.get(q) {
            Some(date) => Some(*date),
            None => self
                .dates
                .first()
                .map(|first| super::grid::nth_quarter_end(*first, q)),
        }
    }

    /// The last quarter index with an exit, for a chart's end.
    pub fn last_exit(&self) -> usize {
        self.levers.iter().map(|l| l.exit).max().unwrap_or(0)
    }
}

/// The AI programme view of `portfolio` from its `plan` and `risk_adjusted` results (both
/// computed on the same model: `engine::compute_checked_on`).
pub fn ai_programme(
    portfolio: &Portfolio,
    plan: &FundResult,
    risk_adjusted: &FundResult,
) -> Result<AiProgramme, PrepareError> {
    let companies = super::programme::scheduled_companies(portfolio);
    let schedule = super::programme::schedule(portfolio);
    let attribution = uplift::Attribution::new(portfolio, &companies, plan, risk_adjusted)?;
    let prepared_plan = prepare(portfolio, &companies, Reading::Plan)?;
    let levers = timeline::timelines(&companies, &prepared_plan, &schedule, plan, &attribution);
    let platforms = if portfolio.programme.platforms.is_empty() {
        Vec::new()
    } else {
        let prepared_risk = prepare(portfolio, &companies, Reading::RiskAdjusted)?;
        platform::platforms(
            portfolio,
            &schedule,
            &platform::ReadingInputs {
                prepared: &prepared_plan,
                result: plan,
            },
            &platform::ReadingInputs {
                prepared: &prepared_risk,
                result: risk_adjusted,
            },
        )
    };
    let stage_names = uplift::stage_order(portfolio);
    Ok(AiProgramme {
        dates: plan.dates.clone(),
        by_stage: stage_names
            .iter()
            .map(|stage| {
                attribution.group(stage, |company, _| {
                    portfolio_stage(portfolio, company) == Some(stage)
                })
            })
            .collect(),
        by_kind: LeverKind::ALL
            .iter()
            .filter(|kind| levers.iter().any(|l| l.kind == **kind))
            .map(|kind| {
                attribution.group(kind.label(), |company, lever| {
                    lever_kind(portfolio, company, lever) == Some(*kind)
                })
            })
            .collect(),
        total: attribution.group("Fund", |_, _| true),
        levers,
        platforms,
        stage_gates: gates::stage_gates(portfolio, plan, risk_adjusted),
        readings: ReadingsTable::new(portfolio, plan, risk_adjusted),
    })
}

/// `companies` (the portfolio's after the platform schedule) prepared on `reading`.
fn prepare(
    portfolio: &Portfolio,
    companies: &[Company],
    reading: Reading,
) -> Result<Vec<PreparedCompany<Decimal>>, PrepareError> {
    let adjustment = on_reading(reading);
    companies
        .iter()
        .map(|company| PreparedCompany::new(company, &portfolio.fund, &adjustment))
        .collect()
}

/// The company adjustment of `reading`, with no Monte Carlo draw.
fn on_reading(reading: Reading) -> CompanyAdjustment<Decimal> {
    CompanyAdjustment {
        reading,
        ..CompanyAdjustment::default()
    }
}

/// Computes both readings of `portfolio` and its AI programme view.
pub fn compute(portfolio: &Portfolio) -> Result<AiProgramme, EngineError> {
    let plan = super::compute_checked_on(portfolio, Reading::Plan).1?;
    let risk_adjusted = super::compute_checked_on(portfolio, Reading::RiskAdjusted).1?;
    ai_programme(portfolio, &plan, &risk_adjusted).map_err(|e| EngineError::Project(e.into()))
}

/// The stage of company `company`.
fn portfolio_stage(portfolio: &Portfolio, company: usize) -> Option<&String> {
    portfolio.companies.get(company).map(|c| &c.stage)
}

/// The kind of lever `lever` of company `company`.
fn lever_kind(portfolio: &Portfolio, company: usize, lever: usize) -> Option<LeverKind> {
    portfolio
        .companies
        .get(company)
        .and_then(|c| c.levers.get(lever))
        .map(|l| l.kind)
}
