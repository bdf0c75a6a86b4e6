//! A lever as a programme (issue 13): a pilot, a gate with its probability, the
//! scale-up, a phased cost to achieve, a temporary dis-synergy, the evidence for its
//! effect, and the shared platform it may depend on. Every field is optional, so a lever
//! without them keeps its meaning (the scale-up is then the lever's own ramp and effect).

use serde::{Deserialize, Serialize};

/// The programme terms of one lever beyond its target effect and ramp.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverProgramme {
    /// Name of the fund's shared AI platform the lever runs on: it cannot start before the
    /// platform is live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

impl LeverProgramme {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
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
