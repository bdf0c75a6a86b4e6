//! Edits of a lever's cost phasing (`programme.cost_phasing`): the share of the
//! scale-up's one-time cost spent in each quarter from its start. An empty list spends it
//! all in the start quarter, so the first quarter added takes the whole cost and the
//! phasing still means what it meant.

use rust_decimal::Decimal;

use super::super::lists::company_mut;
use super::super::{EditError, EditOutcome};
use super::set;
use crate::engine::model::Portfolio;

/// The share a new quarter of `phasing` takes: what the other quarters leave of the whole
/// cost (100 % when there are none), or nothing when they already reach it.
pub fn new_phasing_share(phasing: &[Decimal]) -> Decimal {
    phasing
        .iter()
        .try_fold(Decimal::ZERO, |sum, s| sum.checked_add(*s))
        .and_then(|sum| Decimal::ONE.checked_sub(sum))
        .filter(|left| *left > Decimal::ZERO)
        .unwrap_or(Decimal::ZERO)
}

fn phasing_mut(p: &mut Portfolio, company: usize, lever: usize) -> Result<&mut Vec<Decimal>, EditError> {
    let levers = &mut company_mut(p, company)?.levers;
    let count = levers.len();
    levers
        .get_mut(lever)
        .map(|l| &mut l.programme.cost_phasing)
        .ok_or(EditError::NoLever {
            company,
            lever,
            count,
        })
}

fn share_mut(
    p: &mut Portfolio,
    company: usize,
    lever: usize,
    index: usize,
) -> Result<&mut Decimal, EditError> {
    let phasing = phasing_mut(p, company, lever)?;
    let count = phasing.len();
    phasing.get_mut(index).ok_or(EditError::NoPhasingQuarter {
        company,
        lever,
        index,
        count,
    })
}

pub(super) fn add(p: &mut Portfolio, company: usize, lever: usize) -> Result<EditOutcome, EditError> {
    let phasing = phasing_mut(p, company, lever)?;
    phasing.push(new_phasing_share(phasing));
    Ok(EditOutcome::keep())
}

pub(super) fn delete(
    p: &mut Portfolio,
    company: usize,
    lever: usize,
    index: usize,
) -> Result<EditOutcome, EditError> {
    share_mut(p, company, lever, index)?;
    phasing_mut(p, company, lever)?.remove(index);
    Ok(EditOutcome::keep())
}

pub(super) fn set_share(
    p: &mut Portfolio,
    company: usize,
    lever: usize,
    index: usize,
    share: Decimal,
) -> Result<EditOutcome, EditError> {
    set(share_mut(p, company, lever, index)?, share)
}
