//! The AI EBITDA uplift of each lever on both readings, attributed within its company as
//! the module documentation of [`super`] states, and summed into groups.

use rust_decimal::Decimal;

use super::{ReadingPair, UpliftFigures, UpliftSeries};
use crate::engine::company::{PrepareError, PreparedCompany};
use crate::engine::model::{Company, Portfolio, Reading};
use crate::engine::results::{CompanyResult, FundResult};

/// One company's levers' attributed uplift on one reading.
#[derive(Debug, Clone, Default)]
struct CompanyUplift {
    /// Fund-grid quarter of the acquisition.
    acquisition: usize,
    /// Fund-grid quarter of the exit.
    exit: usize,
    /// Per lever (model order), its quarterly uplift, one per fund date.
    levers: Vec<Vec<Decimal>>,
}

impl CompanyUplift {
    /// Whether the company operates under the fund in quarter `q`.
    fn operates(&self, q: usize) -> bool {
        q > self.acquisition && q <= self.exit
    }

    /// Lever `lever`'s realised uplift over the four quarters to `q` (while operating).
    fn ltm(&self, lever: usize, q: usize) -> Decimal {
        if !self.operates(q) {
            return Decimal::ZERO;
        }
        let Some(series) = self.levers.get(lever) else {
            return Decimal::ZERO;
        };
        (q.saturating_sub(3)..=q).filter_map(|k| series.get(k)).sum()
    }

    /// Lever `lever`'s annualised run-rate at the end of quarter `q` (while operating).
    fn run_rate(&self, lever: usize, q: usize) -> Decimal {
        if !self.operates(q) {
            return Decimal::ZERO;
        }
        self.levers
            .get(lever)
            .and_then(|series| series.get(q))
            .map_or(Decimal::ZERO, |u| *u * Decimal::from(4))
    }
}

/// Every company's attributed lever uplift, on the plan and risk-adjusted.
#[derive(Debug, Clone)]
pub(super) struct Attribution {
    grid_len: usize,
    plan: Vec<CompanyUplift>,
    risk_adjusted: Vec<CompanyUplift>,
}

impl Attribution {
    /// Attributes the uplift of each company of `plan` and `risk_adjusted` to its levers;
    /// `companies` are the portfolio's after the platform schedule (what was projected).
    pub(super) fn new(
        portfolio: &Portfolio,
        companies: &[Company],
        plan: &FundResult,
        risk_adjusted: &FundResult,
    ) -> Result<Self, PrepareError> {
        let grid_len = plan.dates.len();
        let on = |result: &FundResult, reading| {
            companies
                .iter()
                .enumerate()
                .map(|(i, company)| {
                    let found = result.companies.get(i).filter(|r| r.name == company.name);
                    match found {
                        Some(r) => attribute(portfolio, company, r, reading, grid_len),
                        None => Ok(CompanyUplift::default()),
                    }
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Self {
            plan: on(plan, Reading::Plan)?,
            risk_adjusted: on(risk_adjusted, Reading::RiskAdjusted)?,
            grid_len,
        })
    }

    /// Lever `lever` of company `company`'s LTM uplift at its exit, on both readings.
    pub(super) fn lever_at_exit(&self, company: usize, lever: usize) -> ReadingPair {
        let at_exit = |companies: &[CompanyUplift]| {
            companies
                .get(company)
                .map_or(Decimal::ZERO, |c| c.ltm(lever, c.exit))
        };
        ReadingPair {
            plan: at_exit(&self.plan),
            risk_adjusted: at_exit(&self.risk_adjusted),
        }
    }

    /// The uplift of the levers `(company, lever)` for which `member` holds, labelled.
    pub(super) fn group(&self, label: &str, member: impl Fn(usize, usize) -> bool) -> UpliftSeries {
        UpliftSeries {
            label: label.to_string(),
            plan: self.figures(&self.plan, &member),
            risk_adjusted: self.figures(&self.risk_adjusted, &member),
        }
    }

    fn figures(&self, companies: &[CompanyUplift], member: &impl Fn(usize, usize) -> bool) -> UpliftFigures {
        let mut figures = UpliftFigures {
            ltm: vec![Decimal::ZERO; self.grid_len],
            run_rate: vec![Decimal::ZERO; self.grid_len],
            at_exit: Decimal::ZERO,
        };
        for (c, company) in companies.iter().enumerate() {
            for l in (0..company.levers.len()).filter(|l| member(c, *l)) {
                for q in 0..self.grid_len {
                    if let Some(slot) = figures.ltm.get_mut(q) {
                        *slot += company.ltm(l, q);
                    }
                    if let Some(slot) = figures.run_rate.get_mut(q) {
                        *slot += company.run_rate(l, q);
                    }
                }
                figures.at_exit += company.ltm(l, company.exit);
            }
        }
        figures
    }
}

/// The stages in the fund's order, then any a company names that the fund does not list.
pub(super) fn stage_order(portfolio: &Portfolio) -> Vec<String> {
    let mut names: Vec<String> = portfolio.stages.iter().map(|s| s.name.clone()).collect();
    for company in &portfolio.companies {
        if !names.contains(&company.stage) {
            names.push(company.stage.clone());
        }
    }
    names
}

/// `company`'s uplift in `result` (its projection on `reading`) split among its levers.
fn attribute(
    portfolio: &Portfolio,
    company: &Company,
    result: &CompanyResult,
    reading: Reading,
    grid_len: usize,
) -> Result<CompanyUplift, PrepareError> {
    let total: Vec<Decimal> = (0..grid_len)
        .map(|q| {
            result
                .periods
                .get(q)
                .map_or(Decimal::ZERO, |p| p.ai_ebitda_uplift)
        })
        .collect();
    let levers = match company.levers.len() {
        0 => Vec::new(),
        1 => vec![total],
        _ => {
            let alone = stand_alone(portfolio, company, reading, grid_len)?;
            share_out(&total, &alone)
        }
    };
    Ok(CompanyUplift {
        acquisition: result.acquisition_index,
        exit: result.exit_index,
        levers,
    })
}

/// Each lever's quarterly uplift with the company projected with it alone on `reading`.
fn stand_alone(
    portfolio: &Portfolio,
    company: &Company,
    reading: Reading,
    grid_len: usize,
) -> Result<Vec<Vec<Decimal>>, PrepareError> {
    let adjustment = super::on_reading(reading);
    company
        .levers
        .iter()
        .map(|lever| {
            let mut alone = company.clone();
            alone.levers = vec![lever.clone()];
            let prepared = PreparedCompany::<Decimal>::new(&alone, &portfolio.fund, &adjustment)?;
            let projection = prepared.project(grid_len);
            Ok((0..grid_len)
                .map(|q| {
                    projection
                        .periods
                        .get(q)
                        .map_or(Decimal::ZERO, |p| p.ai_ebitda_uplift)
                })
                .collect())
        })
        .collect()
}

/// Splits each quarter's `total` among the levers by their stand-alone uplifts `alone`:
/// `sᵢ + (U − Σ sⱼ) × |sᵢ| / Σ|sⱼ|`, equal shares when every `sⱼ` is zero, the last
/// lever taking what is left so the levers sum exactly to `U`.
pub(super) fn share_out(total: &[Decimal], alone: &[Vec<Decimal>]) -> Vec<Vec<Decimal>> {
    let n = alone.len();
    let mut shares = vec![vec![Decimal::ZERO; total.len()]; n];
    for (q, u) in total.iter().enumerate() {
        let s: Vec<Decimal> = alone
            .iter()
            .map(|series| series.get(q).copied().unwrap_or_default())
            .collect();
        let sum: Decimal = s.iter().sum();
        let size: Decimal = s.iter().map(|x| x.abs()).sum();
        let interaction = *u - sum;
        let mut given = Decimal::ZERO;
        for (i, lever) in shares.iter_mut().enumerate() {
            let share = if i + 1 == n {
                *u - given
            } else if size.is_zero() {
                *u / Decimal::from(n)
            } else {
                let own = s.get(i).copied().unwrap_or_default();
                own + interaction * own.abs() / size
            };
            given += share;
            if let Some(slot) = lever.get_mut(q) {
                *slot = share;
            }
        }
    }
    shares
}
