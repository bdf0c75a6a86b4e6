//! The LP classes' capital accounts as a table: one row per quarter per class (or for one
//! class), the rows of `millwright lp`, the workbook's "LP accounts" sheet and the app's
//! LP accounts tab (its Copy and Ctrl+C), so all three always agree.
//!
//! Columns, in order: the class, the quarter end, then the class's commitment admitted,
//! contributed (this quarter and to date), distributed (this quarter and to date), NAV,
//! unfunded commitment, management fees (this quarter and to date), carried interest
//! (this quarter and to date), equalisation, and equalisation interest — each figure
//! straight from [`CapitalAccountPeriod`], nothing recomputed. Amounts are written to the
//! cent ([`MONEY_DP`]) like the other tables; headings name the currency
//! ("Contributed (USD)").
//!
//! Beside the account, [`summary_cells`] gives each class's figures over the fund's life
//! (commitment, paid-in, distributed, NAV, TVPI, DPI, net IRR, fees, carry, equalisation
//! interest) for the workbook and the app to write in their own formats.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::results::{CapitalAccountPeriod, ClassResult, FundResult};
use crate::export::tables::MONEY_DP;

mod text;

pub use text::{class_lines, to_csv, to_tsv};

/// Heading of the first column: the class each row belongs to.
pub const CLASS_HEADING: &str = "Class";
/// Heading of the second column: the row's quarter-end date.
pub const DATE_HEADING: &str = "Quarter end";

/// How many amounts a row has after the class and the date.
pub const AMOUNT_COUNT: usize = 13;

/// Headings of the amounts, in the order of [`account_amounts`], before the currency is
/// added.
pub const AMOUNT_HEADINGS: [&str; AMOUNT_COUNT] = [
    "Commitment",
    "Contributed",
    "Contributed to date",
    "Distributed",
    "Distributed to date",
    "NAV",
    "Unfunded",
    "Management fees",
    "Fees to date",
    "Carried interest",
    "Carry to date",
    "Equalisation",
    "Equalisation interest",
];

/// One quarter of a class's account in the order of [`AMOUNT_HEADINGS`]. Every table of
/// the capital accounts (CSV, workbook, clipboard, the app) takes its row from here.
pub fn account_amounts(p: &CapitalAccountPeriod) -> [Decimal; AMOUNT_COUNT] {
    [
        p.commitment,
        p.contributed,
        p.contributed_to_date,
        p.distributed,
        p.distributed_to_date,
        p.nav,
        p.unfunded,
        p.management_fees,
        p.management_fees_to_date,
        p.carried_interest,
        p.carried_interest_to_date,
        p.equalisation,
        p.equalisation_interest,
    ]
}

/// The capital-account table of one case: every class's quarters, or one class's.
#[derive(Debug, Clone, PartialEq)]
pub struct LpAccounts {
    /// ISO code of the fund's currency, which every amount is in.
    pub currency: String,
    /// Every heading, the class and the date first ("Contributed (USD)").
    pub columns: Vec<String>,
    /// One row per quarter per class: the classes in the fund's order, each class's
    /// quarters in date order.
    pub rows: Vec<AccountRow>,
}

/// One quarter of one class's account.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountRow {
    /// The class's name.
    pub class: String,
    /// The quarter-end date.
    pub date: NaiveDate,
    /// The amounts in the order of [`AMOUNT_HEADINGS`].
    pub amounts: [Decimal; AMOUNT_COUNT],
}

/// Why the table of a class could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClassError {
    /// No class of the fund has the name asked for.
    #[error("there is no LP class named '{name}': {}", known_classes(classes))]
    UnknownClass {
        /// The name asked for.
        name: String,
        /// The fund's classes, in order.
        classes: Vec<String>,
    },
}

/// "the fund's classes are A, B" (or that it has none).
fn known_classes(classes: &[String]) -> String {
    if classes.is_empty() {
        "the fund has no LP classes in this projection".to_string()
    } else {
        let quoted: Vec<String> = classes.iter().map(|c| format!("'{c}'")).collect();
        format!("the fund's classes are {}", quoted.join(", "))
    }
}

/// Every heading of the table in `currency`, the class and the date first.
pub fn headings(currency: &str) -> Vec<String> {
    [CLASS_HEADING.to_string(), DATE_HEADING.to_string()]
        .into_iter()
        .chain(AMOUNT_HEADINGS.iter().map(|h| format!("{h} ({currency})")))
        .collect()
}

/// The class of `result` named `name`: exactly, or without regard to case and surrounding
/// spaces when only one class matches that way.
pub fn find_class<'a>(result: &'a FundResult, name: &str) -> Result<&'a ClassResult, ClassError> {
    if let Some(class) = result.classes.iter().find(|c| c.name == name) {
        return Ok(class);
    }
    let wanted = name.trim().to_lowercase();
    let mut loose = result
        .classes
        .iter()
        .filter(|c| c.name.trim().to_lowercase() == wanted);
    match (loose.next(), loose.next()) {
        (Some(class), None) => Ok(class),
        _ => Err(ClassError::UnknownClass {
            name: name.to_string(),
            classes: result.classes.iter().map(|c| c.name.clone()).collect(),
        }),
    }
}

/// The capital accounts of `result`: every class (`class` `None`) or the one named.
pub fn lp_accounts(result: &FundResult, class: Option<&str>) -> Result<LpAccounts, ClassError> {
    let classes: Vec<&ClassResult> = match class {
        Some(name) => vec![find_class(result, name)?],
        None => result.classes.iter().collect(),
    };
    let rows = classes
        .iter()
        .flat_map(|c| {
            c.periods.iter().map(|p| AccountRow {
                class: c.name.clone(),
                date: p.date,
                amounts: account_amounts(p),
            })
        })
        .collect();
    Ok(LpAccounts {
        currency: result.currency.clone(),
        columns: headings(&result.currency),
        rows,
    })
}

/// An amount as the tables write it: to the cent, a zero without a minus sign.
pub fn cents(value: Decimal) -> String {
    let rounded = value.round_dp(MONEY_DP);
    if rounded.is_zero() {
        rounded.abs().to_string()
    } else {
        rounded.to_string()
    }
}

/// Headings of the per-class summary, in the order of [`summary_cells`].
pub const SUMMARY_HEADINGS: [&str; 13] = [
    "Class",
    "LPs",
    "Commitment",
    "Paid-in",
    "Distributed",
    "NAV",
    "TVPI",
    "DPI",
    "Net IRR",
    "Management fees",
    "Carried interest",
    "Equalisation interest paid",
    "Equalisation interest received",
];

/// One figure of the per-class summary, for each output to write in its own format.
#[derive(Debug, Clone, PartialEq)]
pub enum SummaryCell {
    /// A name.
    Text(String),
    /// A count (of LPs).
    Count(u32),
    /// An amount in the fund's currency.
    Money(Decimal),
    /// A multiple (TVPI, DPI); `None` when undefined (nothing paid in).
    Multiple(Option<Decimal>),
    /// A rate as a fraction (the net IRR); `None` when it has no value, with the reason.
    Rate(Result<Decimal, String>),
}

/// One class's figures over the fund's life, in the order of [`SUMMARY_HEADINGS`].
pub fn summary_cells(class: &ClassResult) -> Vec<SummaryCell> {
    let m = &class.metrics;
    vec![
        SummaryCell::Text(class.name.clone()),
        SummaryCell::Count(class.investors),
        SummaryCell::Money(class.commitment),
        SummaryCell::Money(m.paid_in),
        SummaryCell::Money(m.distributed),
        SummaryCell::Money(m.nav),
        SummaryCell::Multiple(m.tvpi),
        SummaryCell::Multiple(m.dpi),
        SummaryCell::Rate(m.net_irr.clone().map_err(|e| e.to_string())),
        SummaryCell::Money(m.management_fees),
        SummaryCell::Money(m.carried_interest),
        SummaryCell::Money(m.equalisation_interest_paid),
        SummaryCell::Money(m.equalisation_interest_received),
    ]
}

#[cfg(test)]
mod tests;
