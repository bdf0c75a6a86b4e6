//! The table of scenarios: a name, a description and the overrides a scenario may set.
//! An override that is absent leaves the base case as it is.

use rust_decimal::{Decimal, dec};

use super::{FieldMeta, FieldSpec, FieldValue, Presence, Unit};
use crate::engine::model::Scenario;

/// An optional decimal override row, switched on at `$default`.
macro_rules! override_field {
    ($key:literal, $label:literal, $unit:ident, $default:expr, |$x:ident| $place:expr) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::$unit, None)
                .with_presence(Presence::Override { default: $default }),
            get: |$x| Some($place.map_or(FieldValue::Unset, FieldValue::Decimal)),
            set: |$x, v| {
                $place = v.optional_decimal()?;
                Ok(())
            },
        }
    };
}

/// A scenario.
pub static SCENARIO_FIELDS: &[FieldSpec<Scenario>] = &[
    text_field!("name", "Scenario name", |s| s.name),
    text_field!("description", "Description", |s| s.description),
    override_field!(
        "realisation_scale",
        "Realisation scale",
        Number,
        Decimal::ONE,
        |s| s.realisation_scale
    ),
    override_field!("ramp_scale", "Ramp length scale", Number, Decimal::ONE, |s| s
        .ramp_scale),
    override_field!(
        "exit_multiple_shift",
        "Exit multiple shift (turns)",
        Number,
        Decimal::ZERO,
        |s| s.exit_multiple_shift
    ),
    override_field!(
        "entry_multiple_shift",
        "Entry multiple shift (turns)",
        Number,
        Decimal::ZERO,
        |s| s.entry_multiple_shift
    ),
    override_field!(
        "growth_shift",
        "Revenue growth shift",
        Percent,
        Decimal::ZERO,
        |s| s.growth_shift
    ),
    override_field!(
        "leverage_shift",
        "Leverage shift (turns)",
        Number,
        Decimal::ZERO,
        |s| s.leverage_shift
    ),
    override_field!(
        "management_fee_rate",
        "Management fee rate",
        Percent,
        dec!(0.02),
        |s| s.management_fee_rate
    ),
    override_field!("carry_rate", "Carry rate", Percent, dec!(0.2), |s| s.carry_rate),
    override_field!("preferred_return", "Preferred return", Percent, dec!(0.08), |s| s
        .preferred_return),
    FieldSpec {
        meta: FieldMeta::new(
            "exit_delay_quarters",
            "Exit delay (quarters)",
            Unit::Quarters,
            None,
        )
        .with_presence(Presence::Override {
            default: Decimal::ZERO,
        }),
        get: |s| {
            Some(
                s.exit_delay_quarters
                    .map_or(FieldValue::Unset, |q| FieldValue::Whole(i64::from(q))),
            )
        },
        set: |s, v| {
            s.exit_delay_quarters = v.optional_i32()?;
            Ok(())
        },
    },
];
