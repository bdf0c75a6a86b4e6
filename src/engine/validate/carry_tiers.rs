//! Checks of the fund's carry tiers: each names a threshold (a net multiple above 0×, a
//! net IRR above −100 %), its carry rate lies in 0–100 %, and thresholds rise from tier
//! to tier (a threshold lower than the tier before it is an error at that field).

use rust_decimal::Decimal;

use super::{Checker, Rule};
use crate::engine::fields::{CarryTierPart, FieldPath};
use crate::engine::model::{CarryTier, Portfolio};

fn pct(value: Decimal) -> String {
    format!("{}%", (value * Decimal::ONE_HUNDRED).normalize())
}

/// One tier's own figures.
fn check_tier(c: &mut Checker, k: usize, tier: &CarryTier) {
    let n = k + 1;
    let path = |part| FieldPath::CarryTier { index: k, part };
    if !(Decimal::ZERO..=Decimal::ONE).contains(&tier.rate) {
        c.error(
            path(CarryTierPart::Rate),
            Rule::OutOfRange,
            format!(
                "Carry tier {n} carry rate is {}: it must be between 0% and 100%",
                pct(tier.rate)
            ),
        );
    }
    match (tier.above_net_multiple, tier.above_net_irr) {
        (None, None) => c.error(
            FieldPath::CarryTier {
                index: k,
                part: CarryTierPart::AboveNetMultiple,
            },
            Rule::Required,
            format!("Carry tier {n} names no threshold: give a net multiple, a net IRR or both"),
        ),
        (multiple, irr) => {
            if let Some(m) = multiple.filter(|m| *m <= Decimal::ZERO) {
                c.error(
                    path(CarryTierPart::AboveNetMultiple),
                    Rule::NotPositive,
                    format!(
                        "Carry tier {n} net multiple is {}x: it must be above 0x",
                        m.normalize()
                    ),
                );
            }
            if let Some(r) = irr.filter(|r| *r <= -Decimal::ONE) {
                c.error(
                    path(CarryTierPart::AboveNetIrr),
                    Rule::OutOfRange,
                    format!("Carry tier {n} net IRR is {}: it must be above -100%", pct(r)),
                );
            }
        }
    }
}

/// The fund's carry tiers.
pub(super) fn check_carry_tiers(c: &mut Checker, p: &Portfolio) {
    let tiers = &p.fund.carry_terms.tiers;
    for (k, tier) in tiers.iter().enumerate() {
        check_tier(c, k, tier);
    }
    for (k, pair) in tiers.windows(2).enumerate() {
        let [earlier, later] = pair else { continue };
        let (n, previous) = (k + 2, k + 1);
        let path = |part| FieldPath::CarryTier { index: k + 1, part };
        if let (Some(before), Some(now)) = (earlier.above_net_multiple, later.above_net_multiple)
            && now <= before
        {
            c.error(
                path(CarryTierPart::AboveNetMultiple),
                Rule::Inconsistent,
                format!(
                    "Carry tier {n} net multiple is {}x, not above carry tier {previous}'s {}x: tier thresholds must rise",
                    now.normalize(),
                    before.normalize()
                ),
            );
        }
        if let (Some(before), Some(now)) = (earlier.above_net_irr, later.above_net_irr)
            && now <= before
        {
            c.error(
                path(CarryTierPart::AboveNetIrr),
                Rule::Inconsistent,
                format!(
                    "Carry tier {n} net IRR is {}, not above carry tier {previous}'s {}: tier thresholds must rise",
                    pct(now),
                    pct(before)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use crate::engine::defaults::blank_portfolio;
    use crate::engine::fields::{CarryTierPart, FieldPath};
    use crate::engine::model::CarryTier;
    use crate::engine::validate::{Rule, Severity, validate};

    fn tier(multiple: Option<rust_decimal::Decimal>, irr: Option<rust_decimal::Decimal>) -> CarryTier {
        CarryTier {
            above_net_multiple: multiple,
            above_net_irr: irr,
            rate: dec!(0.25),
        }
    }

    #[test]
    fn a_tiered_carry_whose_thresholds_go_down_is_an_error_naming_the_field() {
        let mut p = blank_portfolio(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default());
        p.fund.carry_terms.tiers = vec![
            tier(Some(dec!(2.5)), Some(dec!(0.2))),
            tier(Some(dec!(2)), Some(dec!(0.25))),
        ];
        let problems = validate(&p);
        let down: Vec<_> = problems
            .iter()
            .filter(|pr| pr.rule == Rule::Inconsistent)
            .collect();
        assert_eq!(down.len(), 1, "{problems:?}");
        let problem = down[0];
        assert_eq!(problem.severity, Severity::Error);
        assert_eq!(
            problem.path,
            FieldPath::CarryTier {
                index: 1,
                part: CarryTierPart::AboveNetMultiple
            }
        );
        assert_eq!(
            problem.path.to_string(),
            "fund.carry_terms.tiers[1].above_net_multiple"
        );
        assert_eq!(
            problem.message,
            "Carry tier 2 net multiple is 2x, not above carry tier 1's 2.5x: tier thresholds must rise"
        );
    }

    #[test]
    fn rising_tiers_pass_and_bad_figures_are_named() {
        let mut p = blank_portfolio(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default());
        p.fund.carry_terms.tiers = vec![tier(Some(dec!(2)), None), tier(Some(dec!(3)), None)];
        assert!(
            validate(&p)
                .iter()
                .all(|pr| !pr.path.to_string().contains("tiers"))
        );
        p.fund.carry_terms.tiers = vec![
            CarryTier {
                rate: dec!(1.5),
                ..tier(Some(dec!(2)), None)
            },
            tier(None, None),
        ];
        let problems = validate(&p);
        let at = |index, part| {
            problems
                .iter()
                .find(|pr| pr.path == FieldPath::CarryTier { index, part })
        };
        assert!(at(0, CarryTierPart::Rate).is_some_and(|pr| pr.message.contains("150%")));
        assert!(at(1, CarryTierPart::AboveNetMultiple).is_some_and(|pr| pr.rule == Rule::Required));
    }
}
