//! Properties of the class accounts over random close schedules and class terms: the
//! classes add up to the fund's LPs in every quarter and equalisation only moves money
//! between them.

use proptest::prelude::*;
use rust_decimal::{Decimal, dec};

use super::tests::{class, close, d, deal, test_fund};
use crate::engine::fund::{Detail, project};
use crate::engine::model::{Portfolio, Waterfall};
use crate::engine::results::FundResult;

/// One class's random terms: fee, carry and pref, each either the fund's or its own, and
/// the quarter (0–7) of its close.
fn arbitrary_class() -> impl Strategy<Value = (Option<i64>, Option<i64>, Option<i64>, i64, i64)> {
    (
        proptest::option::of(100i64..=200),
        proptest::option::of(10i64..=25),
        proptest::option::of(0i64..=10),
        0i64..8,
        1i64..=5,
    )
}

/// The test fund with 1–3 classes, the first closing at the fund's first close, the
/// others in random quarters for random shares of the commitment; a GP commitment of
/// 0–3 %, either waterfall, and a second deal sold early (so some proceeds come before
/// later closes).
fn arbitrary_fund() -> impl Strategy<Value = Portfolio> {
    (
        proptest::collection::vec(arbitrary_class(), 1..=3),
        0i64..=3,
        0usize..3,
        20i64..=120,
        5i64..=30,
    )
        .prop_map(|(classes, gp_pct, waterfall, multiple_tenths, early_tenths)| {
            let mut p = test_fund();
            p.fund.gp_commitment_share = Decimal::new(gp_pct, 2);
            p.fund.waterfall = match waterfall {
                0 => Waterfall::European,
                1 => Waterfall::American { clawback: true },
                _ => Waterfall::American { clawback: false },
            };
            p.companies = vec![
                deal(
                    "Held",
                    d(2020, 2, 15),
                    d(2022, 11, 15),
                    Decimal::new(multiple_tenths, 1),
                ),
                deal(
                    "Early",
                    d(2020, 2, 20),
                    d(2020, 11, 15),
                    Decimal::new(early_tenths, 1),
                ),
            ];
            let parts: i64 = classes.iter().map(|c| c.4).sum();
            let mut allotted = Decimal::ZERO;
            for (i, (fee, carry, pref, quarter, part)) in classes.iter().enumerate() {
                let name = format!("Class {i}");
                let mut c = class(&name);
                c.management_fee_rate = fee.map(|bp| Decimal::new(bp, 4));
                c.carry_rate = carry.map(|pct| Decimal::new(pct, 2));
                c.preferred_return = pref.map(|pct| Decimal::new(pct, 2));
                p.fund.investors.classes.push(c);
                let amount = if i + 1 == classes.len() {
                    p.fund.commitment - allotted
                } else {
                    (p.fund.commitment * Decimal::from(*part) / Decimal::from(parts)).round_dp(2)
                };
                allotted += amount;
                let date = if i == 0 {
                    p.fund.first_close
                } else {
                    let month = u32::try_from(3 * quarter).unwrap_or(0);
                    d(2020 + i32::try_from(month / 12).unwrap_or(0), month % 12 + 1, 10)
                };
                p.fund.investors.closes.push(close(date, &name, amount));
            }
            p.fund.investors.closes.sort_by_key(|c| c.date);
            p
        })
}

fn computed(p: &Portfolio) -> FundResult {
    project(p, None, Detail::Full).unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_classes_add_up_to_the_lps_every_quarter(p in arbitrary_fund()) {
        let r = computed(&p);
        prop_assert_eq!(r.classes.len(), p.fund.investors.classes.len());
        for (q, f) in r.periods.iter().enumerate() {
            let sum = |field: fn(&crate::engine::results::CapitalAccountPeriod) -> Decimal| {
                r.classes.iter().map(|c| field(&c.periods[q])).sum::<Decimal>()
            };
            prop_assert_eq!(sum(|a| a.contributed), f.lp_contributions, "quarter {}", q);
            prop_assert_eq!(sum(|a| a.distributed), f.lp_distributions, "quarter {}", q);
            prop_assert_eq!(sum(|a| a.nav), f.lp_nav, "quarter {}", q);
            prop_assert_eq!(sum(|a| a.carried_interest), f.carried_interest, "quarter {}", q);
            prop_assert_eq!(sum(|a| a.management_fees), f.management_fees, "quarter {}", q);
            prop_assert_eq!(sum(|a| a.equalisation), Decimal::ZERO, "quarter {}", q);
            prop_assert_eq!(sum(|a| a.equalisation_interest), Decimal::ZERO, "quarter {}", q);
            // Whatever the classes' terms, the LPs, the GP commitment and the carry
            // share the proceeds to the cent.
            prop_assert_eq!(
                f.lp_distributions + f.gp_distributions + f.carried_interest,
                f.distributable_proceeds()
            );
        }
        // Once every close is in, each class's net flows are its entitled ones: in
        // proportion to its commitment when the classes hold the fund's terms (distributions
        // fronted before a close are netted in its equalisation, so compare paid-in less
        // distributed; a cent of rounding a quarter at most).
        let fund_terms = p.fund.investors.classes.iter().all(|c| {
            c.management_fee_rate.is_none() && c.carry_rate.is_none() && c.preferred_return.is_none()
        });
        if fund_terms {
            let net = |c: &crate::engine::results::ClassResult| c.metrics.paid_in - c.metrics.distributed;
            let total: Decimal = r.classes.iter().map(net).sum();
            let lp_commitment: Decimal = r.classes.iter().map(|c| c.commitment).sum();
            let tolerance = dec!(0.01) * Decimal::from(r.periods.len() as u64);
            for c in &r.classes {
                let expected = total * c.commitment / lp_commitment;
                prop_assert!((net(c) - expected).abs() <= tolerance, "{} net {} expected {}", c.name, net(c), expected);
            }
        }
    }

    #[test]
    fn a_sweep_gives_the_same_fund_figures(p in arbitrary_fund()) {
        let full = computed(&p);
        let sweep: FundResult = project(&p, None, Detail::FundOnly).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(&full.periods, &sweep.periods);
        for (a, b) in full.classes.iter().zip(&sweep.classes) {
            prop_assert_eq!(a.metrics.paid_in, b.metrics.paid_in);
            prop_assert_eq!(a.metrics.carried_interest, b.metrics.carried_interest);
        }
    }
}
