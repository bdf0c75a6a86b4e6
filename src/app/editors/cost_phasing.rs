//! The lever panel's "Cost phasing" list: the share of the scale-up's one-time cost spent
//! in each quarter from its start (what it comes to, a Remove button each, and Add), a
//! line saying whether the shares add up to 100 % and how each instalment is split
//! (capitalised or expensed, paid by the company or as fund follow-on equity, both the
//! lever's own terms), and the problems validation found. Every change is an engine
//! [`ProgrammeEdit`], so Undo takes it back.

use egui::Ui;
use rust_decimal::Decimal;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{ProgrammeEdit, new_phasing_share};
use crate::engine::fields::{FieldPath, Owner};
use crate::engine::model::{Lever, LeverFunding};
use crate::units;

/// The phasing of lever `l` of company `c`, its summary, its problems and Add.
pub(super) fn cost_phasing_ui(ui: &mut Ui, s: &mut AppState, c: usize, l: usize) {
    let Some(lever) = s
        .portfolio
        .companies
        .get(c)
        .and_then(|co| co.levers.get(l))
        .cloned()
    else {
        return;
    };
    let currency = s.portfolio.fund.currency.clone();
    let money = |amount: Decimal| units::format_money_in(amount, &currency);
    let phasing = &lever.programme.cost_phasing;
    ui.add_space(8.0);
    ui.strong("Cost phasing");
    ui.add(
        egui::Label::new(format!(
            "Share of the one-time cost ({}) spent in each quarter from the scale-up's start.",
            money(lever.one_time_cost)
        ))
        .wrap(),
    );
    if phasing.is_empty() {
        ui.label("None: all of it is spent in the start quarter.");
    } else {
        egui::Grid::new(("cost_phasing_grid", c, l))
            .num_columns(4)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, share) in phasing.iter().enumerate() {
                    share_row(ui, s, (c, l, k), *share, lever.one_time_cost);
                }
            });
        ui.add(egui::Label::new(sum_line(phasing)).wrap());
    }
    ui.add(egui::Label::new(split_line(&lever)).wrap());
    // The phasing's problems are placed on the one-time cost it spreads.
    if let Some(path) = FieldPath::field(Owner::Lever { company: c, lever: l }, "one_time_cost") {
        list_cell::group_problems(ui, s, &path);
    }
    let next = new_phasing_share(phasing);
    if ui
        .button("Add a quarter")
        .on_hover_text(format!(
            "Quarter {}, taking {} (what the others leave)",
            phasing.len() + 1,
            units::format_percent(next)
        ))
        .clicked()
    {
        s.queue(Edit::Programme(ProgrammeEdit::AddPhasingQuarter {
            company: c,
            lever: l,
        }));
    }
}

/// Quarter `k`'s share of the cost, what it comes to, and its Remove button.
fn share_row(ui: &mut Ui, s: &mut AppState, (c, l, k): (usize, usize, usize), share: Decimal, cost: Decimal) {
    let n = k + 1;
    // The list's own place in the file (no row of the lever's table, so no problem is
    // ever placed there: the list's problems are shown under it, on the one-time cost).
    let path = FieldPath::Field {
        owner: Owner::Lever { company: c, lever: l },
        key: "programme.cost_phasing",
    };
    let amount = share
        .checked_mul(cost)
        .map(|a| units::format_money_in(a, &s.portfolio.fund.currency));
    list_cell::number_row(
        ui,
        s,
        (&format!("Quarter {n}"), path),
        Figure::Percent(share),
        |share| {
            Edit::Programme(ProgrammeEdit::SetPhasingShare {
                company: c,
                lever: l,
                index: k,
                share,
            })
        },
        // Two cells: what the share comes to, then Remove.
        |ui, s| {
            ui.label(amount.unwrap_or_default());
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove quarter {n} (the later ones move one earlier)"))
                .clicked()
            {
                s.queue(Edit::Programme(ProgrammeEdit::DeletePhasingQuarter {
                    company: c,
                    lever: l,
                    index: k,
                }));
            }
        },
    );
}

/// Whether the shares add up to the whole one-time cost.
fn sum_line(phasing: &[Decimal]) -> String {
    let total = phasing
        .iter()
        .try_fold(Decimal::ZERO, |sum, s| sum.checked_add(*s));
    match total {
        Some(total) if total == Decimal::ONE => format!(
            "The {} quarters add up to 100% of the one-time cost.",
            phasing.len()
        ),
        Some(total) => format!(
            "The quarters add up to {} of the one-time cost.",
            units::format_percent(total)
        ),
        None => "The quarters add up to more than the model can hold.".to_string(),
    }
}

/// How each instalment is split and paid, by the lever's own terms.
fn split_line(lever: &Lever) -> String {
    let capex = lever.one_time_capex_share;
    let expensed = Decimal::ONE.checked_sub(capex).unwrap_or(Decimal::ZERO);
    let paid_by = match lever.funding {
        LeverFunding::Company => "paid from the company's cash flow",
        LeverFunding::FundFollowOn => "paid as fund follow-on equity from the stage's reserve",
    };
    format!(
        "Each quarter's amount is {} capitalised (depreciated over {} years) and {} expensed, {paid_by} \
         (the lever's terms above).",
        units::format_percent(capex),
        lever.capex_life_years,
        units::format_percent(expensed),
    )
}
