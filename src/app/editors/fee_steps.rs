//! The fund panel's "Fee steps" section: each dated change of the management fee (the
//! first quarter end it applies to, its annual rate and what it is charged on), a Remove
//! button each, and Add. Every change is an engine [`Edit`], so Undo takes it back.

use egui::Ui;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::new_fee_step;
use crate::engine::fields::{FeeStepPart, FieldPath};
use crate::engine::model::{FeeBasis, FeeStep};
use crate::units;

/// What each basis is called in the editor.
const BASES: [(FeeBasis, &str); 3] = [
    (FeeBasis::Commitment, "Commitments"),
    (FeeBasis::NetInvestedCapital, "Net invested capital"),
    (FeeBasis::LowerOfCostAndNav, "Lower of cost and NAV"),
];

fn basis_label(basis: FeeBasis) -> &'static str {
    BASES
        .iter()
        .find(|(b, _)| *b == basis)
        .map_or("Net invested capital", |(_, label)| label)
}

/// The fund's fee steps and the Add button.
pub(super) fn fee_steps_ui(ui: &mut Ui, s: &mut AppState) {
    let steps = s.portfolio.fund.fee_terms.steps.clone();
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Fee steps").strong());
    if steps.is_empty() {
        ui.label("None: the investment-period fee, then the post-investment fee, as above.");
    } else {
        ui.add(
            egui::Label::new(
                "From each date, the rate on the basis replaces the two periods' fees (until the next step).",
            )
            .wrap(),
        );
        egui::Grid::new("fee_steps_grid")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, step) in steps.iter().enumerate() {
                    step_rows(ui, s, k, step);
                }
            });
    }
    list_cell::group_problems(ui, s, &FieldPath::FeeSteps);
    let next = new_fee_step(&s.portfolio.fund);
    if ui
        .button("Add a fee step")
        .on_hover_text(format!(
            "From {}: {} a year on {}",
            next.from,
            units::format_percent(next.rate),
            basis_label(next.basis).to_lowercase()
        ))
        .clicked()
    {
        s.queue(Edit::AddFeeStep);
    }
}

/// The three rows of step `k`: its date (with a Remove button), its rate and its basis.
fn step_rows(ui: &mut Ui, s: &mut AppState, k: usize, step: &FeeStep) {
    let n = k + 1;
    let path = |part| FieldPath::FeeStep { index: k, part };
    list_cell::date_row(
        ui,
        s,
        (&format!("Fee step {n} from"), path(FeeStepPart::From)),
        step.from,
        |from| Edit::SetFeeStepFrom { index: k, from },
        |ui, s| {
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove fee step {n}"))
                .clicked()
            {
                s.queue(Edit::DeleteFeeStep(k));
            }
        },
    );
    list_cell::number_row(
        ui,
        s,
        (&format!("Fee step {n} rate"), path(FeeStepPart::Rate)),
        Figure::Percent(step.rate),
        |rate| Edit::SetFeeStepRate { index: k, rate },
        |ui, _| {
            ui.label("a year");
        },
    );
    let label = ui.label(format!("Fee step {n} basis"));
    let mut chosen = step.basis;
    egui::ComboBox::from_id_salt(("fee_step_basis", k))
        .selected_text(basis_label(chosen))
        .show_ui(ui, |ui| {
            for (basis, text) in BASES {
                ui.selectable_value(&mut chosen, basis, text);
            }
        })
        .response
        .labelled_by(label.id);
    ui.label("");
    ui.end_row();
    if chosen != step.basis {
        s.queue(Edit::SetFeeStepBasis {
            index: k,
            basis: chosen,
        });
    }
}
