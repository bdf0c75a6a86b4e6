//! The programme edits on the $100B sample (first close 2026-03-31; one platform,
//! "Foundry industrial AI platform", built in four quarterly costs from 2026-06-30 to
//! 2027-03-31, the last of 30m; learning rates for three lever kinds).

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::*;
use crate::engine::edit::Edit;

const FOUNDRY: &str = "Foundry industrial AI platform";

fn sample() -> Portfolio {
    crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn apply(p: &mut Portfolio, edit: ProgrammeEdit) -> EditOutcome {
    Edit::Programme(edit.clone())
        .apply(p)
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"))
}

/// How many levers of the portfolio run on the platform named `name`.
fn levers_on(p: &Portfolio, name: &str) -> usize {
    p.companies
        .iter()
        .flat_map(|c| &c.levers)
        .filter(|l| l.programme.platform.as_deref() == Some(name))
        .count()
}

#[test]
fn a_new_platform_goes_live_a_year_after_the_first_close_and_is_named_uniquely() {
    let mut p = sample();
    let original = p.clone();
    apply(&mut p, ProgrammeEdit::AddPlatform);
    apply(&mut p, ProgrammeEdit::AddPlatform);
    let added: Vec<_> = p.programme.platforms.iter().skip(1).collect();
    // Four quarter ends after the first close's quarter (2026-03-31) is 2027-03-31.
    assert_eq!(
        added,
        [
            &Platform {
                name: "New AI platform".into(),
                go_live: day(2027, 3, 31),
                build_costs: Vec::new(),
                annual_run_cost: Decimal::ZERO,
                charging: PlatformCharging::FundExpense,
            },
            &Platform {
                name: "New AI platform (2)".into(),
                go_live: day(2027, 3, 31),
                build_costs: Vec::new(),
                annual_run_cost: Decimal::ZERO,
                charging: PlatformCharging::FundExpense,
            },
        ]
    );
    // Deleting what was added (last first) gives the model back.
    apply(&mut p, ProgrammeEdit::DeletePlatform(2));
    apply(&mut p, ProgrammeEdit::DeletePlatform(1));
    assert_eq!(p, original);
}

#[test]
fn renaming_a_platform_renames_the_levers_that_run_on_it_and_back_again() {
    let mut p = sample();
    let original = p.clone();
    let dependants = levers_on(&p, FOUNDRY);
    assert!(dependants > 0, "the sample's levers run on the platform");
    apply(
        &mut p,
        ProgrammeEdit::RenamePlatform {
            index: 0,
            name: "Forge".into(),
        },
    );
    assert_eq!(p.programme.platforms[0].name, "Forge");
    assert_eq!(levers_on(&p, "Forge"), dependants);
    assert_eq!(levers_on(&p, FOUNDRY), 0);
    // The same name again changes nothing.
    let same = ProgrammeEdit::RenamePlatform {
        index: 0,
        name: "Forge".into(),
    };
    assert!(!apply(&mut p, same).changed);
    apply(
        &mut p,
        ProgrammeEdit::RenamePlatform {
            index: 0,
            name: FOUNDRY.into(),
        },
    );
    assert_eq!(p, original);
}

#[test]
fn a_rename_to_another_platforms_name_is_refused_and_changes_nothing() {
    let mut p = sample();
    apply(&mut p, ProgrammeEdit::AddPlatform);
    let before = p.clone();
    let clash = Edit::Programme(ProgrammeEdit::RenamePlatform {
        index: 1,
        name: FOUNDRY.into(),
    });
    assert_eq!(
        clash.apply(&mut p),
        Err(EditError::PlatformNameTaken(FOUNDRY.into()))
    );
    assert_eq!(p, before);
}

#[test]
fn a_platforms_scalars_are_set_and_set_back() {
    let mut p = sample();
    let original = p.clone();
    let old = p.programme.platforms[0].clone();
    apply(
        &mut p,
        ProgrammeEdit::SetPlatformGoLive {
            index: 0,
            date: day(2027, 9, 30),
        },
    );
    apply(
        &mut p,
        ProgrammeEdit::SetPlatformRunCost {
            index: 0,
            amount: dec!(75_000_000),
        },
    );
    apply(
        &mut p,
        ProgrammeEdit::SetPlatformCharging {
            index: 0,
            charging: PlatformCharging::ByUsage,
        },
    );
    let platform = &p.programme.platforms[0];
    assert_eq!(
        (platform.go_live, platform.annual_run_cost, platform.charging),
        (day(2027, 9, 30), dec!(75_000_000), PlatformCharging::ByUsage)
    );
    for edit in [
        ProgrammeEdit::SetPlatformGoLive {
            index: 0,
            date: old.go_live,
        },
        ProgrammeEdit::SetPlatformRunCost {
            index: 0,
            amount: old.annual_run_cost,
        },
        ProgrammeEdit::SetPlatformCharging {
            index: 0,
            charging: old.charging,
        },
    ] {
        apply(&mut p, edit);
    }
    assert_eq!(p, original);
    let far = Edit::Programme(ProgrammeEdit::SetPlatformGoLive {
        index: 1,
        date: day(2027, 9, 30),
    });
    assert!(matches!(
        far.apply(&mut p),
        Err(EditError::NoListItem {
            list: "AI platform",
            index: 1,
            count: 1
        })
    ));
    assert_eq!(p, original);
}

#[test]
fn build_costs_are_added_a_quarter_after_the_latest_and_edited() {
    let mut p = sample();
    let original = p.clone();
    // The sample's latest cost is 30m on 2027-03-31: the next is 30m on 2027-06-30.
    apply(&mut p, ProgrammeEdit::AddBuildCost(0));
    let costs = &p.programme.platforms[0].build_costs;
    assert_eq!(costs.len(), 5);
    assert_eq!(
        costs[4],
        DatedAmount {
            date: day(2027, 6, 30),
            amount: dec!(30_000_000)
        }
    );
    apply(
        &mut p,
        ProgrammeEdit::SetBuildCostAmount {
            platform: 0,
            index: 4,
            amount: dec!(5_000_000),
        },
    );
    apply(
        &mut p,
        ProgrammeEdit::SetBuildCostDate {
            platform: 0,
            index: 4,
            date: day(2027, 12, 31),
        },
    );
    assert_eq!(
        p.programme.platforms[0].build_costs[4],
        DatedAmount {
            date: day(2027, 12, 31),
            amount: dec!(5_000_000)
        }
    );
    apply(
        &mut p,
        ProgrammeEdit::DeleteBuildCost {
            platform: 0,
            index: 4,
        },
    );
    assert_eq!(p, original);
    // A platform with no build cost gets its first, of nothing, in the first close's quarter.
    apply(&mut p, ProgrammeEdit::AddPlatform);
    apply(&mut p, ProgrammeEdit::AddBuildCost(1));
    assert_eq!(
        p.programme.platforms[1].build_costs,
        [DatedAmount {
            date: day(2026, 3, 31),
            amount: Decimal::ZERO
        }]
    );
    let far = Edit::Programme(ProgrammeEdit::DeleteBuildCost {
        platform: 1,
        index: 1,
    });
    assert!(matches!(
        far.apply(&mut p),
        Err(EditError::NoListItem {
            index: 1,
            count: 1,
            ..
        })
    ));
}

#[test]
fn learning_rates_are_added_set_and_deleted() {
    let mut p = sample();
    let original = p.clone();
    let n = p.programme.learning.len();
    apply(&mut p, ProgrammeEdit::AddLearningRate(LeverKind::Throughput));
    assert_eq!(
        p.programme.learning.get(n),
        Some(&LearningRate {
            kind: LeverKind::Throughput,
            rate: dec!(0.15)
        })
    );
    apply(
        &mut p,
        ProgrammeEdit::SetLearningRate {
            index: n,
            rate: dec!(0.2),
        },
    );
    apply(
        &mut p,
        ProgrammeEdit::SetLearningKind {
            index: n,
            kind: LeverKind::SupplyChain,
        },
    );
    assert_eq!(p.programme.learning_rate(LeverKind::SupplyChain), Some(dec!(0.2)));
    assert_eq!(p.programme.learning_rate(LeverKind::Throughput), None);
    apply(&mut p, ProgrammeEdit::DeleteLearningRate(n));
    assert_eq!(p, original);
    let far = Edit::Programme(ProgrammeEdit::DeleteLearningRate(n));
    assert!(matches!(
        far.apply(&mut p),
        Err(EditError::NoListItem {
            list: "learning rate",
            ..
        })
    ));
    assert_eq!(p, original);
}

#[test]
fn a_new_phasing_quarter_takes_what_the_others_leave() {
    assert_eq!(new_phasing_share(&[]), Decimal::ONE);
    // 1 − (0.5 + 0.3) = 0.2.
    assert_eq!(new_phasing_share(&[dec!(0.5), dec!(0.3)]), dec!(0.2));
    // 0.6 + 0.6 is over the whole cost: nothing is left.
    assert_eq!(new_phasing_share(&[dec!(0.6), dec!(0.6)]), Decimal::ZERO);
}

#[test]
fn a_levers_cost_phasing_is_added_set_and_deleted() {
    let mut p = sample();
    p.companies[0].levers[0].programme.cost_phasing.clear();
    let original = p.clone();
    let phasing = |p: &Portfolio| p.companies[0].levers[0].programme.cost_phasing.clone();
    let add = ProgrammeEdit::AddPhasingQuarter { company: 0, lever: 0 };
    // The first quarter takes the whole cost (as the empty list did); the next nothing.
    apply(&mut p, add.clone());
    apply(&mut p, add.clone());
    assert_eq!(phasing(&p), [Decimal::ONE, Decimal::ZERO]);
    apply(
        &mut p,
        ProgrammeEdit::SetPhasingShare {
            company: 0,
            lever: 0,
            index: 0,
            share: dec!(0.4),
        },
    );
    // The third takes 1 − 0.4 − 0 = 0.6.
    apply(&mut p, add);
    assert_eq!(phasing(&p), [dec!(0.4), Decimal::ZERO, dec!(0.6)]);
    apply(
        &mut p,
        ProgrammeEdit::DeletePhasingQuarter {
            company: 0,
            lever: 0,
            index: 1,
        },
    );
    assert_eq!(phasing(&p), [dec!(0.4), dec!(0.6)]);
    for index in [1, 0] {
        apply(
            &mut p,
            ProgrammeEdit::DeletePhasingQuarter {
                company: 0,
                lever: 0,
                index,
            },
        );
    }
    assert_eq!(p, original);
    let far = Edit::Programme(ProgrammeEdit::SetPhasingShare {
        company: 0,
        lever: 0,
        index: 0,
        share: dec!(0.5),
    });
    assert_eq!(
        far.apply(&mut p),
        Err(EditError::NoPhasingQuarter {
            company: 0,
            lever: 0,
            index: 0,
            count: 0
        })
    );
    let no_lever = Edit::Programme(ProgrammeEdit::AddPhasingQuarter {
        company: 0,
        lever: 99,
    });
    assert!(matches!(
        no_lever.apply(&mut p),
        Err(EditError::NoLever { lever: 99, .. })
    ));
    assert_eq!(p, original);
}
