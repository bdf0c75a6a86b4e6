//! Checks of partial exits and comparable multiple paths: each problem at its path, in
//! the words written here.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::sample;
use crate::engine::fields::{FieldPath, MultiplePointPart, Owner, PartialExitPart};
use crate::engine::model::{ComparablePath, MarkingPolicy, MultiplePoint, PartialExit, Portfolio, Sector};
use crate::engine::validate::{Problem, Rule, Severity, validate};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

/// The sample with company 0 bought on 2026-05-31 and sold on 2032-11-30, with no
/// partial exits and no comparable paths (the fund marks at entry).
fn base() -> Portfolio {
    let mut p = sample();
    // Without the sample's recycling clause, whose window warning (most sales fall after
    // it) is tested in `validate::recycling`.
    p.fund.recycling = crate::engine::model::Recycling::default();
    p.fund.comparable_multiples.clear();
    p.fund.marking_policy = MarkingPolicy::EntryMultiple;
    for co in &mut p.companies {
        co.partial_exits.clear();
        co.marking_policy = None;
    }
    let co = &mut p.companies[0];
    co.acquisition_date = day(2026, 5, 31);
    co.exit_date = day(2032, 11, 30);
    p
}

fn sales(p: &mut Portfolio, list: &[(NaiveDate, Decimal)]) {
    p.companies[0].partial_exits = list
        .iter()
        .map(|&(date, share)| PartialExit { date, share })
        .collect();
}

fn at(problems: &[Problem], path: FieldPath) -> Vec<&Problem> {
    problems.iter().filter(|p| p.path == path).collect()
}

fn sale_path(index: usize, part: PartialExitPart) -> FieldPath {
    FieldPath::PartialExit {
        company: 0,
        index,
        part,
    }
}

#[test]
fn the_base_validates_clean() {
    assert_eq!(validate(&base()), Vec::new());
}

#[test]
fn a_partial_exit_must_fall_after_the_acquisition_quarter_and_before_the_exit_quarter() {
    let mut p = base();
    let who = p.companies[0].name.clone();
    // 2026-06-15 is in the acquisition's quarter (Q2 2026); 2032-10-01 in the exit's
    // (Q4 2032); 2026-07-01 and 2032-09-30 are the first and last quarters allowed.
    sales(
        &mut p,
        &[
            (day(2026, 6, 15), dec!(0.1)),
            (day(2026, 7, 1), dec!(0.1)),
            (day(2032, 9, 30), dec!(0.1)),
            (day(2032, 10, 1), dec!(0.1)),
        ],
    );
    let problems = validate(&p);
    let early = at(&problems, sale_path(0, PartialExitPart::Date));
    assert_eq!(early.len(), 1);
    assert_eq!(early[0].rule, Rule::DateOrder);
    assert_eq!(
        early[0].message,
        format!(
            "'{who}' partial exit 1 is on 2026-06-15, which must be in a later quarter than the acquisition (2026-05-31)"
        )
    );
    assert!(at(&problems, sale_path(1, PartialExitPart::Date)).is_empty());
    assert!(at(&problems, sale_path(2, PartialExitPart::Date)).is_empty());
    let late = at(&problems, sale_path(3, PartialExitPart::Date));
    assert_eq!(
        late.first().map(|p| p.message.as_str()),
        Some(
            format!("'{who}' partial exit 4 is on 2032-10-01, which must be in a quarter before the exit (2032-11-30)")
                .as_str()
        )
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn a_partial_exit_share_must_be_above_zero_and_at_most_the_whole_holding() {
    let mut p = base();
    let who = p.companies[0].name.clone();
    sales(
        &mut p,
        &[(day(2028, 3, 31), dec!(0)), (day(2029, 3, 31), dec!(1.2))],
    );
    let problems = validate(&p);
    let zero = at(&problems, sale_path(0, PartialExitPart::Share));
    assert_eq!(
        zero.first().map(|p| (p.rule, p.message.clone())),
        Some((
            Rule::OutOfRange,
            format!("'{who}' partial exit 1 share is 0%, must be above 0% and at most 100%")
        ))
    );
    let over = at(&problems, sale_path(1, PartialExitPart::Share));
    assert_eq!(
        over.first().map(|p| p.message.clone()),
        Some(format!(
            "'{who}' partial exit 2 share is 120%, must be above 0% and at most 100%"
        ))
    );
    // The total is not reported on top of a share out of range.
    assert!(at(&problems, FieldPath::PartialExits { company: 0 }).is_empty());
}

#[test]
fn partial_exits_may_sell_the_whole_holding_but_not_more() {
    let mut p = base();
    let who = p.companies[0].name.clone();
    // 60% + 40% = 100%: everything is sold before the exit, allowed.
    sales(
        &mut p,
        &[(day(2028, 3, 31), dec!(0.6)), (day(2029, 3, 31), dec!(0.4))],
    );
    assert_eq!(validate(&p), Vec::new());
    // 60% + 50% = 110%.
    sales(
        &mut p,
        &[(day(2028, 3, 31), dec!(0.6)), (day(2029, 3, 31), dec!(0.5))],
    );
    let problems = validate(&p);
    assert_eq!(
        problems,
        vec![Problem::error(
            FieldPath::PartialExits { company: 0 },
            Rule::Inconsistent,
            format!("'{who}' partial exits sell more than the fund holds: 60% + 50% = 110% of the holding")
        )]
    );
}

#[test]
fn partial_exits_out_of_date_order_are_a_warning_at_the_later_listed_sale() {
    let mut p = base();
    let who = p.companies[0].name.clone();
    sales(
        &mut p,
        &[(day(2029, 3, 31), dec!(0.2)), (day(2028, 3, 31), dec!(0.2))],
    );
    let problems = validate(&p);
    assert_eq!(
        problems,
        vec![Problem::warning(
            sale_path(1, PartialExitPart::Date),
            Rule::DateOrder,
            format!(
                "'{who}' partial exit 2 (2028-03-31) is listed after partial exit 1 (2029-03-31), which is later: \
                 list the sales in date order"
            )
        )]
    );
    assert!(!super::has_errors(&problems));
}

fn path(sector: Sector, points: &[(NaiveDate, Decimal)]) -> ComparablePath {
    ComparablePath {
        sector,
        points: points
            .iter()
            .map(|&(date, multiple)| MultiplePoint { date, multiple })
            .collect(),
    }
}

#[test]
fn a_company_on_comparables_needs_a_path_for_its_sector() {
    let mut p = base();
    let co = &mut p.companies[0];
    co.marking_policy = Some(MarkingPolicy::Comparables);
    let (who, sector) = (co.name.clone(), co.sector.label());
    let policy = FieldPath::field(Owner::Company(0), "marking_policy").unwrap_or_else(|| panic!("no row"));
    let problems = validate(&p);
    assert_eq!(
        problems,
        vec![Problem::error(
            policy,
            Rule::Required,
            format!(
                "'{who}' is marked on sector comparables (its own policy), but the fund has no comparable \
                 multiples for {sector}: add a path for {sector} in the fund terms"
            )
        )]
    );
    // On the fund's policy, every company is named, each at its own marking policy.
    p.companies[0].marking_policy = None;
    p.fund.marking_policy = MarkingPolicy::Comparables;
    let problems = validate(&p);
    assert_eq!(problems.len(), p.companies.len());
    assert!(problems[0].message.contains("(the fund's policy)"));
    let sector = p.companies[0].sector;
    p.fund.comparable_multiples = Sector::ALL
        .iter()
        .map(|&s| path(s, &[(day(2026, 1, 1), dec!(10))]))
        .collect();
    assert_eq!(
        validate(&p),
        Vec::new(),
        "a path for every sector ({sector:?} too)"
    );
}

#[test]
fn a_path_needs_points_in_date_order_with_multiples_in_range_and_one_per_sector() {
    let mut p = base();
    p.fund.comparable_multiples = vec![
        path(Sector::Aerospace, &[]),
        path(
            Sector::Defence,
            &[
                (day(2027, 1, 1), dec!(12)),
                (day(2026, 1, 1), dec!(0)),
                (day(2028, 1, 1), dec!(100.5)),
            ],
        ),
        path(Sector::Aerospace, &[(day(2026, 1, 1), dec!(100))]),
    ];
    let problems = validate(&p);
    let point = |index, part| FieldPath::ComparablePoint {
        comparable: 1,
        index,
        part,
    };
    let expected = [
        (
            FieldPath::ComparablePoints { comparable: 0 },
            Rule::Required,
            "the Aerospace comparable multiples have no points: a path needs at least one",
        ),
        (
            point(1, MultiplePointPart::Date),
            Rule::DateOrder,
            "Defence comparables point 2 (2026-01-01) must be dated after point 1 (2027-01-01)",
        ),
        (
            point(1, MultiplePointPart::Multiple),
            Rule::OutOfRange,
            "the Defence comparable multiple on 2026-01-01 is 0x, must be above 0x and at most 100x",
        ),
        (
            point(2, MultiplePointPart::Multiple),
            Rule::OutOfRange,
            "the Defence comparable multiple on 2028-01-01 is 100.5x, must be above 0x and at most 100x",
        ),
        (
            FieldPath::ComparableSector { comparable: 2 },
            Rule::Duplicate,
            "two comparable multiple paths are for Aerospace: a sector has one path",
        ),
    ];
    for (path, rule, message) in expected {
        assert_eq!(
            at(&problems, path)
                .first()
                .map(|p| (p.rule, p.message.as_str(), p.severity)),
            Some((rule, message, Severity::Error)),
            "{path}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:?}");
}

#[test]
fn a_mark_on_comparables_above_one_hundred_times_is_refused() {
    let mut p = base();
    let co = &mut p.companies[0];
    co.marking_policy = Some(MarkingPolicy::Comparables);
    co.entry_multiple = dec!(12);
    co.debt_multiple = dec!(5);
    let (who, sector) = (co.name.clone(), co.sector);
    // Bought in Q2 2026 (quarter end 2026-06-30, where the path is 5x); the path reaches
    // 50x on 2029-06-30, inside the hold. The mark is then 12x × 50 / 5 = 120x.
    p.fund.comparable_multiples = vec![path(
        sector,
        &[(day(2026, 6, 30), dec!(5)), (day(2029, 6, 30), dec!(50))],
    )];
    let policy = FieldPath::field(Owner::Company(0), "marking_policy").unwrap_or_else(|| panic!("no row"));
    assert_eq!(
        validate(&p),
        vec![Problem::error(
            policy,
            Rule::OutOfRange,
            format!(
                "'{who}' would be marked at up to 120x EBITDA on the {} comparables (entry 12x × 50x / 5x at \
                 the acquisition): a mark must stay at most 100x",
                sector.label()
            )
        )]
    );
    // At 40x the mark is 12 × 40 / 5 = 96x: allowed.
    p.fund.comparable_multiples[0].points[1].multiple = dec!(40);
    assert_eq!(validate(&p), Vec::new());
    // The comparable at the acquisition is interpolated: from 4x on 2026-03-31 to 6x on
    // 2026-09-30 (183 days), 2026-06-30 is 91 days in: 4 + 2 × 91 / 183 = 4.99454x; a
    // point of 45x in the hold marks at 12 × 45 / 4.99454 = 108.12x, refused; 40x marks
    // at 96.10x, allowed.
    p.fund.comparable_multiples[0].points = vec![
        MultiplePoint {
            date: day(2026, 3, 31),
            multiple: dec!(4),
        },
        MultiplePoint {
            date: day(2026, 9, 30),
            multiple: dec!(6),
        },
        MultiplePoint {
            date: day(2029, 6, 30),
            multiple: dec!(45),
        },
    ];
    assert!(
        validate(&p)[0].message.contains("up to 108.12x"),
        "{:?}",
        validate(&p)
    );
    p.fund.comparable_multiples[0].points[2].multiple = dec!(40);
    assert_eq!(validate(&p), Vec::new());
    p.fund.comparable_multiples[0].points.push(MultiplePoint {
        date: day(2040, 1, 1),
        multiple: dec!(90),
    });
    // Between 2029-06-30 (40x) and 2040-01-01 (90x) the exit quarter end 2032-12-31 is
    // 1,280 of 3,837 days in: 40 + 50 × 1280 / 3837 = 56.6797x, so the mark reaches
    // 12 × 56.6797 / 4.99454 = 136.18x at the exit — refused after all.
    assert!(
        validate(&p)[0].message.contains("up to 136.18x"),
        "{:?}",
        validate(&p)
    );
}
