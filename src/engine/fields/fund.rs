//! The tables of fund terms, deployment stages and Monte Carlo uncertainty.

use rust_decimal::{Decimal, dec};

use super::{FieldMeta, FieldSpec, FieldValue, MAX_MONEY, MONEY, Presence, Unit, above, between};
use crate::engine::model::{
    AmericanCapital, FeeBasis, FundTerms, HurdleKind, PmeBenchmark, Stage, Uncertainty, Waterfall,
};

const HURDLES: [(HurdleKind, &str); 3] = [
    (HurdleKind::Irr, "IRR (preferred return)"),
    (HurdleKind::Multiple, "Multiple of contributed capital"),
    (HurdleKind::Higher, "The higher of IRR and multiple"),
];

const AMERICAN_CAPITAL: [(AmericanCapital, &str); 2] = [
    (
        AmericanCapital::DealFeesAndRealisedLosses,
        "Deal cost, its share of fees, realised losses",
    ),
    (AmericanCapital::AllContributedCapital, "All contributed capital"),
];

const FEE_BASES: [(FeeBasis, &str); 3] = [
    (FeeBasis::Commitment, "Commitments"),
    (FeeBasis::NetInvestedCapital, "Net invested capital"),
    (FeeBasis::LowerOfCostAndNav, "Lower of cost and NAV"),
];

/// The waterfall options, in the words the editor shows.
const WATERFALLS: [(Waterfall, &str); 3] = [
    (Waterfall::European, "European (whole fund)"),
    (Waterfall::American { clawback: true }, "American, with clawback"),
    (Waterfall::American { clawback: false }, "American, no clawback"),
];

/// Fund terms.
pub static FUND_FIELDS: &[FieldSpec<FundTerms>] = &[
    text_field!("name", "Fund name", |f| f.name),
    text_field!("currency", "Currency", |f| f.currency),
    decimal_field!(
        "commitment",
        "Commitment",
        Money,
        above(Decimal::ZERO, MAX_MONEY),
        |f| f.commitment
    ),
    decimal_field!(
        "gp_commitment_share",
        "GP commitment",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.gp_commitment_share
    ),
    date_field!("first_close", "First close", |f| f.first_close),
    whole_field!(
        "investment_period_years",
        "Investment period (years)",
        Years,
        between(dec!(1), dec!(30)),
        |f| f.investment_period_years
    ),
    whole_field!(
        "term_years",
        "Term (years)",
        Years,
        between(dec!(1), dec!(30)),
        |f| f.term_years
    ),
    whole_field!(
        "extension_years",
        "Extensions (years)",
        Years,
        between(dec!(0), dec!(29)),
        |f| f.extension_years
    ),
    decimal_field!(
        "management_fee_rate",
        "Management fee (investment period)",
        Percent,
        between(dec!(0), dec!(0.1)),
        |f| f.management_fee_rate
    ),
    FieldSpec {
        meta: FieldMeta::new(
            "post_investment_fee_rate",
            "Fee on net invested capital after",
            Unit::Percent,
            between(dec!(0), dec!(0.1)),
        )
        .with_presence(Presence::SameAs {
            key: "management_fee_rate",
        }),
        get: |f| {
            Some(
                f.post_investment_fee_rate
                    .map_or(FieldValue::Unset, FieldValue::Decimal),
            )
        },
        set: |f, v| {
            f.post_investment_fee_rate = v.optional_decimal()?;
            Ok(())
        },
    },
    decimal_field!(
        "organisational_expenses",
        "Organisational expenses",
        Money,
        MONEY,
        |f| f.organisational_expenses
    ),
    decimal_field!("annual_expenses", "Annual fund expenses", Money, MONEY, |f| f
        .annual_expenses),
    decimal_field!(
        "carry_rate",
        "Carried interest",
        Percent,
        between(dec!(0), dec!(0.5)),
        |f| f.carry_rate
    ),
    decimal_field!(
        "preferred_return",
        "Preferred return",
        Percent,
        between(dec!(0), dec!(0.5)),
        |f| f.preferred_return
    ),
    decimal_field!(
        "gp_catch_up",
        "GP catch-up",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.gp_catch_up
    ),
    choice_field!(
        "fee_terms.post_investment_basis",
        "Fee basis after",
        FEE_BASES,
        |f| f.fee_terms.post_investment_basis
    ),
    whole_field!(
        "fee_terms.holiday_quarters",
        "Fee holiday (quarters)",
        Quarters,
        between(dec!(0), dec!(40)),
        |f| f.fee_terms.holiday_quarters
    ),
    decimal_field!(
        "fee_terms.offset_share",
        "Fee offset (share of company fees)",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.fee_terms.offset_share
    ),
    decimal_field!(
        "investors.equalisation_rate",
        "Equalisation interest (later closes, a year)",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.investors.equalisation_rate
    ),
    choice_field!("waterfall", "Waterfall", WATERFALLS, |f| f.waterfall),
    choice_field!("carry_terms.hurdle", "Hurdle", HURDLES, |f| f.carry_terms.hurdle),
    decimal_field!(
        "carry_terms.hurdle_multiple",
        "Hurdle multiple (x contributed)",
        Multiple,
        between(dec!(0), dec!(10)),
        |f| f.carry_terms.hurdle_multiple
    ),
    decimal_field!(
        "carry_terms.clawback_tax_rate",
        "GP tax rate on carry (clawback net of it)",
        Percent,
        between(dec!(0), dec!(0.9)),
        |f| f.carry_terms.clawback_tax_rate
    ),
    decimal_field!(
        "carry_terms.escrow_share",
        "Carry escrow (share of interim carry)",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.carry_terms.escrow_share
    ),
    choice_field!(
        "carry_terms.american_capital",
        "American ledger returns first",
        AMERICAN_CAPITAL,
        |f| f.carry_terms.american_capital
    ),
    decimal_field!(
        "wind_up.liquidation_discount",
        "Liquidation discount at the end",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.wind_up.liquidation_discount
    ),
    super::credit_line::SWITCH,
    super::credit_line::SHARE_OF_UNCALLED,
    super::credit_line::CAP,
    super::credit_line::BASE_RATE,
    super::credit_line::SPREAD,
    super::credit_line::UNUSED_FEE,
    super::credit_line::MAX_DAYS,
    super::credit_line::FACILITY_YEARS,
    decimal_field!(
        "recycling.proceeds_share",
        "Recycling: share of exit proceeds retained",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.recycling.proceeds_share
    ),
    decimal_field!(
        "recycling.cap_share",
        "Recycling cap (share of commitments)",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.recycling.cap_share
    ),
    decimal_field!(
        "recycling.fee_share",
        "Recycling of fees (share of fees paid)",
        Percent,
        between(dec!(0), dec!(1)),
        |f| f.recycling.fee_share
    ),
    whole_field!(
        "recycling.window_start_years",
        "Recycling window opens (years after first close)",
        Years,
        between(dec!(0), dec!(30)),
        |f| f.recycling.window_start_years
    ),
    FieldSpec {
        meta: FieldMeta::new(
            "recycling.window_end_years",
            "Recycling window closes (years after first close)",
            Unit::Years,
            between(dec!(0), dec!(30)),
        )
        .with_presence(Presence::SameAs {
            key: "investment_period_years",
        }),
        get: |f| {
            Some(
                f.recycling
                    .window_end_years
                    .map_or(FieldValue::Unset, |y| FieldValue::Whole(i64::from(y))),
            )
        },
        set: |f, v| {
            f.recycling.window_end_years = match v {
                FieldValue::Unset => None,
                other => Some(other.whole_u32()?),
            };
            Ok(())
        },
    },
    choice_field!(
        "marking_policy",
        "Marking policy (companies held)",
        crate::engine::model::MarkingPolicy::ALL.map(|m| (m, m.label())),
        |f| f.marking_policy
    ),
    FieldSpec {
        meta: FieldMeta::new(
            "pme_benchmark.annual_return",
            "PME benchmark return",
            Unit::Percent,
            between(dec!(-0.5), dec!(1)),
        ),
        get: |f| match f.pme_benchmark {
            PmeBenchmark::ConstantReturn { annual_return } => Some(FieldValue::Decimal(annual_return)),
            PmeBenchmark::Series { .. } => None,
        },
        // Setting a constant return replaces an index series.
        set: |f, v| {
            f.pme_benchmark = PmeBenchmark::ConstantReturn {
                annual_return: v.decimal()?,
            };
            Ok(())
        },
    },
];

/// A deployment stage. Renaming a stage through a [`super::FieldEdit`] keeps its
/// companies in it.
pub static STAGE_FIELDS: &[FieldSpec<Stage>] = &[
    text_field!("name", "Stage name", |s| s.name),
    date_field!("start_date", "Start date", |s| s.start_date),
    decimal_field!("budget", "Budget", Money, MONEY, |s| s.budget),
    decimal_field!("reserve", "Follow-on reserve", Money, MONEY, |s| s.reserve),
    super::stage_gate::GATE,
    super::stage_gate::GATE_DATE,
    super::stage_gate::GATE_CONDITION,
    super::stage_gate::GATE_MIN_SHARE,
    super::stage_gate::GATE_MIN_MULTIPLE,
    super::stage_gate::GATE_STAGES,
    super::stage_gate::GATE_BUDGET_SHARE,
];

/// Monte Carlo settings that are plain numbers (the distributions are not scalars).
pub static UNCERTAINTY_FIELDS: &[FieldSpec<Uncertainty>] = &[
    decimal_field!(
        "market_factor_weight",
        "Market factor weight",
        Percent,
        between(dec!(0), dec!(1)),
        |u| u.market_factor_weight
    ),
    super::stage_gate::AI_EXECUTION_LOADING,
    super::stage_gate::LEVER_KIND_LOADING,
    super::stage_gate::SECTOR_LOADING,
];
