//! Rows of a lever's programme (issue 13) in the lever table: the evidence for its effect
//! (low / base / high and the source, kept in the file and shown in the editor) and its
//! gate's probability. Each is off while its part of the programme is absent; switching
//! one on creates that part (an evidence range of zeros, a gate at the acquisition
//! quarter passed with 50 %). Ranges are checked by `validate::programme`, so the rows
//! carry no bounds.

use rust_decimal::{Decimal, dec};

use super::{FieldMeta, FieldSpec, FieldValue, Presence, Unit};
use crate::engine::model::{Evidence, Gate, GateFailure, Lever};

fn no_evidence() -> Evidence {
    Evidence {
        low: Decimal::ZERO,
        base: Decimal::ZERO,
        high: Decimal::ZERO,
        source: String::new(),
    }
}

fn new_gate() -> Gate {
    Gate {
        quarter: 0,
        probability: dec!(0.5),
        on_failure: GateFailure::KeepPilot,
    }
}

/// A percentage inside an optional part of the programme: `$part` is the `Option` field
/// of `LeverProgramme`, `$new` makes the part when the row is switched on.
macro_rules! part_share {
    ($key:literal, $label:literal, $when_off:literal, $part:ident, $new:expr, $field:ident) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::Percent, None).with_presence(Presence::Optional {
                default: Decimal::ZERO,
                when_off: $when_off,
            }),
            get: |l: &Lever| {
                Some(
                    l.programme
                        .$part
                        .as_ref()
                        .map_or(FieldValue::Unset, |part| FieldValue::Decimal(part.$field)),
                )
            },
            set: |l: &mut Lever, v| {
                match v.optional_decimal()? {
                    None => l.programme.$part = None,
                    Some(value) => l.programme.$part.get_or_insert_with($new).$field = value,
                }
                Ok(())
            },
        }
    };
}

/// The gate's probability of passing.
pub(super) const GATE_PROBABILITY: FieldSpec<Lever> = part_share!(
    "programme.gate.probability",
    "Gate: probability of passing",
    "no gate: the lever is its plan",
    gate,
    new_gate,
    probability
);
/// Low end of the published range.
pub(super) const EVIDENCE_LOW: FieldSpec<Lever> = part_share!(
    "programme.evidence.low",
    "Evidence: low effect",
    "no published range",
    evidence,
    no_evidence,
    low
);
/// Central published figure.
pub(super) const EVIDENCE_BASE: FieldSpec<Lever> = part_share!(
    "programme.evidence.base",
    "Evidence: base effect",
    "no published range",
    evidence,
    no_evidence,
    base
);
/// High end of the published range.
pub(super) const EVIDENCE_HIGH: FieldSpec<Lever> = part_share!(
    "programme.evidence.high",
    "Evidence: high effect",
    "no published range",
    evidence,
    no_evidence,
    high
);
/// Where the range comes from.
pub(super) const EVIDENCE_SOURCE: FieldSpec<Lever> = FieldSpec {
    meta: FieldMeta::new("programme.evidence.source", "Evidence: source", Unit::Text, None),
    get: |l| {
        Some(FieldValue::Text(
            l.programme
                .evidence
                .as_ref()
                .map_or_else(String::new, |e| e.source.clone()),
        ))
    },
    set: |l, v| {
        let text = v.text()?;
        if text.is_empty() && l.programme.evidence.is_none() {
            return Ok(());
        }
        l.programme.evidence.get_or_insert_with(no_evidence).source = text;
        Ok(())
    },
};
