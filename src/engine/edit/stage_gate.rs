//! Edits of a stage's gate that are not one scalar field ([`StageGateEdit`]): the list
//! of earlier stages it reads. Switching a gate on or off and its scalars are field
//! edits (`stages[i].gate`, `stages[i].gate.date`, …). Renaming a stage renames it in
//! every gate that reads it ([`rename_in_gates`]).

use super::{EditError, EditOutcome};
use crate::engine::model::Portfolio;

/// A change to a stage gate, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageGateEdit {
    /// Sets the stages the gate of `stages[stage]` reads (by name; none: every earlier
    /// stage). The names are stored as given; validation names an unknown or later one.
    SetStagesRead {
        /// Position of the gated stage in `stages`.
        stage: usize,
        /// The stages read, in the order to keep.
        stages: Vec<String>,
    },
}

impl StageGateEdit {
    /// What the edit does, for the Undo and Redo tooltips.
    pub fn label(&self) -> &'static str {
        match self {
            StageGateEdit::SetStagesRead { .. } => "change the stages a gate reads",
        }
    }

    /// Applies the edit; on error `p` is left as it was.
    pub(super) fn apply(&self, p: &mut Portfolio) -> Result<EditOutcome, EditError> {
        match self {
            StageGateEdit::SetStagesRead { stage, stages } => {
                let count = p.stages.len();
                let gate = p
                    .stages
                    .get_mut(*stage)
                    .ok_or(EditError::NoStage { index: *stage, count })?
                    .gate
                    .as_mut()
                    .ok_or(EditError::NoStageGate(*stage))?;
                let changed = gate.stages != *stages;
                gate.stages.clone_from(stages);
                Ok(EditOutcome {
                    select: None,
                    changed,
                })
            }
        }
    }
}

/// Renames stage `old` to `new` in every gate that reads it by name.
pub(crate) fn rename_in_gates(p: &mut Portfolio, old: &str, new: &str) {
    for name in p
        .stages
        .iter_mut()
        .filter_map(|s| s.gate.as_mut())
        .flat_map(|g| g.stages.iter_mut())
        .filter(|name| name.as_str() == old)
    {
        *name = new.to_string();
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::*;
    use crate::engine::edit::Edit;
    use crate::engine::model::{StageCondition, StageGate};

    fn sample() -> Portfolio {
        crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"))
    }

    fn gate(stages: &[&str]) -> StageGate {
        StageGate {
            date: NaiveDate::from_ymd_opt(2029, 6, 30).unwrap_or_default(),
            condition: StageCondition::AiUpliftShare {
                min_share: dec!(0.75),
            },
            stages: stages.iter().map(|s| (*s).to_string()).collect(),
            budget_share_on_failure: dec!(0.5),
        }
    }

    #[test]
    fn the_stages_read_are_set_as_given_and_refused_without_a_gate() {
        let mut p = sample();
        let first = p.stages[0].name.clone();
        let before = p.clone();
        let set = Edit::StageGate(StageGateEdit::SetStagesRead {
            stage: 2,
            stages: vec![first.clone()],
        });
        p.stages[2].gate = None;
        let without = p.clone();
        assert_eq!(set.apply(&mut p), Err(EditError::NoStageGate(2)));
        assert_eq!(p, without);
        p.stages[2].gate = Some(gate(&[]));
        let outcome = set.apply(&mut p).unwrap_or_else(|e| panic!("{e}"));
        assert!(outcome.changed);
        assert_eq!(
            p.stages[2].gate.as_ref().map(|g| g.stages.clone()),
            Some(vec![first])
        );
        // Setting the same list again changes nothing.
        assert!(!set.apply(&mut p).unwrap_or_else(|e| panic!("{e}")).changed);
        let far = Edit::StageGate(StageGateEdit::SetStagesRead {
            stage: before.stages.len(),
            stages: Vec::new(),
        });
        assert!(matches!(far.apply(&mut p), Err(EditError::NoStage { .. })));
    }

    #[test]
    fn renaming_a_stage_renames_it_in_the_gates_that_read_it() {
        let mut p = sample();
        let first = p.stages[0].name.clone();
        let second = p.stages[1].name.clone();
        p.stages[2].gate = Some(gate(&[&first, &second]));
        Edit::RenameStage {
            index: 0,
            name: "Wave one".into(),
        }
        .apply(&mut p)
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            p.stages[2].gate.as_ref().map(|g| g.stages.clone()),
            Some(vec!["Wave one".to_string(), second])
        );
    }
}
