//! The parts of a company's model added by format version 2: working capital, fixed
//! costs, depreciation, tax rules, cash, the marking policy, partial exits and the
//! management incentive pool. Every field has a default that a version-1 file takes on
//! opening (see [`crate::io::portfolio_file`] and the README's "Format version 2").

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};
use serde::{Deserialize, Serialize};

use super::{CostPools, Sector};

/// Working capital in days (a 365-day year): receivables on revenue, inventory and
/// payables on cost of goods (every cost pool but overhead).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkingCapital {
    /// Days of revenue outstanding as trade receivables (DSO).
    #[serde(default)]
    pub receivable_days: Decimal,
    /// Days of cost of goods held as inventory (DIO).
    #[serde(default)]
    pub inventory_days: Decimal,
    /// Days of cost of goods owed to suppliers (DPO).
    #[serde(default)]
    pub payable_days: Decimal,
}

/// How depreciation and amortisation (D&A) is worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepreciationMethod {
    /// D&A is a share of revenue (`share_of_revenue`, or the maintenance capex share).
    #[default]
    ShareOfRevenue,
    /// Straight line on the asset base: `(opening assets + capex to date) / useful life`
    /// a year, never more than the net book value left.
    AssetBase,
}

/// D&A of the company's own asset base (capitalised lever costs depreciate on their own).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Depreciation {
    /// Share of revenue or asset base.
    #[serde(default)]
    pub method: DepreciationMethod,
    /// D&A as a share of revenue; when absent, the maintenance capex share (capex equals
    /// D&A: the asset base is maintained, version 1's tax meaning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_of_revenue: Option<Decimal>,
    /// Net book value of fixed assets at the acquisition (asset-base method).
    #[serde(default)]
    pub opening_assets: Decimal,
    /// Useful life of the asset base in years (asset-base method).
    #[serde(default = "default_useful_life")]
    pub useful_life_years: u32,
}

fn default_useful_life() -> u32 {
    10
}

impl Default for Depreciation {
    fn default() -> Self {
        Self {
            method: DepreciationMethod::ShareOfRevenue,
            share_of_revenue: None,
            opening_assets: Decimal::ZERO,
            useful_life_years: default_useful_life(),
        }
    }
}

/// The interest-deductibility cap a version-1 file takes: 30 % of EBITDA, the ratio of
/// the OECD's BEPS Action 4, the EU's Anti-Tax-Avoidance Directive (art. 4) and US
/// §163(j).
pub const DEFAULT_INTEREST_CAP: Decimal = dec!(0.3);

/// Tax rules beyond the rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxRules {
    /// Net interest deductible in a quarter, as a share of that quarter's EBITDA;
    /// disallowed interest is carried forward. `None` (written `null`): no cap.
    #[serde(default = "default_interest_cap")]
    pub interest_cap: Option<Decimal>,
    /// Share of a quarter's taxable income that losses carried forward may offset
    /// (e.g. 0.8 in Germany above a threshold, and in the US since 2018). `None`: all of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss_offset_cap: Option<Decimal>,
    /// Tax losses the company brings to the deal, available to offset from the start.
    #[serde(default)]
    pub opening_tax_losses: Decimal,
}

// A function because serde's `default = "…"` names a function.
#[expect(
    clippy::unnecessary_wraps,
    reason = "serde's default must return the field's type"
)]
fn default_interest_cap() -> Option<Decimal> {
    Some(DEFAULT_INTEREST_CAP)
}

impl Default for TaxRules {
    fn default() -> Self {
        Self {
            interest_cap: default_interest_cap(),
            loss_offset_cap: None,
            opening_tax_losses: Decimal::ZERO,
        }
    }
}

/// Cash the company keeps and what it earns.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CashPolicy {
    /// Cash kept on the balance sheet: funded at the acquisition, never swept; a
    /// shortfall below it is drawn on an overdraft.
    #[serde(default)]
    pub minimum_cash: Decimal,
    /// Annual interest earned on cash held at the start of a quarter.
    #[serde(default)]
    pub interest_rate_on_cash: Decimal,
}

/// How a company held by the fund is valued between acquisition and exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkingPolicy {
    /// The entry multiple on LTM EBITDA: the mark is calibrated to the price paid
    /// (IPEV Valuation Guidelines, calibration) and re-rates only at exit.
    #[default]
    EntryMultiple,
    /// The entry multiple moved with the sector's comparable multiple since the
    /// acquisition (the entry premium or discount to the comparables is kept).
    Comparables,
    /// Linear from the entry to the assumed exit multiple over the hold: optimistic, it
    /// books the re-rating before it happens (version 1's only policy).
    LinearToExit,
}

impl MarkingPolicy {
    /// Every policy, in display order.
    pub const ALL: [MarkingPolicy; 3] = [
        MarkingPolicy::EntryMultiple,
        MarkingPolicy::Comparables,
        MarkingPolicy::LinearToExit,
    ];

    /// A human label, saying when a policy is optimistic.
    pub fn label(self) -> &'static str {
        match self {
            MarkingPolicy::EntryMultiple => "Hold at entry multiple",
            MarkingPolicy::Comparables => "Sector comparables",
            MarkingPolicy::LinearToExit => "Linear to exit multiple (optimistic)",
        }
    }
}

/// A sector's comparable EV / EBITDA multiple over time, interpolated linearly between
/// points and held flat before the first and after the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparablePath {
    /// The sector the path is for.
    pub sector: Sector,
    /// The multiple on dates, in date order.
    pub points: Vec<MultiplePoint>,
}

/// One observation of a comparable multiple.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiplePoint {
    /// The date of the observation.
    pub date: NaiveDate,
    /// EV / EBITDA of the sector's comparables on that date.
    pub multiple: Decimal,
}

/// A sale of part of the fund's holding before the final exit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialExit {
    /// Date of the sale; proceeds arrive in its quarter.
    pub date: NaiveDate,
    /// Share of the fund's original holding sold (0.3: 30 % of what the fund bought).
    pub share: Decimal,
}

/// The management incentive pool: a share of the equity gain above a hurdle, paid at
/// each sale before the owners' shares.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementPool {
    /// Share of the equity value above the hurdle that management receives.
    #[serde(default)]
    pub share: Decimal,
    /// The hurdle, as a multiple of the equity invested (at entry and in follow-ons).
    #[serde(default = "default_hurdle")]
    pub hurdle_multiple: Decimal,
}

fn default_hurdle() -> Decimal {
    Decimal::ONE
}

impl Default for ManagementPool {
    fn default() -> Self {
        Self {
            share: Decimal::ZERO,
            hurdle_multiple: default_hurdle(),
        }
    }
}

/// Fixed costs: the part of each pool that does not move with revenue.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedCosts {
    /// Fixed share of each pool at entry (0.3: 30 % of the pool is fixed).
    #[serde(default)]
    pub shares: CostPools,
    /// Annual rate at which the fixed part grows (instead of growing with revenue).
    #[serde(default)]
    pub inflation: Decimal,
}
