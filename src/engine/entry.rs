//! Entry economics of an acquisition, each figure written down once: entry EBITDA, the
//! entry enterprise value and the fund's equity cheque. The projection (in `Decimal` for
//! the figures and `f64` for sweeps), validation's stage budgets and the editor's summary
//! all call these functions, so the cheque a budget is checked against is the cheque the
//! fund pays.

use rust_decimal::Decimal;

use super::model::{Company, CostPool};
use super::num::Num;

/// Annual entry EBITDA: entry revenue less the cost pools' shares of it,
/// `revenue × (1 − Σ pools)`. `cost_pool_shares` are in [`CostPool::ALL`] order.
pub fn entry_ebitda<T: Num>(entry_revenue: T, cost_pool_shares: [T; 5]) -> T {
    entry_revenue * (T::one() - cost_pool_shares.iter().copied().sum::<T>())
}

/// Entry enterprise value: the entry multiple times entry EBITDA.
pub fn enterprise_value<T: Num>(entry_multiple: T, entry_ebitda: T) -> T {
    entry_multiple * entry_ebitda
}

/// The fund's equity cheque at entry, booked to the cent: its ownership share of the
/// uses less the debt — enterprise value, transaction costs and the manager's transaction
/// fee (`transaction_costs`: their sum, a share of enterprise value) and the minimum cash
/// put on the balance sheet — less the acquisition debt.
pub fn equity_cheque<T: Num>(
    ownership: T,
    enterprise_value: T,
    entry_debt: T,
    transaction_costs: T,
    minimum_cash: T,
) -> T {
    (ownership * (enterprise_value - entry_debt + enterprise_value * transaction_costs + minimum_cash))
        .round_money()
}

/// The cost pools of `company` as shares of revenue, in [`CostPool::ALL`] order.
pub fn cost_pool_shares(company: &Company) -> [Decimal; 5] {
    CostPool::ALL.map(|pool| company.cost_pools.get(pool))
}

/// Entry EBITDA of `company` from its model fields.
pub fn company_entry_ebitda(company: &Company) -> Decimal {
    entry_ebitda(company.entry_revenue, cost_pool_shares(company))
}

/// Entry EBITDA margin of `company` (one minus its cost pools).
pub fn company_entry_margin(company: &Company) -> Decimal {
    entry_ebitda(Decimal::ONE, cost_pool_shares(company))
}

/// The fund's equity cheque for `company` from its model fields: the same figure the
/// projection books as the acquisition cash flow.
pub fn company_equity_cheque(company: &Company) -> Decimal {
    let ebitda = company_entry_ebitda(company);
    equity_cheque(
        company.ownership,
        enterprise_value(company.entry_multiple, ebitda),
        company.debt_multiple * ebitda,
        company.transaction_costs + company.transaction_fee,
        company.cash.minimum_cash,
    )
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::engine::model::CostPools;

    fn pools(materials: Decimal, overhead: Decimal) -> [Decimal; 5] {
        cost_pool_shares(&Company {
            cost_pools: CostPools {
                materials,
                overhead,
                ..CostPools::default()
            },
            ..crate::engine::defaults::template_company("S", chrono::NaiveDate::MIN, chrono::NaiveDate::MAX)
        })
    }

    #[test]
    fn entry_ebitda_is_revenue_less_the_pools() {
        // 1,000 of revenue with 50% materials and 30% overhead leaves 200.
        assert_eq!(entry_ebitda(dec!(1000), pools(dec!(0.5), dec!(0.3))), dec!(200));
        assert!((entry_ebitda(1000.0, [0.5, 0.0, 0.0, 0.0, 0.3]) - 200.0).abs() < 1e-9);
    }

    #[test]
    fn the_cheque_is_the_owned_equity_plus_costs_to_the_cent() {
        // EV 10 × 200 = 2,000; debt 4 × 200 = 800; costs 2% of EV = 40;
        // 60% of (2,000 − 800 + 40) = 744.
        assert_eq!(
            equity_cheque(dec!(0.6), dec!(2000), dec!(800), dec!(0.02), dec!(0)),
            dec!(744)
        );
        // With 60 of minimum cash funded at entry: 60% of (1,240 + 60) = 780.
        assert_eq!(
            equity_cheque(dec!(0.6), dec!(2000), dec!(800), dec!(0.02), dec!(60)),
            dec!(780)
        );
        // 1/3 of 100 is booked as 33.33.
        assert_eq!(
            equity_cheque(dec!(1) / dec!(3), dec!(100), dec!(0), dec!(0), dec!(0)),
            dec!(33.33)
        );
    }

    #[test]
    fn a_company_cheque_uses_its_own_fields() {
        let mut company =
            crate::engine::defaults::template_company("S", chrono::NaiveDate::MIN, chrono::NaiveDate::MAX);
        company.entry_revenue = dec!(1000);
        company.cost_pools = CostPools {
            materials: dec!(0.5),
            overhead: dec!(0.3),
            ..CostPools::default()
        };
        company.entry_multiple = dec!(10);
        company.debt_multiple = dec!(4);
        company.transaction_costs = dec!(0.02);
        company.ownership = dec!(0.6);
        assert_eq!(company_entry_ebitda(&company), dec!(200));
        assert_eq!(company_entry_margin(&company), dec!(0.2));
        assert_eq!(company_equity_cheque(&company), dec!(744));
    }
}
