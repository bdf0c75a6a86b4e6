//! A lever as a programme (issue 13): a pilot, a gate with its probability, the
//! scale-up, a phased cost to achieve, a temporary dis-synergy, the evidence for its
//! effect, and the shared platform it may depend on. Every field is optional, so a lever
//! without them keeps its meaning (the scale-up is then the lever's own ramp and effect).
//! How the projection reads each field is stated at the top of `engine::company::programme`.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The programme terms of one lever beyond its target effect and ramp.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverProgramme {
    /// Name of the fund's shared AI platform the lever runs on: it cannot start before the
    /// platform is live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// A pilot on one line or site before the scale-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<Pilot>,
    /// The go / no-go decision on the scale-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<Gate>,
    /// Shares of the scale-up's one-time cost spent in each quarter from its start
    /// (summing to 1); empty: all in the start quarter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_phasing: Vec<Decimal>,
    /// A temporary loss while the scale-up is implemented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dis_synergy: Option<DisSynergy>,
    /// The published range for the lever's effect (kept and shown; the projection uses
    /// the lever's own effect).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

impl LeverProgramme {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A pilot on one line or site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pilot {
    /// Quarters after the acquisition before the pilot starts.
    pub start_delay_quarters: u32,
    /// Length of the pilot in quarters (its effect ramps linearly over them).
    pub quarters: u32,
    /// The effect the pilot reaches on the company, as a share of the lever's target
    /// (the pool, revenue or inventory days), taken as measured (no realisation haircut).
    pub effect: Decimal,
    /// One-time cost of the pilot, spread evenly over its quarters.
    pub cost: Decimal,
}

/// What happens to a lever whose gate fails.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateFailure {
    /// The pilot's effect stays for the rest of the hold; no scale-up.
    #[default]
    KeepPilot,
    /// The pilot is stopped after the gate and its capitalised cost written off.
    StopAndWriteOff,
}

/// The gate between the pilot and the scale-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    /// Quarters after the acquisition of the gate (not before the pilot ends); the
    /// scale-up starts the quarter after it.
    pub quarter: u32,
    /// Probability of passing the gate (0 to 1).
    pub probability: Decimal,
    /// What happens on failure.
    #[serde(default)]
    pub on_failure: GateFailure,
}

/// A share of what the lever acts on lost during the scale-up's implementation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisSynergy {
    /// Share of the lever's pool added (or of revenue lost, or inventory days added).
    pub share: Decimal,
    /// Quarters from the scale-up's start it lasts.
    pub quarters: u32,
}

/// The published evidence for a lever's effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Low end of the published range.
    pub low: Decimal,
    /// Central figure.
    pub base: Decimal,
    /// High end of the published range.
    pub high: Decimal,
    /// Where the figures come from (study, year).
    #[serde(default)]
    pub source: String,
}

/// Which reading of the levers' gates a projection is computed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Every gate passes: the plan (today's view).
    #[default]
    Plan,
    /// Each lever's post-gate effect and scale-up costs weighted by the probability of
    /// passing its gate: a deterministic projection, not the expected value of the
    /// (nonlinear) fund waterfall.
    RiskAdjusted,
}

impl Reading {
    /// A human label ("plan", "risk-adjusted").
    pub fn label(self) -> &'static str {
        match self {
            Reading::Plan => "plan",
            Reading::RiskAdjusted => "risk-adjusted",
        }
    }
}
