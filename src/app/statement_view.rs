//! The Statement tab: the quarterly statement of the company selected in the model tree
//! (or the company of the selected lever), in the viewed case — the rows of
//! `millwright company`, dates down the side, a header that stays while the quarters
//! scroll, and "Copy" (or Ctrl+C) for the tab-separated table.
//!
//! The statement is built once per study revision, case and company and kept in egui's
//! memory, so drawing a frame only formats it.

use std::sync::Arc;

use egui::{Align, Layout, RichText, Ui};

use super::MillwrightApp;
use super::state::Selection;
use crate::engine::study::{Case, Study};
use crate::export::statement::{self, Statement, Unit};
use crate::units::{format_money_in, format_multiple, format_percent};

/// Width of a figure column and of the date column, in points.
const FIGURE_WIDTH: f32 = 112.0;
/// Height of the header row, room for a heading on three lines.
const HEADER_HEIGHT: f32 = 52.0;
/// Height of a quarter's row.
const ROW_HEIGHT: f32 = 20.0;

const ERROR: egui::Color32 = egui::Color32::from_rgb(0xC0, 0x20, 0x20);

/// The model index of the company a selection points at: the company itself or the
/// company of a selected lever.
pub fn selected_company(selection: Selection) -> Option<usize> {
    match selection {
        Selection::Company(i) | Selection::Lever(i, _) => Some(i),
        Selection::Fund | Selection::Stage(_) | Selection::Scenario(_) => None,
    }
}

/// The statement of the company selected in `app`'s tree, in `case` of `study`; `Err`
/// says why there is none, in words for the status bar or the tab.
pub fn selected_statement(app: &MillwrightApp, study: &Study, case: &Case) -> Result<Statement, String> {
    let name = selected_name(app)?;
    statement::company_statement(study, case, &name).map_err(|e| format!("No statement for {name}: {e}"))
}

/// The name of the selected company in the model being edited (the study shown may be
/// an earlier, valid revision, so the company is found there by name).
fn selected_name(app: &MillwrightApp) -> Result<String, String> {
    selected_company(app.state.selection)
        .and_then(|i| app.state.portfolio.companies.get(i))
        .map(|c| c.name.clone())
        .ok_or_else(|| {
            "Select a company in the model tree (or a row of the Companies table) to see its quarterly statement."
                .to_string()
        })
}

/// A statement built for one revision, case and company.
#[derive(Clone)]
struct Cached {
    revision: u64,
    case: Case,
    company: String,
    statement: Arc<Result<Statement, String>>,
}

/// The statement of `company`, from egui's memory when it was built for this revision
/// and case, else built now and kept.
fn cached_statement(ui: &Ui, study: &Study, case: &Case, company: &str) -> Arc<Result<Statement, String>> {
    let id = egui::Id::unique("company_statement_cache");
    let revision = study.revision();
    let kept: Option<Cached> = ui.data(|d| d.get_temp(id));
    if let Some(kept) = kept
        && kept.revision == revision
        && kept.case == *case
        && kept.company == company
    {
        return kept.statement;
    }
    let built = statement::company_statement(study, case, company)
        .map_err(|e| format!("No statement for {company}: {e}"));
    let statement = Arc::new(built);
    let entry = Cached {
        revision,
        case: case.clone(),
        company: company.to_string(),
        statement: Arc::clone(&statement),
    };
    ui.data_mut(|d| d.insert_temp(id, entry));
    statement
}

impl MillwrightApp {
    /// The Statement tab for the viewed case.
    pub(super) fn statement_tab(&self, ui: &mut Ui, case: &Case) {
        let Some(study) = self.state.shown_study() else {
            return;
        };
        let name = match selected_name(self) {
            Ok(name) => name,
            Err(hint) => {
                ui.label(hint);
                return;
            }
        };
        match &*cached_statement(ui, study, case, &name) {
            Ok(statement) => statement_ui(ui, statement),
            Err(why) => {
                ui.colored_label(ERROR, why);
            }
        }
    }
}

/// One figure as the table shows it: money as "$12.3m", a multiple as "2.50×", a share as
/// "50.00%", a dash where it is undefined.
pub fn cell_display(value: Option<rust_decimal::Decimal>, unit: Unit, currency: &str) -> String {
    match (value, unit) {
        (None, _) => "–".to_string(),
        (Some(v), Unit::Money) => format_money_in(v, currency),
        (Some(v), Unit::Multiple) => format_multiple(v),
        (Some(v), Unit::Fraction) => format_percent(v),
    }
}

/// The title, "Copy" and the table of `statement`.
fn statement_ui(ui: &mut Ui, statement: &Statement) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(&statement.company);
        ui.label(format!(
            "— quarterly statement, {}, amounts in {} at 100 % of the company unless headed \"Fund\"",
            statement.case, statement.currency
        ));
    });
    super::clipboard::copy_button(ui, "company_statement", || statement::to_tsv(statement));
    let table_height = (ui.available_height() - 24.0).max(120.0);
    egui::ScrollArea::horizontal()
        .id_salt("statement_hscroll")
        .show(ui, |ui| {
            egui_extras::TableBuilder::new(ui)
                .id_salt("company_statement")
                .striped(true)
                .max_scroll_height(table_height)
                .cell_layout(Layout::right_to_left(Align::Center))
                .column(egui_extras::Column::exact(FIGURE_WIDTH - 20.0))
                .columns(
                    egui_extras::Column::initial(FIGURE_WIDTH)
                        .at_least(60.0)
                        .clip(true)
                        .resizable(true),
                    statement.columns.len(),
                )
                .header(HEADER_HEIGHT, |mut header| {
                    let headings = std::iter::once(statement::DATE_HEADING)
                        .chain(statement.columns.iter().map(String::as_str));
                    for heading in headings {
                        header.col(|ui| {
                            ui.add(egui::Label::new(RichText::new(heading).strong()).wrap());
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, statement.rows.len(), |mut row| {
                        let Some(quarter) = statement.rows.get(row.index()) else {
                            return;
                        };
                        row.col(|ui| {
                            ui.label(quarter.date.to_string());
                        });
                        for (value, unit) in quarter.values.iter().zip(&statement.units) {
                            row.col(|ui| {
                                ui.label(cell_display(*value, *unit, &statement.currency));
                            });
                        }
                    });
                });
        });
}
