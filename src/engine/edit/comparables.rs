//! Edits of the fund's comparable multiple paths (one per sector, for the comparables
//! marking policy): add a path for a sector (the first close and ten years later, both at
//! 10x), delete one, change its sector, and add, delete or set its points. A sector has
//! at most one path: an edit that would give it a second is refused.

use chrono::NaiveDate;
use rust_decimal::{Decimal, dec};

use super::{EditError, EditOutcome};
use crate::engine::grid;
use crate::engine::model::{ComparablePath, MultiplePoint, Portfolio, Sector};

/// The multiple a new path's points, and a first point, start at.
pub const NEW_COMPARABLE_MULTIPLE: Decimal = dec!(10);

/// Years from the first close to the second point of a new path.
pub const NEW_COMPARABLE_SPAN_YEARS: u32 = 10;

/// Refuses `sector` when a path other than `except` already has it.
fn sector_free(p: &Portfolio, sector: Sector, except: Option<usize>) -> Result<(), EditError> {
    let taken = p
        .fund
        .comparable_multiples
        .iter()
        .enumerate()
        .any(|(j, path)| Some(j) != except && path.sector == sector);
    if taken {
        return Err(EditError::ComparableSectorTaken(sector.label().to_string()));
    }
    Ok(())
}

fn path_mut(p: &mut Portfolio, index: usize) -> Result<&mut ComparablePath, EditError> {
    let paths = &mut p.fund.comparable_multiples;
    let count = paths.len();
    paths
        .get_mut(index)
        .ok_or(EditError::NoComparablePath { index, count })
}

fn point_mut(p: &mut Portfolio, comparable: usize, index: usize) -> Result<&mut MultiplePoint, EditError> {
    let points = &mut path_mut(p, comparable)?.points;
    let count = points.len();
    points.get_mut(index).ok_or(EditError::NoComparablePoint {
        comparable,
        index,
        count,
    })
}

pub(super) fn add_path(p: &mut Portfolio, sector: Sector) -> Result<EditOutcome, EditError> {
    sector_free(p, sector, None)?;
    let start = p.fund.first_close;
    let point = |date| MultiplePoint {
        date,
        multiple: NEW_COMPARABLE_MULTIPLE,
    };
    p.fund.comparable_multiples.push(ComparablePath {
        sector,
        points: vec![
            point(start),
            point(grid::add_years(start, NEW_COMPARABLE_SPAN_YEARS)),
        ],
    });
    Ok(EditOutcome::keep())
}

pub(super) fn delete_path(p: &mut Portfolio, index: usize) -> Result<EditOutcome, EditError> {
    path_mut(p, index)?;
    p.fund.comparable_multiples.remove(index);
    Ok(EditOutcome::keep())
}

pub(super) fn set_sector(p: &mut Portfolio, index: usize, sector: Sector) -> Result<EditOutcome, EditError> {
    path_mut(p, index)?;
    sector_free(p, sector, Some(index))?;
    let path = path_mut(p, index)?;
    let changed = path.sector != sector;
    path.sector = sector;
    Ok(EditOutcome {
        select: None,
        changed,
    })
}

/// The point a path gets next: a year after its last at the same multiple, or the
/// fund's `first_close` at 10x when it has none.
pub fn new_comparable_point(first_close: NaiveDate, path: &ComparablePath) -> MultiplePoint {
    path.points.last().map_or(
        MultiplePoint {
            date: first_close,
            multiple: NEW_COMPARABLE_MULTIPLE,
        },
        |last| MultiplePoint {
            date: grid::add_years(last.date, 1),
            multiple: last.multiple,
        },
    )
}

pub(super) fn add_point(p: &mut Portfolio, comparable: usize) -> Result<EditOutcome, EditError> {
    let first_close = p.fund.first_close;
    let path = path_mut(p, comparable)?;
    let point = new_comparable_point(first_close, path);
    path.points.push(point);
    Ok(EditOutcome::keep())
}

pub(super) fn delete_point(
    p: &mut Portfolio,
    comparable: usize,
    index: usize,
) -> Result<EditOutcome, EditError> {
    point_mut(p, comparable, index)?;
    path_mut(p, comparable)?.points.remove(index);
    Ok(EditOutcome::keep())
}

pub(super) fn set_point_date(
    p: &mut Portfolio,
    comparable: usize,
    index: usize,
    date: NaiveDate,
) -> Result<EditOutcome, EditError> {
    let point = point_mut(p, comparable, index)?;
    let changed = point.date != date;
    point.date = date;
    Ok(EditOutcome {
        select: None,
        changed,
    })
}

pub(super) fn set_point_multiple(
    p: &mut Portfolio,
    comparable: usize,
    index: usize,
    multiple: Decimal,
) -> Result<EditOutcome, EditError> {
    let point = point_mut(p, comparable, index)?;
    let changed = point.multiple != multiple;
    point.multiple = multiple;
    Ok(EditOutcome {
        select: None,
        changed,
    })
}
