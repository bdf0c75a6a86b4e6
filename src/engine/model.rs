//! The fund model a user edits: fund terms, deployment stages, acquired companies and
//! their AI levers.
//!
//! Every amount, rate, share and multiple is a [`Decimal`]; files store them as strings
//! (`serde-with-str`), so no binary float ever touches a saved figure. Rates and shares
//! are fractions (`0.08` is 8 %), money is in the fund's currency units, multiples are
//! plain numbers (`11.5` is 11.5× EBITDA). Amounts of revenue, run costs and expenses are
//! annual; the projection turns them into quarters.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The file format name written into every portfolio file.
pub const FORMAT_NAME: &str = "millwright-portfolio";
/// The newest file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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
}

/// A probability distribution for one Monte Carlo driver (values as in the model:
/// fractions, turns of EBITDA, quarters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum Distribution {
    Fixed {
        value: Decimal,
    },
    Uniform {
        min: Decimal,
        max: Decimal,
    },
    Triangular {
        min: Decimal,
        mode: Decimal,
        max: Decimal,
    },
    /// A normal distribution cut to `[min, max]`.
    Normal {
        mean: Decimal,
        sd: Decimal,
        min: Decimal,
        max: Decimal,
    },
    /// One of `values`, with probabilities proportional to `weights`.
    Discrete {
        values: Vec<Decimal>,
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
}

/// The fund's legal and economic terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundTerms {
    pub name: String,
    /// ISO currency code, for display (`USD`).
    pub currency: String,
    /// Total commitments, LPs and GP together.
    pub commitment: Decimal,
    /// Share of the commitment that the GP itself commits (e.g. `0.01`). The GP
    /// commitment invests pari passu with the LPs, and pays fees and carry like them.
    pub gp_commitment_share: Decimal,
    pub first_close: NaiveDate,
    pub investment_period_years: u32,
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
    pub waterfall: Waterfall,
    /// Benchmark for the Kaplan–Schoar public-market equivalent.
    pub pme_benchmark: PmeBenchmark,
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
    American { clawback: bool },
}

/// The public index the PME compares the fund against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PmeBenchmark {
    /// A constant annual total return (e.g. `0.07`).
    ConstantReturn { annual_return: Decimal },
    /// Index levels on dates; levels between points are interpolated linearly. The
    /// series must cover every cash-flow date of the fund.
    Series { points: Vec<IndexPoint> },
}

/// One level of a public-market index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexPoint {
    pub date: NaiveDate,
    pub level: Decimal,
}

/// A deployment stage: a wave of acquisitions with its own budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub name: String,
    pub start_date: NaiveDate,
    /// Capital for the stage's acquisitions (equity cheques and transaction costs).
    pub budget: Decimal,
    /// Capital held back for follow-on equity (fund-funded AI programmes).
    pub reserve: Decimal,
}

/// Industry sector of an acquired manufacturer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Aerospace,
    Automotive,
    Semiconductors,
    Defence,
    IndustrialMachinery,
    Electronics,
    Other,
}

impl Sector {
    /// Every sector, in display order.
    pub const ALL: [Sector; 7] = [
        Sector::Aerospace,
        Sector::Automotive,
        Sector::Semiconductors,
        Sector::Defence,
        Sector::IndustrialMachinery,
        Sector::Electronics,
        Sector::Other,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Sector::Aerospace => "Aerospace",
            Sector::Automotive => "Automotive",
            Sector::Semiconductors => "Semiconductors",
            Sector::Defence => "Defence",
            Sector::IndustrialMachinery => "Industrial machinery",
            Sector::Electronics => "Electronics",
            Sector::Other => "Other",
        }
    }
}

/// Operating cost pools, each a share of revenue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostPool {
    Materials,
    DirectLabour,
    Energy,
    Maintenance,
    Overhead,
}

impl CostPool {
    /// Every pool, in display order.
    pub const ALL: [CostPool; 5] = [
        CostPool::Materials,
        CostPool::DirectLabour,
        CostPool::Energy,
        CostPool::Maintenance,
        CostPool::Overhead,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            CostPool::Materials => "Materials",
            CostPool::DirectLabour => "Direct labour",
            CostPool::Energy => "Energy",
            CostPool::Maintenance => "Maintenance",
            CostPool::Overhead => "Overhead",
        }
    }

    /// The field name used in files and error paths.
    pub fn key(self) -> &'static str {
        match self {
            CostPool::Materials => "materials",
            CostPool::DirectLabour => "direct_labour",
            CostPool::Energy => "energy",
            CostPool::Maintenance => "maintenance",
            CostPool::Overhead => "overhead",
        }
    }
}

/// A company's cost pools as shares of revenue. Entry EBITDA margin is one minus their sum.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostPools {
    pub materials: Decimal,
    pub direct_labour: Decimal,
    pub energy: Decimal,
    pub maintenance: Decimal,
    pub overhead: Decimal,
}

impl CostPools {
    /// The share of revenue in `pool`.
    pub fn get(&self, pool: CostPool) -> Decimal {
        match pool {
            CostPool::Materials => self.materials,
            CostPool::DirectLabour => self.direct_labour,
            CostPool::Energy => self.energy,
            CostPool::Maintenance => self.maintenance,
            CostPool::Overhead => self.overhead,
        }
    }

    /// Mutable access to the share of revenue in `pool`.
    pub fn get_mut(&mut self, pool: CostPool) -> &mut Decimal {
        match pool {
            CostPool::Materials => &mut self.materials,
            CostPool::DirectLabour => &mut self.direct_labour,
            CostPool::Energy => &mut self.energy,
            CostPool::Maintenance => &mut self.maintenance,
            CostPool::Overhead => &mut self.overhead,
        }
    }

    /// Sum of all pools, as a share of revenue.
    pub fn total(&self) -> Decimal {
        CostPool::ALL.iter().map(|p| self.get(*p)).sum()
    }
}

/// An acquired manufacturer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub name: String,
    pub sector: Sector,
    /// Name of the deployment stage that funds the acquisition.
    pub stage: String,
    pub acquisition_date: NaiveDate,
    /// Fund's ownership share of the equity.
    pub ownership: Decimal,
    /// Annual revenue at acquisition.
    pub entry_revenue: Decimal,
    /// Baseline annual revenue growth.
    pub revenue_growth: Decimal,
    pub cost_pools: CostPools,
    /// Maintenance capital expenditure as a share of revenue.
    pub maintenance_capex: Decimal,
    pub tax_rate: Decimal,
    /// Entry enterprise value / EBITDA.
    pub entry_multiple: Decimal,
    /// Acquisition debt as a multiple of entry EBITDA.
    pub debt_multiple: Decimal,
    /// Annual interest rate on the acquisition debt.
    pub interest_rate: Decimal,
    /// Share of positive free cash flow used to repay debt.
    pub cash_sweep: Decimal,
    /// Transaction costs at entry, as a share of enterprise value.
    pub transaction_costs: Decimal,
    pub exit_date: NaiveDate,
    /// Exit enterprise value / EBITDA.
    pub exit_multiple: Decimal,
    /// Costs of the sale, as a share of exit enterprise value.
    #[serde(default)]
    pub exit_costs: Decimal,
    #[serde(default)]
    pub levers: Vec<Lever>,
}

/// The kind of AI programme a lever represents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverKind {
    PredictiveMaintenance,
    VisionQualityControl,
    EnergyOptimisation,
    SupplyChain,
    LabourProductivity,
    Throughput,
}

impl LeverKind {
    /// Every kind, in display order.
    pub const ALL: [LeverKind; 6] = [
        LeverKind::PredictiveMaintenance,
        LeverKind::VisionQualityControl,
        LeverKind::EnergyOptimisation,
        LeverKind::SupplyChain,
        LeverKind::LabourProductivity,
        LeverKind::Throughput,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            LeverKind::PredictiveMaintenance => "Predictive maintenance",
            LeverKind::VisionQualityControl => "Vision quality control",
            LeverKind::EnergyOptimisation => "Energy optimisation",
            LeverKind::SupplyChain => "Supply chain & inventory",
            LeverKind::LabourProductivity => "Labour productivity",
            LeverKind::Throughput => "Throughput",
        }
    }
}

/// What a lever acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverTarget {
    /// Reduces one cost pool by `effect` (a share of the pool).
    Pool(CostPool),
    /// Raises revenue by `effect` (a share of baseline revenue).
    Revenue,
}

/// Shape of a lever's ramp from zero to full effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RampShape {
    Linear,
    /// Smoothstep `3x² − 2x³`: slow start, fast middle, slow finish.
    SCurve,
}

/// Who pays a lever's one-time implementation cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverFunding {
    /// Paid from the company's own cash flow.
    Company,
    /// Fund follow-on equity out of the stage's reserve.
    FundFollowOn,
}

/// One AI programme in one company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lever {
    pub name: String,
    pub kind: LeverKind,
    pub target: LeverTarget,
    /// Target effect at full ramp: the share of the pool removed, or the revenue uplift.
    pub effect: Decimal,
    /// Quarters after acquisition before the programme starts.
    pub start_delay_quarters: u32,
    /// Quarters from start to full effect (0 = immediate).
    pub ramp_quarters: u32,
    pub ramp_shape: RampShape,
    /// One-time implementation cost, paid in the start quarter.
    pub one_time_cost: Decimal,
    /// Annual run cost once started.
    pub annual_run_cost: Decimal,
    /// Share of the target effect the user believes will be reached.
    pub realisation: Decimal,
    pub funding: LeverFunding,
}

/// A named set of overrides on the base case.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
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
/// [`Company`] (e.g. `exit_multiple`, `revenue_growth`, `exit_date`) to its new value,
/// written as in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyOverride {
    pub company: String,
    pub fields: serde_json::Map<String, serde_json::Value>,
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
