//! An AI lever: what it acts on, how it ramps, what it costs and who pays.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::CostPool;

/// Years a version-1 lever's capitalised cost would depreciate over (it has none).
pub const DEFAULT_CAPEX_LIFE_YEARS: u32 = 5;

fn default_capex_life() -> u32 {
    DEFAULT_CAPEX_LIFE_YEARS
}

/// The kind of AI programme a lever represents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverKind {
    /// Failure prediction from machine data, cutting unplanned downtime and repairs.
    PredictiveMaintenance,
    /// Camera inspection on the line, cutting scrap and rework.
    VisionQualityControl,
    /// Control of furnaces, compressors and HVAC to use less power.
    EnergyOptimisation,
    /// Demand forecasting and inventory planning.
    SupplyChain,
    /// Assistants and automation that raise output per worker.
    LabourProductivity,
    /// More output from the same plant (scheduling, fewer bottlenecks).
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
    /// Cuts inventory days by `effect` (a share of them), releasing cash.
    InventoryDays,
}

/// Shape of a lever's ramp from zero to full effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RampShape {
    /// The same step towards full effect each quarter.
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
    /// The programme's name ("Demand sensing and inventory planning").
    pub name: String,
    /// The kind of programme (a label; `target` says what it changes).
    pub kind: LeverKind,
    /// The cost pool it reduces, or revenue.
    pub target: LeverTarget,
    /// Target effect at full ramp: the share of the pool removed, or the revenue uplift.
    pub effect: Decimal,
    /// Quarters after acquisition before the programme starts.
    pub start_delay_quarters: u32,
    /// Quarters from start to full effect (0 = immediate).
    pub ramp_quarters: u32,
    /// How the effect builds over the ramp.
    pub ramp_shape: RampShape,
    /// One-time implementation cost, paid in the start quarter.
    pub one_time_cost: Decimal,
    /// Annual run cost once started.
    pub annual_run_cost: Decimal,
    /// Share of the target effect the user believes will be reached.
    pub realisation: Decimal,
    /// Who pays the one-time cost: the company, or its owners as follow-on equity (the
    /// fund its ownership share, co-owners the rest).
    pub funding: LeverFunding,
    /// Share of the one-time cost capitalised (depreciated over `capex_life_years`); the
    /// rest is expensed, deductible for tax at once.
    #[serde(default)]
    pub one_time_capex_share: Decimal,
    /// Years over which the capitalised part is depreciated.
    #[serde(default = "default_capex_life")]
    pub capex_life_years: u32,
    /// Pilot, gate, phased costs, evidence and platform (issue 13); none when absent.
    #[serde(default, skip_serializing_if = "super::LeverProgramme::is_default")]
    pub programme: super::LeverProgramme,
}
