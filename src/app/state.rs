//! The app's one state: the model being edited, its file, undo/redo, and the study
//! cached by model revision. Every change to the model is an [`Edit`] that goes through
//! [`AppState::apply`] (at once) or [`AppState::queue`] (after the frame), so undo, the
//! unsaved mark and recomputation see all of them. Building, choosing and reading the
//! study is in `study`.

use std::path::PathBuf;
use std::sync::Arc;

pub use crate::engine::edit::{Direction, Edit, EditError, EditOutcome, Item as Selection};
use crate::engine::fields::FieldEdit;
use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;
use crate::engine::study::Study;

use super::deletion::Deleted;
use super::history::History;
use super::recompute::Recomputer;

mod study;

pub use study::Computed;

/// Everything about the open model.
pub struct AppState {
    /// The model as edited.
    pub portfolio: Portfolio,
    /// The file it was opened from or last saved to; `None` until saved.
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    history: History,
    /// Edits asked for while drawing, applied after the frame.
    queued: Vec<Edit>,
    /// What the tree has selected and the editor shows.
    pub selection: Selection,
    computed: Option<Computed>,
    /// The last study whose base case computed, kept while the model has errors (the
    /// screens show it, marked as the last valid model).
    last_good_study: Option<Study>,
    /// The last results that computed, kept while the model has errors.
    pub last_good: Option<Arc<FundResult>>,
    /// Whether `last_good` is the current revision's.
    pub last_good_is_current: bool,
    /// Builds studies now or on a worker thread, by how long the last one took.
    recomputer: Recomputer,
    /// The last deletion, offered for undo ("Deleted Northwind Castings — Undo") while
    /// the model is as it left it.
    pub deleted: Option<Deleted>,
}

impl AppState {
    /// A state holding `portfolio`, unsaved changes none.
    pub fn new(portfolio: Portfolio, path: Option<PathBuf>) -> Self {
        let mut state = Self {
            portfolio,
            path,
            revision: 0,
            saved_revision: 0,
            history: History::default(),
            queued: Vec::new(),
            selection: Selection::Fund,
            computed: None,
            last_good_study: None,
            last_good: None,
            last_good_is_current: false,
            recomputer: Recomputer::default(),
            deleted: None,
        };
        state.recompute_if_needed();
        state
    }

    /// Replaces the whole model (New, Open): history is cleared.
    pub fn replace(&mut self, portfolio: Portfolio, path: Option<PathBuf>) {
        *self = Self::new(portfolio, path);
    }

    /// A number that grows with every change to the model (caches key on it).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the model has changed since it was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records that the model as it is now was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = self.revision;
    }

    /// Marks the model as changed since it was saved (recovered work) without an undo
    /// step.
    pub fn mark_unsaved(&mut self) {
        self.revision += 1;
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        self.history.undo_label().is_some()
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        self.history.redo_label().is_some()
    }

    /// What Undo and Redo would do ("add a company"), for their tooltips.
    pub fn history_labels(&self) -> (Option<&'static str>, Option<&'static str>) {
        (self.history.undo_label(), self.history.redo_label())
    }

    /// A file name for titles.
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || format!("{} (no file yet)", self.portfolio.fund.name),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Applies `edit` now as one undo step (a field edit joins the gesture on its field,
    /// see [`Self::end_gesture`]) and selects what it says. A refused edit changes
    /// nothing, the history included.
    pub fn apply(&mut self, edit: Edit) -> Result<EditOutcome, EditError> {
        let before = self.portfolio.clone();
        let deleted = super::deletion::deleted_name(&edit, &self.portfolio);
        let outcome = edit.apply(&mut self.portfolio)?;
        if outcome.changed {
            let field = match &edit {
                Edit::SetField(f) => Some(f.path),
                _ => None,
            };
            if field.is_none() {
                self.history.end_gesture();
            }
            self.history.record(before, edit.label(), field);
            self.revision += 1;
            if let Some(name) = deleted {
                self.deleted = Some(Deleted {
                    name,
                    revision: self.revision,
                });
            }
        }
        if let Some(item) = outcome.select {
            self.selection = item;
        }
        self.clamp_selection();
        Ok(outcome)
    }

    /// Sets one field through the registry, as one step of the gesture on that field.
    /// A refused value leaves the model and the undo history as they were.
    pub fn set_field(&mut self, edit: &FieldEdit) -> Result<(), EditError> {
        self.apply(Edit::SetField(edit.clone())).map(|_| ())
    }

    /// Asks for `edit` after the frame (buttons drawn over the model queue their edits,
    /// so the lists they are drawn from do not change under them).
    pub fn queue(&mut self, edit: Edit) {
        self.queued.push(edit);
    }

    /// Applies the queued edits in order. The first refused edit stops the rest (their
    /// indices may no longer mean what they meant) and is returned.
    pub fn apply_queued(&mut self) -> Result<(), EditError> {
        for edit in std::mem::take(&mut self.queued) {
            self.apply(edit)?;
        }
        Ok(())
    }

    /// Ends the current gesture (a field lost focus): the next edit is a new undo step.
    pub fn end_gesture(&mut self) {
        self.history.end_gesture();
    }

    /// Goes back one step; `false` when there is none.
    pub fn undo(&mut self) -> bool {
        let previous = self.history.undo(self.portfolio.clone());
        self.restore(previous)
    }

    /// Goes forward one undone step; `false` when there is none.
    pub fn redo(&mut self) -> bool {
        let next = self.history.redo(self.portfolio.clone());
        self.restore(next)
    }

    /// The deletion to offer for undo: the last one, while nothing has changed since.
    pub fn undoable_deletion(&self) -> Option<&Deleted> {
        self.deleted.as_ref().filter(|d| d.revision == self.revision)
    }

    fn restore(&mut self, model: Option<Portfolio>) -> bool {
        let Some(model) = model else {
            return false;
        };
        self.portfolio = model;
        self.revision += 1;
        self.clamp_selection();
        true
    }

    fn clamp_selection(&mut self) {
        if !self.selection.exists_in(&self.portfolio) {
            self.selection = Selection::Fund;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fields::{FieldPath, FieldValue, Owner};
    use rust_decimal::{Decimal, dec};

    fn state() -> AppState {
        AppState::new(
            crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}")),
            None,
        )
    }

    fn set_carry(s: &mut AppState, value: Decimal) {
        let path = FieldPath::field(Owner::Fund, "carry_rate").unwrap_or_else(|| panic!("no carry_rate row"));
        s.set_field(&FieldEdit::new(path, FieldValue::Decimal(value)))
            .unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn one_gesture_is_one_undo_step() {
        let mut s = state();
        let before = s.portfolio.fund.carry_rate;
        for v in [dec!(0.2), dec!(0.25), dec!(0.3)] {
            set_carry(&mut s, v);
        }
        s.end_gesture();
        assert_eq!(s.portfolio.fund.carry_rate, dec!(0.3));
        assert!(s.undo());
        assert_eq!(s.portfolio.fund.carry_rate, before);
        assert!(!s.can_undo());
        assert!(s.redo());
        assert_eq!(s.portfolio.fund.carry_rate, dec!(0.3));
    }

    #[test]
    fn results_are_cached_by_revision_and_last_good_survives_errors() {
        let mut s = state();
        let good = s.last_good.clone();
        set_carry(&mut s, dec!(7));
        s.recompute_if_needed();
        assert!(s.study().is_some_and(|c| c.base().outcome.is_err()));
        assert!(!s.last_good_is_current);
        assert_eq!(
            s.last_good.as_ref().map(|r| r.metrics.tvpi),
            good.as_ref().map(|r| r.metrics.tvpi)
        );
        let carry = FieldPath::field(Owner::Fund, "carry_rate");
        assert!(carry.is_some_and(|path| s.problems_at(&path).count() == 1));
    }

    #[test]
    fn add_duplicate_move_delete() -> Result<(), EditError> {
        let mut s = state();
        let n = s.portfolio.companies.len();
        s.apply(Edit::AddCompany { stage: None })?;
        assert_eq!(s.portfolio.companies.len(), n + 1);
        assert_eq!(s.selection, Selection::Company(n));
        s.apply(Edit::DuplicateCompany(0))?;
        assert_eq!(
            s.portfolio.companies[1].name,
            format!("{} (2)", s.portfolio.companies[0].name)
        );
        s.apply(Edit::MoveCompany(1, Direction::Up))?;
        assert!(s.portfolio.companies[0].name.ends_with("(2)"));
        s.apply(Edit::DeleteCompany(0))?;
        assert_eq!(s.portfolio.companies.len(), n + 1);
        s.apply(Edit::AddLever(0))?;
        assert_eq!(
            s.selection,
            Selection::Lever(0, s.portfolio.companies[0].levers.len() - 1)
        );
        for _ in 0..5 {
            assert!(s.undo());
        }
        assert_eq!(s.portfolio.companies.len(), n);
        assert!(s.is_dirty());
        Ok(())
    }

    #[test]
    fn undo_and_redo_replay_a_sequence_of_edits() -> Result<(), EditError> {
        let mut s = state();
        let original = s.portfolio.clone();
        s.apply(Edit::AddStage)?;
        let one = s.portfolio.clone();
        set_carry(&mut s, dec!(0.25));
        s.end_gesture();
        let two = s.portfolio.clone();
        s.apply(Edit::DeleteCompany(3))?;
        let three = s.portfolio.clone();
        assert_eq!(s.history_labels(), (Some("delete a company"), None));
        for expected in [&two, &one, &original] {
            assert!(s.undo());
            assert_eq!(&s.portfolio, expected);
        }
        assert!(!s.undo(), "nothing before the first edit");
        for expected in [&one, &two, &three] {
            assert!(s.redo());
            assert_eq!(&s.portfolio, expected);
        }
        assert!(!s.redo());
        Ok(())
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_queued_edits_wait_for_the_frame() {
        let mut s = state();
        let n = s.portfolio.companies.len();
        let revision = s.revision();
        assert!(matches!(
            s.apply(Edit::DeleteCompany(n)),
            Err(EditError::NoCompany { .. })
        ));
        assert_eq!((s.revision(), s.can_undo()), (revision, false));
        s.queue(Edit::AddScenario);
        s.queue(Edit::DeleteLever(n + 5, 0));
        s.queue(Edit::AddStage);
        assert_eq!(s.revision(), revision, "nothing applied while drawing");
        let scenarios = s.portfolio.scenarios.len();
        let stages = s.portfolio.stages.len();
        assert!(s.apply_queued().is_err());
        assert_eq!(s.portfolio.scenarios.len(), scenarios + 1);
        assert_eq!(
            s.portfolio.stages.len(),
            stages,
            "edits after a refused one are dropped"
        );
        assert!(s.apply_queued().is_ok(), "the queue is empty now");
    }
}
