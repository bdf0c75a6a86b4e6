//! Rows of a lever's programme (issue 13) in the lever table: the pilot (start delay,
//! length, effect, cost), the gate (quarter, probability of passing, what a failure
//! does), the dis-synergy (share and quarters) and the evidence for its effect (low /
//! base / high and the source, kept in the file and shown in the editor). Each is off
//! while its part of the programme is absent; switching one on creates that part (a
//! two-quarter pilot from the first operating quarter with no effect or cost yet, a gate
//! at the acquisition quarter passed with 50 % that keeps the pilot on failure, a
//! dis-synergy of nothing for two quarters, an evidence range of zeros); switching it off
//! removes the whole part. Ranges are checked by `validate::programme`, so the rows carry
//! no bounds.

use rust_decimal::{Decimal, dec};

use super::{FieldMeta, FieldSpec, FieldValue, Presence, Unit};
use crate::engine::model::{DisSynergy, Evidence, Gate, GateFailure, Lever, Pilot};

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

fn new_pilot() -> Pilot {
    Pilot {
        start_delay_quarters: 0,
        quarters: 2,
        effect: Decimal::ZERO,
        cost: Decimal::ZERO,
    }
}

fn new_dis_synergy() -> DisSynergy {
    DisSynergy {
        share: Decimal::ZERO,
        quarters: 2,
    }
}

/// A decimal of `$unit` inside an optional part of the programme (as [`part_share`]).
macro_rules! part_decimal {
    ($key:literal, $label:literal, $unit:ident, $when_off:literal, $part:ident, $new:expr, $field:ident) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::$unit, None).with_presence(Presence::Optional {
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

/// A number of quarters inside an optional part of the programme; switched on it starts
/// at `$default`.
macro_rules! part_quarters {
    ($key:literal, $label:literal, $default:expr, $when_off:literal, $part:ident, $new:expr, $field:ident) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::Quarters, None).with_presence(Presence::Optional {
                default: $default,
                when_off: $when_off,
            }),
            get: |l: &Lever| {
                Some(l.programme.$part.as_ref().map_or(FieldValue::Unset, |part| {
                    FieldValue::Whole(i64::from(part.$field))
                }))
            },
            set: |l: &mut Lever, v| {
                match v {
                    FieldValue::Unset => l.programme.$part = None,
                    value => l.programme.$part.get_or_insert_with($new).$field = value.whole_u32()?,
                }
                Ok(())
            },
        }
    };
}

/// Quarters after the acquisition before the pilot starts.
pub(super) const PILOT_START_DELAY: FieldSpec<Lever> = part_quarters!(
    "programme.pilot.start_delay_quarters",
    "Pilot: start delay (quarters)",
    Decimal::ZERO,
    "no pilot: the scale-up starts as the lever says",
    pilot,
    new_pilot,
    start_delay_quarters
);
/// The pilot's length.
pub(super) const PILOT_QUARTERS: FieldSpec<Lever> = part_quarters!(
    "programme.pilot.quarters",
    "Pilot: length (quarters)",
    dec!(2),
    "no pilot: the scale-up starts as the lever says",
    pilot,
    new_pilot,
    quarters
);
/// The effect the pilot reaches.
pub(super) const PILOT_EFFECT: FieldSpec<Lever> = part_decimal!(
    "programme.pilot.effect",
    "Pilot: effect reached",
    Percent,
    "no pilot: the scale-up starts as the lever says",
    pilot,
    new_pilot,
    effect
);
/// The pilot's one-time cost.
pub(super) const PILOT_COST: FieldSpec<Lever> = part_decimal!(
    "programme.pilot.cost",
    "Pilot: cost",
    Money,
    "no pilot: the scale-up starts as the lever says",
    pilot,
    new_pilot,
    cost
);
/// Quarters after the acquisition of the gate.
pub(super) const GATE_QUARTER: FieldSpec<Lever> = part_quarters!(
    "programme.gate.quarter",
    "Gate: quarters after the acquisition",
    Decimal::ZERO,
    "no gate: the lever is its plan",
    gate,
    new_gate,
    quarter
);

const ON_FAILURE: [(GateFailure, &str); 2] = [
    (GateFailure::KeepPilot, "Keep the pilot's effect"),
    (GateFailure::StopAndWriteOff, "Stop and write the pilot off"),
];

/// What a failed gate does (shown while the lever has a gate).
pub(super) const GATE_ON_FAILURE: FieldSpec<Lever> = FieldSpec {
    meta: FieldMeta::new(
        "programme.gate.on_failure",
        "Gate: on failure",
        Unit::Choice,
        None,
    )
    .with_choices(super::Choices::Fixed(|| {
        ON_FAILURE.into_iter().map(|(_, label)| label).collect()
    })),
    get: |l| {
        let gate = l.programme.gate.as_ref()?;
        ON_FAILURE
            .into_iter()
            .find(|(value, _)| *value == gate.on_failure)
            .map(|(_, label)| FieldValue::Choice(label.to_string()))
    },
    set: |l, v| {
        let wanted = v.choice()?;
        let choice = ON_FAILURE
            .into_iter()
            .find(|(_, label)| *label == wanted)
            .map(|(value, _)| value)
            .ok_or(super::ValueError::NoSuchChoice(wanted))?;
        l.programme.gate.get_or_insert_with(new_gate).on_failure = choice;
        Ok(())
    },
};
/// Share of what the lever acts on lost during the scale-up's implementation.
pub(super) const DIS_SYNERGY_SHARE: FieldSpec<Lever> = part_decimal!(
    "programme.dis_synergy.share",
    "Dis-synergy: share lost while scaling up",
    Percent,
    "no dis-synergy",
    dis_synergy,
    new_dis_synergy,
    share
);
/// How long the dis-synergy lasts.
pub(super) const DIS_SYNERGY_QUARTERS: FieldSpec<Lever> = part_quarters!(
    "programme.dis_synergy.quarters",
    "Dis-synergy: quarters from the scale-up's start",
    dec!(2),
    "no dis-synergy",
    dis_synergy,
    new_dis_synergy,
    quarters
);

/// A percentage inside an optional part of the programme: `$part` is the `Option` field
/// of `LeverProgramme`, `$new` makes the part when the row is switched on.
macro_rules! part_share {
    ($key:literal, $label:literal, $when_off:literal, $part:ident, $new:expr, $field:ident) => {
        part_decimal!($key, $label, Percent, $when_off, $part, $new, $field)
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
