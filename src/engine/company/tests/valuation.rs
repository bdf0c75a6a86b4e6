//! Valuation conventions by hand: LTM EBITDA at exit, the marking policies, partial
//! exits, the management pool, the bridge's reconciliation and the f64 instance agreeing
//! with the exact one on the flagship sample.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, dec};

use super::{day, first_close, instant_lever, only, plain_company, portfolio_of, project};
use crate::engine::defaults::{template_company, template_lever};
use crate::engine::fund::{self, Detail};
use crate::engine::model::{
    Company, ComparablePath, CostPool, LeverFunding, LeverTarget, MarkingPolicy, MultiplePoint, PartialExit,
    Sector,
};

/// [`plain_company`] with materials cut 20 % from the first operating quarter: EBITDA
/// 25 a quarter at entry, 35 a quarter after (materials 50 → 40). LTM EBITDA counts the
/// quarters before the deal at entry EBITDA / 4 = 25, so it is 110, 120, 130, 140 in
/// quarters 1–4 while the last quarter × 4 is already 140. Cash piles up 35 a quarter.
fn stepped_up(hold_quarters: usize) -> Company {
    let mut c = plain_company(hold_quarters);
    c.levers = vec![instant_lever(
        LeverTarget::Pool(CostPool::Materials),
        dec!(0.2),
        0,
    )];
    c
}

#[test]
fn the_exit_is_on_ltm_ebitda() {
    // Sold at the end of quarter 2, 10×, 1 % exit costs. LTM = 25 + 25 + 35 + 35 = 120
    // (not 35 × 4 = 140). EV = 10 × 120 = 1,200; cash 2 × 35 = 70, no debt.
    // Proceeds = 1,200 × (1 − 1 %) + 70 = 1,188 + 70 = 1,258.
    let mut c = stepped_up(2);
    c.exit_costs = dec!(0.01);
    let r = project(&portfolio_of(vec![c]));
    let company = only(&r);
    let exit = &company.periods[2];
    assert_eq!(exit.ebitda, dec!(35));
    assert_eq!(exit.ltm_ebitda, dec!(120));
    assert_eq!(company.exit_ebitda, dec!(120));
    assert_eq!(exit.enterprise_value, dec!(1200));
    assert_eq!(exit.cash, dec!(70));
    assert_eq!(exit.fund_proceeds, dec!(1258));
    assert_eq!(company.proceeds, dec!(1258));
    assert_eq!(r.periods[2].gross_proceeds, dec!(1258));
    assert!(!exit.held);
}

#[test]
fn held_companies_are_marked_at_the_entry_multiple_and_linear_marks_higher() {
    // Bought at 8×, assumed sold at 12× after 8 quarters. At quarter 2 (LTM 120, cash 70):
    // entry-multiple mark EV = 8 × 120 = 960, equity = 960 + 70 = 1,030, all the fund's.
    // At quarter 4 (LTM 140, cash 140): 8 × 140 + 140 = 1,260.
    // Linear to exit: the multiple moves 4 turns over 8 quarters, half a turn a quarter:
    // 9× at quarter 2 → 1,080 + 70 = 1,150; 10× at quarter 4 → 1,400 + 140 = 1,540.
    let mut c = stepped_up(8);
    c.entry_multiple = dec!(8);
    c.exit_multiple = dec!(12);
    let p = portfolio_of(vec![c.clone()]);
    assert_eq!(
        p.fund.marking_policy,
        MarkingPolicy::EntryMultiple,
        "the default policy"
    );
    let r = project(&p);
    let periods = &only(&r).periods;
    assert_eq!(periods[2].multiple, dec!(8));
    assert_eq!(periods[2].enterprise_value, dec!(960));
    assert_eq!(periods[2].equity_value, dec!(1030));
    assert_eq!(periods[2].fund_equity_value, dec!(1030));
    assert_eq!(r.periods[2].gross_nav, dec!(1030));
    assert_eq!(periods[4].fund_equity_value, dec!(1260));
    assert_eq!(r.periods[4].gross_nav, dec!(1260));

    // The same company overriding the fund's policy with the linear move.
    c.marking_policy = Some(MarkingPolicy::LinearToExit);
    let linear = project(&portfolio_of(vec![c]));
    let lp = &only(&linear).periods;
    assert_eq!(lp[2].multiple, dec!(9));
    assert_eq!(lp[2].fund_equity_value, dec!(1150));
    assert_eq!(linear.periods[2].gross_nav, dec!(1150));
    assert_eq!(lp[4].multiple, dec!(10));
    assert_eq!(lp[4].fund_equity_value, dec!(1540));
    assert!(lp[2].fund_equity_value > periods[2].fund_equity_value);
}

#[test]
fn comparables_move_the_entry_multiple_with_the_sector_path() {
    // Sector path: 10× on 31 Mar 2026 (the acquisition), 12.5× on 30 Sep 2026, flat after.
    // Bought at 8×: the mark keeps the 0.8 ratio to the comparables.
    // Quarter 2 (30 Sep): 8 × 12.5 / 10 = 10×; EV 10 × 120 = 1,200, equity 1,270.
    // Quarter 3 (31 Dec, past the last point): still 10×; LTM 130, cash 105: 1,405.
    // Quarter 1 (30 Jun): 91 of the 183 days from 31 Mar to 30 Sep, so the sector is at
    // 10 + 2.5 × 91/183 and the mark 8 + 2 × 91/183 = 8 + 182/183 = 8.99453551912568…;
    // EV 110 × (8 + 182/183) = 880 + 20,020/183 = 989.39890710382513661…; equity + 35 of
    // cash = 1,024.3989071038251366… (division inexact: tolerance 1e-15).
    let mut c = stepped_up(8);
    c.entry_multiple = dec!(8);
    c.exit_multiple = dec!(12);
    assert_eq!(c.sector, Sector::IndustrialMachinery);
    let mut p = portfolio_of(vec![c]);
    p.fund.marking_policy = MarkingPolicy::Comparables;
    p.fund.comparable_multiples = vec![ComparablePath {
        sector: Sector::IndustrialMachinery,
        points: vec![
            MultiplePoint {
                date: first_close(),
                multiple: dec!(10),
            },
            MultiplePoint {
                date: day(2026, 9, 30),
                multiple: dec!(12.5),
            },
        ],
    }];
    let r = project(&p);
    let periods = &only(&r).periods;
    assert_eq!(periods[2].multiple, dec!(10));
    assert_eq!(periods[2].enterprise_value, dec!(1200));
    assert_eq!(periods[2].fund_equity_value, dec!(1270));
    assert_eq!(periods[3].multiple, dec!(10));
    assert_eq!(periods[3].fund_equity_value, dec!(1405));
    let tolerance = dec!(0.000000000000001);
    let q1_multiple = dec!(8) + dec!(182) / dec!(183);
    assert!(
        (periods[1].multiple - q1_multiple).abs() < tolerance,
        "{}",
        periods[1].multiple
    );
    assert!((periods[1].multiple - dec!(8.99453551912568)).abs() < dec!(0.00000000000001));
    let q1_equity = dec!(880) + dec!(20020) / dec!(183) + dec!(35);
    assert!((periods[1].fund_equity_value - q1_equity).abs() < tolerance);
    assert!((periods[1].fund_equity_value - dec!(1024.39890710382513)).abs() < dec!(0.00000000001));
}

#[test]
fn a_partial_exit_sells_a_share_of_the_original_holding() {
    // Half owned (cheque 0.5 × 1,000 = 500), 10× in, 12× out, flat EBITDA (LTM 100),
    // cash 25 a quarter. 40 % of the holding is sold on 30 Sep 2026 (quarter 2), the rest
    // at the exit in quarter 4.
    // Quarter 2 sale: EV 12 × 100 = 1,200, equity 1,200 + 50 = 1,250; the fund sells
    // 0.4 × 0.5 = 20 % of the company: 250. Ownership after: 30 %.
    // Mark of the rest (entry multiple): 0.3 × (1,000 + 50) = 315; quarter 3: 0.3 × 1,075
    // = 322.5. Cost basis: 500 until the sale, then 500 × 0.3 / 0.5 = 300.
    // Exit: 0.3 × (1,200 + 100) = 390. Proceeds in all 250 + 390 = 640.
    let mut c = plain_company(4);
    c.ownership = dec!(0.5);
    c.exit_multiple = dec!(12);
    c.partial_exits = vec![PartialExit {
        date: day(2026, 9, 30),
        share: dec!(0.4),
    }];
    let r = project(&portfolio_of(vec![c]));
    let company = only(&r);
    assert_eq!(company.equity_cheque, dec!(500));
    let sale = &company.periods[2];
    assert_eq!(sale.fund_proceeds, dec!(250));
    assert_eq!(sale.ownership, dec!(0.3));
    assert_eq!(sale.fund_equity_value, dec!(315));
    assert_eq!(company.periods[3].fund_equity_value, dec!(322.5));
    assert_eq!(company.periods[4].fund_proceeds, dec!(390));
    assert_eq!(company.proceeds, dec!(640));
    assert_eq!(r.periods[2].gross_proceeds, dec!(250));
    assert_eq!(r.periods[4].gross_proceeds, dec!(390));
    assert_eq!(r.periods[2].gross_nav, dec!(315));
    let basis: Vec<Decimal> = r.periods[..5].iter().map(|p| p.net_invested_capital).collect();
    assert_eq!(basis, vec![dec!(500), dec!(500), dec!(300), dec!(300), dec!(0)]);
}

#[test]
fn the_management_pool_is_paid_before_the_owners() {
    // Half owned; 10 % of the equity gain above 1.0× the equity invested (1,000, all
    // owners). Exit at 12× on LTM 100 after 4 quarters with 100 of cash: equity 1,300,
    // pool 0.1 × (1,300 − 1,000) = 30, the fund gets 0.5 × (1,300 − 30) = 635 — 15, its
    // half of the pool, less than the 650 it gets without a pool.
    // While held: at entry equity 1,000 is at the hurdle (pool 0); at quarter 2 equity
    // 1,050 accrues a pool of 5, and the fund's value is 0.5 × 1,045 = 522.5.
    let mut c = plain_company(4);
    c.ownership = dec!(0.5);
    c.exit_multiple = dec!(12);
    let without_pool = project(&portfolio_of(vec![c.clone()]));
    assert_eq!(only(&without_pool).proceeds, dec!(650));

    c.management_pool.share = dec!(0.1);
    c.management_pool.hurdle_multiple = dec!(1);
    let r = project(&portfolio_of(vec![c]));
    let company = only(&r);
    assert_eq!(company.periods[0].management_pool, Decimal::ZERO);
    assert_eq!(company.periods[0].fund_equity_value, dec!(500));
    assert_eq!(company.periods[2].management_pool, dec!(5));
    assert_eq!(company.periods[2].fund_equity_value, dec!(522.5));
    assert_eq!(company.periods[4].management_pool, dec!(30));
    assert_eq!(company.proceeds, dec!(635));
    assert_eq!(only(&without_pool).proceeds - company.proceeds, dec!(15));
    assert_eq!(company.bridge.management_pool, dec!(-30));
    assert_eq!(company.bridge.leakage, dec!(-30));
}

#[test]
fn the_bridge_reconciles_exactly_on_the_template_company() {
    // The template company (3 % growth, fixed costs, 60/75/50 working-capital days, 4×
    // debt, 10 % management pool) with the template's maintenance lever and a
    // fund-funded, half-capitalised inventory lever, 5M of minimum cash. The drivers must
    // add up to exit equity with no remainder, in Decimal.
    let mut c = template_company("Stage I", first_close(), day(2040, 12, 31));
    c.cash.minimum_cash = dec!(5_000_000);
    c.levers = vec![
        template_lever(),
        crate::engine::model::Lever {
            name: "Inventory".into(),
            effect: dec!(0.2),
            ramp_quarters: 4,
            one_time_cost: dec!(2_000_000),
            one_time_capex_share: dec!(0.5),
            funding: LeverFunding::FundFollowOn,
            ..instant_lever(LeverTarget::InventoryDays, dec!(0.2), 1)
        },
    ];
    let r = project(&portfolio_of(vec![c]));
    let company = only(&r);
    let b = &company.bridge;
    let drivers = b.revenue_growth
        + b.ai_levers
        + b.other_margin
        + b.multiple_expansion
        + b.cross_term
        + b.working_capital
        + b.deleveraging;
    assert_eq!(b.entry_equity + drivers, b.exit_equity);
    // Both ends by hand. Entry: EV 9 × 45M = 405M less debt 4 × 45M = 180M plus the 5M
    // of cash put on the balance sheet = 230M. Exit: 9 × LTM EBITDA less net debt then.
    assert_eq!(b.entry_equity, dec!(230_000_000));
    let exit = &company.periods[company.exit_index];
    // The bridge books every line to the cent (other margin takes the remainder).
    assert_eq!(
        b.exit_equity,
        (dec!(9) * company.exit_ebitda - exit.net_debt).round_dp(2)
    );
    // Working capital: the entry balance less the exit balance. Entry: quarterly revenue
    // 62.5M, cost of goods 67 % of it = 41.875M; (62.5M × 60 + 41.875M × (75 − 50)) × 4
    // / 365 = 19,187.5M / 365 = 52.568493150684931…M.
    let entry_wc = dec!(19_187_500_000) / dec!(365);
    assert!((company.periods[0].working_capital - entry_wc).abs() < dec!(0.000001));
    assert_eq!(
        b.working_capital,
        (company.periods[0].working_capital - exit.working_capital).round_dp(2)
    );
    assert!(b.ai_levers > Decimal::ZERO && b.revenue_growth > Decimal::ZERO);
}

/// `x` (exact) and `y` (f64) agree to 1e-9 relative, or to a cent where `x` is so small
/// that the cents Decimal books to dominate.
pub(super) fn agrees(x: Decimal, y: f64) -> bool {
    let x = x.to_f64().unwrap_or(f64::NAN);
    (x - y).abs() <= (1e-9 * x.abs()).max(0.01)
}

#[test]
fn f64_agrees_with_decimal_on_the_flagship_sample() {
    // The property test in engine::tests compares the fund's flows on small random
    // portfolios without the version-2 features; the flagship has all of them (working
    // capital, fixed costs, a comparables mark, a partial exit, management pools), so
    // compare the fund and each company's statement line by line.
    let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let exact = fund::project::<Decimal>(&p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"));
    let fast = fund::project::<f64>(&p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(exact.periods.len(), fast.periods.len());
    for (q, (a, b)) in exact.periods.iter().zip(&fast.periods).enumerate() {
        for (what, x, y) in [
            ("contributions", a.contributions, b.contributions),
            ("distributions", a.distributions, b.distributions),
            ("gross NAV", a.gross_nav, b.gross_nav),
            ("NAV", a.nav, b.nav),
            (
                "net invested capital",
                a.net_invested_capital,
                b.net_invested_capital,
            ),
        ] {
            assert!(agrees(x, y), "fund quarter {q} {what}: {x} vs {y}");
        }
    }
    for (a, b) in exact.companies.iter().zip(&fast.companies) {
        assert!(
            agrees(a.proceeds, b.proceeds),
            "{} proceeds: {} vs {}",
            a.name,
            a.proceeds,
            b.proceeds
        );
        assert!(agrees(a.follow_ons, b.follow_ons), "{} follow-ons", a.name);
        assert!(agrees(a.exit_ebitda, b.exit_ebitda), "{} exit EBITDA", a.name);
        assert!(
            agrees(a.bridge.exit_equity, b.bridge.exit_equity),
            "{} bridge",
            a.name
        );
        for (q, (x, y)) in a.periods.iter().zip(&b.periods).enumerate() {
            for (what, u, v) in [
                ("EBITDA", x.ebitda, y.ebitda),
                ("LTM EBITDA", x.ltm_ebitda, y.ltm_ebitda),
                ("tax", x.tax, y.tax),
                ("working capital", x.working_capital, y.working_capital),
                ("free cash flow", x.free_cash_flow, y.free_cash_flow),
                ("debt", x.debt, y.debt),
                ("overdraft", x.overdraft, y.overdraft),
                ("cash", x.cash, y.cash),
                ("equity value", x.equity_value, y.equity_value),
                ("fund equity value", x.fund_equity_value, y.fund_equity_value),
            ] {
                assert!(agrees(u, v), "{} quarter {q} {what}: {u} vs {v}", a.name);
            }
        }
    }
    assert!(exact.companies.iter().any(|c| !c.periods.is_empty()));
}
