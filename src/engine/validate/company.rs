//! Checks of each company and its AI levers.

use std::collections::HashSet;

use rust_decimal::{Decimal, dec};

use super::fund::at;
use super::{Checker, Rule, in_sentence, pct};
use crate::engine::fields::{FieldPath, Owner};
use crate::engine::grid;
use crate::engine::model::{Company, CostPool, LeverTarget, Portfolio};

pub(super) fn check_companies(c: &mut Checker, p: &Portfolio) {
    let mut names = HashSet::new();
    for (i, company) in p.companies.iter().enumerate() {
        if !names.insert(company.name.as_str()) {
            c.error(
                at(Owner::Company(i), "name"),
                Rule::Duplicate,
                format!("two companies are named '{}'", company.name),
            );
        }
        check_company(c, p, i, company);
    }
}

fn check_dates(c: &mut Checker, p: &Portfolio, owner: Owner, co: &Company) {
    let who = &co.name;
    match p.stage(&co.stage) {
        None => c.error(
            at(owner, "stage"),
            Rule::UnknownReference,
            format!("'{who}' belongs to stage '{}', which does not exist", co.stage),
        ),
        Some(stage) if co.acquisition_date < stage.start_date => c.error(
            at(owner, "acquisition_date"),
            Rule::DateOrder,
            format!(
                "'{who}' is acquired on {}, before its stage '{}' starts ({})",
                co.acquisition_date, stage.name, stage.start_date
            ),
        ),
        Some(_) => {}
    }
    if co.acquisition_date < p.fund.first_close {
        c.error(
            at(owner, "acquisition_date"),
            Rule::DateOrder,
            format!("'{who}' is acquired before the fund's first close"),
        );
    }
    if grid::quarters_between(co.acquisition_date, co.exit_date) < 1 {
        c.error(
            at(owner, "exit_date"),
            Rule::DateOrder,
            format!(
                "'{who}' exits on {}, which must be in a later quarter than the acquisition ({})",
                co.exit_date, co.acquisition_date
            ),
        );
    }
    if grid::quarters_between(p.fund.first_close, co.exit_date) >= 150 {
        c.error(
            at(owner, "exit_date"),
            Rule::OutOfRange,
            format!("'{who}' exits more than 37 years after the first close"),
        );
    }
    super::fund::check_exit_within_term(c, p, owner, co);
}

fn check_company(c: &mut Checker, p: &Portfolio, i: usize, co: &Company) {
    let owner = Owner::Company(i);
    let who = &co.name;
    if who.trim().is_empty() {
        c.error(at(owner, "name"), Rule::Required, "a company needs a name");
    }
    check_dates(c, p, owner, co);
    c.bounds(p, owner, |label| format!("'{who}' {}", in_sentence(label)));
    // Summed with checks: pools beyond their bounds are reported above and must not
    // overflow here.
    if let Some(pools) = co.cost_pools.total()
        && pools >= Decimal::ONE
    {
        c.error(
            FieldPath::CostPools { company: i },
            Rule::Inconsistent,
            format!(
                "'{who}' cost pools add up to {} of revenue, leaving no EBITDA (must be under 100%)",
                pct(pools)
            ),
        );
    }
    // Checked: out-of-range multiples and costs are reported by their bounds above, and
    // must not overflow here.
    let entry_price = Decimal::ONE
        .checked_add(co.transaction_costs)
        .and_then(|share| co.entry_multiple.checked_mul(share));
    if let Some(entry_price) = entry_price
        && co.debt_multiple >= entry_price
        && co.entry_multiple > Decimal::ZERO
    {
        c.error(
            at(owner, "debt_multiple"),
            Rule::Inconsistent,
            format!(
                "'{who}' debt ({}x EBITDA) would pay for the whole entry price ({}x): the fund must put in equity",
                co.debt_multiple.normalize(),
                co.entry_multiple.normalize()
            ),
        );
    }
    check_levers(c, p, i, co);
    super::valuation::check_partial_exits(c, i, co);
}

fn check_levers(c: &mut Checker, p: &Portfolio, i: usize, co: &Company) {
    let who = &co.name;
    let mut per_pool = [Decimal::ZERO; 5];
    for (j, lever) in co.levers.iter().enumerate() {
        let owner = Owner::Lever { company: i, lever: j };
        let name = if lever.name.trim().is_empty() {
            lever.kind.label().to_string()
        } else {
            lever.name.clone()
        };
        let label = format!("'{who}' lever '{name}'");
        c.bounds(p, owner, |field| format!("{label} {}", in_sentence(field)));
        if let LeverTarget::Pool(pool) = lever.target {
            let share = co.cost_pools.get(pool);
            if share.is_zero() {
                c.error(
                    at(owner, "target"),
                    Rule::Inconsistent,
                    format!(
                        "{label} acts on the {} pool, which '{who}' does not have (0% of revenue)",
                        pool.label().to_lowercase()
                    ),
                );
            }
            if let Some(slot) = CostPool::ALL
                .iter()
                .position(|p| *p == pool)
                .and_then(|k| per_pool.get_mut(k))
            {
                *slot += lever.effect.clamp(Decimal::ZERO, Decimal::ONE)
                    * lever.realisation.clamp(Decimal::ZERO, dec!(2));
            }
        }
    }
    for (pool, total) in CostPool::ALL.iter().zip(per_pool) {
        if total > Decimal::ONE {
            c.error(
                FieldPath::Levers { company: i },
                Rule::Inconsistent,
                format!(
                    "'{who}' levers remove {} of the {} pool: at most 100% can go",
                    pct(total),
                    pool.label().to_lowercase()
                ),
            );
        }
    }
}
