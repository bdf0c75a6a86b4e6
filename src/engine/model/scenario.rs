//! Scenarios: named overrides of the base case.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A named set of overrides on the base case.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The scenario's name ("Downside"), unique among scenarios.
    pub name: String,
    /// What the scenario stands for, in the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Multiplies every lever's realisation (`1` = as modelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realisation_scale: Option<Decimal>,
    /// Multiplies every lever's ramp length (`2` = twice as long).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramp_scale: Option<Decimal>,
    /// Turns of EBITDA added to every exit multiple.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_multiple_shift: Option<Decimal>,
    /// Turns of EBITDA added to every entry multiple.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_multiple_shift: Option<Decimal>,
    /// Added to every company's annual revenue growth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_shift: Option<Decimal>,
    /// Turns of EBITDA added to every company's acquisition debt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leverage_shift: Option<Decimal>,
    /// Quarters every exit moves later (negative: earlier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_delay_quarters: Option<i32>,
    /// Replaces the management fee rate (both periods).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_fee_rate: Option<Decimal>,
    /// Replaces the carry rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_rate: Option<Decimal>,
    /// Replaces the preferred return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_return: Option<Decimal>,
    /// Per-company overrides of any field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub company_overrides: Vec<CompanyOverride>,
}

/// Overrides of one company's fields, by company name. `fields` maps a field name of
/// [`Company`](super::Company) (e.g. `exit_multiple`, `revenue_growth`, `exit_date`) to its new value,
/// written as in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyOverride {
    /// Name of the company overridden.
    pub company: String,
    /// Field name to new value, written as in the file (`"exit_multiple": "10.5"`).
    pub fields: serde_json::Map<String, serde_json::Value>,
}
