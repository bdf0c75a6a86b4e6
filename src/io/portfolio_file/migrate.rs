//! Bringing a portfolio read in an older format version up to the current one
//! ([`FORMAT_VERSION`]), one version at a time, so that saving writes the current version.
//! The file on disk is never touched: only the model in memory changes, and the user is
//! told ([`Migration`]) so the next save is not a surprise.
//!
//! # Version 1 → 2
//!
//! Version 2 only adds fields; none is renamed or removed. A version-1 file therefore
//! reads into the version-2 model with every new field at its serde default, and the
//! step itself only sets the version. The defaults (see `src/engine/model/operations.rs`
//! and `lever.rs`):
//!
//! | Field (per company unless said) | Default for a version-1 file |
//! |---|---|
//! | `working_capital.receivable_days`, `inventory_days`, `payable_days` | 0 days (no working capital) |
//! | `fixed_costs.shares` (each pool), `fixed_costs.inflation` | 0 (every cost moves with revenue) |
//! | `depreciation.method`, `share_of_revenue` | a share of revenue equal to `maintenance_capex` |
//! | `depreciation.opening_assets`, `useful_life_years` | 0, 10 years (used only by the asset-base method) |
//! | `tax.interest_cap` | 30 % of EBITDA ([`crate::engine::model::DEFAULT_INTEREST_CAP`]) |
//! | `tax.loss_offset_cap`, `tax.opening_tax_losses` | no cap, no losses brought in |
//! | `cash.minimum_cash`, `cash.interest_rate_on_cash` | 0, 0 % |
//! | `partial_exits` | none |
//! | `marking_policy` | none (the fund's) |
//! | `management_pool.share`, `hurdle_multiple` | 0 (no pool), 1× |
//! | levers' `one_time_capex_share`, `capex_life_years` | 0 (all expensed), 5 years |
//! | fund `marking_policy`, `comparable_multiples` | `entry_multiple`, none |
//!
//! With those defaults a version-1 file keeps its inputs, but version 2 computes some
//! things differently, so its results change:
//!
//! - exits and marks use LTM EBITDA (the trailing four quarters), not the last quarter × 4;
//! - marks hold the entry multiple instead of sliding linearly to the exit multiple
//!   (that policy is still there, as `linear_to_exit`, labelled optimistic);
//! - levers on the same cost pool compound (`1 − Π(1 − effect)`) instead of adding up;
//! - interest is deductible up to 30 % of EBITDA, the rest carried forward;
//! - one-time lever costs are deductible for tax (all of them, when expensed);
//! - a lever funded by the fund is charged to it pro rata to its ownership;
//! - a cash shortfall is an overdraft at the acquisition loan's interest rate, not free.

use std::fmt;

use super::LoadProblem;
use crate::engine::model::{FORMAT_VERSION, Portfolio};

/// The oldest format version this build reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// A portfolio read in an older format version and brought up to the current one in
/// memory: the file itself is unchanged until the user saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// The format version the file was written in.
    pub from: u32,
    /// The version the portfolio now has, and the one a save writes.
    pub to: u32,
}

impl fmt::Display for Migration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "was written in format version {from}: the new fields take their defaults, results \
             follow version {to}'s conventions (see the README's \"Format version {to}\"), and it \
             will be saved as version {to}",
            from = self.from,
            to = self.to,
        )
    }
}

/// Brings `portfolio`, as read with the version its file states, up to
/// [`FORMAT_VERSION`]; says which versions it went between, or `None` when it already
/// was current. A version this build does not know is refused.
pub fn migrate(portfolio: &mut Portfolio) -> Result<Option<Migration>, LoadProblem> {
    let from = portfolio.version;
    if from > FORMAT_VERSION {
        return Err(LoadProblem::NewerVersion {
            version: u64::from(from),
        });
    }
    if from < OLDEST_FORMAT_VERSION {
        return Err(LoadProblem::UnknownVersion {
            version: u64::from(from),
        });
    }
    while portfolio.version < FORMAT_VERSION {
        match portfolio.version {
            1 => version_1_to_2(portfolio),
            other => {
                return Err(LoadProblem::UnknownVersion {
                    version: u64::from(other),
                });
            }
        }
    }
    Ok((from < FORMAT_VERSION).then_some(Migration {
        from,
        to: FORMAT_VERSION,
    }))
}

/// Version 1 → 2 (see the module docs): every new field already holds its default, read
/// by serde from its absence, so only the version changes.
fn version_1_to_2(portfolio: &mut Portfolio) {
    portfolio.version = 2;
}
