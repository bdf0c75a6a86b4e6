//! The classes and tranches of a fund, resolved from its investors (rules 1, 5 and 7 at
//! the top of [`super`]).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::IMPLICIT_CLASS;
use crate::engine::model::FundTerms;

/// One class with its terms resolved.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::engine::fund) struct BookClass {
    /// Its name.
    pub name: String,
    /// How many LPs hold it.
    pub investors: u32,
    /// Its LP commitment: Σ its closes × (1 − GP share).
    pub commitment: Decimal,
    /// `s_c`: its LP commitment over all LP commitments.
    pub weight: Decimal,
    /// Its own investment-period fee rate.
    pub management_fee_rate: Option<Decimal>,
    /// Its own post-investment fee rate.
    pub post_investment_fee_rate: Option<Decimal>,
    /// Its own carry rate.
    pub carry_rate: Option<Decimal>,
    /// Its own preferred return.
    pub preferred_return: Option<Decimal>,
}

/// The LP commitments of one close in one class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::engine::fund) struct Tranche {
    /// Index of its class.
    pub class: usize,
    /// The quarter it is admitted in (index into the fund's dates).
    pub admitted: usize,
    /// Its close date.
    pub close_date: NaiveDate,
    /// Its LP commitment.
    pub commitment: Decimal,
}

/// The classes and tranches of a fund.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::engine::fund) struct ClassBook {
    /// The classes, in the fund's order (the implicit class alone for a fund with none).
    pub classes: Vec<BookClass>,
    /// The tranches, in close order.
    pub tranches: Vec<Tranche>,
}

impl ClassBook {
    /// Resolves the fund's investors on its quarterly `dates`.
    pub fn new(fund: &FundTerms, dates: &[NaiveDate]) -> Self {
        let lp_share = Decimal::ONE - fund.gp_commitment_share;
        let investors = &fund.investors;
        let mut classes: Vec<BookClass> = if investors.classes.is_empty() {
            vec![implicit_class()]
        } else {
            investors
                .classes
                .iter()
                .map(|c| BookClass {
                    name: c.name.clone(),
                    investors: c.investors,
                    commitment: Decimal::ZERO,
                    weight: Decimal::ZERO,
                    management_fee_rate: c.management_fee_rate,
                    post_investment_fee_rate: c.post_investment_fee_rate,
                    carry_rate: c.carry_rate,
                    preferred_return: c.preferred_return,
                })
                .collect()
        };
        let explicit = !investors.classes.is_empty();
        let mut tranches: Vec<Tranche> = investors
            .closes
            .iter()
            .filter(|close| close.amount > Decimal::ZERO)
            .filter_map(|close| {
                let class = if explicit {
                    classes.iter().position(|c| c.name == close.class)?
                } else {
                    0
                };
                Some(Tranche {
                    class,
                    admitted: admission_quarter(dates, close.date),
                    close_date: close.date,
                    commitment: close.amount.checked_mul(lp_share)?,
                })
            })
            .collect();
        if tranches.iter().all(|t| t.commitment <= Decimal::ZERO) {
            tranches = vec![Tranche {
                class: 0,
                admitted: 0,
                close_date: fund.first_close,
                commitment: fund.commitment.checked_mul(lp_share).unwrap_or(Decimal::ZERO),
            }];
        }
        let earliest = tranches.iter().map(|t| t.admitted).min().unwrap_or(0);
        for t in &mut tranches {
            if t.admitted == earliest {
                t.admitted = 0;
            }
        }
        for t in &tranches {
            if let Some(c) = classes.get_mut(t.class) {
                c.commitment += t.commitment;
            }
        }
        let total: Decimal = classes.iter().map(|c| c.commitment).sum();
        for c in &mut classes {
            c.weight = c.commitment.checked_div(total).unwrap_or(Decimal::ZERO);
        }
        Self { classes, tranches }
    }

    /// Whether any class has a fee rate of its own (rule 2).
    pub fn has_own_fees(&self) -> bool {
        self.classes
            .iter()
            .any(|c| c.management_fee_rate.is_some() || c.post_investment_fee_rate.is_some())
    }

    /// Whether the fund's waterfall runs once, exactly as without classes (rule 4): one
    /// class, holding the fund's carry terms.
    pub fn runs_once(&self, fund: &FundTerms) -> bool {
        match self.classes.as_slice() {
            [only] => {
                only.carry_rate.is_none_or(|r| r == fund.carry_rate)
                    && only.preferred_return.is_none_or(|r| r == fund.preferred_return)
            }
            _ => false,
        }
    }
}

/// The class of a fund with no classes.
fn implicit_class() -> BookClass {
    BookClass {
        name: IMPLICIT_CLASS.to_owned(),
        investors: 1,
        commitment: Decimal::ZERO,
        weight: Decimal::ZERO,
        management_fee_rate: None,
        post_investment_fee_rate: None,
        carry_rate: None,
        preferred_return: None,
    }
}

/// The quarter containing `date`: the first quarter end on or after it (the last quarter
/// for a date after the fund's last date).
fn admission_quarter(dates: &[NaiveDate], date: NaiveDate) -> usize {
    dates
        .iter()
        .position(|&d| d >= date)
        .unwrap_or(dates.len().saturating_sub(1))
}
