//! The company panel's "Partial exits" section: each sale of part of the holding before
//! the exit (its date and the share of the original holding it sells), a Remove button
//! each, and Add. Every change is an engine [`Edit`], so Undo takes it back.

use egui::Ui;
use rust_decimal::Decimal;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::NEW_PARTIAL_EXIT_SHARE;
use crate::engine::fields::{FieldPath, PartialExitPart};
use crate::units;

/// The sales of company `c`, what is left for the exit, and the Add button.
pub(super) fn partial_exits_ui(ui: &mut Ui, s: &mut AppState, c: usize) {
    let Some(sales) = s.portfolio.companies.get(c).map(|co| co.partial_exits.clone()) else {
        return;
    };
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Partial exits").strong());
    if sales.is_empty() {
        ui.label("None: the fund sells its whole holding on the exit date.");
    } else {
        egui::Grid::new(("partial_exits_grid", c))
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, sale) in sales.iter().enumerate() {
                    sale_rows(ui, s, c, k, (sale.date, sale.share));
                }
            });
        // Checked: shares beyond their bounds (which validation names) must not overflow.
        let sold = sales
            .iter()
            .try_fold(Decimal::ZERO, |sum, sale| sum.checked_add(sale.share));
        if let Some(sold) = sold
            && let Some(left) = Decimal::ONE.checked_sub(sold)
        {
            ui.label(format!(
                "Sold before the exit: {} of the holding; {} is sold at the exit.",
                units::format_percent(sold),
                units::format_percent(left.max(Decimal::ZERO))
            ));
        }
    }
    list_cell::group_problems(ui, s, &FieldPath::PartialExits { company: c });
    if ui
        .button("Add a partial exit")
        .on_hover_text(format!(
            "Sell {} of the original holding halfway through what is left of the hold",
            units::format_percent(NEW_PARTIAL_EXIT_SHARE)
        ))
        .clicked()
    {
        s.queue(Edit::AddPartialExit(c));
    }
}

/// The two rows of sale `k`: its date (with a Remove button) and its share.
fn sale_rows(ui: &mut Ui, s: &mut AppState, c: usize, k: usize, (date, share): (chrono::NaiveDate, Decimal)) {
    let n = k + 1;
    let path = |part| FieldPath::PartialExit {
        company: c,
        index: k,
        part,
    };
    list_cell::date_row(
        ui,
        s,
        (&format!("Partial exit {n} date"), path(PartialExitPart::Date)),
        date,
        |date| Edit::SetPartialExitDate {
            company: c,
            index: k,
            date,
        },
        |ui, s| {
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove partial exit {n}"))
                .clicked()
            {
                s.queue(Edit::DeletePartialExit(c, k));
            }
        },
    );
    list_cell::number_row(
        ui,
        s,
        (&format!("Partial exit {n} share"), path(PartialExitPart::Share)),
        Figure::Percent(share),
        |share| Edit::SetPartialExitShare {
            company: c,
            index: k,
            share,
        },
        |ui, _| {
            ui.label("of the original holding");
        },
    );
}
