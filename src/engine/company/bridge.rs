//! The value-creation bridge: where the equity gain from entry to exit came from.

use super::prepare::PreparedCompany;
use super::valuation::ExitFigures;
use crate::engine::num::Num;
use crate::engine::results::ValueBridge;

impl<T: Num> PreparedCompany<T> {
    /// The bridge of this company from entry to `exit`.
    pub(super) fn bridge(&self, exit: &ExitFigures<T>) -> ValueBridge<T> {
        let entry_ebitda = self.entry_ebitda();
        let four = T::from_i64(4);
        let entry_pools = self.pools.map(|share| self.entry_revenue_quarter * share);
        let entry_cost_of_goods = entry_pools.iter().take(4).copied().sum();
        value_bridge(&BridgeInputs {
            entry_revenue: self.entry_revenue_quarter * four,
            entry_ebitda,
            entry_multiple: self.entry_multiple,
            entry_net_debt: self.entry_debt - self.terms.minimum_cash,
            entry_working_capital: self.terms.working_capital(
                self.entry_revenue_quarter,
                entry_cost_of_goods,
                T::one(),
            ),
            entry_costs: self.entry_enterprise_value() * self.entry_cost_share(),
            exit_revenue_without_levers: exit.revenue_without_levers,
            exit_ebitda_without_levers: exit.ebitda_without_levers,
            exit_ebitda: exit.ebitda,
            exit_multiple: exit.sale_multiple,
            exit_net_debt: exit.net_debt,
            exit_working_capital: exit.working_capital,
            exit_costs: exit.sale_costs,
            management_pool: exit.management_pool,
        })
    }
}

/// The figures a value-creation bridge is built from (100 % of the company, annual).
#[derive(Debug, Clone, Copy)]
pub struct BridgeInputs<T> {
    /// Annual revenue at entry.
    pub entry_revenue: T,
    /// Annual EBITDA at entry.
    pub entry_ebitda: T,
    /// Entry EV / EBITDA.
    pub entry_multiple: T,
    /// Debt at entry, less the minimum cash put on the balance sheet.
    pub entry_net_debt: T,
    /// Receivables and inventory less payables at entry.
    pub entry_working_capital: T,
    /// Transaction costs at entry.
    pub entry_costs: T,
    /// Run-rate revenue at exit had no lever been applied.
    pub exit_revenue_without_levers: T,
    /// Run-rate EBITDA at exit had no lever been applied.
    pub exit_ebitda_without_levers: T,
    /// Run-rate EBITDA at exit, levers included.
    pub exit_ebitda: T,
    /// Exit EV / EBITDA.
    pub exit_multiple: T,
    /// Debt and overdraft less cash at exit.
    pub exit_net_debt: T,
    /// Working capital at exit.
    pub exit_working_capital: T,
    /// Costs of the sale.
    pub exit_costs: T,
    /// The management incentive pool paid at the sale (positive).
    pub management_pool: T,
}

/// Splits the change in equity value from entry to exit.
///
/// `ΔEquity = ΔEBITDA × M0 + ΔM × EBITDA0 + ΔM × ΔEBITDA + (ND0 − ND1)`; the EBITDA term is
/// split into revenue growth (baseline revenue change at the entry margin), AI levers
/// (exit EBITDA with levers minus without) and other margin (the rest, operating leverage
/// of fixed costs included); the net-debt term into working capital (`WC0 − WC1`, cash
/// released or tied up) and deleveraging (the rest). Leakage — the deal costs and the
/// management pool — is reported beside, between exit equity and the owners' proceeds.
/// Every line is booked to the cent and other margin is the remainder (at most a few
/// cents of rounding besides the margin drift), so the lines reconcile exactly.
pub fn value_bridge<T: Num>(x: &BridgeInputs<T>) -> ValueBridge<T> {
    let entry_margin = if x.entry_revenue > T::zero() {
        x.entry_ebitda / x.entry_revenue
    } else {
        T::zero()
    };
    let ebitda_growth = x.exit_ebitda - x.entry_ebitda;
    let ai_ebitda = x.exit_ebitda - x.exit_ebitda_without_levers;
    let revenue_ebitda = (x.exit_revenue_without_levers - x.entry_revenue) * entry_margin;
    let multiple_change = x.exit_multiple - x.entry_multiple;
    let working_capital = (x.entry_working_capital - x.exit_working_capital).round_money();
    let costs = (-x.entry_costs - x.exit_costs).round_money();
    let management_pool = (-x.management_pool).round_money();
    let entry_equity = (x.entry_multiple * x.entry_ebitda - x.entry_net_debt).round_money();
    let exit_equity = (x.exit_multiple * x.exit_ebitda - x.exit_net_debt).round_money();
    let revenue_growth = (revenue_ebitda * x.entry_multiple).round_money();
    let ai_levers = (ai_ebitda * x.entry_multiple).round_money();
    let multiple_expansion = (multiple_change * x.entry_ebitda).round_money();
    let cross_term = (multiple_change * ebitda_growth).round_money();
    let deleveraging = (x.entry_net_debt - x.exit_net_debt).round_money() - working_capital;
    // Booked to the cent, with the margin drift as the remainder, so the lines add up to
    // the change in equity exactly.
    let other_margin = exit_equity
        - entry_equity
        - revenue_growth
        - ai_levers
        - multiple_expansion
        - cross_term
        - working_capital
        - deleveraging;
    ValueBridge {
        entry_equity,
        revenue_growth,
        ai_levers,
        other_margin,
        multiple_expansion,
        cross_term,
        working_capital,
        deleveraging,
        entry_costs: x.entry_costs.round_money(),
        costs,
        management_pool,
        leakage: costs + management_pool,
        exit_equity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn bridge_textbook_example() {
        // Entry 10x on 100 EBITDA with 600 net debt (equity 400); exit 11x on 150 with
        // 400 net debt (equity 1250). By hand: 850 = 500 EBITDA growth (50 × 10)
        // + 100 multiple (1 × 100) + 50 cross term (1 × 50) + 200 deleveraging.
        // Revenue 1000 → 1500 at a constant 10% margin, so all growth is revenue growth.
        let b = value_bridge(&BridgeInputs {
            entry_revenue: dec!(1000),
            entry_ebitda: dec!(100),
            entry_multiple: dec!(10),
            entry_net_debt: dec!(600),
            entry_working_capital: dec!(0),
            entry_costs: dec!(0),
            exit_revenue_without_levers: dec!(1500),
            exit_ebitda_without_levers: dec!(150),
            exit_ebitda: dec!(150),
            exit_multiple: dec!(11),
            exit_net_debt: dec!(400),
            exit_working_capital: dec!(0),
            exit_costs: dec!(0),
            management_pool: dec!(0),
        });
        assert_eq!(b.entry_equity, dec!(400));
        assert_eq!(b.exit_equity, dec!(1250));
        assert_eq!(b.revenue_growth, dec!(500));
        assert_eq!(b.ai_levers, dec!(0));
        assert_eq!(b.other_margin, dec!(0));
        assert_eq!(b.multiple_expansion, dec!(100));
        assert_eq!(b.cross_term, dec!(50));
        assert_eq!(b.deleveraging, dec!(200));
        let total = b.revenue_growth
            + b.ai_levers
            + b.other_margin
            + b.multiple_expansion
            + b.cross_term
            + b.deleveraging;
        assert_eq!(total, dec!(850));
    }

    #[test]
    fn bridge_separates_ai_gains_from_revenue_growth() {
        // Same deal, but 30 of the 50 EBITDA gain comes from levers (without levers: 120
        // on 1200 revenue). By hand: revenue 200 × 10% × 10 = 200; AI 30 × 10 = 300;
        // other 0; the four EBITDA-growth parts still sum to 500.
        let b = value_bridge(&BridgeInputs {
            entry_revenue: dec!(1000),
            entry_ebitda: dec!(100),
            entry_multiple: dec!(10),
            entry_net_debt: dec!(600),
            entry_working_capital: dec!(0),
            entry_costs: dec!(20),
            exit_revenue_without_levers: dec!(1200),
            exit_ebitda_without_levers: dec!(120),
            exit_ebitda: dec!(150),
            exit_multiple: dec!(11),
            exit_net_debt: dec!(400),
            exit_working_capital: dec!(0),
            exit_costs: dec!(33),
            management_pool: dec!(0),
        });
        assert_eq!(b.revenue_growth, dec!(200));
        assert_eq!(b.ai_levers, dec!(300));
        assert_eq!(b.other_margin, dec!(0));
        assert_eq!(b.costs, dec!(-53));
    }

    #[test]
    fn working_capital_and_the_management_pool_get_their_own_lines() {
        // The textbook deal, but working capital grew from 150 to 190 (40 of cash tied
        // up) and management took 60 at the sale, with 33 of exit costs. By hand:
        // net debt fell 200, of which −40 is working capital, so deleveraging from cash
        // generated is 240; leakage = −33 − 60 = −93; the drivers still sum to 850.
        let b = value_bridge(&BridgeInputs {
            entry_revenue: dec!(1000),
            entry_ebitda: dec!(100),
            entry_multiple: dec!(10),
            entry_net_debt: dec!(600),
            entry_working_capital: dec!(150),
            entry_costs: dec!(0),
            exit_revenue_without_levers: dec!(1500),
            exit_ebitda_without_levers: dec!(150),
            exit_ebitda: dec!(150),
            exit_multiple: dec!(11),
            exit_net_debt: dec!(400),
            exit_working_capital: dec!(190),
            exit_costs: dec!(33),
            management_pool: dec!(60),
        });
        assert_eq!(b.working_capital, dec!(-40));
        assert_eq!(b.deleveraging, dec!(240));
        assert_eq!(b.management_pool, dec!(-60));
        assert_eq!(b.leakage, dec!(-93));
        let drivers = b.revenue_growth
            + b.ai_levers
            + b.other_margin
            + b.multiple_expansion
            + b.cross_term
            + b.working_capital
            + b.deleveraging;
        assert_eq!(b.entry_equity + drivers, b.exit_equity);
    }
}
