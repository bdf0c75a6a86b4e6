//! Settlement tests against figures worked out by hand.

use super::*;
use rust_decimal::Decimal;
use rust_decimal::dec;

/// Two quarters: 10 of interim carry in the first, nothing in the second.
fn interim_ten() -> Vec<FundPeriod<Decimal>> {
    let mut periods = vec![FundPeriod::<Decimal>::default(); 2];
    periods[0].carried_interest = dec!(10);
    periods[0].lp_distributions = dec!(40);
    periods
}

fn settlement(escrow_share: Decimal, clawback_tax_rate: Decimal) -> Settlement<Decimal> {
    Settlement {
        escrow_share,
        clawback_tax_rate,
    }
}

#[test]
fn a_fund_below_its_hurdle_returns_all_interim_carry() {
    // Lifetime entitlement 0, 10 paid: clawback 10, all returned to LPs on the last date.
    let mut periods = interim_ten();
    settle(
        &mut periods,
        Some(Decimal::ZERO),
        settlement(Decimal::ZERO, Decimal::ZERO),
    );
    assert_eq!(periods[1].clawback, dec!(10));
    assert_eq!(periods[1].carried_interest, dec!(-10));
    assert_eq!(periods[1].lp_distributions, dec!(10));
    let carry: Decimal = periods.iter().map(|p| p.carried_interest).sum();
    assert_eq!(carry, Decimal::ZERO);
}

#[test]
fn escrow_funds_the_clawback_first_and_tax_relief_applies_to_the_rest() {
    // 20% escrow: 2 of the 10 held. Entitlement 0, excess 10: 2 from escrow in full; the
    // other 8 repaid net of a 30% tax: 8 × 0.7 = 5.6 (2.4 kept). Returned 7.6; on the
    // last date escrow −2, so the GP's cash carry that day is −7.6 − (−2) = −5.6.
    let mut periods = interim_ten();
    settle(
        &mut periods,
        Some(Decimal::ZERO),
        settlement(dec!(0.2), dec!(0.3)),
    );
    assert_eq!(periods[0].carry_escrowed, dec!(2));
    assert_eq!(periods[0].escrow_balance, dec!(2));
    assert_eq!(periods[1].clawback, dec!(7.6));
    assert_eq!(periods[1].clawback_tax_kept, dec!(2.4));
    assert_eq!(periods[1].carried_interest, dec!(-7.6));
    assert_eq!(periods[1].carry_escrowed, dec!(-2));
    assert_eq!(periods[1].escrow_balance, Decimal::ZERO);
}

#[test]
fn noise_below_half_a_cent_books_no_clawback() {
    // Entitlement 9.996 is 10.00 to the cent: the 10 paid is not above it.
    let mut periods = interim_ten();
    settle(
        &mut periods,
        Some(dec!(9.996)),
        settlement(Decimal::ZERO, Decimal::ZERO),
    );
    assert_eq!(periods[1].clawback, Decimal::ZERO);
    assert_eq!(periods[1].carried_interest, Decimal::ZERO);
}

#[test]
fn unused_escrow_is_released_and_accrued_carry_is_capped() {
    // Entitlement 12.344 (12.34 to the cent), 10 paid, 5 accrued on the final NAV: no
    // clawback; accrued cut to 2.34; the 2 in escrow released on the last date.
    let mut periods = interim_ten();
    periods[1].accrued_carry = dec!(5);
    settle(
        &mut periods,
        Some(dec!(12.344)),
        settlement(dec!(0.2), Decimal::ZERO),
    );
    assert_eq!(periods[1].clawback, Decimal::ZERO);
    assert_eq!(periods[1].accrued_carry, dec!(2.34));
    assert_eq!(periods[1].carry_escrowed, dec!(-2));
}
