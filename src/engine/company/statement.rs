//! What each AI lever did in each quarter, for the company statement: the cost it
//! saved, the revenue it added or the inventory it released. The statement's other rows
//! are the fields of [`CompanyPeriod`](crate::engine::results::CompanyPeriod).
//!
//! Attribution: levers on one pool compound, `1 − Π(1 − eᵢ)`; lever `i`'s saving is the
//! pool after the levers before it in the company's list, times its own effect, so the
//! savings of a pool's levers sum exactly to the pool's total saving.

use rust_decimal::Decimal;

use super::levers::{Acts, LeverQuarter};
use super::prepare::PreparedCompany;
use crate::engine::model::{LeverTarget, Portfolio};

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
    let scheduled = crate::engine::programme::scheduled_companies(portfolio);
    let Some(company) = scheduled.get(company_index) else {
        return Ok(Vec::new());
    };
    let prepared =
        PreparedCompany::<Decimal>::new(company, &portfolio.fund, &super::CompanyAdjustment::default())?;
    let mut lines: Vec<LeverLine> = company
        .levers
        .iter()
        .map(|lever| LeverLine {
            name: lever.name.clone(),
            measure: match lever.target {
                LeverTarget::Pool(_) => LeverMeasure::CostSaving,
                LeverTarget::Revenue => LeverMeasure::RevenueUplift,
                LeverTarget::InventoryDays => LeverMeasure::InventoryReleased,
            },
            per_quarter: vec![Decimal::ZERO; grid_len],
        })
        .collect();
    prepared.attribute_levers(&mut lines, grid_len);
    Ok(lines)
}

impl PreparedCompany<Decimal> {
    /// Fills each lever's figure per quarter, attributing compounded effects in list order.
    fn attribute_levers(&self, lines: &mut [LeverLine], grid_len: usize) {
        let last = self.exit_index.min(grid_len.saturating_sub(1));
        let mut base_revenue = self.entry_revenue_quarter;
        let mut fixed_index = Decimal::ONE;
        for q in self.acquisition_index + 1..=last {
            base_revenue *= self.growth_quarter_factor;
            fixed_index *= self.terms.fixed_growth_quarter;
            let quarter = LeverQuarter::at(&self.levers, q);
            let revenue = quarter.revenue(base_revenue);
            // Each pool before any lever, then what is left as each lever takes its share.
            let mut left = [Decimal::ZERO; 5];
            for (p, slot) in left.iter_mut().enumerate() {
                *slot = self.terms.pool_before_levers(p, revenue, fixed_index);
            }
            let cost_of_goods: Decimal = left
                .iter()
                .zip(quarter.pool_kept)
                .take(4)
                .map(|(pool, kept)| *pool * kept)
                .sum();
            let mut inventory_left = self.terms.inventory_before_levers(cost_of_goods);
            for (lever, line) in self.levers.iter().zip(lines.iter_mut()) {
                let effect = lever.effect_at(q);
                let figure = match lever.acts {
                    Acts::Pool(p) => left.get_mut(p).map_or(Decimal::ZERO, |pool| {
                        let saving = *pool * effect;
                        *pool -= saving;
                        saving
                    }),
                    Acts::Revenue => base_revenue * effect,
                    Acts::Inventory => {
                        let released = inventory_left * effect;
                        inventory_left -= released;
                        released
                    }
                };
                if let Some(slot) = line.per_quarter.get_mut(q) {
                    *slot = figure;
                }
            }
        }
    }
}
