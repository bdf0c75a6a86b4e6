//! Ledger tests against figures worked out by hand.

use super::*;
use rust_decimal::Decimal;
use rust_decimal::dec;

fn terms(carry: Decimal, pref: Decimal, catch_up: Decimal) -> Terms<Decimal> {
    Terms::simple(
        carry,
        (Decimal::ONE + pref).fourth_root().unwrap_or(Decimal::ONE),
        catch_up,
    )
}

fn close(a: Decimal, b: Decimal, tolerance: Decimal) -> bool {
    (a - b).abs() < tolerance
}

#[test]
fn european_textbook_example_lp_110m_gp_15m() {
    // Contributed 50M, proceeds 125M after 5 years, 8% preferred compounding annually,
    // 100% catch-up, 20% carry. By hand: capital 50; pref 50 × (1.08^5 − 1) =
    // 23.4664; catch-up until GP = 20% of profit; profit 75 → GP 15, LP 50 + 60 = 110.
    let t = terms(dec!(0.20), dec!(0.08), dec!(1));
    let mut ledger = Ledger::new(&t);
    ledger.contribute(dec!(50_000_000));
    for _ in 0..20 {
        ledger.accrue_quarter(&t);
    }
    let split = ledger.distribute(dec!(125_000_000), &t);
    assert!(close(split.partners, dec!(110_000_000), dec!(0.000001)));
    assert!(close(split.carry, dec!(15_000_000), dec!(0.000001)));
    assert_eq!(split.partners + split.carry, dec!(125_000_000));
}

#[test]
fn below_the_hurdle_the_gp_gets_nothing() {
    // 100 in, 5 years at 8%: hurdle 146.93; 140 back is all capital and pref.
    let t = terms(dec!(0.20), dec!(0.08), dec!(1));
    let mut ledger = Ledger::new(&t);
    ledger.contribute(dec!(100));
    for _ in 0..20 {
        ledger.accrue_quarter(&t);
    }
    let split = ledger.distribute(dec!(140), &t);
    assert_eq!(split.carry, Decimal::ZERO);
    assert_eq!(split.partners, dec!(140));
}

#[test]
fn partial_catch_up_splits_the_catch_up_tier() {
    // 100 in with 10 of preferred return accrued, 150 out, 80% catch-up, 20% carry.
    // By hand: capital 100, pref 10; catch-up y solves 0.8y = 0.2(10 + y) → y = 10/3
    // (GP 8/3, partners 2/3); the remaining 110/3 splits 80/20 (GP 22/3).
    // GP total 8/3 + 22/3 = 10 = 20% of the 50 profit.
    let t = Terms::simple(dec!(0.2), Decimal::ONE, dec!(0.8));
    let mut ledger = Ledger::new(&t);
    ledger.contribute(dec!(100));
    ledger.hurdle.balance += dec!(10); // pretend 10 of preferred return accrued
    ledger.hurdle.accrued += dec!(10);
    let split = ledger.distribute(dec!(150), &t);
    assert!(close(split.carry, dec!(10), dec!(0.0000001)));
    assert_eq!(split.partners + split.carry, dec!(150));
}

#[test]
fn distributions_in_instalments_match_one_lump() {
    let t = terms(dec!(0.20), dec!(0.08), dec!(1));
    let mut one = Ledger::new(&t);
    one.contribute(dec!(1000));
    let mut many = one.clone();
    let lump = one.distribute(dec!(2500), &t);
    let mut carry = Decimal::ZERO;
    for _ in 0..25 {
        carry += many.distribute(dec!(100), &t).carry;
    }
    assert!(close(lump.carry, carry, dec!(0.000001)));
    assert_eq!(lump.carry, dec!(300)); // 20% of 1500 profit, no time for the pref to bind
}

#[test]
fn interim_carry_above_the_lifetime_entitlement_is_the_excess() {
    // 100 in; a year at 8% (pref 8); 150 out: capital 100, pref 8, catch-up
    // 0.2 × 8 / 0.8 = 2 (all GP), rest 40 split → GP 8: interim carry 10 (20% of 50).
    // Then 100 more in and 4 years with nothing out. Hurdle account: 108 − 150 = −42,
    // + 100 = 58, compounding 4 years: 58 × 1.08^4 = 58 × 1.36048896 = 78.90836; pref 8 + 20.90836 = 28.90836.
    // Whole life: 150 back against 200 contributed + 28.91 pref: entitlement 0, so the
    // GP holds 10 of carry above it.
    let t = terms(dec!(0.20), dec!(0.08), dec!(1));
    let mut ledger = Ledger::new(&t);
    ledger.contribute(dec!(100));
    for _ in 0..4 {
        ledger.accrue_quarter(&t);
    }
    let interim = ledger.distribute(dec!(150), &t);
    assert!(close(interim.carry, dec!(10), dec!(0.01)));
    ledger.contribute(dec!(100));
    for _ in 0..16 {
        ledger.accrue_quarter(&t);
    }
    assert!(close(ledger.preferred_return(&t), dec!(28.90836), dec!(0.00001)));
    assert_eq!(ledger.entitlement(Decimal::ZERO, &t), Decimal::ZERO);
    assert_eq!(ledger.carry_on(dec!(50), &t), Decimal::ZERO); // 200 back < 228.9
    assert_eq!(
        ledger.carry_paid - ledger.entitlement(Decimal::ZERO, &t),
        interim.carry
    );
}

#[test]
fn multiple_hurdle_and_the_higher_of_both() {
    // 100 in, 5 years: IRR pref at 8% = 100 × (1.08^5 − 1) = 46.93; a 1.3x multiple
    // hurdle is a pref of 30. 146 distributed:
    // - Irr: 146 < 146.93 → carry 0.
    // - Multiple: partners 130, catch-up 0.2 × 30 / 0.8 = 7.5 to the GP, the other 8.5
    //   split 20% → 1.7; carry 9.2.
    // - Higher: the IRR pref (46.93) binds → 0.
    // And with a 1.5x multiple and 200 out: partners 150, catch-up 12.5, rest 37.5 → 7.5;
    // carry 20 = 20% of the 100 profit.
    let mut t = terms(dec!(0.20), dec!(0.08), dec!(1));
    t.hurdle_multiple = dec!(1.3);
    let mut ledger = Ledger::new(&t);
    ledger.contribute(dec!(100));
    for _ in 0..20 {
        ledger.accrue_quarter(&t);
    }
    for (kind, carry) in [
        (HurdleKind::Irr, dec!(0)),
        (HurdleKind::Multiple, dec!(9.2)),
        (HurdleKind::Higher, dec!(0)),
    ] {
        t.hurdle = kind;
        assert!(
            close(ledger.clone().distribute(dec!(146), &t).carry, carry, dec!(0.001)),
            "{kind:?}"
        );
    }
    t.hurdle = HurdleKind::Multiple;
    t.hurdle_multiple = dec!(1.5);
    assert_eq!(ledger.clone().distribute(dec!(160), &t).carry, dec!(10)); // mid catch-up
    assert_eq!(ledger.distribute(dec!(200), &t).carry, dec!(20));
}

#[test]
fn tiered_carry_on_a_net_multiple() {
    // 100 in, no time (no pref, so no catch-up); 20% up to a 2.5x net multiple, 25% above.
    // 400 out: capital 100; at 20% partners reach 250 net after (250 − 100) / 0.8 = 187.5
    // (GP 37.5); the last 400 − 100 − 187.5 = 112.5 pays 25% → 28.125. GP 65.625.
    let mut t = terms(dec!(0.20), dec!(0.08), dec!(1));
    t.tiers = vec![Tier {
        above_multiple: Some(dec!(2.5)),
        above_irr_quarter_factor: None,
        rate: dec!(0.25),
    }];
    let mut ledger = Ledger::new(&t);
    ledger.contribute(dec!(100));
    let split = ledger.distribute(dec!(400), &t);
    assert_eq!(split.carry, dec!(65.63)); // 65.625 to the cent, half away from zero
    assert_eq!(split.partners, dec!(334.37));
}

#[test]
fn tiered_carry_on_a_net_irr_needs_both_thresholds_when_both_are_given() {
    // 100 in, one year; pref 8% (8), tier at a 20% net IRR (account 100 → 120) at 25%.
    // 200 out: capital 100 + pref 8; catch-up 0.2 × 8 / 0.8 = 2 to the GP; partners at
    // 108 reach 120 after 12 / 0.8 = 15 (GP 3); the last 75 pays 25% = 18.75.
    // GP 2 + 3 + 18.75 = 23.75. Adding a 1.1x multiple (110 < 120) changes nothing; a
    // 1.3x multiple (130) moves the start: 22 / 0.8 = 27.5 at 20% (GP 5.5), the last
    // 62.5 at 25% = 15.625; GP 2 + 5.5 + 15.625 = 23.125.
    let mut t = terms(dec!(0.20), dec!(0.08), dec!(1));
    let irr = (dec!(1.2)).fourth_root();
    for (multiple, expected) in [
        (None, dec!(23.75)),
        (Some(dec!(1.1)), dec!(23.75)),
        (Some(dec!(1.3)), dec!(23.125)),
    ] {
        t.tiers = vec![Tier {
            above_multiple: multiple,
            above_irr_quarter_factor: irr,
            rate: dec!(0.25),
        }];
        let mut ledger = Ledger::new(&t);
        ledger.contribute(dec!(100));
        for _ in 0..4 {
            ledger.accrue_quarter(&t);
        }
        let gp = ledger.entitlement(dec!(200), &t);
        assert!(close(gp, expected, dec!(0.0001)), "{multiple:?}: {gp}");
    }
}

#[test]
fn floor_money_rounds_down_to_the_cent() {
    assert_eq!(floor_money(dec!(1.006)), dec!(1.00));
    assert_eq!(floor_money(dec!(1.004)), dec!(1.00));
    assert_eq!(floor_money(dec!(-0.004)), dec!(-0.01));
    assert_eq!(floor_money(dec!(2.5)), dec!(2.5));
    assert!((floor_money(1.006_f64) - 1.006).abs() < 1e-12);
}
