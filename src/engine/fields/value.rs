//! A field's value as data: [`FieldValue`], and why a value does not fit a field.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The value of one scalar field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldValue {
    /// Money, a rate, a multiple or a plain number.
    Decimal(Decimal),
    /// Years or quarters.
    Whole(i64),
    /// A calendar date (first close, a stage's start).
    Date(NaiveDate),
    /// Free text (a name).
    Text(String),
    /// The label of the chosen option.
    Choice(String),
    /// An optional field that is absent (an override that is off).
    Unset,
}

/// The kinds of [`FieldValue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// [`FieldValue::Decimal`].
    Decimal,
    /// [`FieldValue::Whole`].
    Whole,
    /// [`FieldValue::Date`].
    Date,
    /// [`FieldValue::Text`].
    Text,
    /// [`FieldValue::Choice`].
    Choice,
    /// [`FieldValue::Unset`].
    Unset,
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueKind::Decimal => "a number",
            ValueKind::Whole => "a whole number",
            ValueKind::Date => "a date",
            ValueKind::Text => "text",
            ValueKind::Choice => "one of its options",
            ValueKind::Unset => "no value",
        })
    }
}

/// Why a value cannot be stored in a field (the field's label is added by
/// [`super::FieldEdit::apply`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// The value is of another kind than the field holds (text for a rate).
    #[error("takes {expected}, not {given}")]
    WrongKind {
        /// The kind the field holds.
        expected: ValueKind,
        /// The kind that was offered.
        given: ValueKind,
    },
    /// A whole number too large or too small for the field's storage type.
    #[error("must be a whole number from {min} to {max} (got {value})")]
    OutOfType {
        /// The number offered.
        value: i64,
        /// The smallest the field can store.
        min: i64,
        /// The largest the field can store.
        max: i64,
    },
    /// A choice field was given a label that is not one of its options.
    #[error("has no option '{0}'")]
    NoSuchChoice(String),
}

impl FieldValue {
    /// The kind of this value.
    pub fn kind(&self) -> ValueKind {
        match self {
            FieldValue::Decimal(_) => ValueKind::Decimal,
            FieldValue::Whole(_) => ValueKind::Whole,
            FieldValue::Date(_) => ValueKind::Date,
            FieldValue::Text(_) => ValueKind::Text,
            FieldValue::Choice(_) => ValueKind::Choice,
            FieldValue::Unset => ValueKind::Unset,
        }
    }

    /// The value as a number, for bounds (decimals and whole numbers).
    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            FieldValue::Decimal(d) => Some(*d),
            FieldValue::Whole(n) => Some(Decimal::from(*n)),
            _ => None,
        }
    }

    fn wrong(&self, expected: ValueKind) -> ValueError {
        ValueError::WrongKind {
            expected,
            given: self.kind(),
        }
    }

    /// The decimal, or why this is not one.
    pub fn decimal(self) -> Result<Decimal, ValueError> {
        match self {
            FieldValue::Decimal(d) => Ok(d),
            other => Err(other.wrong(ValueKind::Decimal)),
        }
    }

    /// A decimal or absent, for optional fields.
    pub fn optional_decimal(self) -> Result<Option<Decimal>, ValueError> {
        match self {
            FieldValue::Unset => Ok(None),
            other => other.decimal().map(Some),
        }
    }

    fn whole(self) -> Result<i64, ValueError> {
        match self {
            FieldValue::Whole(n) => Ok(n),
            other => Err(other.wrong(ValueKind::Whole)),
        }
    }

    /// A whole number that fits in `u32`.
    pub fn whole_u32(self) -> Result<u32, ValueError> {
        let n = self.whole()?;
        u32::try_from(n).map_err(|_| ValueError::OutOfType {
            value: n,
            min: 0,
            max: i64::from(u32::MAX),
        })
    }

    /// A whole number that fits in `i32`, or absent, for optional fields.
    pub fn optional_i32(self) -> Result<Option<i32>, ValueError> {
        if self == FieldValue::Unset {
            return Ok(None);
        }
        let n = self.whole()?;
        i32::try_from(n).map(Some).map_err(|_| ValueError::OutOfType {
            value: n,
            min: i64::from(i32::MIN),
            max: i64::from(i32::MAX),
        })
    }

    /// The date, or why this is not one.
    pub fn date(self) -> Result<NaiveDate, ValueError> {
        match self {
            FieldValue::Date(d) => Ok(d),
            other => Err(other.wrong(ValueKind::Date)),
        }
    }

    /// The text, or why this is not text.
    pub fn text(self) -> Result<String, ValueError> {
        match self {
            FieldValue::Text(t) => Ok(t),
            other => Err(other.wrong(ValueKind::Text)),
        }
    }

    /// The chosen option's label, or why this is not a choice.
    pub fn choice(self) -> Result<String, ValueError> {
        match self {
            FieldValue::Choice(c) => Ok(c),
            other => Err(other.wrong(ValueKind::Choice)),
        }
    }
}
