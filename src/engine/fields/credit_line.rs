//! The rows of the fund's subscription credit line: one on/off row, then one row per
//! scalar of the facility. Without a line the value rows do not apply (`get` gives
//! `None`: the editor draws nothing and validation checks nothing); setting any of them
//! switches a line on with [`CreditLine::default`] terms first. The base-rate curve is a
//! list and has no row.

use rust_decimal::dec;

use super::{Choices, FieldMeta, FieldSpec, FieldValue, MONEY, Presence, Unit, ValueError, between};
use crate::engine::model::{CreditLine, FundTerms};

/// The on/off row's option labels.
const OFF: &str = "None";
const ON: &str = "Subscription line";

/// A decimal row of the credit line.
macro_rules! line_decimal {
    ($key:literal, $label:literal, $unit:ident, $bounds:expr, |$l:ident| $place:expr) => {
        FieldSpec {
            meta: FieldMeta::new($key, $label, Unit::$unit, $bounds),
            get: |f| f.credit_line.as_ref().map(|$l| FieldValue::Decimal($place)),
            set: |f, v| {
                let value = v.decimal()?;
                let $l = f.credit_line.get_or_insert_with(CreditLine::default);
                $place = value;
                Ok(())
            },
        }
    };
}

/// Whether the fund has a credit line.
pub const SWITCH: FieldSpec<FundTerms> = FieldSpec {
    meta: FieldMeta::new("credit_line", "Subscription credit line", Unit::Choice, None)
        .with_choices(Choices::Fixed(|| vec![OFF, ON])),
    get: |f| {
        Some(FieldValue::Choice(
            if f.credit_line.is_some() { ON } else { OFF }.into(),
        ))
    },
    set: |f, v| {
        match v.choice()?.as_str() {
            OFF => f.credit_line = None,
            ON => {
                f.credit_line.get_or_insert_with(CreditLine::default);
            }
            other => return Err(ValueError::NoSuchChoice(other.to_string())),
        }
        Ok(())
    },
};

/// Facility size as a share of uncalled commitments.
pub const SHARE_OF_UNCALLED: FieldSpec<FundTerms> = line_decimal!(
    "credit_line.share_of_uncalled",
    "Credit line size (share of uncalled commitments)",
    Percent,
    between(dec!(0), dec!(1)),
    |l| l.share_of_uncalled
);

/// The cap on the facility size.
pub const CAP: FieldSpec<FundTerms> =
    line_decimal!("credit_line.cap", "Credit line size cap", Money, MONEY, |l| l.cap);

/// The base rate before the curve's first point.
pub const BASE_RATE: FieldSpec<FundTerms> = line_decimal!(
    "credit_line.base_rate",
    "Credit line base rate (before its dated points)",
    Percent,
    between(dec!(-0.05), dec!(0.5)),
    |l| l.base_rate
);

/// The margin over the base rate.
pub const SPREAD: FieldSpec<FundTerms> = line_decimal!(
    "credit_line.spread",
    "Credit line spread over the base rate",
    Percent,
    between(dec!(0), dec!(0.2)),
    |l| l.spread
);

/// The fee on the undrawn facility.
pub const UNUSED_FEE: FieldSpec<FundTerms> = line_decimal!(
    "credit_line.unused_fee_rate",
    "Credit line unused fee",
    Percent,
    between(dec!(0), dec!(0.05)),
    |l| l.unused_fee_rate
);

/// The longest a draw may stay outstanding.
pub const MAX_DAYS: FieldSpec<FundTerms> = FieldSpec {
    meta: FieldMeta::new(
        "credit_line.max_days_outstanding",
        "Credit line days outstanding at most",
        Unit::Days,
        between(dec!(1), dec!(3650)),
    ),
    get: |f| {
        f.credit_line
            .as_ref()
            .map(|l| FieldValue::Whole(i64::from(l.max_days_outstanding)))
    },
    set: |f, v| {
        let days = v.whole_u32()?;
        f.credit_line
            .get_or_insert_with(CreditLine::default)
            .max_days_outstanding = days;
        Ok(())
    },
};

/// Years the facility stays open; blank for the investment period.
pub const FACILITY_YEARS: FieldSpec<FundTerms> = FieldSpec {
    meta: FieldMeta::new(
        "credit_line.facility_years",
        "Credit line open for (years)",
        Unit::Years,
        between(dec!(1), dec!(30)),
    )
    .with_presence(Presence::SameAs {
        key: "investment_period_years",
    }),
    get: |f| {
        f.credit_line.as_ref().map(|l| {
            l.facility_years
                .map_or(FieldValue::Unset, |y| FieldValue::Whole(i64::from(y)))
        })
    },
    set: |f, v| {
        let years = match v {
            FieldValue::Unset => None,
            other => Some(other.whole_u32()?),
        };
        f.credit_line
            .get_or_insert_with(CreditLine::default)
            .facility_years = years;
        Ok(())
    },
};
