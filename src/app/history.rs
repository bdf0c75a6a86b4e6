//! Undo and redo: the model as it was before each step. Every step is one applied
//! [`crate::engine::edit::Edit`]; successive edits of one field (typing in a box, one
//! drag) join a single step until the gesture ends.

use crate::engine::fields::FieldPath;
use crate::engine::model::Portfolio;

/// How many steps are kept.
pub const UNDO_LIMIT: usize = 200;

/// One step: the model before it and what it did.
#[derive(Debug, Clone)]
struct Step {
    model: Portfolio,
    label: &'static str,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The field of the gesture under way: further edits of it join the last step.
    gesture: Option<FieldPath>,
}

impl History {
    /// Records a step that changed the model from `before`. An edit of the field of the
    /// gesture under way joins the last step instead; the redo stack is cleared.
    pub fn record(&mut self, before: Portfolio, label: &'static str, field: Option<FieldPath>) {
        self.redo.clear();
        if field.is_some() && field == self.gesture && !self.undo.is_empty() {
            return;
        }
        self.gesture = field;
        self.undo.push(Step { model: before, label });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the gesture under way (a field lost focus): the next edit is a new step.
    pub fn end_gesture(&mut self) {
        self.gesture = None;
    }

    /// The model before the last step, in exchange for `current` (kept for redo);
    /// `None` when there is no step.
    pub fn undo(&mut self, current: Portfolio) -> Option<Portfolio> {
        self.gesture = None;
        let step = self.undo.pop()?;
        self.redo.push(Step {
            model: current,
            label: step.label,
        });
        Some(step.model)
    }

    /// The model after the last undone step, in exchange for `current`.
    pub fn redo(&mut self, current: Portfolio) -> Option<Portfolio> {
        self.gesture = None;
        let step = self.redo.pop()?;
        self.undo.push(Step {
            model: current,
            label: step.label,
        });
        Some(step.model)
    }

    /// What Undo would undo ("add a company"), if anything.
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|s| s.label)
    }

    /// What Redo would redo, if anything.
    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|s| s.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fields::Owner;

    fn model(name: &str) -> Portfolio {
        let mut p = crate::engine::defaults::blank_portfolio(chrono::NaiveDate::MIN);
        p.fund.name = name.into();
        p
    }

    fn name(result: Option<Portfolio>) -> String {
        result.map_or_else(|| "none".into(), |p| p.fund.name)
    }

    #[test]
    fn a_gesture_is_one_step_and_undo_redo_swap_models() {
        let field = FieldPath::field(Owner::Fund, "name");
        let mut h = History::default();
        h.record(model("a"), "edit a field", field);
        h.record(model("ab"), "edit a field", field);
        h.end_gesture();
        h.record(model("abc"), "add a stage", None);
        assert_eq!(h.undo_label(), Some("add a stage"));
        assert_eq!(name(h.undo(model("current"))), "abc");
        assert_eq!(
            name(h.undo(model("abc"))),
            "a",
            "the two keystrokes were one step"
        );
        assert_eq!(name(h.undo(model("a"))), "none");
        assert_eq!(h.redo_label(), Some("edit a field"));
        assert_eq!(name(h.redo(model("a"))), "abc");
        assert_eq!(name(h.redo(model("abc"))), "current");
        assert_eq!(name(h.redo(model("current"))), "none");
    }

    #[test]
    fn a_new_step_clears_redo_and_the_stack_is_bounded() {
        let mut h = History::default();
        for i in 0..UNDO_LIMIT + 5 {
            h.record(model(&i.to_string()), "add a stage", None);
        }
        assert_eq!(name(h.undo(model("x"))), (UNDO_LIMIT + 4).to_string());
        h.record(model("y"), "add a stage", None);
        assert_eq!(h.redo_label(), None);
        let mut steps = 0;
        let mut current = model("z");
        while let Some(previous) = h.undo(current.clone()) {
            current = previous;
            steps += 1;
        }
        assert_eq!(steps, UNDO_LIMIT);
    }
}
