//! Fund terms, the waterfall kind, the PME benchmark and deployment stages.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{CarryTerms, ComparablePath, FeeTerms, MarkingPolicy, WindUp};

/// The fund's legal and economic terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundTerms {
    /// The fund's name, as on charts and reports ("Foundry Industrial AI Fund I").
    pub name: String,
    /// ISO currency code, for display (`USD`).
    pub currency: String,
    /// Total commitments, LPs and GP together.
    pub commitment: Decimal,
    /// Share of the commitment that the GP itself commits (e.g. `0.01`). The GP
    /// commitment invests pari passu with the LPs, and pays fees and carry like them.
    pub gp_commitment_share: Decimal,
    /// Date of the first close: the fund's clock (quarters, fees, the term) starts here.
    pub first_close: NaiveDate,
    /// Years from first close during which fees are charged on commitments.
    pub investment_period_years: u32,
    /// Years from first close to the end of the fund, before extensions.
    pub term_years: u32,
    /// Extensions the model runs through (added to the term).
    #[serde(default)]
    pub extension_years: u32,
    /// Annual management fee on commitments during the investment period.
    pub management_fee_rate: Decimal,
    /// Annual fee on net invested capital after the investment period; when absent the
    /// same rate as during the investment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_investment_fee_rate: Option<Decimal>,
    /// One-off organisational expenses, called in the first quarter.
    pub organisational_expenses: Decimal,
    /// Annual fund expenses, called quarterly over the term.
    pub annual_expenses: Decimal,
    /// Carried interest share of profits.
    pub carry_rate: Decimal,
    /// Preferred return (hurdle), compounding annually on contributed capital outstanding.
    pub preferred_return: Decimal,
    /// Share of distributions the GP receives in the catch-up tier (`1` = full catch-up).
    pub gp_catch_up: Decimal,
    /// Whole-fund (European) or deal-by-deal (American) distribution of proceeds.
    pub waterfall: Waterfall,
    /// Benchmark for the Kaplan–Schoar public-market equivalent.
    pub pme_benchmark: PmeBenchmark,
    /// How companies are marked while held, unless a company says otherwise.
    #[serde(default)]
    pub marking_policy: MarkingPolicy,
    /// Comparable multiples by sector, for the comparables policy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparable_multiples: Vec<ComparablePath>,
    /// Hurdle kind, carry tiers, clawback tax, escrow and the American ledger's capital.
    #[serde(default, skip_serializing_if = "CarryTerms::is_default")]
    pub carry_terms: CarryTerms,
    /// Fee basis after the investment period, dated steps, a holiday and fee offsets.
    #[serde(default, skip_serializing_if = "FeeTerms::is_default")]
    pub fee_terms: FeeTerms,
    /// How companies still held at the end of the fund are liquidated.
    #[serde(default, skip_serializing_if = "WindUp::is_default")]
    pub wind_up: WindUp,
    /// Recycling of exit proceeds (and of fees) into new investments; off by default
    /// (and then not written).
    #[serde(default, skip_serializing_if = "super::Recycling::is_default")]
    pub recycling: super::Recycling,
    /// A subscription credit line bridging capital calls; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_line: Option<super::CreditLine>,
    /// Closes, LP classes and the equalisation rate; one close and one class when absent.
    #[serde(default, skip_serializing_if = "super::Investors::is_default")]
    pub investors: super::Investors,
}

/// How gross proceeds are split between partners and GP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Waterfall {
    /// Whole-fund: all contributions plus the hurdle come back before any carry.
    European,
    /// Deal by deal: each exit returns its own capital and hurdle, then carry. With
    /// `clawback`, at the end of the fund the GP returns any carry above what a European
    /// waterfall on the whole fund would have paid.
    American {
        /// Whether the GP gives back, at the end, carry above the whole-fund amount.
        clawback: bool,
    },
}

/// The public index the PME compares the fund against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PmeBenchmark {
    /// A constant annual total return (e.g. `0.07`).
    ConstantReturn {
        /// Annual total return of the index, compounded (fraction: 0.07 is 7 %).
        annual_return: Decimal,
    },
    /// Index levels on dates; levels between points are interpolated linearly. The
    /// series must cover every cash-flow date of the fund.
    Series {
        /// The levels, in date order.
        points: Vec<IndexPoint>,
    },
}

/// One level of a public-market index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexPoint {
    /// The date of the level.
    pub date: NaiveDate,
    /// The total-return index level on that date (any base, e.g. 100).
    pub level: Decimal,
}

/// A deployment stage: a wave of acquisitions with its own budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// The stage's name; companies name the stage that acquires them.
    pub name: String,
    /// The earliest date a company of this stage may be acquired.
    pub start_date: NaiveDate,
    /// Capital for the stage's acquisitions (equity cheques and transaction costs).
    pub budget: Decimal,
    /// Capital held back for follow-on equity (fund-funded AI programmes).
    pub reserve: Decimal,
    /// A gate on the results of earlier stages deciding whether the stage's conditional
    /// companies are acquired; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate: Option<super::StageGate>,
}
