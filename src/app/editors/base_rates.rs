//! The fund panel's "Dated base rates" section of the credit line (shown only when the
//! fund has one): each point of the base-rate curve (the date it applies from and the
//! rate), a Remove button each, and Add. Every change is an engine [`RateCurveEdit`], so
//! Undo takes it back.

use egui::Ui;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{RateCurveEdit, new_rate_point};
use crate::engine::fields::{FieldPath, RatePointPart};
use crate::units;

/// The credit line's dated base rates and the Add button; nothing without a line.
pub(super) fn base_rates_ui(ui: &mut Ui, s: &mut AppState) {
    let Some(line) = s.portfolio.fund.credit_line.clone() else {
        return;
    };
    ui.label(egui::RichText::new("Credit line: dated base rates").strong());
    if line.base_rate_curve.is_empty() {
        ui.label(format!(
            "None: the base rate of {} applies throughout.",
            units::format_percent(line.base_rate)
        ));
    } else {
        ui.add(egui::Label::new("Each rate applies from its date until the next one's.").wrap());
        egui::Grid::new("base_rates_grid")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, point) in line.base_rate_curve.iter().enumerate() {
                    let n = k + 1;
                    let path = |part| FieldPath::BaseRatePoint { index: k, part };
                    list_cell::date_row(
                        ui,
                        s,
                        (&format!("Base rate {n} from"), path(RatePointPart::Date)),
                        point.date,
                        |date| Edit::BaseRateCurve(RateCurveEdit::SetDate { index: k, date }),
                        |ui, s| {
                            if ui
                                .button("Remove")
                                .on_hover_text(format!("Remove dated base rate {n}"))
                                .clicked()
                            {
                                s.queue(Edit::BaseRateCurve(RateCurveEdit::Delete(k)));
                            }
                        },
                    );
                    list_cell::number_row(
                        ui,
                        s,
                        (&format!("Base rate {n} rate"), path(RatePointPart::Rate)),
                        Figure::Percent(point.rate),
                        |rate| Edit::BaseRateCurve(RateCurveEdit::SetRate { index: k, rate }),
                        |ui, _| {
                            ui.label("a year, plus the spread");
                        },
                    );
                }
            });
    }
    list_cell::group_problems(ui, s, &FieldPath::BaseRateCurve);
    let next = new_rate_point(&line, s.portfolio.fund.first_close);
    if ui
        .button("Add a dated base rate")
        .on_hover_text(format!(
            "From {}: {}",
            next.date,
            units::format_percent(next.rate)
        ))
        .clicked()
    {
        s.queue(Edit::BaseRateCurve(RateCurveEdit::Add));
    }
}
