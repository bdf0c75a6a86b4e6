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
