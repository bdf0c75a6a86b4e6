//! A case of the model — the base case or a named scenario — and one case computed.

use std::fmt;
use std::sync::Arc;

use super::super::model::{Portfolio, Reading};
use super::super::results::FundResult;
use super::super::scenario::ScenarioError;
use super::super::validate::Problem;
use super::super::{EngineError, compute_checked_on};

/// Which reading of the model a figure belongs to: the base case or a named scenario.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Case {
    /// The model as entered.
    #[default]
    Base,
    /// The named scenario's overrides applied to the base model.
    Scenario(String),
}

impl Case {
    /// The case a user-facing scenario name stands for: "", "base" and "Base case" mean
    /// the base case.
    pub fn named(name: Option<&str>) -> Case {
        match name {
            None => Case::Base,
            Some(n)
                if n.is_empty() || n.eq_ignore_ascii_case("base") || n.eq_ignore_ascii_case("base case") =>
            {
                Case::Base
            }
            Some(n) => Case::Scenario(n.to_string()),
        }
    }

    /// The scenario's name, `None` for the base case.
    pub fn scenario_name(&self) -> Option<&str> {
        match self {
            Case::Base => None,
            Case::Scenario(name) => Some(name),
        }
    }
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Case::Base => f.write_str("Base case"),
            Case::Scenario(name) => write!(f, "scenario {name}"),
        }
    }
}

/// Why a case has no results.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CaseError {
    /// The scenario could not be applied to the base model.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// The case's model did not validate or project.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// One case computed: the model it describes, its problems and its results.
#[derive(Debug, Clone)]
pub struct CaseRun {
    /// The base case or the scenario computed.
    pub case: Case,
    /// The reading of the levers' gates it was computed on (plan or risk-adjusted).
    pub reading: Reading,
    /// The model of this case (`None` when the scenario could not be applied).
    pub model: Option<Arc<Portfolio>>,
    /// Validation problems of this case's model.
    pub problems: Vec<Problem>,
    /// The projection, or why there is none.
    pub outcome: Result<Arc<FundResult>, CaseError>,
}

impl CaseRun {
    pub(super) fn compute(case: Case, model: Arc<Portfolio>, reading: Reading) -> CaseRun {
        let (problems, outcome) = compute_checked_on(&model, reading);
        let outcome = outcome.map(Arc::new).map_err(CaseError::from);
        CaseRun {
            case,
            reading,
            model: Some(model),
            problems,
            outcome,
        }
    }

    /// The results, if the case computes.
    pub fn result(&self) -> Option<&Arc<FundResult>> {
        self.outcome.as_ref().ok()
    }
}

/// A case run borrowed from the study, or made on the spot for a name the model lacks.
pub enum CaseRunRef<'a> {
    /// The study's own run of a case the model has.
    Stored(&'a CaseRun),
    /// A run made for a scenario name the model does not have (its outcome is the error).
    Missing(Box<CaseRun>),
}

impl std::ops::Deref for CaseRunRef<'_> {
    type Target = CaseRun;
    fn deref(&self) -> &CaseRun {
        match self {
            CaseRunRef::Stored(run) => run,
            CaseRunRef::Missing(run) => run,
        }
    }
}
