//! The realised AI EBITDA uplift of each stage's companies, per fund quarter, on the
//! reading projected (the plan, the risk-adjusted reading or one Monte Carlo path).
//!
//! Rule (the one `engine::ai_view` draws for the plan and risk-adjusted lines, so the
//! simulated band sits on the same footing): in quarter `q`, a stage's LTM AI uplift is
//! Σ over its companies operating that quarter (acquired before `q`, not exited before
//! it: `acquisition < q ≤ exit`) of their last four quarters' `ai_ebitda_uplift` (EBITDA
//! with levers less without, 100 % of each company), fewer quarters at the start of the
//! grid. A company a stage gate did not acquire adds nothing; a company whose stage is not
//! in the stage list belongs to no stage.

use crate::engine::model::Portfolio;
use crate::engine::num::Num;
use crate::engine::results::CompanyPeriod;

/// A company's AI EBITDA uplift over the four quarters to `q` (fewer at the start of the
/// grid): the LTM figure both this module and the stage gates read.
pub(crate) fn trailing_ai_uplift<T: Num>(periods: &[CompanyPeriod<T>], q: usize) -> T {
    periods
        .get(q.saturating_sub(3)..=q)
        .unwrap_or_default()
        .iter()
        .map(|p| p.ai_ebitda_uplift)
        .sum()
}

/// Per stage (model order), per fund quarter, the stage's LTM AI EBITDA uplift.
#[derive(Debug, Clone)]
pub(super) struct StageUplift<T> {
    stage_of: Vec<Option<usize>>,
    by_stage: Vec<Vec<T>>,
}

impl<T: Num> StageUplift<T> {
    /// All zeros, on a grid of `grid_len` quarters.
    pub(super) fn new(portfolio: &Portfolio, grid_len: usize) -> Self {
        Self {
            stage_of: portfolio
                .companies
                .iter()
                .map(|c| portfolio.stages.iter().position(|s| s.name == c.stage))
                .collect(),
            by_stage: vec![vec![T::zero(); grid_len]; portfolio.stages.len()],
        }
    }

    /// Adds company `i`'s uplift: `periods` is its projection on the fund grid, from its
    /// acquisition quarter to its exit quarter.
    pub(super) fn add(
        &mut self,
        i: usize,
        (acquisition, exit): (usize, usize),
        periods: &[CompanyPeriod<T>],
    ) {
        let Some(series) = self
            .stage_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|s| self.by_stage.get_mut(s))
        else {
            return;
        };
        let first = acquisition + 1;
        let last = exit.min(series.len().saturating_sub(1));
        for (q, slot) in series.iter_mut().enumerate().take(last + 1).skip(first) {
            *slot += trailing_ai_uplift(periods, q);
        }
    }

    /// The series, per stage in model order.
    pub(super) fn into_series(self) -> Vec<Vec<T>> {
        self.by_stage
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_sums_the_trailing_four_quarters_of_its_companies_while_they_operate() {
        // One stage, two companies. A: acquired in quarter 0, exits in quarter 4, uplift
        // per quarter 0, 10, 20, 30, 40 (and 50 in quarter 5, after its exit). B: acquired
        // in quarter 2, uplift 5 a quarter from quarter 3, exits after the grid.
        // By hand, A: q1 = 0 + 10 = 10; q2 = 30; q3 = 60; q4 = 10 + 20 + 30 + 40 = 100;
        // q5 = 0 (sold). B: q3 = 0 + 0 + 5 = 5 (q0–q2 have none); q4 = 10; q5 = 15.
        // The stage: 0, 10, 30, 65, 110, 15.
        let mut p = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        p.stages.truncate(1);
        p.companies.truncate(2);
        let stage = p.stages[0].name.clone();
        for c in &mut p.companies {
            c.stage.clone_from(&stage);
        }
        let with = |values: &[f64]| -> Vec<CompanyPeriod<f64>> {
            values
                .iter()
                .map(|&u| CompanyPeriod {
                    ai_ebitda_uplift: u,
                    ..CompanyPeriod::default()
                })
                .collect()
        };
        let mut uplift = StageUplift::<f64>::new(&p, 6);
        uplift.add(0, (0, 4), &with(&[0.0, 10.0, 20.0, 30.0, 40.0, 50.0]));
        uplift.add(1, (2, 9), &with(&[0.0, 0.0, 0.0, 5.0, 5.0, 5.0]));
        assert_eq!(
            uplift.into_series(),
            vec![vec![0.0, 10.0, 30.0, 65.0, 110.0, 15.0]]
        );
    }

    #[test]
    fn a_company_outside_the_stage_list_belongs_to_no_stage() {
        let mut p = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        p.companies.truncate(1);
        p.companies[0].stage = "No such stage".into();
        let mut uplift = StageUplift::<f64>::new(&p, 3);
        let periods = vec![
            CompanyPeriod {
                ai_ebitda_uplift: 7.0,
                ..CompanyPeriod::default()
            };
            3
        ];
        uplift.add(0, (0, 2), &periods);
        assert!(uplift.into_series().iter().flatten().all(|v| *v == 0.0));
    }
}
