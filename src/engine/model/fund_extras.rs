//! Fund terms added to format version 2 for the waterfall, the fee and the wind-up
//! (issue 12). Every field defaults so that a file without it keeps its meaning, except
//! where the old rule was wrong (see the README's "Format version 2").

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the preferred return is measured as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HurdleKind {
    /// A compounding IRR on contributed capital outstanding (`preferred_return`).
    #[default]
    Irr,
    /// A multiple of contributed capital (`hurdle_multiple`).
    Multiple,
    /// Whichever of the two is higher.
    Higher,
}

/// One tier of carry above the base rate: once partners' net returns pass the threshold,
/// the GP's share of further profit is `rate`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarryTier {
    /// Net multiple of contributed capital (TVPI) above which the tier applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_net_multiple: Option<Decimal>,
    /// Net IRR above which the tier applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_net_irr: Option<Decimal>,
    /// The GP's share of profit in this tier.
    pub rate: Decimal,
}

/// The capital each deal's ledger must return before carry, in an American waterfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmericanCapital {
    /// The deal's cost, its pro-rata share of fees and expenses to date, and the losses
    /// of deals already realised or written off (the common model-LPA reading).
    #[default]
    DealFeesAndRealisedLosses,
    /// All capital contributed to date, whatever it funded (the strictest reading).
    AllContributedCapital,
}

/// What the management fee is charged on after the investment period (or in a step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeBasis {
    /// Commitments.
    Commitment,
    /// Net invested capital: the cost of companies held.
    #[default]
    NetInvestedCapital,
    /// The lower of the cost of companies held and their gross NAV.
    LowerOfCostAndNav,
}

/// A dated change of the management fee: from `from`, `rate` on `basis`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeStep {
    /// First quarter end (inclusive) the step applies to.
    pub from: NaiveDate,
    /// Annual rate from then.
    pub rate: Decimal,
    /// What the rate is charged on.
    pub basis: FeeBasis,
}

/// Waterfall terms beyond the rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarryTerms {
    /// IRR hurdle, multiple hurdle, or the higher of the two.
    #[serde(default)]
    pub hurdle: HurdleKind,
    /// The multiple of contributed capital partners receive before carry (multiple
    /// hurdles).
    #[serde(default = "one")]
    pub hurdle_multiple: Decimal,
    /// Tiers above the base carry rate, thresholds rising.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<CarryTier>,
    /// The GP's tax rate on carry: a clawback returns carry net of it.
    #[serde(default)]
    pub clawback_tax_rate: Decimal,
    /// Share of interim carry held in escrow until the end of the fund.
    #[serde(default)]
    pub escrow_share: Decimal,
    /// What each deal's ledger returns first in an American waterfall.
    #[serde(default)]
    pub american_capital: AmericanCapital,
}

fn one() -> Decimal {
    Decimal::ONE
}

impl Default for CarryTerms {
    fn default() -> Self {
        Self {
            hurdle: HurdleKind::Irr,
            hurdle_multiple: Decimal::ONE,
            tiers: Vec::new(),
            clawback_tax_rate: Decimal::ZERO,
            escrow_share: Decimal::ZERO,
            american_capital: AmericanCapital::DealFeesAndRealisedLosses,
        }
    }
}

/// Fee terms beyond the two rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeTerms {
    /// What the post-investment-period rate is charged on.
    #[serde(default)]
    pub post_investment_basis: FeeBasis,
    /// Dated changes of rate and basis, in date order (they override the two periods).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<FeeStep>,
    /// Quarters from the first close with no management fee.
    #[serde(default)]
    pub holiday_quarters: u32,
    /// Share of fees charged to portfolio companies (transaction and monitoring fees)
    /// that reduces the management fee.
    #[serde(default = "one")]
    pub offset_share: Decimal,
}

impl Default for FeeTerms {
    fn default() -> Self {
        Self {
            post_investment_basis: FeeBasis::NetInvestedCapital,
            steps: Vec::new(),
            holiday_quarters: 0,
            offset_share: Decimal::ONE,
        }
    }
}

/// How the fund ends.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindUp {
    /// Discount to the mark at which a company not exited by the end of the term and
    /// extensions is liquidated.
    #[serde(default)]
    pub liquidation_discount: Decimal,
}

impl CarryTerms {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl FeeTerms {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl WindUp {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
