//! The AI programme tab's tables: the uplift by group on both readings, and each lever's
//! evidence range, source and gate.

use egui::{RichText, Ui};
use rust_decimal::Decimal;

use crate::engine::ai_view::{AiProgramme, UpliftSeries};
use crate::engine::model::GateFailure;
use crate::units::{format_money_in, format_percent};

/// A striped grid `id` with `headings` (weak) as its first row, then what `body` draws;
/// `spacing` is the gap between columns.
pub fn headed_grid(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    headings: &[&str],
    spacing: f32,
    body: impl FnOnce(&mut Ui),
) {
    egui::Grid::new(id)
        .num_columns(headings.len())
        .striped(true)
        .spacing([spacing, 4.0])
        .show(ui, |ui| {
            for heading in headings {
                ui.label(RichText::new(*heading).weak());
            }
            ui.end_row();
            body(ui);
        });
}

/// The largest value of `values`, zero when empty.
fn peak(values: &[Decimal]) -> Decimal {
    values.iter().copied().max().unwrap_or_default()
}

/// Risk-adjusted as a share of plan, a dash without a plan figure.
fn share(risk_adjusted: Decimal, plan: Decimal) -> String {
    if plan.is_zero() {
        "–".into()
    } else {
        format_percent(risk_adjusted / plan)
    }
}

/// One group per row: the realised (LTM) uplift at the exits and the peak run-rate, plan
/// beside risk-adjusted; the fund's total last.
pub fn uplift_table(ui: &mut Ui, programme: &AiProgramme, groups: &[UpliftSeries], currency: &str) {
    let headings = [
        "",
        "Plan at exit",
        "Risk-adjusted at exit",
        "÷ plan",
        "Peak run-rate, plan",
        "Peak run-rate, risk-adjusted",
    ];
    headed_grid(ui, "ai_uplift_table", &headings, 18.0, |ui| {
        for (group, strong) in groups
            .iter()
            .map(|g| (g, false))
            .chain([(&programme.total, true)])
        {
            let label = RichText::new(&group.label);
            ui.label(if strong { label.strong() } else { label });
            let (plan, risk) = (&group.plan, &group.risk_adjusted);
            for figure in [plan.at_exit, risk.at_exit] {
                ui.label(format_money_in(figure, currency));
            }
            ui.label(share(risk.at_exit, plan.at_exit));
            for figure in [peak(&plan.run_rate), peak(&risk.run_rate)] {
                ui.label(format_money_in(figure, currency));
            }
            ui.end_row();
        }
    });
}

/// One lever per row: its effect, the published range and source, the gate and the
/// lever's uplift at its company's exit on both readings.
pub fn evidence_table(ui: &mut Ui, programme: &AiProgramme, currency: &str) {
    let headings = [
        "Company",
        "Lever",
        "Effect × realisation",
        "Evidence low",
        "Base",
        "High",
        "Source",
        "Gate",
        "On failure",
        "At exit, plan",
        "At exit, risk-adjusted",
    ];
    headed_grid(ui, "ai_evidence_table", &headings, 14.0, |ui| {
        for lever in &programme.levers {
            ui.label(&lever.company);
            ui.label(&lever.lever).on_hover_text(lever.kind.label());
            ui.label(format!(
                "{} × {}",
                format_percent(lever.effect),
                format_percent(lever.realisation)
            ));
            match &lever.evidence {
                Some(e) => {
                    for figure in [e.low, e.base, e.high] {
                        ui.label(format_percent(figure));
                    }
                    ui.add(egui::Label::new(&e.source).truncate())
                        .on_hover_text(&e.source);
                }
                None => {
                    for _ in 0..3 {
                        ui.label("–");
                    }
                    ui.label(RichText::new("no evidence entered").weak());
                }
            }
            match &lever.gate {
                Some(gate) => {
                    let date = programme
                        .date(gate.quarter)
                        .map_or_else(String::new, |d| d.to_string());
                    ui.label(format!("{} pass by {date}", format_percent(gate.probability)));
                    ui.label(match gate.on_failure {
                        GateFailure::KeepPilot => "keep the pilot",
                        GateFailure::StopAndWriteOff => "stop, write off",
                    });
                }
                None => {
                    ui.label("no gate");
                    ui.label("–");
                }
            }
            ui.label(format_money_in(lever.at_exit.plan, currency));
            ui.label(format_money_in(lever.at_exit.risk_adjusted, currency));
            ui.end_row();
        }
    });
}
