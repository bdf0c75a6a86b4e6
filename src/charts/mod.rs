//! The chart model: one typed [`Chart`] per chart, built from a [`Study`] by pure
//! functions, so the app's plots (egui_plot) and the memo files (plotters) draw the very
//! same value. Builders read the study's results and the analyses already run on it;
//! they never run the projection or an analysis themselves. No GUI here.
//!
//! - [`id`]: the charts by stable name.
//! - [`model`]: the chart value (title, subtitle, axes, legend, body).
//! - [`style`]: palette, semantic colours, currency and tick labels.
//! - [`fund`], [`analyses`], [`credit_line`], [`learning`]: the builders; [`frame`]: what
//!   they share.
//! - [`ticks`], [`labels`], [`hover`]: what both renderers share about axes, labels
//!   that must not overlap, and what the cursor is over.
//! - [`marking`]: the marking policy in force, in words, for every output built on marks.

pub mod ai_uplift;
pub mod analyses;
pub mod credit_line;
pub mod frame;
pub mod fund;
pub mod hover;
pub mod id;
pub mod labels;
pub mod learning;
pub mod marking;
pub mod model;
pub mod staging;
pub mod style;
pub mod ticks;

#[cfg(test)]
mod tests;

use std::fmt;

pub use frame::{Frame, year_fraction};
pub use id::ChartId;
pub use model::{
    Axis, Band, Bar, Body, BridgeStep, Cell, Chart, Fan, Heatmap, LegendEntry, Marker, Orientation, Scale,
    Series, Swatch,
};

use crate::engine::study::{Case, CaseError, Study};

/// An analysis a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisKind {
    /// Each driver at its low and high value.
    Tornado,
    /// A metric over one or two drivers.
    Grid,
    /// The Monte Carlo simulation.
    MonteCarlo,
    /// The AI programme view (both readings of the levers' gates).
    AiProgramme,
    /// A Monte Carlo run that also projects every stage committed up front.
    StagingComparison,
}

impl fmt::Display for AnalysisKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AnalysisKind::Tornado => "tornado",
            AnalysisKind::Grid => "grid",
            AnalysisKind::MonteCarlo => "Monte Carlo simulation",
            AnalysisKind::AiProgramme => "AI programme view",
            AnalysisKind::StagingComparison => "Monte Carlo comparison with every stage committed up front",
        })
    }
}

/// Why a chart cannot be drawn from a study.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartUnavailable {
    /// The case has no results.
    #[error("{case} does not compute: {source}")]
    Case {
        /// The case asked for.
        case: Case,
        /// Why it does not compute.
        source: CaseError,
    },
    /// The chart shows an analysis that has not been run on the case.
    #[error("the {analysis} has not been run on {case} yet")]
    NotRun {
        /// The analysis the chart needs.
        analysis: AnalysisKind,
        /// The case it would have to run on.
        case: Case,
    },
    /// The analysis ran and failed.
    #[error("the {analysis} of {case} failed: {reason}")]
    Failed {
        /// The analysis that failed.
        analysis: AnalysisKind,
        /// The case it ran on.
        case: Case,
        /// Its error, in words.
        reason: String,
    },
    /// The company asked for is not in the model.
    #[error("there is no company number {index} in {case}")]
    NoCompany {
        /// The company position asked for.
        index: usize,
        /// The case whose model lacks it.
        case: Case,
    },
}

fn case_error(case: &Case) -> impl Fn(CaseError) -> ChartUnavailable + '_ {
    move |source| ChartUnavailable::Case {
        case: case.clone(),
        source,
    }
}

fn failed(analysis: AnalysisKind, case: &Case, reason: &impl fmt::Display) -> ChartUnavailable {
    ChartUnavailable::Failed {
        analysis,
        case: case.clone(),
        reason: reason.to_string(),
    }
}

fn not_run(analysis: AnalysisKind, case: &Case) -> ChartUnavailable {
    ChartUnavailable::NotRun {
        analysis,
        case: case.clone(),
    }
}

/// Builds chart `id` of `case` from what `study` holds.
pub fn build(id: ChartId, study: &Study, case: &Case) -> Result<Chart, ChartUnavailable> {
    let frame = Frame::of(study, case);
    let result = || study.result(case).map_err(case_error(case));
    match id {
        ChartId::JCurve => Ok(fund::jcurve(&frame, &*result()?)),
        ChartId::CreditLineJCurve => Ok(credit_line::jcurve_with_and_without_line(&frame, &*result()?)),
        ChartId::DeploymentByStage => Ok(fund::deployment_by_stage(&frame, &*result()?)),
        ChartId::NavBySector => Ok(fund::nav_by_sector(&frame, &*result()?)),
        ChartId::EbitdaWithAi => Ok(fund::ebitda_with_ai(&frame, &*result()?)),
        ChartId::ValueBridge => {
            let model = study.model(case).map_err(case_error(case))?;
            Ok(fund::value_bridge(&frame, &model, &*result()?))
        }
        ChartId::ScenarioJCurves | ChartId::ScenarioNav => Ok(scenario_overlay(id, &frame, study)),
        ChartId::LearningCurve => {
            let model = study.model(case).map_err(case_error(case))?;
            Ok(learning::learning_curve(&frame, &model))
        }
        ChartId::AiUplift => {
            let programme = study
                .ai_programme(case)
                .ok_or_else(|| not_run(AnalysisKind::AiProgramme, case))?
                .map_err(case_error(case))?;
            let simulated = study
                .monte_carlo(case)
                .and_then(|run| run.outcome.as_ref().ok())
                .and_then(ai_uplift::simulated_uplift);
            Ok(ai_uplift::ai_uplift(&frame, &programme, simulated.as_ref()))
        }
        ChartId::Tornado => {
            let run = study
                .tornado(case)
                .ok_or_else(|| not_run(AnalysisKind::Tornado, case))?;
            let tornado = run
                .outcome
                .as_ref()
                .map_err(|e| failed(AnalysisKind::Tornado, case, e))?;
            Ok(analyses::tornado(&frame, tornado))
        }
        ChartId::Heatmap => {
            let run = study
                .grid(case)
                .ok_or_else(|| not_run(AnalysisKind::Grid, case))?;
            let grid = run
                .outcome
                .as_ref()
                .map_err(|e| failed(AnalysisKind::Grid, case, e))?;
            Ok(analyses::grid(&frame, &run.settings, grid, run.base_point))
        }
        ChartId::ValueOfStaging => {
            let run = study
                .monte_carlo(case)
                .ok_or_else(|| not_run(AnalysisKind::StagingComparison, case))?;
            let mc = run
                .outcome
                .as_ref()
                .map_err(|e| failed(AnalysisKind::MonteCarlo, case, e))?;
            let comparison = mc
                .programme
                .staging
                .as_ref()
                .ok_or_else(|| not_run(AnalysisKind::StagingComparison, case))?;
            Ok(staging::value_of_staging(&frame, &run.settings, comparison))
        }
        ChartId::MonteCarloNavFan | ChartId::MonteCarloCashFan | ChartId::MonteCarloHistogram => {
            let run = study
                .monte_carlo(case)
                .ok_or_else(|| not_run(AnalysisKind::MonteCarlo, case))?;
            let mc = run
                .outcome
                .as_ref()
                .map_err(|e| failed(AnalysisKind::MonteCarlo, case, e))?;
            Ok(if id == ChartId::MonteCarloHistogram {
                analyses::monte_carlo_histogram(&frame, &run.settings, mc)
            } else {
                analyses::monte_carlo_fan(&frame, id, &run.settings, mc)
            })
        }
    }
}

/// Company `index`'s run-rate EBITDA with and without AI levers in `case`, titled with
/// the company's name.
pub fn company_ebitda(study: &Study, case: &Case, index: usize) -> Result<Chart, ChartUnavailable> {
    let result = study.result(case).map_err(case_error(case))?;
    fund::company_ebitda(&Frame::of(study, case), &result, index).ok_or_else(|| ChartUnavailable::NoCompany {
        index,
        case: case.clone(),
    })
}

/// Every case of the study that computes, one line each; NAV says how it is marked.
fn scenario_overlay(id: ChartId, frame: &Frame, study: &Study) -> Chart {
    let runs: Vec<_> = study
        .cases()
        .into_iter()
        .filter_map(|case| study.result(&case).ok().map(|r| (case, r)))
        .collect();
    let cases: Vec<_> = runs.iter().map(|(case, r)| (case.clone(), &**r)).collect();
    if id == ChartId::ScenarioNav {
        let mut chart = analyses::scenario_lines(frame, id, "Reported NAV", &cases, |p| p.nav);
        chart.subtitle = format!("{} · {}", chart.subtitle, frame.marks);
        chart
    } else {
        analyses::scenario_lines(frame, id, "", &cases, |p| p.cumulative_net_cash_flow)
    }
}
