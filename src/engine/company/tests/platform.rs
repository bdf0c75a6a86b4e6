//! A shared platform charged to the companies (rules at the top of
//! `engine::programme`, the split in `engine::programme::costs`): the charge by hand, EBIT
//! net of it, and the `f64` projection charging the same cents as the exact one.

use rust_decimal::{Decimal, dec};

use super::valuation::agrees;
use super::{first_close, instant_lever, plain_company, portfolio_of, project};
use crate::engine::company::{CompanyAdjustment, PreparedCompany};
use crate::engine::fund::{self, Detail};
use crate::engine::model::{CostPool, LeverTarget, Platform, PlatformCharging, Portfolio};
use crate::engine::num::Num;
use crate::engine::programme::{PlatformCosts, platform_costs, scheduled_companies};
use crate::engine::results::FundResult;

/// Three [`plain_company`]s bought at the first close and sold 8 quarters later, with
/// revenue 400M, 800M and 1,200M a year (100M, 200M and 300M a quarter, no growth), each
/// with a 10 % materials cut on the platform "Shared AI". The platform is live from the
/// first close and runs at 4M a year, 1,000,000.00 a quarter, charged by revenue.
fn three_users() -> Portfolio {
    let companies = [dec!(400_000_000), dec!(800_000_000), dec!(1_200_000_000)]
        .iter()
        .enumerate()
        .map(|(i, revenue)| {
            let mut c = plain_company(8);
            c.name = format!("User {}", i + 1);
            c.entry_revenue = *revenue;
            let mut cut = instant_lever(LeverTarget::Pool(CostPool::Materials), dec!(0.1), 0);
            cut.programme.platform = Some("Shared AI".into());
            c.levers = vec![cut];
            c
        })
        .collect();
    let mut p = portfolio_of(companies);
    p.fund.commitment = dec!(10_000_000_000);
    p.programme.platforms.push(Platform {
        name: "Shared AI".into(),
        go_live: first_close(),
        build_costs: Vec::new(),
        annual_run_cost: dec!(4_000_000),
        charging: PlatformCharging::ByRevenue,
    });
    p
}

fn project_f64(p: &Portfolio) -> FundResult<f64> {
    fund::project::<f64>(p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_charged_platform_splits_by_revenue_to_the_cent_and_f64_charges_the_same_cents() {
    // Quarters 1–8 (the three operate after the acquisition quarter 0 up to the exit in
    // quarter 8): keys 100M : 200M : 300M share 1,000,000.00. Exact shares 166,666.666…,
    // 333,333.333…, 500,000; rounded down they sum to 999,999.99 and the cent left goes
    // to the largest loss, the first's 0.666… of a cent: 166,666.67, 333,333.33,
    // 500,000.00, summing to 1,000,000.00. EBIT of User 1: revenue 100M − materials 50M ×
    // 0.9 − overhead 25M = EBITDA 30M, no D&A, expensed cost or monitoring fee, less the
    // charge: 29,833,333.33.
    let p = three_users();
    let exact = project(&p);
    let fast = project_f64(&p);
    let split = [dec!(166_666.67), dec!(333_333.33), dec!(500_000.00)];
    for q in 1..=8 {
        let charges: Vec<Decimal> = exact
            .companies
            .iter()
            .map(|c| c.periods[q].platform_charge)
            .collect();
        assert_eq!(charges, split, "quarter {q}");
        assert_eq!(charges.iter().copied().sum::<Decimal>(), dec!(1_000_000.00));
        for (a, b) in exact.companies.iter().zip(&fast.companies) {
            // Not merely close: the same cents (the split is worked out in Decimal).
            assert_eq!(
                b.periods[q].platform_charge,
                Num::to_f64(a.periods[q].platform_charge),
                "{} quarter {q}",
                a.name
            );
            assert!(agrees(a.periods[q].ebit, b.periods[q].ebit), "{} EBIT", a.name);
        }
    }
    let first = &exact.companies[0].periods[1];
    assert_eq!(first.ebitda, dec!(30_000_000));
    assert_eq!(first.ebit, dec!(29_833_333.33));
    assert_eq!(first.ebit, first.ebitda - first.platform_charge);
    for (q, (a, b)) in exact.periods.iter().zip(&fast.periods).enumerate() {
        for (what, x, y) in [
            ("contributions", a.contributions, b.contributions),
            ("distributions", a.distributions, b.distributions),
            ("NAV", a.nav, b.nav),
        ] {
            assert!(agrees(x, y), "fund quarter {q} {what}: {x} vs {y}");
        }
    }
}

/// `portfolio`'s platform costs over `len` quarters, its companies prepared as the fund
/// projection prepares them (scheduled, no adjustment).
fn costs_of<T: Num>(portfolio: &Portfolio, len: usize) -> PlatformCosts<T> {
    let prepared: Vec<PreparedCompany<T>> = scheduled_companies(portfolio)
        .iter()
        .map(|c| {
            PreparedCompany::new(c, &portfolio.fund, &CompanyAdjustment::default())
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    platform_costs(portfolio, &prepared, len, len - 1)
}

#[test]
fn on_the_flagship_a_charged_platform_sums_to_its_cost_and_f64_charges_the_same_cents() {
    // The $100B sample's platform charged by revenue and by levers live, over forty-odd
    // companies whose keys change every quarter: in each quarter the charges and what no
    // company could carry sum exactly to the cost the fund pays when it is a fund
    // expense, and the f64 instance charges every company the exact instance's cents.
    // The fund projections then agree as closely as without a charge (1e-9 relative or a
    // cent, the flagship test in `valuation`).
    let mut p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let len = project(&p).dates.len();
    let paid_by_fund = costs_of::<Decimal>(&p, len).fund_expenses;
    assert!(paid_by_fund.iter().any(|c| *c > Decimal::ZERO));
    for charging in [PlatformCharging::ByRevenue, PlatformCharging::ByUsage] {
        for platform in &mut p.programme.platforms {
            platform.charging = charging;
        }
        let exact = costs_of::<Decimal>(&p, len);
        let fast = costs_of::<f64>(&p, len);
        assert!(exact.charges_companies(), "{charging:?}");
        for (q, cost) in paid_by_fund.iter().enumerate() {
            let charged: Decimal = exact.company_charges.iter().filter_map(|c| c.get(q)).sum();
            assert_eq!(
                charged + exact.fund_expenses[q],
                *cost,
                "{charging:?} quarter {q}"
            );
        }
        assert_eq!(exact.company_charges.len(), fast.company_charges.len());
        for (a, b) in exact.company_charges.iter().zip(&fast.company_charges) {
            let as_f64: Vec<f64> = a.iter().map(|x| Num::to_f64(*x)).collect();
            assert_eq!(&as_f64, b, "{charging:?}");
        }
        let (exact, fast) = (project(&p), project_f64(&p));
        for (q, (a, b)) in exact.periods.iter().zip(&fast.periods).enumerate() {
            for (what, x, y) in [
                ("contributions", a.contributions, b.contributions),
                ("distributions", a.distributions, b.distributions),
                ("NAV", a.nav, b.nav),
            ] {
                assert!(agrees(x, y), "{charging:?} quarter {q} {what}: {x} vs {y}");
            }
        }
    }
}
