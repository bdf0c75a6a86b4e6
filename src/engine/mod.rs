//! The pure financial engine: model types, projection, waterfall, metrics. No GUI
//! dependency: the app, the command line, tests and benchmarks all call [`compute`].

pub mod ai_view;
pub mod company;
pub mod defaults;
pub mod drivers;
pub mod edit;
pub mod entry;
pub mod fields;
#[cfg(test)]
mod fixtures;
pub mod fund;
pub mod goalseek;
pub mod grid;
pub mod metrics;
pub mod model;
pub mod montecarlo;
pub mod num;
pub mod programme;
pub mod results;
pub mod scenario;
pub mod sensitivity;
pub mod stage_gates;
pub mod study;
pub mod validate;
pub mod waterfall;
pub mod xirr;

use model::Portfolio;
use results::FundResult;
use validate::Problem;

/// Why a portfolio could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// Validation found errors; each names its field.
    #[error("the model has {} problem(s) to fix first: {}", .0.len(), first_problem(.0))]
    Invalid(Vec<Problem>),
    /// The projection itself failed (a company that cannot be prepared, a hurdle at or
    /// below −100 %, a fund longer than 40 years).
    #[error(transparent)]
    Project(#[from] fund::ProjectError),
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_default()
}

/// Validates `portfolio` and projects it in exact decimal arithmetic.
pub fn compute(portfolio: &Portfolio) -> Result<FundResult, EngineError> {
    compute_checked(portfolio).1
}

/// Validates `portfolio`, projects it and checks the projection
/// ([`validate::check_projection`]: the calls against the commitment): every problem
/// found, and the results when none is an error. The model is projected once.
pub fn compute_checked(portfolio: &Portfolio) -> (Vec<Problem>, Result<FundResult, EngineError>) {
    compute_checked_on(portfolio, model::Reading::Plan)
}

/// [`compute_checked`] on `reading` of the levers' gates: the plan (every gate passes) or
/// the risk-adjusted projection (each lever's post-gate effect and scale-up costs weighted
/// by its probability — not the expected value of the nonlinear fund waterfall; rules at
/// the top of `engine::company::programme`).
pub fn compute_checked_on(
    portfolio: &Portfolio,
    reading: model::Reading,
) -> (Vec<Problem>, Result<FundResult, EngineError>) {
    let mut problems = validate::validate(portfolio);
    if validate::has_errors(&problems) {
        let outcome = Err(invalid(&problems));
        return (problems, outcome);
    }
    let projected = match reading {
        model::Reading::Plan => fund::project(portfolio, None, fund::Detail::Full),
        model::Reading::RiskAdjusted => {
            let adjustment = company::CompanyAdjustment {
                reading,
                ..company::CompanyAdjustment::default()
            };
            let adjustments = vec![adjustment; portfolio.companies.len()];
            fund::project(portfolio, Some(&adjustments), fund::Detail::Full)
        }
    };
    match projected {
        Ok(result) => {
            problems.extend(validate::check_projection(portfolio, &result));
            let outcome = if validate::has_errors(&problems) {
                Err(invalid(&problems))
            } else {
                Ok(result)
            };
            (problems, outcome)
        }
        Err(e) => (problems, Err(e.into())),
    }
}

/// Projects `portfolio` whose validation gave `problems`, and checks the projection
/// (its errors refuse the results as validation errors do). Prefer [`compute_checked`],
/// which also returns the problems the projection's checks find.
pub fn compute_validated(portfolio: &Portfolio, problems: &[Problem]) -> Result<FundResult, EngineError> {
    if validate::has_errors(problems) {
        return Err(invalid(problems));
    }
    let result = fund::project(portfolio, None, fund::Detail::Full)?;
    let found = validate::check_projection(portfolio, &result);
    if validate::has_errors(&found) {
        return Err(invalid(&found));
    }
    Ok(result)
}

/// The errors among `problems`, as the engine's refusal.
fn invalid(problems: &[Problem]) -> EngineError {
    EngineError::Invalid(
        problems
            .iter()
            .filter(|p| p.severity == validate::Severity::Error)
            .cloned()
            .collect(),
    )
}

#[cfg(test)]
mod tests;
