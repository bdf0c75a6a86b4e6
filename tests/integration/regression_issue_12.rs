//! Regression tests for issue 12's bad input, run as a user would: the $100B sample with
//! one bad term is written to a file and `millwright check` must fail on it, printing an
//! error at the field's path whose message names the field in words with the figures.
//! The inputs: closes summing to more or less than the commitment, a class with no LPs,
//! a recycling cap outside 0–100 %, a credit line with a negative size, and a tiered
//! carry whose thresholds go down.

use std::process::Command;

use millwright::engine::model::{CarryTier, Close, CreditLine, LpClass, Portfolio};
use millwright::io::{portfolio_file, samples};
use rust_decimal::{Decimal, dec};

/// The $100B sample with an anchor class and a standard class, raised over two closes
/// (`anchor` at the first close, `standard` a year later).
fn flagship_with_closes(anchor: Decimal, standard: Decimal) -> Portfolio {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        p.fund.commitment,
        dec!(100_000_000_000),
        "the messages below assume $100bn"
    );
    let class = |name: &str, investors| LpClass {
        name: name.into(),
        investors,
        management_fee_rate: None,
        post_investment_fee_rate: None,
        carry_rate: None,
        preferred_return: None,
    };
    p.fund.investors.classes = vec![class("Anchor", 2), class("Standard", 140)];
    let first = p.fund.first_close;
    let second = first
        .checked_add_months(chrono::Months::new(12))
        .unwrap_or_else(|| panic!("no date a year after {first}"));
    p.fund.investors.closes = vec![
        Close {
            date: first,
            class: "Anchor".into(),
            amount: anchor,
        },
        Close {
            date: second,
            class: "Standard".into(),
            amount: standard,
        },
    ];
    p
}

/// `millwright check` on `p` written to a file: it must fail (exit 1); its listing.
pub(crate) fn check_fails(p: &Portfolio) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("bad.json");
    portfolio_file::save(&file, p).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args(["check", &file.to_string_lossy()])
        .output()
        .unwrap_or_else(|e| panic!("could not start millwright: {e}"));
    let listing = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{listing}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    listing
}

/// `listing` has the error line `error: {path}: {message}`.
pub(crate) fn assert_error(listing: &str, path: &str, message: &str) {
    let line = format!("error: {path}: {message}");
    assert!(
        listing.lines().any(|l| l == line),
        "expected\n{line}\nin\n{listing}"
    );
}

/// The same sample with closes that add up to the commitment checks clean of investor
/// problems (so the errors below are the bad input's).
#[test]
fn issue_12_closes_adding_up_to_the_commitment_are_accepted() {
    let p = flagship_with_closes(dec!(40_000_000_000), dec!(60_000_000_000));
    let problems = millwright::engine::validate::validate(&p);
    assert!(
        problems
            .iter()
            .all(|x| !x.path.to_string().starts_with("fund.investors")),
        "{problems:?}"
    );
}

/// Issue 12: closes of 40bn + 61bn = 101bn against a 100bn commitment (1bn over), and of
/// 40bn + 59.5bn = 99.5bn (0.5bn short).
#[test]
fn issue_12_closes_summing_to_more_or_less_than_the_commitment() {
    let listing = check_fails(&flagship_with_closes(dec!(40_000_000_000), dec!(61_000_000_000)));
    assert_error(
        &listing,
        "fund.investors.closes",
        "Closes add up to $101.0bn, $1.0bn more than the commitment ($100.0bn): \
         the close amounts must add up to the commitment",
    );
    let listing = check_fails(&flagship_with_closes(dec!(40_000_000_000), dec!(59_500_000_000)));
    assert_error(
        &listing,
        "fund.investors.closes",
        "Closes add up to $99.5bn, $500.0m less than the commitment ($100.0bn): \
         the close amounts must add up to the commitment",
    );
}

/// Issue 12: a class whose number of LPs is 0.
#[test]
fn issue_12_a_class_with_no_lps() {
    let mut p = flagship_with_closes(dec!(40_000_000_000), dec!(60_000_000_000));
    p.fund.investors.classes[0].investors = 0;
    assert_error(
        &check_fails(&p),
        "fund.investors.classes[0].investors",
        "LP class Anchor has no LPs: its number of LPs is 0, and a class needs at least one",
    );
}

/// Issue 12: a recycling cap of 120 % and of -10 % of commitments.
#[test]
fn issue_12_a_recycling_cap_outside_0_to_100_percent() {
    for (cap, shown) in [(dec!(1.2), "120%"), (dec!(-0.1), "-10%")] {
        let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        p.fund.recycling.cap_share = cap;
        assert_error(
            &check_fails(&p),
            "fund.recycling.cap_share",
            &format!("Recycling cap (share of commitments) is {shown}, must be between 0% and 100%"),
        );
    }
}

/// Issue 12: a credit line sized at -10 % of uncalled commitments, and one capped at
/// -1bn.
#[test]
fn issue_12_a_credit_line_with_a_negative_size() {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    p.fund.credit_line = Some(CreditLine {
        share_of_uncalled: dec!(-0.1),
        ..CreditLine::default()
    });
    assert_error(
        &check_fails(&p),
        "fund.credit_line.share_of_uncalled",
        "Credit line size (share of uncalled commitments) is -10%, must be between 0% and 100%",
    );
    p.fund.credit_line = Some(CreditLine {
        cap: dec!(-1_000_000_000),
        ..CreditLine::default()
    });
    assert_error(
        &check_fails(&p),
        "fund.credit_line.cap",
        "Credit line size cap cannot be negative (it is -$1.0bn)",
    );
}

/// Issue 12: carry tiers at 2.5x and then 2x net multiple.
#[test]
fn issue_12_a_tiered_carry_whose_thresholds_go_down() {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let tier = |multiple, rate| CarryTier {
        above_net_multiple: Some(multiple),
        above_net_irr: None,
        rate,
    };
    p.fund.carry_terms.tiers = vec![tier(dec!(2.5), dec!(0.2)), tier(dec!(2), dec!(0.25))];
    assert_error(
        &check_fails(&p),
        "fund.carry_terms.tiers[1].above_net_multiple",
        "Carry tier 2 net multiple is 2x, not above carry tier 1's 2.5x: tier thresholds must rise",
    );
}
