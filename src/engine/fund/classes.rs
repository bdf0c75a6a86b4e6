//! The LPs by class: closes, equalisation, each class's fees and waterfall, and each
//! class's quarterly capital account and net returns.
//!
//! Rules (each a modelling choice, stated so a reviewer can check it; sources: the ILPA
//! Model LPA, whole-of-fund version (2020), on subsequent closings — a later LP
//! contributes its share of earlier capital contributions, fees included, plus interest,
//! and the amounts go back to the earlier partners — and ILPA Principles 3.0 (2019),
//! which asks that such terms, and any side terms of a class, be disclosed to all LPs):
//!
//! 1. **Commitments.** Each close `{date, class, amount}` admits `amount` of commitments,
//!    the GP commitment's share included (the GP commits `gp_commitment_share` of every
//!    close); a class's LP commitment is Σ its closes × (1 − GP share). Its weight `s_c`
//!    is its LP commitment over all LP commitments. With closes but no classes, every
//!    close is the implicit class "LPs"; with no closes the whole commitment is taken at
//!    the fund's first close (by the implicit class, or by the first class when classes
//!    are given). The GP commitment is in no class (`engine::fund::partners`).
//! 2. **Fees per class.** The fee rule at the top of `fees` applies to each class with
//!    its `management_fee_rate` and `post_investment_fee_rate` in place of the fund's
//!    where given; fee steps (a step's rate and basis replace the two periods' rates for
//!    every class alike), the holiday, the bases and the end of the term apply to every
//!    class alike. A class with its own investment-period rate and no post-investment
//!    rate takes the fund's post-investment rate, or, when the fund has none either, its
//!    own rate after the period too. A class's fee before offset is its rate on `s_c ×`
//!    the basis, to the cent, and the fund's fee before offset is their sum. The GP
//!    waiver and the offsets then apply to the total as today; each class's fee after
//!    them is the fund's LP fee split in proportion to the classes' fees before offset
//!    (to the cent, the remainder on the largest). When no class has a fee rate of its
//!    own the fund's fee is computed exactly as without classes and split in proportion
//!    to `s_c`.
//! 3. **Entitled (equalised) flows**: what a class would have paid and received had all
//!    its LPs been admitted at the first close. A class's obligations to date are `s_c ×`
//!    the LPs' share of deals, follow-ons and expenses plus its own fees; its cumulative
//!    entitled call is the LPs' cumulative call (after recycling and a credit line
//!    re-time calls) × its obligations to date / the LPs' obligations to date, to the
//!    cent (the last class takes the remainder). Its entitled share of the LPs'
//!    distributable proceeds and of their gross NAV is `s_c` of each, to the cent (the
//!    remainder to the largest class).
//! 4. **Per-class waterfall.** Each class runs the fund's waterfall on its entitled flows
//!    (European: whole of fund, with the clawback and escrow of `carry`; American: the
//!    deal ledgers of `american` at `s_c` of the LPs' share of every deal) with its own
//!    `carry_rate` and `preferred_return` where given; tiers, hurdle kind, catch-up,
//!    escrow and clawback tax are the fund's. The fund's carried interest, LP
//!    distributions, accrued carry, clawback and escrow are the sums over the classes.
//!    One class with the fund's terms runs the waterfall once, exactly as without
//!    classes; otherwise every class runs its own (a pro-rata split of one run is not
//!    the same to the cent).
//! 5. **Closes and equalisation (actual flows).** Commitments of one close in one class
//!    form a tranche, admitted at the quarter end of the quarter containing its close
//!    date (a date before the first quarter end is the first quarter; one after the
//!    fund's last date, the last quarter). A tranche's entitled flows are its class's
//!    split in proportion to the tranche commitments (to the cent, remainder to the
//!    largest). Each quarter, admitted tranches pay their own entitled calls and receive
//!    their own entitled distributions; the entitled calls and distributions of the
//!    tranches not yet admitted are paid and received by the admitted tranches in
//!    proportion to their commitments, across classes (to the cent). At a tranche's
//!    admission it pays, for every earlier tranche, what that tranche paid on its behalf
//!    less what it received on its behalf (the catch-up of calls and fees, net of
//!    distributions), and each earlier tranche is refunded exactly that: the transfers
//!    net to zero in the quarter and are booked in `equalisation`, inside `contributed`.
//!    After the admission every tranche admitted so far has paid its entitled calls to
//!    date plus what it still fronts for tranches admitted later. Equalisation interest:
//!    the new tranche also pays simple interest at `equalisation_rate`, actual/365, on
//!    each of its entitled calls of quarters before its admission, from that quarter's
//!    end to the close date, to the cent; it goes to the earlier tranches in proportion
//!    to the calls they fronted for it (to the cent, remainder to the largest; in
//!    proportion to commitments when they fronted nothing). Interest is not capital
//!    (outside contributed and distributed), is inside the class's net IRR, and is not
//!    charged on distributions fronted. The NAV follows the distributions: the entitled
//!    NAV of a tranche not yet admitted is held by the admitted ones in proportion to
//!    their commitments. Carry and fees are the class's own entitled figures (rules 2
//!    and 4). A class's figures are the sums over its tranches, so transfers between
//!    tranches of one class cancel in its account.
//! 6. **Capital account** per class per quarter: the fields of `CapitalAccountPeriod`;
//!    `commitment` is what is admitted by the quarter end and `unfunded` that less the
//!    contributions to date, never below zero. `ClassMetrics` on the class's actual
//!    flows: paid-in Σ contributed, TVPI, DPI, RVPI, and the net IRR (XIRR on the
//!    quarter ends of distributed − contributed − net equalisation interest, with the
//!    final NAV) — not computed under `Detail::FundOnly`, which keeps no quarterly
//!    statement either.
//! 7. **Bad input never panics**: a close naming no class of the fund, or a zero or
//!    negative amount, is left out; a fund whose closes admit nothing is treated as
//!    having none.

use super::Detail;
use crate::engine::model::FundTerms;
use crate::engine::num::Num;
use crate::engine::results::{ClassResult, FundPeriod};

mod account;
mod book;
mod entitled;
mod equalise;

use account::{ClassHeading, class_result};
pub(super) use book::ClassBook;
pub(super) use entitled::{ClassRuns, run_by_class};
use equalise::{EntitledQuarter, actual_flows};

/// The fund's classes and, when any has a fee rate of its own, each class's fee before
/// offset in each quarter (from `fees`), as the waterfall needs them.
pub(super) struct LpClasses<T> {
    /// The classes and tranches.
    pub book: ClassBook,
    /// Each class's fee before offset in each quarter (rule 2).
    pub fees_before_offset: Option<Vec<Vec<T>>>,
}

impl<T> LpClasses<T> {
    /// The classes of `book` with their fees before offset.
    pub(super) fn new(book: ClassBook, fees_before_offset: Option<Vec<Vec<T>>>) -> Self {
        Self {
            book,
            fees_before_offset,
        }
    }
}

/// The name of the implicit class of a fund with no classes.
pub(super) const IMPLICIT_CLASS: &str = "LPs";

/// Each class's capital account and returns (rules 5 and 6 at the top of this module),
/// from the projected `periods` and, when the classes ran their own waterfalls, `runs`
/// (without them the book has one class, whose entitled flows are the LPs' flows).
pub(super) fn capital_accounts<T: Num>(
    fund: &FundTerms,
    book: &ClassBook,
    runs: Option<&ClassRuns<T>>,
    periods: &[FundPeriod<T>],
    detail: Detail,
) -> Vec<ClassResult<T>> {
    let dates: Vec<_> = periods.iter().map(|p| p.date).collect();
    let entitled: Vec<Vec<EntitledQuarter<T>>> = match runs {
        Some(runs) => runs
            .periods
            .iter()
            .map(|class| class.iter().map(entitled_of_class).collect())
            .collect(),
        None => vec![periods.iter().map(entitled_of_lps).collect()],
    };
    let flows = actual_flows(book, &dates, fund.investors.equalisation_rate, &entitled);
    book.classes
        .iter()
        .zip(&flows)
        .map(|(class, flows)| {
            let heading = ClassHeading {
                name: &class.name,
                investors: class.investors,
                commitment: T::from_dec(class.commitment),
            };
            class_result(heading, &dates, flows, detail)
        })
        .collect()
}

/// The entitled figures of a class that ran its own waterfall.
fn entitled_of_class<T: Num>(p: &FundPeriod<T>) -> EntitledQuarter<T> {
    EntitledQuarter {
        call: p.lp_contributions,
        fee: p.management_fees,
        distribution: p.lp_distributions,
        nav: p.gross_nav - p.accrued_carry,
        carry: p.carried_interest,
    }
}

/// The entitled figures of the one class of a fund whose waterfall ran once: the LPs'.
fn entitled_of_lps<T: Num>(p: &FundPeriod<T>) -> EntitledQuarter<T> {
    EntitledQuarter {
        call: p.lp_contributions,
        fee: p.management_fees,
        distribution: p.lp_distributions,
        nav: p.lp_nav,
        carry: p.carried_interest,
    }
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
