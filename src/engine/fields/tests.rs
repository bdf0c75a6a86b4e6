//! Tests of the field registry: paths read back what they write, and edits set what
//! they say.

use proptest::prelude::*;
use rust_decimal::dec;

use super::*;
use crate::engine::model::Portfolio;

fn sample() -> Portfolio {
    crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"))
}

fn path(text: &str) -> FieldPath {
    text.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// Every kind of path string the code writes today (problems, the editor, the CLI).
#[test]
fn todays_path_strings_read_back_as_they_were_written() {
    for text in [
        "fund.name",
        "fund.commitment",
        "fund.carry_rate",
        "fund.post_investment_fee_rate",
        "fund.pme_benchmark.annual_return",
        "fund.pme_benchmark.points",
        "fund.pme_benchmark.points[3].date",
        "fund.pme_benchmark.points[0].level",
        "stages",
        "stages[1].budget",
        "stages[0].reserve",
        "stages[2].start_date",
        "companies[3].exit_costs",
        "companies[12].exit_date",
        "companies[1].cost_pools",
        "companies[1].cost_pools.materials",
        "companies[0].levers",
        "companies[2].levers[0].effect",
        "companies[3].levers[1].target",
        "scenarios[0].name",
        "scenarios[0].exit_multiple_shift",
        "scenarios[1].company_overrides[2].company",
        "companies[4].partial_exits",
        "companies[4].partial_exits[0].date",
        "companies[4].partial_exits[2].share",
        "fund.comparable_multiples",
        "fund.comparable_multiples[1].sector",
        "fund.comparable_multiples[1].points",
        "fund.comparable_multiples[0].points[3].date",
        "fund.comparable_multiples[2].points[0].multiple",
        "uncertainty.realisation_scale",
        "uncertainty.exit_delay_quarters",
        "uncertainty.market_factor_weight",
        "scenario",
    ] {
        assert_eq!(path(text).to_string(), text);
    }
}

#[test]
fn typed_paths_know_where_they_are() {
    assert_eq!(
        path("companies[2].exit_costs"),
        FieldPath::Field {
            owner: Owner::Company(2),
            key: "exit_costs"
        }
    );
    assert_eq!(path("companies[3].levers[1].effect").lever_index(), Some((3, 1)));
    assert_eq!(path("companies[3].levers[1].effect").company_index(), Some(3));
    assert_eq!(path("companies[4].cost_pools").company_index(), Some(4));
    assert_eq!(path("stages[10].budget").stage_index(), Some(10));
    assert_eq!(path("stages").stage_index(), None);
    assert!(path("fund.carry_rate") == "fund.carry_rate");
    let sale = path("companies[5].partial_exits[2].share");
    assert_eq!(
        sale,
        FieldPath::PartialExit {
            company: 5,
            index: 2,
            part: PartialExitPart::Share
        }
    );
    assert_eq!(sale.company_index(), Some(5));
    assert_eq!(sale.partial_exit_index(), Some((5, 2)));
    assert_eq!(path("companies[5].partial_exits").company_index(), Some(5));
    assert_eq!(
        path("fund.comparable_multiples[3].points[1].multiple"),
        FieldPath::ComparablePoint {
            comparable: 3,
            index: 1,
            part: MultiplePointPart::Multiple
        }
    );
    assert_eq!(
        path("fund.comparable_multiples[3].sector").comparable_index(),
        Some(3)
    );
    assert_eq!(
        path("fund.comparable_multiples[3].points").comparable_index(),
        Some(3)
    );
    assert_eq!(path("fund.comparable_multiples").comparable_index(), None);
    assert_eq!(path("fund.comparable_multiples[3].sector").company_index(), None);
}

#[test]
fn strings_that_are_not_fields_are_refused() {
    for text in [
        "",
        "fund",
        "fund.colour",
        "companies.exit_costs",
        "companies[x].exit_costs",
        "companies[-1].exit_costs",
        "companies[1]",
        "companies[1].exit_costs.more",
        "companies[1].levers[0]",
        "stages[0].name[1]",
        "fund..carry_rate",
        "uncertainty.sd",
        "companies[1].partial_exits[0]",
        "companies[1].partial_exits[0].level",
        "companies[1].partial_exits.share",
        "fund.comparable_multiples[0]",
        "fund.comparable_multiples.sector",
        "fund.comparable_multiples[0].points[1].share",
        "fund.comparable_multiples[0].points[1]",
        "fund.comparable_multiples[0].sector[1]",
    ] {
        assert!(text.parse::<FieldPath>().is_err(), "'{text}' parsed");
    }
}

fn owner() -> impl Strategy<Value = Owner> {
    prop_oneof![
        Just(Owner::Fund),
        (0..40usize).prop_map(Owner::Stage),
        (0..400usize).prop_map(Owner::Company),
        (0..400usize, 0..12usize).prop_map(|(company, lever)| Owner::Lever { company, lever }),
        (0..20usize).prop_map(Owner::Scenario),
        Just(Owner::Uncertainty),
    ]
}

fn any_path() -> impl Strategy<Value = FieldPath> {
    let field = (owner(), any::<prop::sample::Index>()).prop_map(|(owner, index)| FieldPath::Field {
        owner,
        key: index.get(&metas(owner)).key,
    });
    prop_oneof![
        4 => field,
        1 => Just(FieldPath::Stages),
        1 => (0..400usize).prop_map(|company| FieldPath::CostPools { company }),
        1 => (0..400usize).prop_map(|company| FieldPath::Levers { company }),
        1 => Just(FieldPath::BenchmarkPoints),
        1 => (0..200usize, any::<bool>()).prop_map(|(index, date)| FieldPath::BenchmarkPoint {
            index,
            part: if date { PointPart::Date } else { PointPart::Level },
        }),
        1 => (0..20usize, 0..20usize).prop_map(|(scenario, index)| FieldPath::OverrideCompany { scenario, index }),
        1 => (0..400usize).prop_map(|company| FieldPath::PartialExits { company }),
        1 => (0..400usize, 0..20usize, prop::sample::select(PartialExitPart::ALL.to_vec()))
            .prop_map(|(company, index, part)| FieldPath::PartialExit { company, index, part }),
        1 => Just(FieldPath::ComparablePaths),
        1 => (0..20usize).prop_map(|comparable| FieldPath::ComparableSector { comparable }),
        1 => (0..20usize).prop_map(|comparable| FieldPath::ComparablePoints { comparable }),
        1 => (0..20usize, 0..200usize, prop::sample::select(MultiplePointPart::ALL.to_vec()))
            .prop_map(|(comparable, index, part)| FieldPath::ComparablePoint { comparable, index, part }),
        1 => prop::sample::select(UncertainDriver::ALL.to_vec()).prop_map(FieldPath::Distribution),
        1 => Just(FieldPath::AppliedScenario),
    ]
}

proptest! {
    #[test]
    fn every_path_reads_back_from_its_text(p in any_path()) {
        let text = p.to_string();
        prop_assert_eq!(text.parse::<FieldPath>(), Ok(p));
    }
}

#[test]
fn every_table_key_is_unique_within_its_table() {
    for owner in [
        Owner::Fund,
        Owner::Stage(0),
        Owner::Company(0),
        Owner::Lever { company: 0, lever: 0 },
        Owner::Scenario(0),
        Owner::Uncertainty,
    ] {
        let keys: Vec<&str> = metas(owner).iter().map(|m| m.key).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{owner}: {keys:?}");
    }
}

#[test]
fn a_field_edit_sets_the_model_field_and_reads_back() {
    let mut p = sample();
    let exit_costs = path("companies[3].exit_costs");
    FieldEdit::new(exit_costs, FieldValue::Decimal(dec!(0.035)))
        .apply(&mut p)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.companies[3].exit_costs, dec!(0.035));
    assert_eq!(value(&p, &exit_costs), Some(FieldValue::Decimal(dec!(0.035))));

    let ramp = path("companies[0].levers[0].ramp_quarters");
    FieldEdit::new(ramp, FieldValue::Whole(6))
        .apply(&mut p)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.companies[0].levers[0].ramp_quarters, 6);

    let waterfall = path("fund.waterfall");
    FieldEdit::new(waterfall, FieldValue::Choice("American, no clawback".into()))
        .apply(&mut p)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        p.fund.waterfall,
        crate::engine::model::Waterfall::American { clawback: false }
    );
}

#[test]
fn every_field_of_the_sample_reads_back_what_an_edit_wrote() {
    let base = sample();
    let owners = [
        Owner::Fund,
        Owner::Stage(0),
        Owner::Company(0),
        Owner::Lever { company: 0, lever: 0 },
        Owner::Scenario(0),
    ];
    for owner in owners {
        for field in paths(owner) {
            let mut p = base.clone();
            let Some(meta) = meta(&field) else {
                panic!("{field} has no row")
            };
            let new = match meta.unit.value_kind() {
                ValueKind::Decimal => FieldValue::Decimal(dec!(0.0123)),
                ValueKind::Whole => FieldValue::Whole(7),
                ValueKind::Date => FieldValue::Date(p.fund.first_close + chrono::Days::new(40)),
                ValueKind::Text => FieldValue::Text("Renamed".into()),
                ValueKind::Choice => {
                    let current = value(&p, &field);
                    let other = meta
                        .options(&p)
                        .into_iter()
                        .map(FieldValue::Choice)
                        .find(|option| Some(option) != current.as_ref());
                    other.unwrap_or_else(|| panic!("{field} offers one option"))
                }
                ValueKind::Unset => FieldValue::Unset,
            };
            FieldEdit::new(field, new.clone())
                .apply(&mut p)
                .unwrap_or_else(|e| panic!("{field}: {e}"));
            assert_eq!(value(&p, &field), Some(new), "{field}");
            assert_ne!(p, base, "{field} did not change the model");
        }
    }
}

#[test]
fn renaming_a_stage_keeps_its_companies_in_it() {
    let mut p = sample();
    let old = p.stages[0].name.clone();
    let members = p.companies.iter().filter(|c| c.stage == old).count();
    assert!(members > 0);
    FieldEdit::new(path("stages[0].name"), FieldValue::Text("Wave one".into()))
        .apply(&mut p)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        p.companies.iter().filter(|c| c.stage == "Wave one").count(),
        members
    );
    assert!(p.companies.iter().all(|c| c.stage != old));
}

#[test]
fn refused_edits_name_the_field_and_change_nothing() {
    let mut p = sample();
    let before = p.clone();
    let wrong_kind = FieldEdit::new(path("fund.carry_rate"), FieldValue::Text("high".into())).apply(&mut p);
    assert_eq!(
        wrong_kind.map_err(|e| e.to_string()),
        Err("Carried interest takes a number, not text".to_string())
    );
    let negative_years = FieldEdit::new(path("fund.term_years"), FieldValue::Whole(-1)).apply(&mut p);
    assert!(matches!(
        negative_years,
        Err(FieldError::Value {
            label: "Term (years)",
            ..
        })
    ));
    let no_stage =
        FieldEdit::new(path("companies[0].stage"), FieldValue::Choice("Nowhere".into())).apply(&mut p);
    assert!(matches!(no_stage, Err(FieldError::NoSuchStage { .. })));
    let no_company =
        FieldEdit::new(path("companies[999].exit_costs"), FieldValue::Decimal(dec!(0.01))).apply(&mut p);
    assert!(matches!(no_company, Err(FieldError::Missing { .. })));
    let group = FieldEdit::new(FieldPath::Stages, FieldValue::Unset).apply(&mut p);
    assert!(matches!(group, Err(FieldError::NotAField { .. })));
    assert_eq!(p, before);
}

#[test]
fn an_unset_fee_after_the_investment_period_follows_the_management_fee() {
    let mut p = sample();
    p.fund.post_investment_fee_rate = None;
    let after = path("fund.post_investment_fee_rate");
    assert_eq!(value(&p, &after), Some(FieldValue::Unset));
    assert_eq!(
        effective_value(&p, &after),
        Some(FieldValue::Decimal(p.fund.management_fee_rate))
    );
}
