//! The pure financial engine: model types, projection, waterfall, metrics. No GUI
//! dependency: the app, the command line, tests and benchmarks all call [`compute`].

pub mod company;
pub mod defaults;
pub mod drivers;
pub mod edit;
pub mod entry;
pub mod fields;
pub mod fund;
pub mod goalseek;
pub mod grid;
pub mod metrics;
pub mod model;
pub mod montecarlo;
pub mod num;
pub mod results;
pub mod scenario;
pub mod sensitivity;
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
    compute_validated(portfolio, &validate::validate(portfolio))
}

/// Projects `portfolio` whose validation gave `problems` (validation runs once: the
/// study layer keeps the problems it shows).
pub fn compute_validated(portfolio: &Portfolio, problems: &[Problem]) -> Result<FundResult, EngineError> {
    if validate::has_errors(problems) {
        return Err(EngineError::Invalid(
            problems
                .iter()
                .filter(|p| p.severity == validate::Severity::Error)
                .cloned()
                .collect(),
        ));
    }
    Ok(fund::project(portfolio, None, fund::Detail::Full)?)
}

#[cfg(test)]
mod tests;
