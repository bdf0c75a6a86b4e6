//! The AI programme's figures of a Monte Carlo run, all estimates: AI value at risk
//! (the exit AI EBITDA uplift as a share of plan, P10 / P50 / P90), the probability that
//! net IRR misses the hurdle, each lever gate's and stage gate's pass rate, and — when
//! the run compared them — the value of staging, gated against every stage committed up
//! front on the same seeds.

use egui::{RichText, Ui};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::engine::montecarlo::{McResult, ProgrammeRisk, ReturnSpread, StagingComparison, Summary};
use crate::units;

/// P10, P50 and P90 in [`Summary::values`].
const P10: usize = 1;
const P50: usize = 3;
const P90: usize = 5;

fn at(summary: &Summary, k: usize) -> f64 {
    summary.values.get(k).copied().unwrap_or(f64::NAN)
}

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// A net IRR to two decimals of a percent: staging moves it by little.
fn irr(v: f64) -> String {
    format!("{:.2}%", v * 100.0)
}

fn multiple(v: f64) -> String {
    format!("{v:.2}x")
}

fn money(v: f64, currency: &str) -> String {
    Decimal::from_f64(v.round()).map_or_else(|| format!("{v:.0}"), |d| units::format_money_in(d, currency))
}

/// The section under the run's percentiles and charts.
pub(super) fn programme_ui(ui: &mut Ui, r: &McResult, currency: &str) {
    let p = &r.programme;
    ui.add_space(8.0);
    ui.heading("AI programme (simulated estimates)");
    value_at_risk_ui(ui, p, currency);
    ui.label(format!(
        "Probability that net IRR misses the hurdle ({}): {} (estimate; a path with no IRR counts as missing it).",
        pct(p.hurdle),
        pct(p.probability_below_hurdle)
    ));
    stage_gates_ui(ui, p);
    staging_ui(ui, p.staging.as_ref(), currency);
    lever_gates_ui(ui, p);
}

fn value_at_risk_ui(ui: &mut Ui, p: &ProgrammeRisk, currency: &str) {
    match &p.ai_uplift_share {
        Some(share) => {
            ui.label(format!(
                "AI value at risk: the exit AI EBITDA uplift as a share of plan ({} a year) — P10 {}, P50 {}, \
                 P90 {} (estimates).",
                money(p.plan_ai_uplift, currency),
                pct(at(share, P10)),
                pct(at(share, P50)),
                pct(at(share, P90))
            ));
        }
        None => {
            ui.label("AI value at risk: the plan has no AI EBITDA uplift at exit to put at risk.");
        }
    }
}

fn stage_gates_ui(ui: &mut Ui, p: &ProgrammeRisk) {
    if p.stage_gates.is_empty() {
        ui.label("No stage has a gate.");
        return;
    }
    ui.add_space(4.0);
    ui.strong("Stage gates: share of paths passed (estimates)");
    egui::Grid::new("mc_stage_gates").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Stage").strong());
        ui.label(RichText::new("Pass rate").strong());
        ui.end_row();
        for gate in &p.stage_gates {
            ui.label(&gate.stage);
            ui.label(pct(gate.pass_rate));
            ui.end_row();
        }
    });
}

/// The rows of the value-of-staging table: `(figure, gated, ungated)`.
fn staging_rows(s: &StagingComparison, currency: &str) -> Vec<(&'static str, String, String)> {
    let both = |f: &dyn Fn(&ReturnSpread) -> String| (f(&s.gated), f(&s.ungated));
    let rows: [(&'static str, (String, String)); 9] = [
        ("Net IRR, mean", both(&|x| irr(x.net_irr.mean))),
        ("Net IRR, P10", both(&|x| irr(at(&x.net_irr, P10)))),
        ("Net IRR, P90", both(&|x| irr(at(&x.net_irr, P90)))),
        ("Net TVPI, mean", both(&|x| multiple(x.tvpi.mean))),
        ("Net TVPI, P10", both(&|x| multiple(at(&x.tvpi, P10)))),
        ("Net TVPI, P90", both(&|x| multiple(at(&x.tvpi, P90)))),
        (
            "Probability of a loss (TVPI < 1)",
            both(&|x| pct(x.probability_of_loss)),
        ),
        ("LPs' paid-in, mean", both(&|x| money(x.paid_in.mean, currency))),
        (
            "LPs' paid-in, P10",
            both(&|x| money(at(&x.paid_in, P10), currency)),
        ),
    ];
    rows.into_iter().map(|(name, (g, u))| (name, g, u)).collect()
}

fn staging_ui(ui: &mut Ui, staging: Option<&StagingComparison>, currency: &str) {
    ui.add_space(4.0);
    ui.strong("Value of staging (estimates, the same seeds both ways)");
    let Some(s) = staging else {
        ui.label(
            "Not compared in this run: tick \"Compare with every stage committed up front\" and run the \
             simulation again.",
        );
        return;
    };
    egui::Grid::new("mc_staging").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Estimate").strong());
        ui.label(RichText::new("With the stage gates").strong());
        ui.label(RichText::new("Every stage committed up front").strong());
        ui.end_row();
        for (name, gated, ungated) in staging_rows(s, currency) {
            ui.label(name);
            ui.label(gated);
            ui.label(ungated);
            ui.end_row();
        }
    });
}

fn lever_gates_ui(ui: &mut Ui, p: &ProgrammeRisk) {
    let title = format!(
        "Lever gates: pass rates of {} gated levers (estimates)",
        p.lever_gates.len()
    );
    egui::CollapsingHeader::new(title)
        .id_salt("mc_lever_gates")
        .show(ui, |ui| {
            if p.lever_gates.is_empty() {
                ui.label("No lever has a gate.");
                return;
            }
            egui::ScrollArea::vertical()
                .id_salt("mc_lever_gates_scroll")
                .max_height(260.0)
                .show(ui, |ui| {
                    egui::Grid::new("mc_lever_gates_grid")
                        .striped(true)
                        .show(ui, |ui| {
                            for heading in ["Company", "Lever", "Probability", "Pass rate"] {
                                ui.label(RichText::new(heading).strong());
                            }
                            ui.end_row();
                            for lever in &p.lever_gates {
                                ui.label(&lever.company);
                                ui.label(&lever.lever);
                                ui.label(pct(lever.probability));
                                ui.label(pct(lever.pass_rate));
                                ui.end_row();
                            }
                        });
                });
        });
}
