//! An acquired manufacturer: sector, cost pools, entry and exit terms.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Lever;
use super::operations::{
    CashPolicy, Depreciation, FixedCosts, ManagementPool, MarkingPolicy, PartialExit, TaxRules,
    WorkingCapital,
};

/// Industry sector of an acquired manufacturer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Aircraft structures, engines and their components.
    Aerospace,
    /// Vehicles and automotive parts.
    Automotive,
    /// Chips, wafers and semiconductor equipment.
    Semiconductors,
    /// Defence systems and munitions.
    Defence,
    /// Machine tools, castings and industrial equipment.
    IndustrialMachinery,
    /// Electronic components and assemblies.
    Electronics,
    /// Any other manufacturing.
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
    /// Raw materials and bought-in parts.
    Materials,
    /// Wages of production staff.
    DirectLabour,
    /// Power, gas and other utilities.
    Energy,
    /// Upkeep of plant and equipment (operating, not capex).
    Maintenance,
    /// Sales, general and administrative costs.
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
    /// Materials, as a share of revenue (fraction: 0.4 is 40 %).
    pub materials: Decimal,
    /// Direct labour, as a share of revenue.
    pub direct_labour: Decimal,
    /// Energy, as a share of revenue.
    pub energy: Decimal,
    /// Maintenance, as a share of revenue.
    pub maintenance: Decimal,
    /// Overhead, as a share of revenue.
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

    /// Sum of all pools, as a share of revenue; `None` when pools beyond their bounds
    /// (which validation reports) add up past `Decimal`'s range.
    pub fn total(&self) -> Option<Decimal> {
        CostPool::ALL
            .iter()
            .try_fold(Decimal::ZERO, |sum, pool| sum.checked_add(self.get(*pool)))
    }
}

/// An acquired manufacturer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// The company's name; unique in the portfolio (scenario overrides refer to it).
    pub name: String,
    /// Its industry, a label for tables (it does not change the figures).
    pub sector: Sector,
    /// Name of the deployment stage that funds the acquisition.
    pub stage: String,
    /// Closing date; the deal closes at the end of its quarter.
    pub acquisition_date: NaiveDate,
    /// Fund's ownership share of the equity.
    pub ownership: Decimal,
    /// Annual revenue at acquisition.
    pub entry_revenue: Decimal,
    /// Baseline annual revenue growth.
    pub revenue_growth: Decimal,
    /// Operating costs by pool, as shares of revenue.
    pub cost_pools: CostPools,
    /// The fixed part of each cost pool, growing with inflation rather than revenue.
    #[serde(default)]
    pub fixed_costs: FixedCosts,
    /// Receivable, inventory and payable days.
    #[serde(default)]
    pub working_capital: WorkingCapital,
    /// Maintenance capital expenditure as a share of revenue.
    pub maintenance_capex: Decimal,
    /// Depreciation and amortisation of the company's own asset base.
    #[serde(default)]
    pub depreciation: Depreciation,
    /// Tax on `EBIT − deductible interest − expensed one-time lever costs`, after losses
    /// carried forward (fraction: 0.25 is 25 %).
    pub tax_rate: Decimal,
    /// The interest cap, loss offset cap and opening tax losses.
    #[serde(default)]
    pub tax: TaxRules,
    /// Minimum cash and the interest it earns.
    #[serde(default)]
    pub cash: CashPolicy,
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
    /// Transaction fee the fund manager charges the company at entry, as a share of
    /// enterprise value (a company cost, offset against the management fee).
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub transaction_fee: Decimal,
    /// Annual monitoring fee the fund manager charges the company while held (a company
    /// cost, offset against the management fee).
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub monitoring_fee: Decimal,
    /// Date of the sale; proceeds arrive in its quarter.
    pub exit_date: NaiveDate,
    /// Exit enterprise value / EBITDA.
    pub exit_multiple: Decimal,
    /// Costs of the sale, as a share of exit enterprise value.
    #[serde(default)]
    pub exit_costs: Decimal,
    /// Sales of part of the holding before `exit_date`, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partial_exits: Vec<PartialExit>,
    /// How the company is marked while held; `None`: the fund's policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marking_policy: Option<MarkingPolicy>,
    /// Management's share of the equity gain above a hurdle, paid at each sale.
    #[serde(default)]
    pub management_pool: ManagementPool,
    /// The AI programmes applied to this company.
    #[serde(default)]
    pub levers: Vec<Lever>,
    /// Acquired only if its stage's gate passes (a company of a stage without a gate is
    /// always acquired).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub conditional: bool,
}
