//! The app's one state: the model being edited, its file, undo/redo, and the results
//! cached by model revision. Every change to the model goes through [`AppState::edit`]
//! or [`AppState::apply`], so undo, the unsaved mark and recomputation see all of them.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::engine::model::{Lever, Portfolio, Stage};
use crate::engine::results::FundResult;
use crate::engine::validate::{self, Problem, Severity};
use crate::engine::{self, EngineError};

/// What is selected in the model tree (and shown in the editor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    Fund,
    Stage(usize),
    Company(usize),
    Lever(usize, usize),
    Scenario(usize),
}

/// Structural edits and history moves.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    AddStage,
    DuplicateStage(usize),
    DeleteStage(usize),
    MoveStage(usize, Direction),
    AddCompany { stage: Option<String> },
    DuplicateCompany(usize),
    DeleteCompany(usize),
    MoveCompany(usize, Direction),
    AddLever(usize),
    DuplicateLever(usize, usize),
    DeleteLever(usize, usize),
    MoveLever(usize, usize, Direction),
    AddScenario,
    DuplicateScenario(usize),
    DeleteScenario(usize),
    Undo,
    Redo,
}

/// Up or down in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The results of one model revision.
pub struct Computed {
    pub revision: u64,
    pub problems: Vec<Problem>,
    /// Results of this revision, or why there are none.
    pub outcome: Result<Arc<FundResult>, EngineError>,
    pub took: Duration,
}

const UNDO_LIMIT: usize = 200;

/// Everything about the open model.
pub struct AppState {
    pub portfolio: Portfolio,
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    undo: Vec<Portfolio>,
    redo: Vec<Portfolio>,
    /// The field being edited in the current gesture: further edits of it join one undo step.
    gesture: Option<String>,
    pub selection: Selection,
    computed: Option<Computed>,
    /// The last results that computed, kept while the model has errors.
    pub last_good: Option<Arc<FundResult>>,
    /// Whether `last_good` is the current revision's.
    pub last_good_is_current: bool,
}

impl AppState {
    /// A state holding `portfolio`, unsaved changes none.
    pub fn new(portfolio: Portfolio, path: Option<PathBuf>) -> Self {
        let mut state = Self {
            portfolio,
            path,
            revision: 0,
            saved_revision: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            gesture: None,
            selection: Selection::Fund,
            computed: None,
            last_good: None,
            last_good_is_current: false,
        };
        state.recompute_if_needed();
        state
    }

    /// Replaces the whole model (New, Open): history is cleared.
    pub fn replace(&mut self, portfolio: Portfolio, path: Option<PathBuf>) {
        *self = Self::new(portfolio, path);
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = self.revision;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A file name for titles.
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || format!("{} (no file yet)", self.portfolio.fund.name),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    fn checkpoint(&mut self) {
        self.undo.push(self.portfolio.clone());
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    /// Edits one field. Successive edits of the same `field` (one gesture: typing in a
    /// box, one drag) form a single undo step until [`Self::end_gesture`].
    pub fn edit(&mut self, field: &str, change: impl FnOnce(&mut Portfolio)) {
        if self.gesture.as_deref() != Some(field) {
            self.checkpoint();
            self.gesture = Some(field.to_string());
        }
        change(&mut self.portfolio);
        self.changed();
    }

    /// Ends the current gesture (a field lost focus): the next edit is a new undo step.
    pub fn end_gesture(&mut self) {
        self.gesture = None;
    }

    /// Applies a structural command.
    pub fn apply(&mut self, command: Command) {
        self.gesture = None;
        match command {
            Command::Undo => {
                if let Some(previous) = self.undo.pop() {
                    self.redo.push(std::mem::replace(&mut self.portfolio, previous));
                    self.changed();
                    self.clamp_selection();
                }
            }
            Command::Redo => {
                if let Some(next) = self.redo.pop() {
                    self.undo.push(std::mem::replace(&mut self.portfolio, next));
                    self.changed();
                    self.clamp_selection();
                }
            }
            other => {
                self.checkpoint();
                self.structural(other);
                self.changed();
                self.clamp_selection();
            }
        }
    }

    fn structural(&mut self, command: Command) {
        let p = &mut self.portfolio;
        match command {
            Command::AddStage => {
                let start = p.stages.last().map_or(p.fund.first_close, |s| s.start_date);
                let name = unique_name("New stage", p.stages.iter().map(|s| s.name.as_str()));
                p.stages.push(Stage {
                    name,
                    start_date: start,
                    budget: Default::default(),
                    reserve: Default::default(),
                });
                self.selection = Selection::Stage(p.stages.len() - 1);
            }
            Command::DuplicateStage(i) => {
                if let Some(stage) = p.stages.get(i).cloned() {
                    let name = unique_name(&stage.name, p.stages.iter().map(|s| s.name.as_str()));
                    p.stages.insert(i + 1, Stage { name, ..stage });
                    self.selection = Selection::Stage(i + 1);
                }
            }
            Command::DeleteStage(i) => {
                if i < p.stages.len() {
                    p.stages.remove(i);
                }
            }
            Command::MoveStage(i, d) => self.selection = Selection::Stage(move_item(&mut p.stages, i, d)),
            Command::AddCompany { stage } => {
                let template = p.companies.last().cloned().or_else(|| {
                    crate::io::samples::flagship()
                        .ok()
                        .and_then(|s| s.companies.into_iter().next())
                });
                if let Some(mut company) = template {
                    company.name = unique_name("New company", p.companies.iter().map(|c| c.name.as_str()));
                    if let Some(stage) = stage.or_else(|| p.stages.first().map(|s| s.name.clone())) {
                        company.stage = stage;
                    }
                    company.levers.clear();
                    p.companies.push(company);
                    self.selection = Selection::Company(p.companies.len() - 1);
                }
            }
            Command::DuplicateCompany(i) => {
                if let Some(mut company) = p.companies.get(i).cloned() {
                    company.name = unique_name(&company.name, p.companies.iter().map(|c| c.name.as_str()));
                    p.companies.insert(i + 1, company);
                    self.selection = Selection::Company(i + 1);
                }
            }
            Command::DeleteCompany(i) => {
                if i < p.companies.len() {
                    p.companies.remove(i);
                }
            }
            Command::MoveCompany(i, d) => {
                self.selection = Selection::Company(move_item(&mut p.companies, i, d))
            }
            Command::AddLever(c) => {
                if let Some(company) = p.companies.get_mut(c) {
                    company.levers.push(new_lever());
                    self.selection = Selection::Lever(c, company.levers.len() - 1);
                }
            }
            Command::DuplicateLever(c, l) => {
                if let Some(company) = p.companies.get_mut(c)
                    && let Some(lever) = company.levers.get(l).cloned()
                {
                    company.levers.insert(l + 1, lever);
                    self.selection = Selection::Lever(c, l + 1);
                }
            }
            Command::DeleteLever(c, l) => {
                if let Some(company) = p.companies.get_mut(c)
                    && l < company.levers.len()
                {
                    company.levers.remove(l);
                    self.selection = Selection::Company(c);
                }
            }
            Command::MoveLever(c, l, d) => {
                if let Some(company) = p.companies.get_mut(c) {
                    self.selection = Selection::Lever(c, move_item(&mut company.levers, l, d));
                }
            }
            Command::AddScenario => {
                let name = unique_name("New scenario", p.scenarios.iter().map(|s| s.name.as_str()));
                p.scenarios.push(crate::engine::model::Scenario {
                    name,
                    ..Default::default()
                });
                self.selection = Selection::Scenario(p.scenarios.len() - 1);
            }
            Command::DuplicateScenario(i) => {
                if let Some(mut s) = p.scenarios.get(i).cloned() {
                    s.name = unique_name(&s.name, p.scenarios.iter().map(|x| x.name.as_str()));
                    p.scenarios.insert(i + 1, s);
                    self.selection = Selection::Scenario(i + 1);
                }
            }
            Command::DeleteScenario(i) => {
                if i < p.scenarios.len() {
                    p.scenarios.remove(i);
                }
            }
            Command::Undo | Command::Redo => {}
        }
    }

    fn clamp_selection(&mut self) {
        let p = &self.portfolio;
        let valid = match self.selection {
            Selection::Fund => true,
            Selection::Stage(i) => i < p.stages.len(),
            Selection::Company(i) => i < p.companies.len(),
            Selection::Lever(c, l) => p.companies.get(c).is_some_and(|co| l < co.levers.len()),
            Selection::Scenario(i) => i < p.scenarios.len(),
        };
        if !valid {
            self.selection = Selection::Fund;
        }
    }

    /// Validates and recomputes when the model changed since the last time.
    pub fn recompute_if_needed(&mut self) {
        if self
            .computed
            .as_ref()
            .is_some_and(|c| c.revision == self.revision)
        {
            return;
        }
        let started = Instant::now();
        let problems = validate::validate(&self.portfolio);
        let outcome = if validate::has_errors(&problems) {
            Err(EngineError::Invalid(
                problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                    .cloned()
                    .collect(),
            ))
        } else {
            engine::compute(&self.portfolio).map(Arc::new)
        };
        if let Ok(result) = &outcome {
            self.last_good = Some(Arc::clone(result));
        }
        self.last_good_is_current = outcome.is_ok();
        self.computed = Some(Computed {
            revision: self.revision,
            problems,
            outcome,
            took: started.elapsed(),
        });
    }

    /// The latest computation (call [`Self::recompute_if_needed`] first).
    pub fn computed(&self) -> Option<&Computed> {
        self.computed.as_ref()
    }

    /// Problems of the current revision.
    pub fn problems(&self) -> &[Problem] {
        self.computed.as_ref().map_or(&[], |c| c.problems.as_slice())
    }

    /// Problems at exactly `path`.
    pub fn problems_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems().iter().filter(move |p| p.path == path)
    }
}

fn move_item<T>(items: &mut [T], index: usize, direction: Direction) -> usize {
    let target = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => (index + 1 < items.len()).then_some(index + 1),
    };
    match target {
        Some(t) if index < items.len() => {
            items.swap(index, t);
            t
        }
        _ => index,
    }
}

fn unique_name<'a>(base: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    if !existing.clone().any(|n| n == base) {
        return base.to_string();
    }
    (2..)
        .map(|i| format!("{base} ({i})"))
        .find(|candidate| !existing.clone().any(|n| n == candidate))
        .unwrap_or_else(|| base.to_string())
}

fn new_lever() -> Lever {
    use crate::engine::model::{CostPool, LeverFunding, LeverKind, LeverTarget, RampShape};
    use rust_decimal::dec;
    Lever {
        name: "Predictive maintenance".into(),
        kind: LeverKind::PredictiveMaintenance,
        target: LeverTarget::Pool(CostPool::Maintenance),
        effect: dec!(0.2),
        start_delay_quarters: 2,
        ramp_quarters: 6,
        ramp_shape: RampShape::SCurve,
        one_time_cost: dec!(0),
        annual_run_cost: dec!(0),
        realisation: dec!(0.8),
        funding: LeverFunding::Company,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn state() -> AppState {
        AppState::new(
            crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}")),
            None,
        )
    }

    #[test]
    fn one_gesture_is_one_undo_step() {
        let mut s = state();
        let before = s.portfolio.fund.carry_rate;
        for v in ["0.2", "0.25", "0.3"] {
            s.edit("fund.carry_rate", |p| {
                p.fund.carry_rate = v.parse().unwrap_or_default()
            });
        }
        s.end_gesture();
        assert_eq!(s.portfolio.fund.carry_rate, dec!(0.3));
        s.apply(Command::Undo);
        assert_eq!(s.portfolio.fund.carry_rate, before);
        assert!(!s.can_undo());
        s.apply(Command::Redo);
        assert_eq!(s.portfolio.fund.carry_rate, dec!(0.3));
    }

    #[test]
    fn results_are_cached_by_revision_and_last_good_survives_errors() {
        let mut s = state();
        let good = s.last_good.clone();
        s.edit("fund.carry_rate", |p| p.fund.carry_rate = dec!(7));
        s.recompute_if_needed();
        assert!(s.computed().is_some_and(|c| c.outcome.is_err()));
        assert!(!s.last_good_is_current);
        assert_eq!(
            s.last_good.as_ref().map(|r| r.metrics.tvpi),
            good.as_ref().map(|r| r.metrics.tvpi)
        );
        assert!(s.problems_at("fund.carry_rate").count() == 1);
    }

    #[test]
    fn add_duplicate_move_delete() {
        let mut s = state();
        let n = s.portfolio.companies.len();
        s.apply(Command::AddCompany { stage: None });
        assert_eq!(s.portfolio.companies.len(), n + 1);
        assert_eq!(s.selection, Selection::Company(n));
        s.apply(Command::DuplicateCompany(0));
        assert_eq!(
            s.portfolio.companies[1].name,
            format!("{} (2)", s.portfolio.companies[0].name)
        );
        s.apply(Command::MoveCompany(1, Direction::Up));
        assert!(s.portfolio.companies[0].name.ends_with("(2)"));
        s.apply(Command::DeleteCompany(0));
        assert_eq!(s.portfolio.companies.len(), n + 1);
        s.apply(Command::AddLever(0));
        assert_eq!(
            s.selection,
            Selection::Lever(0, s.portfolio.companies[0].levers.len() - 1)
        );
        s.apply(Command::Undo);
        s.apply(Command::Undo);
        s.apply(Command::Undo);
        s.apply(Command::Undo);
        s.apply(Command::Undo);
        assert_eq!(s.portfolio.companies.len(), n);
        assert!(s.is_dirty());
    }
}
