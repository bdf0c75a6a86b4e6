//! The tables of acquired companies and their AI levers.

use rust_decimal::{Decimal, dec};

use super::{Choices, FieldMeta, FieldSpec, FieldValue, MAX_MONEY, MONEY, Presence, Unit, above, between};
use crate::engine::model::{
    Company, CostPool, DepreciationMethod, Lever, LeverFunding, LeverKind, LeverTarget, MarkingPolicy,
    RampShape, Sector,
};

/// A company's marking policy: the fund's, or one of its own.
const COMPANY_MARKING: [(Option<MarkingPolicy>, &str); 4] = [
    (None, "As the fund"),
    (Some(MarkingPolicy::EntryMultiple), "Hold at entry multiple"),
    (Some(MarkingPolicy::Comparables), "Sector comparables"),
    (
        Some(MarkingPolicy::LinearToExit),
        "Linear to exit multiple (optimistic)",
    ),
];

const DEPRECIATION_METHODS: [(DepreciationMethod, &str); 2] = [
    (DepreciationMethod::ShareOfRevenue, "Share of revenue"),
    (DepreciationMethod::AssetBase, "Straight line on the asset base"),
];

/// Working-capital days: up to two years of the flow.
const DAYS: Option<super::Bounds> = between(Decimal::ZERO, dec!(730));

/// An optional share of a quarter's EBITDA or income, from 0 % to 100 %.
macro_rules! optional_share {
    ($key:literal, $label:literal, $default:expr, $when_off:literal, |$x:ident| $place:expr) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::Percent, share(dec!(1))).with_presence(
                Presence::Optional {
                    default: $default,
                    when_off: $when_off,
                },
            ),
            get: |$x| Some($place.map_or(FieldValue::Unset, FieldValue::Decimal)),
            set: |$x, v| {
                $place = v.optional_decimal()?;
                Ok(())
            },
        }
    };
}

const TARGETS: [(LeverTarget, &str); 7] = [
    (LeverTarget::Pool(CostPool::Materials), "Materials cost"),
    (LeverTarget::Pool(CostPool::DirectLabour), "Direct labour cost"),
    (LeverTarget::Pool(CostPool::Energy), "Energy cost"),
    (LeverTarget::Pool(CostPool::Maintenance), "Maintenance cost"),
    (LeverTarget::Pool(CostPool::Overhead), "Overhead cost"),
    (LeverTarget::Revenue, "Revenue (uplift)"),
    (LeverTarget::InventoryDays, "Inventory days"),
];

const RAMP_SHAPES: [(RampShape, &str); 2] = [(RampShape::Linear, "Linear"), (RampShape::SCurve, "S-curve")];

const FUNDING: [(LeverFunding, &str); 2] = [
    (LeverFunding::Company, "Company cash flow"),
    (LeverFunding::FundFollowOn, "Fund follow-on (stage reserve)"),
];

/// A share of revenue or of a price, from 0 % to `max`.
const fn share(max: Decimal) -> Option<super::Bounds> {
    between(Decimal::ZERO, max)
}

/// The sections of the company table: each heading, and the key of its first row.
pub static COMPANY_SECTIONS: &[(&str, &str)] = &[
    ("name", "Deal"),
    ("entry_revenue", "Revenue and costs"),
    ("working_capital.receivable_days", "Working capital"),
    ("maintenance_capex", "Capex and D&A"),
    ("tax_rate", "Tax"),
    ("cash.minimum_cash", "Cash"),
    ("exit_multiple", "Exit and valuation"),
];

/// An acquired company, in the order of [`COMPANY_SECTIONS`].
pub static COMPANY_FIELDS: &[FieldSpec<Company>] = &[
    text_field!("name", "Company name", |c| c.name),
    choice_field!("sector", "Sector", Sector::ALL.map(|s| (s, s.label())), |c| c
        .sector),
    FieldSpec {
        meta: FieldMeta::new("stage", "Stage", Unit::Choice, None).with_choices(Choices::StageNames),
        get: |c| Some(FieldValue::Choice(c.stage.clone())),
        set: |c, v| {
            c.stage = v.choice()?;
            Ok(())
        },
    },
    super::stage_gate::CONDITIONAL,
    date_field!("acquisition_date", "Acquisition date", |c| c.acquisition_date),
    date_field!("exit_date", "Exit date", |c| c.exit_date),
    decimal_field!("ownership", "Ownership", Percent, above(dec!(0), dec!(1)), |c| c
        .ownership),
    decimal_field!(
        "entry_multiple",
        "Entry EV / EBITDA",
        Multiple,
        between(dec!(0.1), dec!(100)),
        |c| c.entry_multiple
    ),
    decimal_field!(
        "debt_multiple",
        "Acquisition debt (x EBITDA)",
        Multiple,
        between(dec!(0), dec!(100)),
        |c| c.debt_multiple
    ),
    decimal_field!("interest_rate", "Interest rate", Percent, share(dec!(0.5)), |c| c
        .interest_rate),
    decimal_field!("cash_sweep", "Cash sweep", Percent, share(dec!(1)), |c| c
        .cash_sweep),
    decimal_field!(
        "transaction_costs",
        "Transaction costs (% of EV)",
        Percent,
        share(dec!(0.5)),
        |c| c.transaction_costs
    ),
    decimal_field!(
        "transaction_fee",
        "Transaction fee to the manager (% of EV)",
        Percent,
        share(dec!(0.1)),
        |c| c.transaction_fee
    ),
    decimal_field!(
        "monitoring_fee",
        "Monitoring fee to the manager (annual)",
        Money,
        MONEY,
        |c| c.monitoring_fee
    ),
    decimal_field!(
        "entry_revenue",
        "Entry revenue (annual)",
        Money,
        above(dec!(0), MAX_MONEY),
        |c| c.entry_revenue
    ),
    decimal_field!(
        "revenue_growth",
        "Revenue growth (annual)",
        Percent,
        between(dec!(-0.5), dec!(0.5)),
        |c| c.revenue_growth
    ),
    decimal_field!(
        "cost_pools.materials",
        "Materials cost (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.cost_pools.materials
    ),
    decimal_field!(
        "cost_pools.direct_labour",
        "Direct labour cost (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.cost_pools.direct_labour
    ),
    decimal_field!(
        "cost_pools.energy",
        "Energy cost (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.cost_pools.energy
    ),
    decimal_field!(
        "cost_pools.maintenance",
        "Maintenance cost (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.cost_pools.maintenance
    ),
    decimal_field!(
        "cost_pools.overhead",
        "Overhead cost (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.cost_pools.overhead
    ),
    decimal_field!(
        "fixed_costs.shares.materials",
        "Fixed share of materials",
        Percent,
        share(dec!(1)),
        |c| c.fixed_costs.shares.materials
    ),
    decimal_field!(
        "fixed_costs.shares.direct_labour",
        "Fixed share of direct labour",
        Percent,
        share(dec!(1)),
        |c| c.fixed_costs.shares.direct_labour
    ),
    decimal_field!(
        "fixed_costs.shares.energy",
        "Fixed share of energy",
        Percent,
        share(dec!(1)),
        |c| c.fixed_costs.shares.energy
    ),
    decimal_field!(
        "fixed_costs.shares.maintenance",
        "Fixed share of maintenance",
        Percent,
        share(dec!(1)),
        |c| c.fixed_costs.shares.maintenance
    ),
    decimal_field!(
        "fixed_costs.shares.overhead",
        "Fixed share of overhead",
        Percent,
        share(dec!(1)),
        |c| c.fixed_costs.shares.overhead
    ),
    decimal_field!(
        "fixed_costs.inflation",
        "Fixed-cost inflation (annual)",
        Percent,
        between(dec!(-0.1), dec!(0.3)),
        |c| c.fixed_costs.inflation
    ),
    decimal_field!(
        "working_capital.receivable_days",
        "Receivable days (on revenue)",
        Number,
        DAYS,
        |c| c.working_capital.receivable_days
    ),
    decimal_field!(
        "working_capital.inventory_days",
        "Inventory days (on cost of goods)",
        Number,
        DAYS,
        |c| c.working_capital.inventory_days
    ),
    decimal_field!(
        "working_capital.payable_days",
        "Payable days (on cost of goods)",
        Number,
        DAYS,
        |c| c.working_capital.payable_days
    ),
    decimal_field!(
        "maintenance_capex",
        "Maintenance capex (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.maintenance_capex
    ),
    choice_field!("depreciation.method", "D&A method", DEPRECIATION_METHODS, |c| c
        .depreciation
        .method),
    FieldSpec {
        meta: FieldMeta::new(
            "depreciation.share_of_revenue",
            "D&A (% of revenue)",
            Unit::Percent,
            share(dec!(0.5)),
        )
        .with_presence(Presence::SameAs {
            key: "maintenance_capex",
        }),
        get: |c| {
            Some(
                c.depreciation
                    .share_of_revenue
                    .map_or(FieldValue::Unset, FieldValue::Decimal),
            )
        },
        set: |c, v| {
            c.depreciation.share_of_revenue = v.optional_decimal()?;
            Ok(())
        },
    },
    decimal_field!(
        "depreciation.opening_assets",
        "Fixed assets at entry (asset base)",
        Money,
        MONEY,
        |c| c.depreciation.opening_assets
    ),
    whole_field!(
        "depreciation.useful_life_years",
        "Useful life of assets (years)",
        Years,
        between(dec!(1), dec!(60)),
        |c| c.depreciation.useful_life_years
    ),
    decimal_field!("tax_rate", "Tax rate", Percent, share(dec!(0.9)), |c| c.tax_rate),
    optional_share!(
        "tax.interest_cap",
        "Interest cap (% of EBITDA)",
        crate::engine::model::DEFAULT_INTEREST_CAP,
        "all net interest is deductible",
        |c| c.tax.interest_cap
    ),
    optional_share!(
        "tax.loss_offset_cap",
        "Loss offset cap (% of taxable income)",
        dec!(0.8),
        "losses carried forward may offset all taxable income",
        |c| c.tax.loss_offset_cap
    ),
    decimal_field!(
        "tax.opening_tax_losses",
        "Tax losses at entry",
        Money,
        MONEY,
        |c| c.tax.opening_tax_losses
    ),
    decimal_field!("cash.minimum_cash", "Minimum cash", Money, MONEY, |c| c
        .cash
        .minimum_cash),
    decimal_field!(
        "cash.interest_rate_on_cash",
        "Interest on cash",
        Percent,
        share(dec!(0.2)),
        |c| c.cash.interest_rate_on_cash
    ),
    decimal_field!(
        "exit_multiple",
        "Exit EV / EBITDA",
        Multiple,
        between(dec!(0), dec!(100)),
        |c| c.exit_multiple
    ),
    decimal_field!(
        "exit_costs",
        "Exit costs (% of EV)",
        Percent,
        share(dec!(0.5)),
        |c| c.exit_costs
    ),
    choice_field!("marking_policy", "Marking policy", COMPANY_MARKING, |c| c
        .marking_policy),
    decimal_field!(
        "management_pool.share",
        "Management pool (% of gain over hurdle)",
        Percent,
        share(dec!(0.5)),
        |c| c.management_pool.share
    ),
    decimal_field!(
        "management_pool.hurdle_multiple",
        "Management pool hurdle (x equity invested)",
        Multiple,
        between(dec!(0), dec!(20)),
        |c| c.management_pool.hurdle_multiple
    ),
];

/// One AI lever of a company.
pub static LEVER_FIELDS: &[FieldSpec<Lever>] = &[
    text_field!("name", "Lever name", |l| l.name),
    choice_field!("kind", "Kind", LeverKind::ALL.map(|k| (k, k.label())), |l| l.kind),
    choice_field!("target", "Acts on", TARGETS, |l| l.target),
    decimal_field!("effect", "Target effect", Percent, share(dec!(1)), |l| l.effect),
    decimal_field!("realisation", "Realisation", Percent, share(dec!(1.5)), |l| l
        .realisation),
    whole_field!(
        "start_delay_quarters",
        "Start delay (quarters)",
        Quarters,
        between(dec!(0), dec!(80)),
        |l| l.start_delay_quarters
    ),
    whole_field!(
        "ramp_quarters",
        "Ramp (quarters)",
        Quarters,
        between(dec!(0), dec!(80)),
        |l| l.ramp_quarters
    ),
    choice_field!("ramp_shape", "Ramp shape", RAMP_SHAPES, |l| l.ramp_shape),
    decimal_field!("one_time_cost", "One-time cost", Money, MONEY, |l| l
        .one_time_cost),
    decimal_field!("annual_run_cost", "Annual run cost", Money, MONEY, |l| l
        .annual_run_cost),
    choice_field!("funding", "Funded by", FUNDING, |l| l.funding),
    decimal_field!(
        "one_time_capex_share",
        "Capitalised share of one-time cost",
        Percent,
        share(dec!(1)),
        |l| l.one_time_capex_share
    ),
    whole_field!(
        "capex_life_years",
        "Depreciation life of capitalised cost (years)",
        Years,
        between(dec!(1), dec!(30)),
        |l| l.capex_life_years
    ),
    super::lever_programme::PILOT_START_DELAY,
    super::lever_programme::PILOT_QUARTERS,
    super::lever_programme::PILOT_EFFECT,
    super::lever_programme::PILOT_COST,
    super::lever_programme::GATE_QUARTER,
    super::lever_programme::GATE_PROBABILITY,
    super::lever_programme::GATE_ON_FAILURE,
    super::lever_programme::DIS_SYNERGY_SHARE,
    super::lever_programme::DIS_SYNERGY_QUARTERS,
    super::lever_programme::EVIDENCE_LOW,
    super::lever_programme::EVIDENCE_BASE,
    super::lever_programme::EVIDENCE_HIGH,
    super::lever_programme::EVIDENCE_SOURCE,
    super::platform::LEVER_PLATFORM,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_starts_at_a_row_of_the_table_in_table_order() {
        let keys: Vec<&str> = COMPANY_FIELDS.iter().map(|f| f.meta.key).collect();
        let starts: Vec<usize> = COMPANY_SECTIONS
            .iter()
            .map(|(first, heading)| {
                keys.iter()
                    .position(|k| k == first)
                    .unwrap_or_else(|| panic!("{heading} starts at {first}, not a company field"))
            })
            .collect();
        assert_eq!(starts.first(), Some(&0), "the first section starts the table");
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    }
}
