//! The field registry: one table per model type (fund terms, stage, company, lever,
//! scenario, uncertainty) giving each scalar field's key, label, unit and bounds, with
//! typed access to its value. The editor draws its rows from these tables, validation
//! checks their bounds, the workbook lists them, and a [`FieldEdit`] (a typed
//! [`FieldPath`] and a [`FieldValue`]) sets one as data.
//!
//! Adding a scalar field to a model type takes one row in that type's table here.

use rust_decimal::Decimal;

use super::model::Portfolio;

/// A decimal field row: a `FieldSpec` whose get and set read and write `$place` on `$x`.
macro_rules! decimal_field {
    ($key:literal, $label:literal, $unit:ident, $bounds:expr, |$x:ident| $place:expr) => {
        $crate::engine::fields::FieldSpec {
            meta: $crate::engine::fields::FieldMeta::new(
                $key,
                $label,
                $crate::engine::fields::Unit::$unit,
                $bounds,
            ),
            get: |$x| Some($crate::engine::fields::FieldValue::Decimal($place)),
            set: |$x, v| {
                $place = v.decimal()?;
                Ok(())
            },
        }
    };
}

/// A whole-number (`u32`) field row.
macro_rules! whole_field {
    ($key:literal, $label:literal, $unit:ident, $bounds:expr, |$x:ident| $place:expr) => {
        $crate::engine::fields::FieldSpec {
            meta: $crate::engine::fields::FieldMeta::new(
                $key,
                $label,
                $crate::engine::fields::Unit::$unit,
                $bounds,
            ),
            get: |$x| Some($crate::engine::fields::FieldValue::Whole(i64::from($place))),
            set: |$x, v| {
                $place = v.whole_u32()?;
                Ok(())
            },
        }
    };
}

/// A date field row.
macro_rules! date_field {
    ($key:literal, $label:literal, |$x:ident| $place:expr) => {
        $crate::engine::fields::FieldSpec {
            meta: $crate::engine::fields::FieldMeta::new(
                $key,
                $label,
                $crate::engine::fields::Unit::Date,
                None,
            ),
            get: |$x| Some($crate::engine::fields::FieldValue::Date($place)),
            set: |$x, v| {
                $place = v.date()?;
                Ok(())
            },
        }
    };
}

/// A text field row.
macro_rules! text_field {
    ($key:literal, $label:literal, |$x:ident| $place:expr) => {
        $crate::engine::fields::FieldSpec {
            meta: $crate::engine::fields::FieldMeta::new(
                $key,
                $label,
                $crate::engine::fields::Unit::Text,
                None,
            ),
            get: |$x| Some($crate::engine::fields::FieldValue::Text($place.clone())),
            set: |$x, v| {
                $place = v.text()?;
                Ok(())
            },
        }
    };
}

/// A choice row over `$options`, an array of `(value, label)` pairs.
macro_rules! choice_field {
    ($key:literal, $label:literal, $options:expr, |$x:ident| $place:expr) => {
        $crate::engine::fields::FieldSpec {
            meta: $crate::engine::fields::FieldMeta::new(
                $key,
                $label,
                $crate::engine::fields::Unit::Choice,
                None,
            )
            .with_choices($crate::engine::fields::Choices::Fixed(|| {
                $options.into_iter().map(|(_, label)| label).collect()
            })),
            get: |$x| {
                $options
                    .into_iter()
                    .find(|(value, _)| *value == $place)
                    .map(|(_, label)| $crate::engine::fields::FieldValue::Choice(label.to_string()))
            },
            set: |$x, v| {
                let wanted = v.choice()?;
                $place = $options
                    .into_iter()
                    .find(|(_, label)| *label == wanted)
                    .map(|(value, _)| value)
                    .ok_or($crate::engine::fields::ValueError::NoSuchChoice(wanted))?;
                Ok(())
            },
        }
    };
}

mod company;
mod credit_line;
mod edit;
mod fund;
mod lever_programme;
mod path;
mod place;
mod platform;
mod scenario;
mod stage_gate;
mod template;
#[cfg(test)]
mod tests;
mod value;

pub use company::{COMPANY_FIELDS, COMPANY_SECTIONS, LEVER_FIELDS};
pub use edit::{FieldEdit, FieldError, effective_value, value};
pub use fund::{FUND_FIELDS, STAGE_FIELDS, UNCERTAINTY_FIELDS};
pub use path::{
    BuildCostPart, CarryTierPart, ClosePart, FeeStepPart, FieldPath, LearningPart, LpClassPart,
    MultiplePointPart, Owner, ParsePathError, PartialExitPart, PlatformPart, PointPart, ProgrammePath,
    RatePointPart, UncertainDriver,
};
pub use place::{Place, class_name, owner_name, place};
pub use scenario::SCENARIO_FIELDS;
pub use stage_gate::{NO, YES, new_gate};
pub use template::{KEY_COMPANY_FIELDS, has_template_figures};
pub use value::{FieldValue, ValueError, ValueKind};

/// Largest amount of money the model accepts (100 trillion in the fund's currency).
pub const MAX_MONEY: Decimal = rust_decimal::dec!(100_000_000_000_000);

/// How a field's value is read, shown and bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// An amount in the fund's currency.
    Money,
    /// A fraction shown as a percentage (`0.08` is 8 %).
    Percent,
    /// A multiple of EBITDA (`11.5` is 11.5×).
    Multiple,
    /// A plain number (scales, turns of EBITDA).
    Number,
    /// Whole years.
    Years,
    /// Whole quarters.
    Quarters,
    /// Whole days.
    Days,
    /// A calendar date.
    Date,
    /// Free text.
    Text,
    /// One of a list of options.
    Choice,
}

impl Unit {
    /// The unit in words, for tables.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Money => "money",
            Unit::Percent => "percent",
            Unit::Multiple => "multiple",
            Unit::Number => "number",
            Unit::Years => "years",
            Unit::Quarters => "quarters",
            Unit::Days => "days",
            Unit::Date => "date",
            Unit::Text => "text",
            Unit::Choice => "choice",
        }
    }

    /// The kind of value a field in this unit holds.
    pub fn value_kind(self) -> ValueKind {
        match self {
            Unit::Money | Unit::Percent | Unit::Multiple | Unit::Number => ValueKind::Decimal,
            Unit::Years | Unit::Quarters | Unit::Days => ValueKind::Whole,
            Unit::Date => ValueKind::Date,
            Unit::Text => ValueKind::Text,
            Unit::Choice => ValueKind::Choice,
        }
    }
}

/// The values a numeric field accepts: at most `max`, and at least `min` (above `min`
/// when `min_allowed` is false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bounds {
    /// The lower limit, in the field's unit.
    pub min: Decimal,
    /// Whether `min` itself is accepted (`false`: the value must be above it).
    pub min_allowed: bool,
    /// The upper limit, always accepted.
    pub max: Decimal,
}

impl Bounds {
    /// Whether `value` lies inside the bounds.
    pub fn contains(&self, value: Decimal) -> bool {
        let above_min = if self.min_allowed {
            value >= self.min
        } else {
            value > self.min
        };
        above_min && value <= self.max
    }
}

/// `[min, max]`.
pub const fn between(min: Decimal, max: Decimal) -> Option<Bounds> {
    Some(Bounds {
        min,
        min_allowed: true,
        max,
    })
}

/// `(min, max]`.
pub const fn above(min: Decimal, max: Decimal) -> Option<Bounds> {
    Some(Bounds {
        min,
        min_allowed: false,
        max,
    })
}

/// Money: from zero to [`MAX_MONEY`].
pub const MONEY: Option<Bounds> = between(Decimal::ZERO, MAX_MONEY);

/// Whether a field may be absent, and what absence means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    /// Always has a value.
    Always,
    /// An override that is off when absent; switching it on starts at `default`.
    Override {
        /// The value the override takes when it is switched on.
        default: Decimal,
    },
    /// A rule that may be switched off: absent means "off" (`when_off` says what that
    /// means, e.g. "no cap"); switching it on starts at `default`.
    Optional {
        /// The value the field takes when it is switched on.
        default: Decimal,
        /// What absence means, in words.
        when_off: &'static str,
    },
    /// When absent, the value of the owner's field `key` applies.
    SameAs {
        /// Key of the field whose value stands in.
        key: &'static str,
    },
}

/// Where a choice field's options come from.
#[derive(Debug, Clone, Copy)]
pub enum Choices {
    /// Not a choice field.
    None,
    /// A fixed list of option labels.
    Fixed(fn() -> Vec<&'static str>),
    /// The names of the portfolio's stages.
    StageNames,
    /// Yes or no ([`NO`], [`YES`]); the editor shows a tick box.
    Flag,
}

/// What a table row says about one field, whatever type owns it.
#[derive(Debug, Clone, Copy)]
pub struct FieldMeta {
    /// The field's name in files and paths (`exit_costs`, `cost_pools.energy`).
    pub key: &'static str,
    /// The field in a fund manager's words (`Carried interest`).
    pub label: &'static str,
    /// How the value is read, shown and bounded.
    pub unit: Unit,
    /// The values validation accepts; `None` for any.
    pub bounds: Option<Bounds>,
    /// Whether the field may be absent, and what absence means.
    pub presence: Presence,
    /// Where a choice field's options come from.
    pub choices: Choices,
}

impl FieldMeta {
    /// A field that always has a value and offers no choices.
    pub const fn new(key: &'static str, label: &'static str, unit: Unit, bounds: Option<Bounds>) -> Self {
        Self {
            key,
            label,
            unit,
            bounds,
            presence: Presence::Always,
            choices: Choices::None,
        }
    }

    /// This field, with `presence`.
    pub const fn with_presence(self, presence: Presence) -> Self {
        Self { presence, ..self }
    }

    /// This field, offering `choices`.
    pub const fn with_choices(self, choices: Choices) -> Self {
        Self { choices, ..self }
    }

    /// The option labels of a choice field in `portfolio`.
    pub fn options(&self, portfolio: &Portfolio) -> Vec<String> {
        match self.choices {
            Choices::None => Vec::new(),
            Choices::Fixed(list) => list().into_iter().map(str::to_string).collect(),
            Choices::StageNames => portfolio.stages.iter().map(|s| s.name.clone()).collect(),
            Choices::Flag => vec![NO.to_string(), YES.to_string()],
        }
    }
}

/// One row of a table for model type `T`: what the field is, and how to read and write
/// it. `get` is `None` when the field does not apply (a benchmark return on an index
/// series).
pub struct FieldSpec<T: 'static> {
    /// Key, label, unit, bounds and options.
    pub meta: FieldMeta,
    /// Reads the field's current value from a `T`.
    pub get: fn(&T) -> Option<FieldValue>,
    /// Writes a value into a `T`; refuses a value of the wrong kind (bounds are checked by
    /// validation, not here).
    pub set: fn(&mut T, FieldValue) -> Result<(), ValueError>,
}

/// The table rows of `owner`'s type, in editor order.
pub fn metas(owner: Owner) -> Vec<&'static FieldMeta> {
    fn of<T>(table: &'static [FieldSpec<T>]) -> Vec<&'static FieldMeta> {
        table.iter().map(|s| &s.meta).collect()
    }
    match owner {
        Owner::Fund => of(FUND_FIELDS),
        Owner::Stage(_) => of(STAGE_FIELDS),
        Owner::Company(_) => of(COMPANY_FIELDS),
        Owner::Lever { .. } => of(LEVER_FIELDS),
        Owner::Scenario(_) => of(SCENARIO_FIELDS),
        Owner::Uncertainty => of(UNCERTAINTY_FIELDS),
    }
}

fn meta_in(table: Vec<&'static FieldMeta>, key: &str) -> Option<&'static FieldMeta> {
    table.into_iter().find(|m| m.key == key)
}

/// The path of every field of `owner`, in table order.
pub fn paths(owner: Owner) -> impl Iterator<Item = FieldPath> {
    metas(owner)
        .into_iter()
        .map(move |m| FieldPath::Field { owner, key: m.key })
}

/// The table row of a scalar field path.
pub fn meta(path: &FieldPath) -> Option<&'static FieldMeta> {
    let FieldPath::Field { owner, key } = path else {
        return None;
    };
    meta_in(metas(*owner), key)
}
