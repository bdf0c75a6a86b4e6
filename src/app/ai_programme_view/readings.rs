//! The AI programme tab's "Three readings" table: the fund's headline figures on the plan,
//! the risk-adjusted reading and, after a Monte Carlo run of the case, its P10 / P50 / P90
//! (`engine::ai_view::ReadingsTable`), with what each column is in words under it. The same
//! rows go to the tab's copy as text.

use egui::{RichText, Ui};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use super::table::headed_grid;
use crate::engine::ai_view::{ReadingsTable, Spread};
use crate::units::{format_money_in, format_multiple, format_percent};

/// The table's column headings.
const HEADINGS: [&str; 4] = ["", "Plan", "Risk-adjusted", "Simulated P10 / P50 / P90"];

/// What a missing figure shows.
const NONE: &str = "–";

/// One row: the figure's name and its plan, risk-adjusted and simulated cells.
type Row = [String; 4];

/// `value` as text, a dash when there is none.
fn or_dash(value: Option<Decimal>, format: fn(Decimal) -> String) -> String {
    value.map_or_else(|| NONE.to_string(), format)
}

/// `spread` as "P10 / P50 / P90", each written by `format`.
fn spread_text(spread: &Spread, format: &dyn Fn(Decimal) -> String) -> String {
    [spread.p10, spread.p50, spread.p90]
        .map(|v| Decimal::from_f64(v).map_or_else(|| NONE.to_string(), format))
        .join(" / ")
}

/// The table's rows, in the order shown.
pub fn rows(table: &ReadingsTable, currency: &str) -> Vec<Row> {
    let (plan, risk) = (&table.plan, &table.risk_adjusted);
    let money = |v: Decimal| format_money_in(v, currency);
    let sim = table.simulated.as_ref();
    let simulated = |cell: &dyn Fn(&crate::engine::ai_view::SimulatedColumn) -> String| match sim {
        Some(s) => cell(s),
        None => "run Monte Carlo".to_string(),
    };
    let gates = |passed: usize, of: usize| {
        if of == 0 {
            "no stage gate".to_string()
        } else {
            format!("{passed} of {of}")
        }
    };
    vec![
        [
            "Net IRR".into(),
            or_dash(plan.net_irr, format_percent),
            or_dash(risk.net_irr, format_percent),
            simulated(&|s| spread_text(&s.net_irr, &format_percent)),
        ],
        [
            "Net TVPI".into(),
            or_dash(plan.net_tvpi, format_multiple),
            or_dash(risk.net_tvpi, format_multiple),
            simulated(&|s| spread_text(&s.net_tvpi, &format_multiple)),
        ],
        [
            "Gross MOIC".into(),
            or_dash(plan.gross_moic, format_multiple),
            or_dash(risk.gross_moic, format_multiple),
            simulated(&|s| spread_text(&s.gross_moic, &format_multiple)),
        ],
        [
            "Paid-in".into(),
            money(plan.paid_in),
            money(risk.paid_in),
            simulated(&|s| spread_text(&s.paid_in, &money)),
        ],
        [
            "Exit LTM AI EBITDA uplift (Σ, 100 % of each company)".into(),
            money(plan.exit_ai_uplift),
            money(risk.exit_ai_uplift),
            simulated(&|s| match &s.exit_ai_uplift {
                Some(u) => spread_text(u, &money),
                None => NONE.to_string(),
            }),
        ],
        [
            "Stage gates passed".into(),
            gates(plan.gates_passed, plan.gates),
            gates(risk.gates_passed, risk.gates),
            simulated(&|s| {
                if s.gate_pass_rates.is_empty() {
                    "no stage gate".to_string()
                } else {
                    let rates: Vec<String> = s
                        .gate_pass_rates
                        .iter()
                        .map(|(stage, rate)| format!("{stage}: {:.1}%", rate * 100.0))
                        .collect();
                    // One stage a line, so the column keeps its width on a narrow tab.
                    format!("pass rates:\n{}", rates.join("\n"))
                }
            }),
        ],
    ]
}

/// The simulated column's source, or what to do for one.
fn simulated_note(table: &ReadingsTable) -> String {
    match &table.simulated {
        Some(s) => format!(
            "Simulated: estimates from the case's last Monte Carlo run ({} paths, seed {}).",
            crate::units::count(s.paths),
            s.seed
        ),
        None => "Simulated: run Monte Carlo on this case to see its P10 / P50 / P90.".to_string(),
    }
}

/// What the columns are, in words.
const EXPLANATION: &str = "Plan: every lever gate passes. Risk-adjusted: one projection with each post-gate \
                           effect weighted by its gate's probability — not the expected value of the \
                           fund's waterfall (carry and the stage gates are not linear in the levers).";

/// The "Three readings" heading, table and notes.
pub fn readings_ui(ui: &mut Ui, table: &ReadingsTable, currency: &str) {
    ui.label(RichText::new("Three readings").strong());
    egui::ScrollArea::horizontal()
        .id_salt("ai_readings_table_scroll")
        .show(ui, |ui| {
            headed_grid(ui, "ai_readings_table", &HEADINGS, 18.0, |ui| {
                for row in rows(table, currency) {
                    for cell in row {
                        ui.label(cell);
                    }
                    ui.end_row();
                }
            });
        });
    ui.label(RichText::new(EXPLANATION).weak());
    ui.label(RichText::new(simulated_note(table)).weak());
}

/// The table tab-separated, with its notes, for the tab's copy as text.
pub fn readings_tsv(table: &ReadingsTable, currency: &str) -> String {
    let mut out = String::from("Three readings");
    out.push_str(&HEADINGS[1..].iter().map(|h| format!("\t{h}")).collect::<String>());
    out.push('\n');
    for row in rows(table, currency) {
        out.push_str(&row.join("\t").replace('\n', " "));
        out.push('\n');
    }
    out.push_str(EXPLANATION);
    out.push('\n');
    out.push_str(&simulated_note(table));
    out.push('\n');
    out
}
