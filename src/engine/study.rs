//! The study layer: one value per model revision holding everything computed on it —
//! the validated problems (validated once), the base case, each scenario's results
//! (computed on first use and kept), and the analyses run so far (tornado, grid, Monte
//! Carlo), each recording the case and the settings it was computed on.
//!
//! Charts, exports, the CLI and the app's screens read a [`Study`]; they never run the
//! projection themselves. An analysis is asked for by case, and a stored run of another
//! case or other settings is never returned, so nothing can be shown or exported under
//! the wrong case.

mod ai_programme;
mod analyses;
mod case;

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

pub use ai_programme::AiProgrammeRun;
pub use analyses::{Analysis, GridRun, GridSettings, MonteCarloRun, MonteCarloTask, TornadoRun};
pub use case::{Case, CaseError, CaseRun, CaseRunRef};

use super::model::{Portfolio, Reading};
use super::montecarlo::{self, McConfig, McError};
use super::results::FundResult;
use super::scenario::{self, ScenarioError};
use super::sensitivity::{self, SweepError};
use super::validate::Problem;

/// Everything computed on one model revision.
#[derive(Debug, Clone)]
pub struct Study {
    revision: u64,
    /// The reading of the levers' gates every case is computed on (the analyses —
    /// tornado, grid, Monte Carlo — run on the model itself, whatever the reading).
    reading: Reading,
    base_model: Arc<Portfolio>,
    base: CaseRun,
    /// One slot per scenario of the model, in the file's order, filled on first use.
    scenarios: Vec<(String, OnceLock<CaseRun>)>,
    tornado: Option<Arc<TornadoRun>>,
    grid: Option<Arc<GridRun>>,
    monte_carlo: Option<Arc<MonteCarloRun>>,
    /// The AI programme view of each case asked for (`engine::ai_view`).
    ai_programmes: ai_programme::AiProgrammes,
}

impl Study {
    /// Validates `portfolio` once and computes its base case; scenarios and analyses wait
    /// until asked for.
    pub fn new(portfolio: Portfolio, revision: u64) -> Study {
        Study::on_reading(portfolio, revision, Reading::Plan)
    }

    /// [`Study::new`] with every case computed on `reading` of the levers' gates.
    pub fn on_reading(portfolio: Portfolio, revision: u64, reading: Reading) -> Study {
        let scenarios = portfolio
            .scenarios
            .iter()
            .map(|s| (s.name.clone(), OnceLock::new()))
            .collect();
        let base_model = Arc::new(portfolio);
        Study {
            revision,
            reading,
            base: CaseRun::compute(Case::Base, Arc::clone(&base_model), reading),
            base_model,
            scenarios,
            tornado: None,
            grid: None,
            monte_carlo: None,
            ai_programmes: ai_programme::AiProgrammes::default(),
        }
    }

    /// The model revision this study was computed on.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The reading of the levers' gates the cases are computed on.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// The base model.
    pub fn portfolio(&self) -> &Portfolio {
        &self.base_model
    }

    /// The base model's problems.
    pub fn problems(&self) -> &[Problem] {
        &self.base.problems
    }

    /// The base case.
    pub fn base(&self) -> &CaseRun {
        &self.base
    }

    /// The cases a comparison shows: the base case, then every scenario except one named
    /// "Base" (which stands for the base case itself).
    pub fn cases(&self) -> Vec<Case> {
        std::iter::once(Case::Base)
            .chain(
                self.scenarios
                    .iter()
                    .filter(|(name, _)| Case::named(Some(name)) != Case::Base)
                    .map(|(name, _)| Case::Scenario(name.clone())),
            )
            .collect()
    }

    /// `case` computed (a scenario is computed on first use and kept).
    pub fn case(&self, case: &Case) -> CaseRunRef<'_> {
        let Case::Scenario(name) = case else {
            return CaseRunRef::Stored(&self.base);
        };
        match self.scenarios.iter().find(|(n, _)| n == name) {
            Some((_, slot)) => CaseRunRef::Stored(slot.get_or_init(|| self.compute_scenario(name))),
            None if Case::named(Some(name)) == Case::Base => CaseRunRef::Stored(&self.base),
            None => CaseRunRef::Missing(Box::new(CaseRun {
                case: case.clone(),
                reading: self.reading,
                model: None,
                problems: Vec::new(),
                outcome: Err(CaseError::Scenario(ScenarioError::Unknown {
                    name: name.clone(),
                    available: self
                        .scenarios
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })),
            })),
        }
    }

    fn compute_scenario(&self, name: &str) -> CaseRun {
        let case = Case::Scenario(name.to_string());
        match scenario::apply_named(self.portfolio(), name) {
            Ok(model) => CaseRun::compute(case, Arc::new(model), self.reading),
            Err(e) => CaseRun {
                case,
                reading: self.reading,
                model: None,
                problems: Vec::new(),
                outcome: Err(CaseError::Scenario(e)),
            },
        }
    }

    /// The model of `case`, or why there is none.
    pub fn model(&self, case: &Case) -> Result<Arc<Portfolio>, CaseError> {
        let run = self.case(case);
        match (&run.model, &run.outcome) {
            (Some(model), _) => Ok(Arc::clone(model)),
            (None, Err(e)) => Err(e.clone()),
            (None, Ok(_)) => Err(CaseError::Scenario(ScenarioError::Unknown {
                name: case.to_string(),
                available: String::new(),
            })),
        }
    }

    /// The results of `case`, or why there are none.
    pub fn result(&self, case: &Case) -> Result<Arc<FundResult>, CaseError> {
        self.case(case).outcome.clone()
    }

    /// The tornado of `case`, if one was run on it.
    pub fn tornado(&self, case: &Case) -> Option<&TornadoRun> {
        self.tornado.as_deref().filter(|t| t.case == *case)
    }

    /// Runs the tornado on `case` unless it has been run already.
    pub fn ensure_tornado(&mut self, case: &Case) -> &TornadoRun {
        let run = match self.tornado.take().filter(|t| t.case == *case) {
            Some(run) => run,
            None => Arc::new(Analysis {
                case: case.clone(),
                settings: (),
                outcome: self
                    .model(case)
                    .map_err(sweep_error)
                    .and_then(|model| sensitivity::tornado(&model)),
            }),
        };
        self.tornado.insert(run)
    }

    /// The grid of `case`, whatever its settings, if one was run on it.
    pub fn grid(&self, case: &Case) -> Option<&GridRun> {
        self.grid.as_deref().filter(|g| g.case == *case)
    }

    /// Runs the grid of `settings` on `case` unless that very grid has been run.
    pub fn ensure_grid(&mut self, case: &Case, settings: &GridSettings) -> &GridRun {
        let kept = self
            .grid
            .take()
            .filter(|g| g.case == *case && g.settings == *settings);
        let run = match kept {
            Some(run) => run,
            None => Arc::new(match self.model(case) {
                Ok(model) => GridRun {
                    case: case.clone(),
                    settings: settings.clone(),
                    base_point: (
                        settings.x.driver.base_value(&model),
                        settings.y.as_ref().map(|y| y.driver.base_value(&model)),
                    ),
                    outcome: sensitivity::grid(
                        &model,
                        settings.x.clone(),
                        settings.y.clone(),
                        settings.metric,
                    ),
                },
                Err(e) => GridRun {
                    case: case.clone(),
                    settings: settings.clone(),
                    base_point: (Decimal::ZERO, None),
                    outcome: Err(sweep_error(e)),
                },
            }),
        };
        self.grid.insert(run)
    }

    /// The Monte Carlo run of `case`, whatever its configuration, if one was run on it.
    pub fn monte_carlo(&self, case: &Case) -> Option<&MonteCarloRun> {
        self.monte_carlo.as_deref().filter(|m| m.case == *case)
    }

    /// Keeps a Monte Carlo run made elsewhere (the app's background job) when it was run
    /// on this revision; returns whether it was kept.
    pub fn store_monte_carlo(&mut self, revision: u64, run: MonteCarloRun) -> bool {
        if revision != self.revision || matches!(run.outcome, Err(McError::Cancelled)) {
            return false;
        }
        self.monte_carlo = Some(Arc::new(run));
        true
    }

    /// Keeps a grid run made elsewhere (the app's background job, on a clone of this
    /// study) when it was run on this revision; returns whether it was kept.
    pub fn store_grid(&mut self, revision: u64, run: GridRun) -> bool {
        if revision != self.revision {
            return false;
        }
        self.grid = Some(Arc::new(run));
        true
    }

    /// The Monte Carlo run of `config` on `case`, to be made off this thread with
    /// progress and cancel (keep its outcome with [`Self::store_monte_carlo`]).
    pub fn monte_carlo_task(&self, case: &Case, config: &McConfig) -> MonteCarloTask {
        MonteCarloTask {
            case: case.clone(),
            config: config.clone(),
            model: self.model(case),
        }
    }

    /// Runs the Monte Carlo of `config` on `case` unless that very run exists (the memo
    /// pack reuses the app's run this way).
    pub fn ensure_monte_carlo(&mut self, case: &Case, config: &McConfig) -> &MonteCarloRun {
        let kept = self
            .monte_carlo
            .take()
            .filter(|m| m.case == *case && m.settings == *config);
        let run = match kept {
            Some(run) => run,
            None => {
                let never = AtomicBool::new(false);
                let outcome = match self.model(case) {
                    Ok(model) => montecarlo::run(&model, config, &|_| {}, &never),
                    Err(e) => Err(McError::Model(e.to_string())),
                };
                Arc::new(Analysis {
                    case: case.clone(),
                    settings: config.clone(),
                    outcome,
                })
            }
        };
        self.monte_carlo.insert(run)
    }
}

fn sweep_error(e: CaseError) -> SweepError {
    match e {
        CaseError::Scenario(e) => SweepError::Scenario(e),
        CaseError::Engine(e) => SweepError::Base(e),
    }
}

#[cfg(test)]
mod tests;
