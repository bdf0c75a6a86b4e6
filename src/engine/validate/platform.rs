//! Checks of the shared AI programme: platform names (given, unique), costs (not
//! negative, within the model's money limit), levers naming a platform that does not
//! exist, learning rates (from 0 up to but excluding 100 %, one per kind), and warnings
//! for build costs outside the fund's grid and a platform no lever uses.

use rust_decimal::Decimal;

use super::{Checker, MAX_MONEY, Rule, pct};
use crate::engine::fields::{BuildCostPart, FieldPath, LearningPart, Owner, PlatformPart, ProgrammePath};
use crate::engine::grid;
use crate::engine::model::Portfolio;

fn platform_path(index: usize, part: PlatformPart) -> FieldPath {
    FieldPath::Programme(ProgrammePath::Platform { index, part })
}

pub(super) fn check_programme(c: &mut Checker, p: &Portfolio) {
    check_platforms(c, p);
    check_lever_platforms(c, p);
    check_learning(c, p);
}

fn check_platforms(c: &mut Checker, p: &Portfolio) {
    let currency = &p.fund.currency;
    for (i, platform) in p.programme.platforms.iter().enumerate() {
        let name = platform.name.trim();
        if name.is_empty() {
            c.error(
                platform_path(i, PlatformPart::Name),
                Rule::Required,
                format!(
                    "AI platform {} needs a name (levers name the platform they run on)",
                    i + 1
                ),
            );
        } else if p
            .programme
            .platforms
            .iter()
            .take(i)
            .any(|q| q.name.trim() == name)
        {
            c.error(
                platform_path(i, PlatformPart::Name),
                Rule::Duplicate,
                format!("two AI platforms are named '{name}': a lever could not tell which it runs on"),
            );
        }
        let label = if name.is_empty() {
            format!("AI platform {}", i + 1)
        } else {
            format!("AI platform '{name}'")
        };
        check_money(
            c,
            platform_path(i, PlatformPart::AnnualRunCost),
            &format!("{label}'s annual run cost"),
            platform.annual_run_cost,
            currency,
        );
        let last_quarter = crate::engine::fund::wind_up::last_quarter_index(&p.fund);
        for (k, build) in platform.build_costs.iter().enumerate() {
            let at = |part| {
                FieldPath::Programme(ProgrammePath::BuildCost {
                    platform: i,
                    index: k,
                    part,
                })
            };
            check_money(
                c,
                at(BuildCostPart::Amount),
                &format!("{label}'s build cost {} ({})", k + 1, build.date),
                build.amount,
                currency,
            );
            let q = grid::quarters_between(p.fund.first_close, build.date);
            if q < 0 || usize::try_from(q).is_ok_and(|q| q > last_quarter) {
                c.warning(
                    at(BuildCostPart::Date),
                    Rule::DateOrder,
                    format!(
                        "{label}'s build cost {} is dated {}, outside the fund's life (from {}): it is booked in the \
                         fund's {} quarter",
                        k + 1,
                        build.date,
                        p.fund.first_close,
                        if q < 0 { "first" } else { "last" }
                    ),
                );
            }
        }
        let used = p
            .companies
            .iter()
            .flat_map(|co| &co.levers)
            .any(|l| l.programme.platform.as_deref().map(str::trim) == Some(name));
        if !name.is_empty() && !used {
            c.warning(
                platform_path(i, PlatformPart::Name),
                Rule::Inconsistent,
                format!(
                    "no lever runs on {label}: its costs are still paid, to the fund's final liquidation"
                ),
            );
        }
    }
}

/// Money at `path` must be at least zero and at most the model's limit.
fn check_money(c: &mut Checker, path: FieldPath, noun: &str, value: Decimal, currency: &str) {
    if value < Decimal::ZERO {
        c.error(
            path,
            Rule::Negative,
            format!(
                "{noun} cannot be negative (it is {})",
                crate::units::format_money_in(value, currency)
            ),
        );
    } else if value > MAX_MONEY {
        c.error(
            path,
            Rule::AboveLimit,
            format!("{noun} is above the model's limit of 100 trillion"),
        );
    }
}

fn check_lever_platforms(c: &mut Checker, p: &Portfolio) {
    for (ci, company) in p.companies.iter().enumerate() {
        for (li, lever) in company.levers.iter().enumerate() {
            let Some(name) = lever.programme.platform.as_deref() else {
                continue;
            };
            if p.programme.platform(name).is_some() {
                continue;
            }
            let known: Vec<&str> = p.programme.platforms.iter().map(|x| x.name.as_str()).collect();
            let choices = if known.is_empty() {
                "the fund has no AI platform".to_string()
            } else {
                format!("the fund's platforms are: {}", known.join(", "))
            };
            let lever_path = Owner::Lever {
                company: ci,
                lever: li,
            };
            let path = FieldPath::field(lever_path, "programme.platform")
                .unwrap_or(FieldPath::Levers { company: ci });
            c.error(
                path,
                Rule::UnknownReference,
                format!(
                    "Company '{}' lever '{}' runs on AI platform '{name}', which does not exist ({choices})",
                    company.name, lever.name
                ),
            );
        }
    }
}

fn check_learning(c: &mut Checker, p: &Portfolio) {
    for (k, learning) in p.programme.learning.iter().enumerate() {
        let at = |part| FieldPath::Programme(ProgrammePath::LearningRate { index: k, part });
        let kind = learning.kind.label();
        if learning.rate < Decimal::ZERO || learning.rate >= Decimal::ONE {
            c.error(
                at(LearningPart::Rate),
                Rule::OutOfRange,
                format!(
                    "the learning rate of {kind} is {}, must be from 0% up to but not including 100% (the cut in \
                     one-time cost and ramp each time the number of deployments doubles)",
                    pct(learning.rate)
                ),
            );
        }
        if p.programme
            .learning
            .iter()
            .take(k)
            .any(|l| l.kind == learning.kind)
        {
            c.error(
                at(LearningPart::Kind),
                Rule::Duplicate,
                format!("{kind} has two learning rates: give it one"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::super::{Problem, Rule, Severity, validate};
    use crate::engine::defaults::{blank_portfolio, template_company_in, template_lever};
    use crate::engine::model::{DatedAmount, LearningRate, LeverKind, Platform, PlatformCharging, Portfolio};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// A blank fund with one company whose lever runs on `runs_on`, and one platform
    /// named "Foundry AI".
    fn fund(runs_on: &str) -> Portfolio {
        let mut p = blank_portfolio(day(2026, 3, 31));
        let mut company = template_company_in(&p, None);
        let mut lever = template_lever();
        lever.programme.platform = Some(runs_on.into());
        company.levers.push(lever);
        p.companies.push(company);
        p.programme.platforms.push(Platform {
            name: "Foundry AI".into(),
            go_live: day(2027, 1, 1),
            build_costs: vec![DatedAmount {
                date: day(2026, 6, 30),
                amount: dec!(50_000_000),
            }],
            annual_run_cost: dec!(10_000_000),
            charging: PlatformCharging::FundExpense,
        });
        p
    }

    fn at(p: &Portfolio, path: &str) -> Vec<Problem> {
        validate(p).into_iter().filter(|x| x.path == path).collect()
    }

    #[test]
    fn a_sound_programme_has_no_problem() {
        let mut p = fund("Foundry AI");
        p.programme.learning.push(LearningRate {
            kind: LeverKind::SupplyChain,
            rate: dec!(0.15),
        });
        assert!(validate(&p).is_empty(), "{:?}", validate(&p));
    }

    #[test]
    fn a_lever_on_a_platform_that_does_not_exist_names_its_platform_field() {
        let p = fund("Foundry A1");
        let found = at(&p, "companies[0].levers[0].programme.platform");
        assert_eq!(found.len(), 1, "{:?}", validate(&p));
        assert_eq!(found[0].rule, Rule::UnknownReference);
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0].message.contains("'Foundry A1'") && found[0].message.contains("Foundry AI"));
    }

    #[test]
    fn learning_rates_must_be_below_one_and_one_per_kind() {
        let mut p = fund("Foundry AI");
        for rate in [dec!(1), dec!(-0.1), dec!(0.999)] {
            p.programme.learning = vec![LearningRate {
                kind: LeverKind::Throughput,
                rate,
            }];
            let found = at(&p, "programme.learning[0].rate");
            // 100 % and −10 % are out of range; 99.9 % is allowed.
            assert_eq!(found.len(), usize::from(rate != dec!(0.999)), "{rate}: {found:?}");
            if let Some(problem) = found.first() {
                assert_eq!(problem.rule, Rule::OutOfRange);
                assert!(problem.message.contains("Throughput"), "{}", problem.message);
            }
        }
        p.programme.learning.push(LearningRate {
            kind: LeverKind::Throughput,
            rate: dec!(0.1),
        });
        assert_eq!(at(&p, "programme.learning[1].kind")[0].rule, Rule::Duplicate);
    }

    #[test]
    fn duplicate_names_and_negative_costs_name_their_fields() {
        let mut p = fund("Foundry AI");
        let mut twin = p.programme.platforms[0].clone();
        twin.annual_run_cost = dec!(-1);
        twin.build_costs[0].amount = dec!(-5);
        p.programme.platforms.push(twin);
        assert_eq!(at(&p, "programme.platforms[1].name")[0].rule, Rule::Duplicate);
        assert_eq!(
            at(&p, "programme.platforms[1].annual_run_cost")[0].rule,
            Rule::Negative
        );
        assert_eq!(
            at(&p, "programme.platforms[1].build_costs[0].amount")[0].rule,
            Rule::Negative
        );
        assert!(at(&p, "programme.platforms[0].annual_run_cost").is_empty());
    }

    #[test]
    fn an_unused_platform_and_a_build_cost_outside_the_fund_are_warnings() {
        let mut p = fund("Foundry AI");
        p.programme.platforms[0].build_costs[0].date = day(2025, 12, 31);
        p.companies[0].levers[0].programme.platform = None;
        let date = at(&p, "programme.platforms[0].build_costs[0].date");
        assert_eq!(date[0].severity, Severity::Warning);
        let unused = at(&p, "programme.platforms[0].name");
        assert_eq!(unused[0].severity, Severity::Warning);
        assert!(unused[0].message.contains("no lever runs on"));
    }
}
