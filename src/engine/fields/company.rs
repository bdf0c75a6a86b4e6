//! The tables of acquired companies and their AI levers.

use rust_decimal::{Decimal, dec};

use super::{Choices, FieldMeta, FieldSpec, FieldValue, MAX_MONEY, MONEY, Unit, above, between};
use crate::engine::model::{
    Company, CostPool, Lever, LeverFunding, LeverKind, LeverTarget, RampShape, Sector,
};

const TARGETS: [(LeverTarget, &str); 6] = [
    (LeverTarget::Pool(CostPool::Materials), "Materials cost"),
    (LeverTarget::Pool(CostPool::DirectLabour), "Direct labour cost"),
    (LeverTarget::Pool(CostPool::Energy), "Energy cost"),
    (LeverTarget::Pool(CostPool::Maintenance), "Maintenance cost"),
    (LeverTarget::Pool(CostPool::Overhead), "Overhead cost"),
    (LeverTarget::Revenue, "Revenue (uplift)"),
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

/// An acquired company.
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
    date_field!("acquisition_date", "Acquisition date", |c| c.acquisition_date),
    date_field!("exit_date", "Exit date", |c| c.exit_date),
    decimal_field!("ownership", "Ownership", Percent, above(dec!(0), dec!(1)), |c| c
        .ownership),
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
        "maintenance_capex",
        "Maintenance capex (% of revenue)",
        Percent,
        share(dec!(1)),
        |c| c.maintenance_capex
    ),
    decimal_field!("tax_rate", "Tax rate", Percent, share(dec!(0.9)), |c| c.tax_rate),
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
];
