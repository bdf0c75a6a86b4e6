//! Checks of each lever's programme (issue 13): a gate probability outside 0–100 %, a
//! gate before its pilot ends, a pilot of no quarters, cost phasing with a negative share
//! or shares not summing to 100 %, a dis-synergy share outside 0–100 %, an evidence range
//! out of order (low ≤ base ≤ high). Each message names the company, the lever and the
//! field.

use rust_decimal::Decimal;

use super::fund::at;
use super::{Checker, Rule, pct};
use crate::engine::fields::Owner;
use crate::engine::model::{Lever, Portfolio};

pub(super) fn check_programmes(c: &mut Checker, p: &Portfolio) {
    for (i, company) in p.companies.iter().enumerate() {
        for (j, lever) in company.levers.iter().enumerate() {
            let name = if lever.name.trim().is_empty() {
                lever.kind.label()
            } else {
                lever.name.as_str()
            };
            let label = format!("Company '{}' lever '{name}'", company.name);
            check_lever(c, Owner::Lever { company: i, lever: j }, &label, lever);
        }
    }
}

/// The largest pilot cost accepted (a trillion in the fund's currency), so that no sum of
/// pilot costs can overflow.
const MAX_PILOT_COST: Decimal = rust_decimal::dec!(1_000_000_000_000);

fn check_lever(c: &mut Checker, owner: Owner, label: &str, lever: &Lever) {
    let programme = &lever.programme;
    let share = Decimal::ZERO..=Decimal::ONE;
    if let Some(pilot) = &programme.pilot
        && pilot.quarters == 0
    {
        c.error(
            at(owner, "programme.pilot.quarters"),
            Rule::NotPositive,
            format!("{label} pilot length must be at least one quarter"),
        );
    }
    if let Some(pilot) = &programme.pilot {
        if !share.contains(&pilot.effect) {
            c.error(
                at(owner, "programme.pilot.effect"),
                Rule::OutOfRange,
                format!(
                    "{label} pilot effect is {}: it must be between 0% and 100%",
                    pct(pilot.effect)
                ),
            );
        }
        if pilot.cost < Decimal::ZERO || pilot.cost > MAX_PILOT_COST {
            c.error(
                at(owner, "programme.pilot.cost"),
                Rule::OutOfRange,
                format!("{label} pilot cost must be between 0 and 1,000,000,000,000"),
            );
        }
    }
    if let Some(gate) = &programme.gate {
        if !share.contains(&gate.probability) {
            c.error(
                at(owner, "programme.gate.probability"),
                Rule::OutOfRange,
                format!(
                    "{label} gate probability is {}: it must be between 0% and 100%",
                    pct(gate.probability)
                ),
            );
        }
        if let Some(pilot) = &programme.pilot {
            // The pilot's last quarter is `start delay + quarters` after the acquisition.
            let pilot_end = pilot.start_delay_quarters.saturating_add(pilot.quarters.max(1));
            if gate.quarter < pilot_end {
                c.error(
                    at(owner, "programme.gate.quarter"),
                    Rule::DateOrder,
                    format!(
                        "{label} gate is {} after the acquisition, before its pilot ends ({} after)",
                        quarters(gate.quarter),
                        quarters(pilot_end)
                    ),
                );
            }
        }
    }
    check_phasing(c, owner, label, &programme.cost_phasing);
    if let Some(dis) = &programme.dis_synergy
        && !share.contains(&dis.share)
    {
        c.error(
            at(owner, "programme.dis_synergy.share"),
            Rule::OutOfRange,
            format!(
                "{label} dis-synergy share is {}: it must be between 0% and 100%",
                pct(dis.share)
            ),
        );
    }
    if let Some(evidence) = &programme.evidence
        && !(evidence.low <= evidence.base && evidence.base <= evidence.high)
    {
        c.error(
            at(owner, "programme.evidence.base"),
            Rule::Inconsistent,
            format!(
                "{label} evidence range is out of order (low {}, base {}, high {}): it must run low ≤ base ≤ high",
                pct(evidence.low),
                pct(evidence.base),
                pct(evidence.high)
            ),
        );
    }
}

fn check_phasing(c: &mut Checker, owner: Owner, label: &str, phasing: &[Decimal]) {
    if phasing.is_empty() {
        return;
    }
    // The phasing spreads the one-time cost: its problems are shown on that field.
    let path = at(owner, "one_time_cost");
    if let Some((k, negative)) = phasing.iter().enumerate().find(|(_, s)| **s < Decimal::ZERO) {
        c.error(
            path,
            Rule::Negative,
            format!(
                "{label} cost phasing has a negative share in quarter {} ({})",
                k + 1,
                pct(*negative)
            ),
        );
        return;
    }
    let total = phasing
        .iter()
        .try_fold(Decimal::ZERO, |sum, s| sum.checked_add(*s));
    if total != Some(Decimal::ONE) {
        c.error(
            path,
            Rule::Inconsistent,
            format!(
                "{label} cost phasing shares sum to {}: they must sum to 100%",
                total.map_or_else(|| "more than the model can hold".to_string(), pct)
            ),
        );
    }
}

/// "1 quarter", "3 quarters".
fn quarters(n: u32) -> String {
    if n == 1 {
        "1 quarter".into()
    } else {
        format!("{n} quarters")
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::engine::model::{DisSynergy, Evidence, Gate, GateFailure, Pilot};

    /// The problems the programme checks find on the sample's first lever with `change`.
    fn problems_after(change: impl FnOnce(&mut Lever)) -> Vec<String> {
        let mut p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        change(&mut p.companies[0].levers[0]);
        let mut c = Checker { problems: Vec::new() };
        check_programmes(&mut c, &p);
        c.problems
            .iter()
            .map(|x| format!("{}: {}", x.path, x.message))
            .collect()
    }

    fn gate(probability: Decimal, quarter: u32) -> Option<Gate> {
        Some(Gate {
            quarter,
            probability,
            on_failure: GateFailure::KeepPilot,
        })
    }

    #[test]
    fn a_lever_without_a_programme_has_no_problem() {
        assert_eq!(problems_after(|_| {}), Vec::<String>::new());
    }

    #[test]
    fn a_probability_outside_zero_to_one_names_the_gate_probability() {
        let found = problems_after(|l| l.programme.gate = gate(dec!(1.2), 4));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("programme.gate.probability"), "{found:?}");
        assert!(
            found[0].contains("lever") && found[0].contains("gate probability is 120%"),
            "{found:?}"
        );
        let found = problems_after(|l| l.programme.gate = gate(dec!(-0.1), 4));
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_gate_before_its_pilot_ends_is_an_error_and_at_its_end_is_not() {
        // A pilot starting 1 quarter in and lasting 3 ends 4 quarters after the acquisition.
        let pilot = Some(Pilot {
            start_delay_quarters: 1,
            quarters: 3,
            effect: dec!(0.05),
            cost: dec!(1000000),
        });
        let found = problems_after(|l| {
            l.programme.pilot = pilot.clone();
            l.programme.gate = gate(dec!(0.5), 3);
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("programme.gate.quarter") && found[0].contains("before its pilot ends"));
        let found = problems_after(|l| {
            l.programme.pilot = pilot;
            l.programme.gate = gate(dec!(0.5), 4);
        });
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn cost_phasing_must_be_non_negative_and_sum_to_one() {
        let found = problems_after(|l| l.programme.cost_phasing = vec![dec!(0.5), dec!(0.4)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("cost phasing shares sum to 90%"), "{found:?}");
        let found = problems_after(|l| l.programme.cost_phasing = vec![dec!(1.2), dec!(-0.2)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("negative share in quarter 2"), "{found:?}");
        assert_eq!(
            problems_after(|l| l.programme.cost_phasing = vec![dec!(0.25), dec!(0.75)]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_dis_synergy_share_outside_zero_to_one_and_evidence_out_of_order_are_named() {
        let found = problems_after(|l| {
            l.programme.dis_synergy = Some(DisSynergy {
                share: dec!(1.5),
                quarters: 2,
            })
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("programme.dis_synergy.share")
                && found[0].contains("dis-synergy share is 150%")
        );
        let found = problems_after(|l| {
            l.programme.evidence = Some(Evidence {
                low: dec!(0.3),
                base: dec!(0.2),
                high: dec!(0.5),
                source: "A study".into(),
            })
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("programme.evidence.base") && found[0].contains("out of order"));
    }
}
