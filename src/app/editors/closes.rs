//! The fund panel's "Closes" section: each close (its date, the LP class its commitments
//! belong to, chosen from the fund's classes, and the amount), a Remove button each, how
//! much of the commitment they cover, and Add. Every change is an engine
//! [`InvestorEdit`], so Undo takes it back.

use egui::Ui;
use rust_decimal::Decimal;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{InvestorEdit, new_close};
use crate::engine::fields::{ClosePart, FieldPath};
use crate::engine::model::Close;
use crate::units;

/// What a close that names no class is shown as.
const NO_CLASS: &str = "(no class)";

/// The fund's closes, their total against the commitment, and the Add button.
pub(super) fn closes_ui(ui: &mut Ui, s: &mut AppState) {
    let closes = s.portfolio.fund.investors.closes.clone();
    let currency = s.portfolio.fund.currency.clone();
    let money = |amount| units::format_money_in(amount, &currency);
    ui.label(egui::RichText::new("Closes").strong());
    if closes.is_empty() {
        ui.label("None: the whole commitment is taken at the first close.");
    } else {
        egui::Grid::new("closes_grid")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, close) in closes.iter().enumerate() {
                    close_rows(ui, s, k, close);
                }
            });
        // Checked: amounts beyond their bounds (which validation names) must not overflow.
        let total = closes
            .iter()
            .try_fold(Decimal::ZERO, |sum, c| sum.checked_add(c.amount));
        if let Some(total) = total {
            ui.label(format!(
                "The closes take {} of the {} commitment.",
                money(total),
                money(s.portfolio.fund.commitment)
            ));
        }
    }
    list_cell::group_problems(ui, s, &FieldPath::Closes);
    let next = new_close(&s.portfolio.fund);
    if ui
        .button("Add a close")
        .on_hover_text(format!("On {}: {}", next.date, money(next.amount)))
        .clicked()
    {
        s.queue(Edit::Investors(InvestorEdit::AddClose));
    }
}

/// The rows of close `k`: its date (with a Remove button), its class and its amount.
fn close_rows(ui: &mut Ui, s: &mut AppState, k: usize, close: &Close) {
    let n = k + 1;
    let path = |part| FieldPath::Close { index: k, part };
    list_cell::date_row(
        ui,
        s,
        (&format!("Close {n} date"), path(ClosePart::Date)),
        close.date,
        |date| Edit::Investors(InvestorEdit::SetCloseDate { index: k, date }),
        |ui, s| {
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove close {n}"))
                .clicked()
            {
                s.queue(Edit::Investors(InvestorEdit::DeleteClose(k)));
            }
        },
    );
    class_row(ui, s, k, close);
    list_cell::number_row(
        ui,
        s,
        (&format!("Close {n} amount"), path(ClosePart::Amount)),
        Figure::Money(close.amount),
        |amount| Edit::Investors(InvestorEdit::SetCloseAmount { index: k, amount }),
        |ui, s| {
            ui.label(
                units::currency_prefix(&s.portfolio.fund.currency)
                    .trim()
                    .to_string(),
            );
        },
    );
}

/// Close `k`'s class, chosen from the fund's classes (or none); problems under it.
fn class_row(ui: &mut Ui, s: &mut AppState, k: usize, close: &Close) {
    let n = k + 1;
    let names: Vec<String> = s
        .portfolio
        .fund
        .investors
        .classes
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let label = ui.label(format!("Close {n} LP class"));
    let mut chosen = close.class.clone();
    let shown = if chosen.is_empty() {
        NO_CLASS
    } else {
        chosen.as_str()
    }
    .to_string();
    egui::ComboBox::from_id_salt(("close_class", k))
        .selected_text(shown)
        .width(list_cell::WIDTH)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, String::new(), NO_CLASS);
            for name in &names {
                ui.selectable_value(&mut chosen, name.clone(), name);
            }
        })
        .response
        .labelled_by(label.id);
    ui.label("");
    ui.end_row();
    let path = FieldPath::Close {
        index: k,
        part: ClosePart::Class,
    };
    list_cell::problems_row(ui, s, &path);
    if chosen != close.class {
        s.queue(Edit::Investors(InvestorEdit::SetCloseClass {
            index: k,
            class: chosen,
        }));
    }
}
