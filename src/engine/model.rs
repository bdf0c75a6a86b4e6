//! The fund model a user edits: fund terms, deployment stages, acquired companies and
//! their AI levers.
//!
//! Every amount, rate, share and multiple is a [`Decimal`]; files store them as strings
//! (`serde-with-str`), so no binary float ever touches a saved figure. Rates and shares
//! are fractions (`0.08` is 8 %), money is in the fund's currency units, multiples are
//! plain numbers (`11.5` is 11.5× EBITDA). Amounts of revenue, run costs and expenses are
//! annual; the projection turns them into quarters.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod company;
mod credit_line;
mod fund;
mod fund_extras;
mod investors;
mod lever;
mod operations;
mod platform;
mod programme;
mod recycling;
mod scenario;
mod stage_gate;

pub use company::{Company, CostPool, CostPools, Sector};
pub use credit_line::{CreditLine, RatePoint};
pub use fund::{FundTerms, IndexPoint, PmeBenchmark, Stage, Waterfall};
pub use fund_extras::{
    AmericanCapital, CarryTerms, CarryTier, FeeBasis, FeeStep, FeeTerms, HurdleKind, WindUp,
};
pub use investors::{Close, DEFAULT_EQUALISATION_RATE, Investors, LpClass};
pub use lever::{DEFAULT_CAPEX_LIFE_YEARS, Lever, LeverFunding, LeverKind, LeverTarget, RampShape};
pub use operations::{
    CashPolicy, ComparablePath, DEFAULT_INTEREST_CAP, Depreciation, DepreciationMethod, FixedCosts,
    ManagementPool, MarkingPolicy, MultiplePoint, PartialExit, TaxRules, WorkingCapital,
};
pub use platform::{DatedAmount, LearningRate, Platform, PlatformCharging, PortfolioProgramme};
pub use programme::{DisSynergy, Evidence, Gate, GateFailure, LeverProgramme, Pilot, Reading};
pub use recycling::{DEFAULT_RECYCLING_CAP, Recycling};
pub use scenario::{CompanyOverride, Scenario};
pub use stage_gate::{StageCondition, StageGate};

/// The file format name written into every portfolio file.
pub const FORMAT_NAME: &str = "millwright-portfolio";
/// The newest file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// A whole portfolio file: the fund, its stages and companies, scenarios and notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format version the file was written with.
    pub version: u32,
    /// Fund terms.
    pub fund: FundTerms,
    /// Deployment stages, in order.
    pub stages: Vec<Stage>,
    /// Acquired manufacturers.
    pub companies: Vec<Company>,
    /// Named scenarios: overrides on the base case.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Free text: sources, assumptions, authorship.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Per-company uncertainty for Monte Carlo; defaults when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
    /// The fund's shared AI platforms and learning rates; none when absent.
    #[serde(default, skip_serializing_if = "PortfolioProgramme::is_default")]
    pub programme: PortfolioProgramme,
}

/// A probability distribution for one Monte Carlo driver (values as in the model:
/// fractions, turns of EBITDA, quarters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum Distribution {
    /// Always the same value: the driver does not vary.
    Fixed {
        /// The value every draw takes.
        value: Decimal,
    },
    /// Every value in `[min, max]` equally likely.
    Uniform {
        /// Lowest value drawn.
        min: Decimal,
        /// Highest value drawn.
        max: Decimal,
    },
    /// Rising linearly from `min` to a peak at `mode`, then falling to `max`.
    Triangular {
        /// Lowest value drawn.
        min: Decimal,
        /// The most likely value.
        mode: Decimal,
        /// Highest value drawn.
        max: Decimal,
    },
    /// A normal distribution cut to `[min, max]` (draws outside are clamped to the limit).
    Normal {
        /// Centre of the bell.
        mean: Decimal,
        /// Standard deviation, in the driver's units.
        sd: Decimal,
        /// Draws below are raised to this.
        min: Decimal,
        /// Draws above are lowered to this.
        max: Decimal,
    },
    /// One of `values`, with probabilities proportional to `weights`.
    Discrete {
        /// The possible values.
        values: Vec<Decimal>,
        /// Relative likelihood of each value (need not sum to one).
        weights: Vec<Decimal>,
    },
}

/// What Monte Carlo draws for every company, independently per company apart from an
/// optional common market factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Multiplies each lever's realisation.
    pub realisation_scale: Distribution,
    /// Turns of EBITDA added to the exit multiple.
    pub exit_multiple_shift: Distribution,
    /// Quarters the exit moves (rounded).
    pub exit_delay_quarters: Distribution,
    /// Added to annual revenue growth.
    pub growth_shift: Distribution,
    /// Weight of the common market factor in each draw, 0 (independent) to 1 (every
    /// company moves together).
    #[serde(default)]
    pub market_factor_weight: Decimal,
    /// Lever gates: the share of each gate draw's variance from the portfolio-wide AI
    /// execution factor (the copula is stated at the top of `engine::montecarlo`).
    #[serde(
        default = "default_ai_execution_loading",
        skip_serializing_if = "is_default_ai_execution_loading"
    )]
    pub ai_execution_loading: Decimal,
    /// Lever gates: the share of variance from the factor of the lever's kind.
    #[serde(
        default = "default_lever_kind_loading",
        skip_serializing_if = "is_default_lever_kind_loading"
    )]
    pub lever_kind_loading: Decimal,
    /// Lever gates: the share of variance from the factor of the company's sector (the
    /// semiconductor cycle, defence budgets, automotive volumes, geopolitics).
    #[serde(
        default = "default_sector_loading",
        skip_serializing_if = "is_default_sector_loading"
    )]
    pub sector_loading: Decimal,
}

/// Default share of a lever gate's variance from the portfolio-wide AI execution factor.
pub const DEFAULT_AI_EXECUTION_LOADING: Decimal = Decimal::from_parts(25, 0, 0, false, 2);
/// Default share of a lever gate's variance from its lever kind's factor.
pub const DEFAULT_LEVER_KIND_LOADING: Decimal = Decimal::from_parts(15, 0, 0, false, 2);
/// Default share of a lever gate's variance from its company's sector factor.
pub const DEFAULT_SECTOR_LOADING: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

fn default_ai_execution_loading() -> Decimal {
    DEFAULT_AI_EXECUTION_LOADING
}
fn is_default_ai_execution_loading(d: &Decimal) -> bool {
    *d == DEFAULT_AI_EXECUTION_LOADING
}
fn default_lever_kind_loading() -> Decimal {
    DEFAULT_LEVER_KIND_LOADING
}
fn is_default_lever_kind_loading(d: &Decimal) -> bool {
    *d == DEFAULT_LEVER_KIND_LOADING
}
fn default_sector_loading() -> Decimal {
    DEFAULT_SECTOR_LOADING
}
fn is_default_sector_loading(d: &Decimal) -> bool {
    *d == DEFAULT_SECTOR_LOADING
}

impl Portfolio {
    /// The stage with `name`, if any.
    pub fn stage(&self, name: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.name == name)
    }

    /// The scenario with `name`, if any.
    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }
}
