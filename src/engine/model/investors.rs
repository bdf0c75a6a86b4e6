//! Who the limited partners are: the closes they committed at and the classes whose fee
//! and carry terms they hold. The rules the engine applies (equalisation, per-class fees
//! and waterfalls) are at the top of `engine::fund::classes`.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};
use serde::{Deserialize, Serialize};

/// A class of limited partners with its own fee and carry terms ("Anchor", "First
/// close", "Standard"). A term left empty is the fund's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LpClass {
    /// The class's name; closes name the class each commitment belongs to.
    pub name: String,
    /// How many LPs hold the class (for the capital-account statements; a class needs at
    /// least one).
    pub investors: u32,
    /// Annual management fee on commitments during the investment period; the fund's
    /// `management_fee_rate` when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_fee_rate: Option<Decimal>,
    /// Annual fee after the investment period; the fund's post-investment rate when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_investment_fee_rate: Option<Decimal>,
    /// Carried interest share of the class's profits; the fund's `carry_rate` when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_rate: Option<Decimal>,
    /// The class's preferred return; the fund's `preferred_return` when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_return: Option<Decimal>,
}

/// One close: commitments accepted on a date, from one class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Close {
    /// The date the commitments are accepted (the first close is the fund's first close).
    pub date: NaiveDate,
    /// The class the commitments belong to (empty when the fund has no classes).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub class: String,
    /// Commitments accepted, the GP commitment's share of them included (the GP commits
    /// `gp_commitment_share` of every close).
    pub amount: Decimal,
}

/// The fund's investors: closes, classes and the equalisation rate. With no closes the
/// whole commitment is taken at the first close; with no classes every LP holds the
/// fund's terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Investors {
    /// LP classes with their own terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<LpClass>,
    /// The close schedule, in date order; amounts add up to the fund's commitment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closes: Vec<Close>,
    /// Annual simple interest later-close LPs pay on their share of earlier calls, from
    /// each call to their close (e.g. `0.08`).
    #[serde(default = "default_equalisation_rate")]
    pub equalisation_rate: Decimal,
}

/// The equalisation interest rate of a file that states none: 8 % a year, the rate model
/// LPAs commonly write (often the preferred return).
pub const DEFAULT_EQUALISATION_RATE: Decimal = dec!(0.08);

fn default_equalisation_rate() -> Decimal {
    DEFAULT_EQUALISATION_RATE
}

impl Default for Investors {
    fn default() -> Self {
        Self {
            classes: Vec::new(),
            closes: Vec::new(),
            equalisation_rate: DEFAULT_EQUALISATION_RATE,
        }
    }
}

impl Investors {
    /// Whether these are the defaults (a file leaves them out).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
