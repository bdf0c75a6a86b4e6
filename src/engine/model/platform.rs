//! The fund-level AI programme (issue 13): shared platforms the portfolio's levers run on
//! and learning rates across deployments of a lever kind. How the projection reads them
//! is stated at the top of `engine::programme`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::LeverKind;

/// The portfolio's shared AI programme.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioProgramme {
    /// Shared AI platforms the fund builds and runs; levers name the one they run on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<Platform>,
    /// Learning rates per lever kind (Wright's law); a kind without one does not learn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learning: Vec<LearningRate>,
}

impl PortfolioProgramme {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The platform named `name`, if any.
    pub fn platform(&self, name: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.name == name)
    }

    /// The learning rate of `kind`, if one is set (the first, if several are).
    pub fn learning_rate(&self, kind: LeverKind) -> Option<Decimal> {
        self.learning.iter().find(|l| l.kind == kind).map(|l| l.rate)
    }
}

/// One shared AI platform: built over some quarters, live from a date, then run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// The platform's name, which dependent levers give in `programme.platform`.
    pub name: String,
    /// The date the platform goes live: no dependent lever starts before its quarter.
    pub go_live: NaiveDate,
    /// The build cost, by quarter (each amount in the quarter of its date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub build_costs: Vec<DatedAmount>,
    /// Annual cost of running the platform once live.
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub annual_run_cost: Decimal,
    /// Who pays the platform's costs.
    #[serde(default, skip_serializing_if = "PlatformCharging::is_default")]
    pub charging: PlatformCharging,
}

/// An amount of money on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedAmount {
    /// The date (the amount falls in its quarter).
    pub date: NaiveDate,
    /// The amount, in the fund's currency.
    pub amount: Decimal,
}

/// Who pays a shared platform's build and run costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlatformCharging {
    /// The fund, as a fund expense called from the partners.
    #[default]
    FundExpense,
    /// The companies using it, in proportion to their revenue in the quarter.
    ByRevenue,
    /// The companies using it, in proportion to their dependent levers live in the quarter.
    ByUsage,
}

impl PlatformCharging {
    /// Every way of charging, in display order.
    pub const ALL: [PlatformCharging; 3] = [
        PlatformCharging::FundExpense,
        PlatformCharging::ByRevenue,
        PlatformCharging::ByUsage,
    ];

    /// Whether this is the default (a file leaves it out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            PlatformCharging::FundExpense => "Fund expense",
            PlatformCharging::ByRevenue => "Charged to companies by revenue",
            PlatformCharging::ByUsage => "Charged to companies by levers live",
        }
    }
}

/// Wright's-law learning for one lever kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearningRate {
    /// The lever kind that learns.
    pub kind: LeverKind,
    /// The cut in one-time cost and ramp length per doubling of deployments (0.2: each
    /// doubling costs 20 % less), from 0 up to but excluding 1.
    pub rate: Decimal,
}
