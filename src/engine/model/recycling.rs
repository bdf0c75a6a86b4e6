//! Recycling of proceeds (issue 12): a share of exit proceeds retained and reinvested
//! instead of distributed, up to a cap, inside a window. The rules the engine applies are
//! at the top of `engine::fund::recycling`.

use rust_decimal::{Decimal, dec};
use serde::{Deserialize, Serialize};

/// How much of the fund's exit proceeds it may keep and reinvest, and when.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recycling {
    /// Share of each exit's proceeds retained for reinvestment while the window is open
    /// (0: no recycling, the default).
    #[serde(default)]
    pub proceeds_share: Decimal,
    /// The most the fund may retain over its life, as a share of commitments (0.2: up to
    /// 120 % of commitments invested).
    #[serde(default = "default_cap_share")]
    pub cap_share: Decimal,
    /// Recycling of fees: the cap rises by this share of the management fees paid to date
    /// (1: proceeds may be retained up to the fees paid, so that the whole commitment can
    /// go into companies).
    #[serde(default)]
    pub fee_share: Decimal,
    /// Years after the first close at which the window opens.
    #[serde(default)]
    pub window_start_years: u32,
    /// Years after the first close at which the window closes; absent: at the end of the
    /// investment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_end_years: Option<u32>,
}

/// The cap of a new recycling clause: 20 % of commitments.
pub const DEFAULT_RECYCLING_CAP: Decimal = dec!(0.2);

fn default_cap_share() -> Decimal {
    DEFAULT_RECYCLING_CAP
}

impl Default for Recycling {
    fn default() -> Self {
        Self {
            proceeds_share: Decimal::ZERO,
            cap_share: DEFAULT_RECYCLING_CAP,
            fee_share: Decimal::ZERO,
            window_start_years: 0,
            window_end_years: None,
        }
    }
}

impl Recycling {
    /// Whether every field is at its default (recycling off): files leave it out.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// Whether any proceeds are retained at all.
    pub fn is_on(&self) -> bool {
        self.proceeds_share > Decimal::ZERO
    }

    /// Years after the first close at which the window closes, `investment_period_years`
    /// when no end is given.
    pub fn window_end(&self, investment_period_years: u32) -> u32 {
        self.window_end_years.unwrap_or(investment_period_years)
    }
}
