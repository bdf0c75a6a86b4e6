//! The AI programme view of each case (`engine::ai_view`), computed on first use and
//! kept: it needs the case on both readings of the levers' gates, so the reading the
//! study is not computed on is projected here once.

use std::sync::{Arc, Mutex, PoisonError};

use super::super::EngineError;
use super::super::ai_view::{self, AiProgramme};
use super::super::compute_checked_on;
use super::super::model::Reading;
use super::Study;
use super::case::{Case, CaseError};

/// The AI programme view of one case, or why there is none.
pub type AiProgrammeRun = Result<Arc<AiProgramme>, CaseError>;

/// The views computed so far, shared by the clones of one study (they describe the same
/// revision), so a view computed on a clone off the UI thread is there for the original.
#[derive(Debug, Clone, Default)]
pub(super) struct AiProgrammes {
    runs: Arc<Mutex<Vec<(Case, AiProgrammeRun)>>>,
}

impl AiProgrammes {
    fn get(&self, case: &Case) -> Option<AiProgrammeRun> {
        let runs = self.runs.lock().unwrap_or_else(PoisonError::into_inner);
        runs.iter().find(|(c, _)| c == case).map(|(_, run)| run.clone())
    }

    fn keep(&self, case: &Case, run: &AiProgrammeRun) {
        let mut runs = self.runs.lock().unwrap_or_else(PoisonError::into_inner);
        if !runs.iter().any(|(c, _)| c == case) {
            runs.push((case.clone(), run.clone()));
        }
    }
}

impl Study {
    /// The AI programme view of `case`, if it has been computed.
    pub fn ai_programme(&self, case: &Case) -> Option<AiProgrammeRun> {
        self.ai_programmes.get(case)
    }

    /// The AI programme view of `case`, computed now unless it has been: the case's
    /// results on the study's reading and the other reading projected here.
    pub fn ensure_ai_programme(&self, case: &Case) -> AiProgrammeRun {
        if let Some(run) = self.ai_programmes.get(case) {
            return run;
        }
        let run = self.compute_ai_programme(case);
        self.ai_programmes.keep(case, &run);
        run
    }

    fn compute_ai_programme(&self, case: &Case) -> AiProgrammeRun {
        let model = self.model(case)?;
        let shown = self.result(case)?;
        let other = match self.reading() {
            Reading::Plan => Reading::RiskAdjusted,
            Reading::RiskAdjusted => Reading::Plan,
        };
        let other = compute_checked_on(&model, other).1.map_err(CaseError::Engine)?;
        let (plan, risk_adjusted) = match self.reading() {
            Reading::Plan => (&*shown, &other),
            Reading::RiskAdjusted => (&other, &*shown),
        };
        ai_view::ai_programme(&model, plan, risk_adjusted)
            .map(Arc::new)
            .map_err(|e| CaseError::Engine(EngineError::Project(e.into())))
    }
}
