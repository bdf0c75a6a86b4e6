//! Each row of a company statement obeys the definitions of `CompanyPeriod`'s doc
//! comments (src/engine/results.rs), on both samples as they stand and on the $100B
//! sample with its shared platform charged to the companies by revenue, where the
//! platform charge is a line of its own between the monitoring fee and EBIT.

use millwright::engine::model::PlatformCharging;
use millwright::engine::study::{Case, Study};
use millwright::export::statement::{self, Statement};
use rust_decimal::Decimal;

use super::{SAMPLES, SCENARIO, figures, load, statements};

/// The figures are Decimals; a tolerance of 1e-10 (a hundred-millionth of a cent) only
/// allows for rounding in Decimal's 28th digit.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() <= Decimal::new(1, 10)
}

/// Checks every row of `s` (of `label`'s case) against the definitions:
/// - `ebit = ebitda − depreciation − lever_one_time_expensed − monitoring_fee −
///   platform_charge`;
/// - `net_debt = debt + overdraft − cash`;
/// - EBITDA is revenue less the pools after the levers and the levers' run costs, so
///   `Σ pool costs + lever run costs = revenue − EBITDA`;
/// - leverage is net debt / LTM EBITDA, blank exactly when LTM EBITDA is not positive.
#[expect(
    clippy::indexing_slicing,
    reason = "a test helper: every column has one figure per row, and a panic is a failed test"
)]
fn assert_rows_reconcile(label: &str, s: &Statement) {
    let pools = ["Materials", "Direct labour", "Energy", "Maintenance", "Overhead"]
        .map(|p| format!("{p} cost (USD)"));
    let at = |h: &str| figures(s, h);
    let (revenue, ebitda, ltm) = (at("Revenue (USD)"), at("EBITDA (USD)"), at("LTM EBITDA (USD)"));
    let (da, expensed, ebit) = (
        at("D&A (USD)"),
        at("Lever one-time costs expensed (USD)"),
        at("EBIT (USD)"),
    );
    let (monitoring, platform) = (at("Monitoring fee (USD)"), at("Platform charge (USD)"));
    let (debt, overdraft, cash, net_debt) = (
        at("Debt (USD)"),
        at("Overdraft (USD)"),
        at("Cash (USD)"),
        at("Net debt (USD)"),
    );
    let run_costs = at("Lever run costs (USD)");
    let pool_columns: Vec<Vec<Decimal>> = pools.iter().map(|p| at(p)).collect();
    let leverage = s.column_values("Leverage (x)").unwrap_or_default();
    assert!(
        ebitda.iter().any(|e| *e > Decimal::ZERO),
        "{}: no EBITDA",
        s.company
    );
    for (i, row) in s.rows.iter().enumerate() {
        let place = format!("{label} {} {}", s.company, row.date);
        assert!(
            close(
                ebit[i],
                ebitda[i] - da[i] - expensed[i] - monitoring[i] - platform[i]
            ),
            "{place}: EBIT {} ≠ EBITDA {} − D&A {} − expensed {} − monitoring fee {} − platform \
             charge {}",
            ebit[i],
            ebitda[i],
            da[i],
            expensed[i],
            monitoring[i],
            platform[i]
        );
        assert!(
            close(net_debt[i], debt[i] + overdraft[i] - cash[i]),
            "{place}: net debt {} ≠ debt {} + overdraft {} − cash {}",
            net_debt[i],
            debt[i],
            overdraft[i],
            cash[i]
        );
        let costs: Decimal = pool_columns.iter().map(|c| c[i]).sum::<Decimal>() + run_costs[i];
        assert!(
            close(costs, revenue[i] - ebitda[i]),
            "{place}: pools + run costs {costs} ≠ revenue {} − EBITDA {}",
            revenue[i],
            ebitda[i]
        );
        match leverage[i] {
            None => assert!(ltm[i] <= Decimal::ZERO, "{place}: leverage blank"),
            Some(x) => assert!(close(x * ltm[i], net_debt[i]), "{place}: leverage {x}"),
        }
    }
}

/// Each row of every company of both samples, base case and scenario, reconciles (the
/// samples pay their platform as a fund expense: the platform charge is zero).
#[test]
fn every_row_obeys_the_statement_identities() {
    for name in SAMPLES {
        let study = Study::new(load(name), 0);
        for scenario in [None, Some(SCENARIO)] {
            let case = Case::named(scenario);
            for s in statements(&study, &case) {
                assert_rows_reconcile(&format!("{name} {case}"), &s);
                assert!(figures(&s, "Platform charge (USD)").iter().all(Decimal::is_zero));
            }
        }
    }
}

/// The $100B sample with its platform charged to the companies by revenue: every row
/// still reconciles, with the charge as its own line — and the charge is large enough
/// that EBIT would not reconcile without it (the identity of the statement before the
/// line, `EBITDA − D&A − expensed − monitoring fee`, misses by the charge, in many
/// rows). The CSV carries the line under its heading.
#[test]
fn a_platform_charged_by_revenue_is_a_line_of_its_own_and_ebit_reconciles() {
    let mut portfolio = load("industrial_ai_100b.json");
    assert!(
        !portfolio.programme.platforms.is_empty(),
        "the sample has a platform"
    );
    for platform in &mut portfolio.programme.platforms {
        platform.charging = PlatformCharging::ByRevenue;
    }
    let study = Study::new(portfolio, 0);
    let mut rows_charged = 0;
    for scenario in [None, Some(SCENARIO)] {
        let case = Case::named(scenario);
        for s in statements(&study, &case) {
            assert_rows_reconcile(&format!("charged by revenue, {case}"), &s);
            let at = |h: &str| figures(&s, h);
            let (ebitda, da, expensed, monitoring, ebit) = (
                at("EBITDA (USD)"),
                at("D&A (USD)"),
                at("Lever one-time costs expensed (USD)"),
                at("Monitoring fee (USD)"),
                at("EBIT (USD)"),
            );
            for (i, charge) in at("Platform charge (USD)").into_iter().enumerate() {
                assert!(charge >= Decimal::ZERO, "{}: a negative charge", s.company);
                if charge >= Decimal::ONE {
                    rows_charged += 1;
                    let without_line = ebitda[i] - da[i] - expensed[i] - monitoring[i];
                    assert!(
                        !close(ebit[i], without_line),
                        "{}: EBIT reconciles without the charge",
                        s.company
                    );
                }
            }
            let csv = statement::to_csv(&s);
            let header = csv.lines().next().unwrap_or_default();
            assert!(
                header.contains(",Monitoring fee (USD),Platform charge (USD),EBIT (USD),"),
                "{header}"
            );
        }
    }
    // The platform runs from its go-live in 2027 while its users are held: charged in
    // hundreds of company-quarters, not a handful.
    assert!(rows_charged > 100, "only {rows_charged} rows charged");
}
