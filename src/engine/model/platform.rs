//! The fund-level AI programme (issue 13): shared platforms the portfolio's levers run on
//! and learning rates across deployments of a lever kind.

use serde::{Deserialize, Serialize};

/// The portfolio's shared AI programme.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioProgramme {}

impl PortfolioProgramme {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
