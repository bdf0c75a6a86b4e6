//! The edits of the version-2 lists of figures: a company's partial exits and the fund's
//! comparable multiple paths, on the small portfolio of the parent module (every company
//! bought on 2026-03-31 and sold five years later, on 2031-03-31; first close 2026-03-31).

use super::{apply, day, small};
use crate::engine::edit::{Edit, EditError, EditOutcome};
use crate::engine::model::{ComparablePath, MultiplePoint, PartialExit, Sector};
use rust_decimal::dec;

fn sale(y: i32, m: u32, d: u32, share: rust_decimal::Decimal) -> PartialExit {
    PartialExit {
        date: day(y, m, d),
        share,
    }
}

fn point(y: i32, m: u32, d: u32, multiple: rust_decimal::Decimal) -> MultiplePoint {
    MultiplePoint {
        date: day(y, m, d),
        multiple,
    }
}

const KEEP: EditOutcome = EditOutcome {
    select: None,
    changed: true,
};

/// The hold 2026-03-31 → 2031-03-31 is 5 × 365 + 1 (29 Feb 2028) = 1,826 days; half is
/// 913: 365 to 2027-03-31, 366 to 2028-03-31, then 182 more (Apr 30 + May 31 + Jun 30 +
/// Jul 31 + Aug 31 = 153 to 31 August, 29 to 29 September) = 2028-09-29.
/// The next sale is halfway from there to the exit: 730 days to 2030-09-29 plus 183 to
/// 2031-03-31 (1 + 31 + 30 + 31 + 31 + 28 + 31) = 913, half 456: 365 to 2029-09-29, then
/// 1 + 31 + 30 = 62 to 2029-11-30 and 29 more = 2029-12-29.
#[test]
fn a_new_partial_exit_sells_a_quarter_halfway_through_what_is_left_of_the_hold() {
    let mut p = small();
    assert_eq!(apply(&mut p, Edit::AddPartialExit(1)), KEEP);
    assert_eq!(p.companies[1].partial_exits, vec![sale(2028, 9, 29, dec!(0.25))]);
    apply(&mut p, Edit::AddPartialExit(1));
    assert_eq!(
        p.companies[1].partial_exits,
        vec![sale(2028, 9, 29, dec!(0.25)), sale(2029, 12, 29, dec!(0.25))]
    );
    assert!(p.companies[0].partial_exits.is_empty(), "only company 1 sells");
}

#[test]
fn a_new_partial_exit_follows_the_latest_sale_on_file() {
    let mut p = small();
    p.companies[0].partial_exits = vec![sale(2030, 6, 30, dec!(0.2)), sale(2027, 6, 30, dec!(0.1))];
    apply(&mut p, Edit::AddPartialExit(0));
    // Halfway from the latest sale (2030-06-30, listed first) to the exit (2031-03-31):
    // Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 = 274
    // days, half 137: 31 + 31 + 30 + 31 = 123 to 2030-10-31, 14 more = 2030-11-14. It
    // is dated after both sales, so it is listed last.
    assert_eq!(
        p.companies[0].partial_exits,
        vec![
            sale(2030, 6, 30, dec!(0.2)),
            sale(2027, 6, 30, dec!(0.1)),
            sale(2030, 11, 14, dec!(0.25)),
        ]
    );
}

#[test]
fn a_partial_exit_is_set_and_deleted_and_an_unchanged_value_is_no_change() {
    let mut p = small();
    p.companies[2].partial_exits = vec![sale(2028, 3, 31, dec!(0.3)), sale(2029, 3, 31, dec!(0.2))];
    let date = Edit::SetPartialExitDate {
        company: 2,
        index: 1,
        date: day(2029, 9, 30),
    };
    assert_eq!(apply(&mut p, date), KEEP);
    let share = Edit::SetPartialExitShare {
        company: 2,
        index: 0,
        share: dec!(0.45),
    };
    assert_eq!(apply(&mut p, share.clone()), KEEP);
    assert_eq!(
        p.companies[2].partial_exits,
        vec![sale(2028, 3, 31, dec!(0.45)), sale(2029, 9, 30, dec!(0.2))]
    );
    assert!(
        !apply(&mut p, share).changed,
        "the same share again changes nothing"
    );
    // Out-of-range values are stored: validation names them.
    apply(
        &mut p,
        Edit::SetPartialExitShare {
            company: 2,
            index: 1,
            share: dec!(1.5),
        },
    );
    assert_eq!(p.companies[2].partial_exits[1].share, dec!(1.5));
    assert_eq!(apply(&mut p, Edit::DeletePartialExit(2, 0)), KEEP);
    assert_eq!(p.companies[2].partial_exits, vec![sale(2029, 9, 30, dec!(1.5))]);
}

#[test]
fn a_new_comparable_path_runs_ten_years_from_the_first_close_at_ten_times() {
    let mut p = small();
    assert_eq!(apply(&mut p, Edit::AddComparablePath(Sector::Aerospace)), KEEP);
    assert_eq!(
        p.fund.comparable_multiples,
        vec![ComparablePath {
            sector: Sector::Aerospace,
            points: vec![point(2026, 3, 31, dec!(10)), point(2036, 3, 31, dec!(10))],
        }]
    );
    let before = p.clone();
    assert_eq!(
        Edit::AddComparablePath(Sector::Aerospace).apply(&mut p),
        Err(EditError::ComparableSectorTaken("Aerospace".into()))
    );
    assert_eq!(p, before, "a refused edit changes nothing");
    assert_eq!(
        EditError::ComparableSectorTaken("Aerospace".into()).to_string(),
        "the fund already has a comparable multiple path for Aerospace: a sector has one path"
    );
}

#[test]
fn comparable_points_are_added_a_year_after_the_last_set_and_deleted() {
    let mut p = small();
    apply(&mut p, Edit::AddComparablePath(Sector::Defence));
    apply(
        &mut p,
        Edit::SetComparablePointMultiple {
            comparable: 0,
            index: 1,
            multiple: dec!(12.5),
        },
    );
    apply(&mut p, Edit::AddComparablePoint(0));
    // A year after the last point (2036-03-31), at its multiple.
    assert_eq!(
        p.fund.comparable_multiples[0].points.last(),
        Some(&point(2037, 3, 31, dec!(12.5)))
    );
    apply(
        &mut p,
        Edit::SetComparablePointDate {
            comparable: 0,
            index: 2,
            date: day(2038, 6, 30),
        },
    );
    apply(&mut p, Edit::DeleteComparablePoint(0, 0));
    assert_eq!(
        p.fund.comparable_multiples[0].points,
        vec![point(2036, 3, 31, dec!(12.5)), point(2038, 6, 30, dec!(12.5))]
    );
    // A path with no points gets the first close at 10x.
    apply(&mut p, Edit::DeleteComparablePoint(0, 0));
    apply(&mut p, Edit::DeleteComparablePoint(0, 0));
    apply(&mut p, Edit::AddComparablePoint(0));
    assert_eq!(
        p.fund.comparable_multiples[0].points,
        vec![point(2026, 3, 31, dec!(10))]
    );
}

#[test]
fn a_comparable_path_changes_sector_only_to_a_free_one_and_is_deleted() {
    let mut p = small();
    apply(&mut p, Edit::AddComparablePath(Sector::Defence));
    apply(&mut p, Edit::AddComparablePath(Sector::Electronics));
    let to_taken = Edit::SetComparableSector {
        comparable: 1,
        sector: Sector::Defence,
    };
    assert_eq!(
        to_taken.apply(&mut p),
        Err(EditError::ComparableSectorTaken("Defence".into()))
    );
    let to_own = Edit::SetComparableSector {
        comparable: 1,
        sector: Sector::Electronics,
    };
    assert!(!apply(&mut p, to_own).changed, "its own sector is no change");
    apply(
        &mut p,
        Edit::SetComparableSector {
            comparable: 1,
            sector: Sector::Semiconductors,
        },
    );
    assert_eq!(p.fund.comparable_multiples[1].sector, Sector::Semiconductors);
    apply(&mut p, Edit::DeleteComparablePath(0));
    let sectors: Vec<Sector> = p.fund.comparable_multiples.iter().map(|c| c.sector).collect();
    assert_eq!(sectors, vec![Sector::Semiconductors]);
}

#[test]
fn list_edits_at_missing_positions_are_typed_errors_and_change_nothing() {
    let mut p = small();
    apply(&mut p, Edit::AddComparablePath(Sector::Defence));
    apply(&mut p, Edit::AddPartialExit(0));
    let before = p.clone();
    let cases = [
        (
            Edit::AddPartialExit(3),
            EditError::NoCompany { index: 3, count: 3 },
        ),
        (
            Edit::DeletePartialExit(0, 1),
            EditError::NoPartialExit {
                company: 0,
                index: 1,
                count: 1,
            },
        ),
        (
            Edit::SetPartialExitShare {
                company: 1,
                index: 0,
                share: dec!(0.1),
            },
            EditError::NoPartialExit {
                company: 1,
                index: 0,
                count: 0,
            },
        ),
        (
            Edit::SetPartialExitDate {
                company: 7,
                index: 0,
                date: day(2028, 1, 1),
            },
            EditError::NoCompany { index: 7, count: 3 },
        ),
        (
            Edit::DeleteComparablePath(1),
            EditError::NoComparablePath { index: 1, count: 1 },
        ),
        (
            Edit::AddComparablePoint(2),
            EditError::NoComparablePath { index: 2, count: 1 },
        ),
        (
            Edit::DeleteComparablePoint(0, 2),
            EditError::NoComparablePoint {
                comparable: 0,
                index: 2,
                count: 2,
            },
        ),
        (
            Edit::SetComparablePointMultiple {
                comparable: 0,
                index: 5,
                multiple: dec!(9),
            },
            EditError::NoComparablePoint {
                comparable: 0,
                index: 5,
                count: 2,
            },
        ),
        (
            Edit::SetComparableSector {
                comparable: 3,
                sector: Sector::Other,
            },
            EditError::NoComparablePath { index: 3, count: 1 },
        ),
    ];
    for (edit, expected) in cases {
        assert_eq!(edit.apply(&mut p), Err(expected), "{edit:?}");
    }
    assert_eq!(p, before);
    assert_eq!(
        EditError::NoPartialExit {
            company: 0,
            index: 1,
            count: 1
        }
        .to_string(),
        "company number 1 has no partial exit number 2 (it has 1)"
    );
}

#[test]
fn every_list_edit_has_a_label_for_undo() {
    let edits = [
        Edit::AddPartialExit(0),
        Edit::DeletePartialExit(0, 0),
        Edit::AddComparablePath(Sector::Other),
        Edit::DeleteComparablePath(0),
        Edit::AddComparablePoint(0),
        Edit::DeleteComparablePoint(0, 0),
    ];
    let labels: Vec<&str> = edits.iter().map(Edit::label).collect();
    assert_eq!(
        labels,
        [
            "add a partial exit",
            "delete a partial exit",
            "add a comparable multiple path",
            "delete a comparable multiple path",
            "add a comparable multiple point",
            "delete a comparable multiple point",
        ]
    );
}
