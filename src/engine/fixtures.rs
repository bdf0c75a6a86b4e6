//! Test fixtures the engine's test modules share (compiled only for tests): the plain
//! deal the fund tests reason about by hand.

use rust_decimal::{Decimal, dec};

use crate::engine::defaults::template_company;
use crate::engine::model::{Company, CostPools, FixedCosts, ManagementPool, WorkingCapital};

/// A deal worth exactly its cheque while held: 10M of revenue at a 20 % margin (EBITDA
/// 2M a year), 5× entry, no debt, no tax, no growth, no fixed costs, no working capital,
/// capex (20 % of revenue) equal to EBITDA, no transaction or exit costs, no management
/// pool; sold on `exit` at `exit_multiple ×` its EBITDA.
pub(crate) fn plain_deal(
    name: &str,
    acquired: chrono::NaiveDate,
    exit: chrono::NaiveDate,
    exit_multiple: Decimal,
) -> Company {
    let mut c = template_company("Stage I", acquired, exit);
    c.name = name.into();
    c.entry_revenue = dec!(10_000_000);
    c.revenue_growth = Decimal::ZERO;
    c.cost_pools = CostPools {
        materials: dec!(0.5),
        direct_labour: dec!(0.2),
        energy: dec!(0.03),
        maintenance: dec!(0.03),
        overhead: dec!(0.04),
    };
    c.fixed_costs = FixedCosts::default();
    c.working_capital = WorkingCapital::default();
    c.maintenance_capex = dec!(0.2);
    c.tax_rate = Decimal::ZERO;
    c.entry_multiple = dec!(5);
    c.debt_multiple = Decimal::ZERO;
    c.interest_rate = Decimal::ZERO;
    c.cash_sweep = Decimal::ZERO;
    c.transaction_costs = Decimal::ZERO;
    c.exit_multiple = exit_multiple;
    c.exit_costs = Decimal::ZERO;
    c.management_pool = ManagementPool::default();
    c.exit_date = exit;
    c
}
