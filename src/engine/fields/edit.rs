//! Reading a field of a portfolio through the registry, and [`FieldEdit`]: setting one
//! as data.

use super::{
    COMPANY_FIELDS, Choices, FUND_FIELDS, FieldPath, FieldSpec, FieldValue, LEVER_FIELDS, Owner,
    SCENARIO_FIELDS, STAGE_FIELDS, UNCERTAINTY_FIELDS, ValueError,
};
use crate::engine::model::Portfolio;
use crate::engine::montecarlo::default_uncertainty;

/// Why a [`FieldEdit`] could not be applied. Each names the field by its label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// The path is a list or group, not a scalar field of a table.
    #[error("{path} is not a field that can be set")]
    NotAField {
        /// The path that was given.
        path: FieldPath,
    },
    /// The object the path points into does not exist (`companies[9]` of eight).
    #[error("{label}: there is nothing at {path}")]
    Missing {
        /// The field's label.
        label: &'static str,
        /// The path that was given.
        path: FieldPath,
    },
    /// The value does not fit the field.
    #[error("{label} {reason}")]
    Value {
        /// The field's label.
        label: &'static str,
        /// Why the value does not fit.
        reason: ValueError,
    },
    /// A stage that does not exist was chosen.
    #[error("{label}: there is no stage named '{name}'")]
    NoSuchStage {
        /// The field's label.
        label: &'static str,
        /// The stage name that was chosen.
        name: String,
    },
}

/// Setting one scalar field to a value: an edit as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldEdit {
    /// The field to set.
    pub path: FieldPath,
    /// Its new value ([`FieldValue::Unset`] switches an override off).
    pub value: FieldValue,
}

fn spec<T>(table: &'static [FieldSpec<T>], key: &str) -> Option<&'static FieldSpec<T>> {
    table.iter().find(|s| s.meta.key == key)
}

fn read<T>(table: &'static [FieldSpec<T>], key: &str, object: Option<&T>) -> Option<FieldValue> {
    (spec(table, key)?.get)(object?)
}

/// The value of the field at `path` in `portfolio`; `None` when `path` is not a scalar
/// field, its object does not exist, or the field does not apply.
pub fn value(portfolio: &Portfolio, path: &FieldPath) -> Option<FieldValue> {
    let FieldPath::Field { owner, key } = path else {
        return None;
    };
    let p = portfolio;
    match *owner {
        Owner::Fund => read(FUND_FIELDS, key, Some(&p.fund)),
        Owner::Stage(i) => read(STAGE_FIELDS, key, p.stages.get(i)),
        Owner::Company(i) => read(COMPANY_FIELDS, key, p.companies.get(i)),
        Owner::Lever { company, lever } => read(
            LEVER_FIELDS,
            key,
            p.companies.get(company).and_then(|c| c.levers.get(lever)),
        ),
        Owner::Scenario(i) => read(SCENARIO_FIELDS, key, p.scenarios.get(i)),
        // Without an `uncertainty` of its own the model is simulated with the defaults,
        // so its fields read as those.
        Owner::Uncertainty => match &p.uncertainty {
            Some(u) => read(UNCERTAINTY_FIELDS, key, Some(u)),
            None => read(UNCERTAINTY_FIELDS, key, Some(&default_uncertainty())),
        },
    }
}

/// The value the field at `path` has in effect: its [`value`], or for an absent field
/// that follows another ([`super::Presence::SameAs`]), that field's value.
pub fn effective_value(portfolio: &Portfolio, path: &FieldPath) -> Option<FieldValue> {
    match value(portfolio, path)? {
        FieldValue::Unset => match (super::meta(path)?.presence, path.owner()) {
            (super::Presence::SameAs { key }, Some(owner)) => {
                value(portfolio, &FieldPath::field(owner, key)?)
            }
            _ => Some(FieldValue::Unset),
        },
        set => Some(set),
    }
}

impl FieldEdit {
    /// An edit setting `path` to `value`.
    pub fn new(path: FieldPath, value: FieldValue) -> Self {
        Self { path, value }
    }

    /// Sets the field in `portfolio`. Values outside a field's bounds are stored (the
    /// validation then names them); a value of the wrong kind, a missing object or an
    /// unknown stage is refused and leaves `portfolio` unchanged. Renaming a stage keeps
    /// its companies in it.
    pub fn apply(&self, portfolio: &mut Portfolio) -> Result<(), FieldError> {
        let FieldPath::Field { owner, key } = self.path else {
            return Err(FieldError::NotAField { path: self.path });
        };
        let meta = super::meta(&self.path).ok_or(FieldError::NotAField { path: self.path })?;
        let label = meta.label;
        if matches!(meta.choices, Choices::StageNames)
            && let FieldValue::Choice(name) = &self.value
            && portfolio.stage(name).is_none()
        {
            return Err(FieldError::NoSuchStage {
                label,
                name: name.clone(),
            });
        }
        let missing = FieldError::Missing {
            label,
            path: self.path,
        };
        let value = self.value.clone();
        let p = portfolio;
        let outcome = match owner {
            Owner::Fund => write(FUND_FIELDS, key, Some(&mut p.fund), value),
            Owner::Stage(i) => {
                let old_name = p.stages.get(i).map(|s| s.name.clone());
                let outcome = write(STAGE_FIELDS, key, p.stages.get_mut(i), value);
                if key == "name"
                    && let (Some(Ok(())), Some(old), Some(new)) =
                        (&outcome, old_name, p.stages.get(i).map(|s| s.name.clone()))
                {
                    for c in p.companies.iter_mut().filter(|c| c.stage == old) {
                        c.stage.clone_from(&new);
                    }
                    crate::engine::edit::stage_gate::rename_in_gates(p, &old, &new);
                }
                outcome
            }
            Owner::Company(i) => write(COMPANY_FIELDS, key, p.companies.get_mut(i), value),
            Owner::Lever { company, lever } => write(
                LEVER_FIELDS,
                key,
                p.companies.get_mut(company).and_then(|c| c.levers.get_mut(lever)),
                value,
            ),
            Owner::Scenario(i) => write(SCENARIO_FIELDS, key, p.scenarios.get_mut(i), value),
            // Setting one field of a model without its own uncertainty starts from the
            // defaults Monte Carlo would use (the field's row exists: checked above).
            Owner::Uncertainty => {
                let had_its_own = p.uncertainty.is_some();
                let outcome = write(
                    UNCERTAINTY_FIELDS,
                    key,
                    Some(p.uncertainty.get_or_insert_with(default_uncertainty)),
                    value,
                );
                if !had_its_own && !matches!(outcome, Some(Ok(()))) {
                    p.uncertainty = None;
                }
                outcome
            }
        };
        match outcome {
            None => Err(missing),
            Some(result) => result.map_err(|reason| FieldError::Value { label, reason }),
        }
    }
}

/// Sets `key` on `object` with `value` (every row converts the value before it
/// assigns, so a refused value leaves `object` as it was). `None` when there is no
/// object or no such row.
fn write<T>(
    table: &'static [FieldSpec<T>],
    key: &str,
    object: Option<&mut T>,
    value: FieldValue,
) -> Option<Result<(), ValueError>> {
    let spec = spec(table, key)?;
    Some((spec.set)(object?, value))
}
