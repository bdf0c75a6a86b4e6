//! The LP accounts tab: each LP class's figures over the fund's life (commitment,
//! paid-in, distributed, NAV, TVPI, DPI, net IRR, fees, carry, equalisation interest),
//! then the quarterly capital accounts of every class or of the class picked — the rows
//! of `millwright lp`, a header that stays while the quarters scroll, and "Copy" (or
//! Ctrl+C) for the tab-separated table. Every figure is the engine's; this only formats.

use egui::{Align, Layout, RichText, Ui};

use super::MillwrightApp;
use crate::engine::results::FundResult;
use crate::engine::study::{Case, Study};
use crate::export::lp_accounts::{self, LpAccounts, SUMMARY_HEADINGS, SummaryCell};
use crate::units::{format_money_in, format_multiple, format_percent};

/// Width of a figure column, in points.
const FIGURE_WIDTH: f32 = 104.0;
/// Width of the class column, in points.
const CLASS_WIDTH: f32 = 120.0;
/// Width of the date column, in points.
const DATE_WIDTH: f32 = 84.0;
/// Height of the header row, room for a heading on three lines.
const HEADER_HEIGHT: f32 = 52.0;
/// Height of a quarter's row.
const ROW_HEIGHT: f32 = 20.0;
/// What the class selector shows when no one class is picked.
const ALL_CLASSES: &str = "All classes";

const ERROR: egui::Color32 = egui::Color32::from_rgb(0xC0, 0x20, 0x20);

/// The tab's own state: the class picked in its selector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LpAccountsView {
    /// The class whose account is shown; `None`: every class.
    pub class: Option<String>,
}

/// The accounts the tab shows for `case` of `study` (the class picked, or every class);
/// `Err` says why there are none, in words for the status bar or the tab.
pub fn selected_accounts(app: &MillwrightApp, study: &Study, case: &Case) -> Result<LpAccounts, String> {
    let result = study
        .result(case)
        .map_err(|e| format!("{case} does not compute: {e}"))?;
    if result.classes.is_empty() {
        return Err(no_accounts(case));
    }
    let class = shown_class(&result, app.lp_accounts.class.as_deref());
    lp_accounts::lp_accounts(&result, class).map_err(|e| e.to_string())
}

fn no_accounts(case: &Case) -> String {
    format!("{case} has no LP capital accounts to show.")
}

/// The picked class when the projection still has it (a class renamed or removed since
/// shows every class again).
fn shown_class<'a>(result: &FundResult, picked: Option<&'a str>) -> Option<&'a str> {
    picked.filter(|name| result.classes.iter().any(|c| c.name == *name))
}

impl MillwrightApp {
    /// The LP accounts tab for the viewed case.
    pub(super) fn lp_accounts_tab(&mut self, ui: &mut Ui, case: &Case) {
        let Some(study) = self.state.shown_study() else {
            return;
        };
        let result = match study.result(case) {
            Ok(result) => result,
            Err(e) => {
                ui.colored_label(ERROR, format!("{case} does not compute: {e}"));
                return;
            }
        };
        if result.classes.is_empty() {
            ui.label(no_accounts(case));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.strong("LP capital accounts");
            ui.label(format!(
                "— {case}, amounts in {}; each class net of its own fees and carry (the GP commitment is in no class)",
                result.currency
            ));
        });
        class_summary_ui(ui, &result);
        ui.add_space(8.0);
        let picked = shown_class(&result, self.lp_accounts.class.as_deref()).map(str::to_string);
        let mut choice = picked.clone();
        let accounts = ui
            .horizontal(|ui| {
                egui::ComboBox::from_label("Class")
                    .selected_text(choice.as_deref().unwrap_or(ALL_CLASSES))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut choice, None, ALL_CLASSES);
                        for class in &result.classes {
                            ui.selectable_value(&mut choice, Some(class.name.clone()), &class.name);
                        }
                    });
                ui.add_space(12.0);
                let accounts = lp_accounts::lp_accounts(&result, choice.as_deref());
                if let Ok(accounts) = &accounts {
                    super::clipboard::copy_button(ui, "lp_accounts", || lp_accounts::to_tsv(accounts));
                }
                accounts
            })
            .inner;
        self.lp_accounts.class.clone_from(&choice);
        match accounts {
            Ok(accounts) => accounts_ui(ui, &accounts),
            Err(why) => {
                ui.colored_label(ERROR, why.to_string());
            }
        }
    }
}

/// One figure of the per-class summary as shown: money as "$1.2bn", a multiple as
/// "1.60×", a rate as "12.34%", "n/a" where undefined (the reason on hover for an IRR).
fn summary_text(cell: &SummaryCell, currency: &str) -> (String, Option<String>) {
    match cell {
        SummaryCell::Text(text) => (text.clone(), None),
        SummaryCell::Count(n) => (n.to_string(), None),
        SummaryCell::Money(v) => (format_money_in(*v, currency), None),
        SummaryCell::Multiple(v) => (v.map_or_else(|| "n/a".into(), format_multiple), None),
        SummaryCell::Rate(Ok(v)) => (format_percent(*v), None),
        SummaryCell::Rate(Err(why)) => ("n/a".into(), Some(why.clone())),
    }
}

/// The per-class summary: one row per class, the headings of the workbook's.
fn class_summary_ui(ui: &mut Ui, result: &FundResult) {
    egui::ScrollArea::horizontal()
        .id_salt("lp_summary_hscroll")
        .show(ui, |ui| {
            egui::Grid::new("lp_class_summary")
                .num_columns(SUMMARY_HEADINGS.len())
                .striped(true)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for heading in SUMMARY_HEADINGS {
                        ui.label(RichText::new(heading).strong());
                    }
                    ui.end_row();
                    for class in &result.classes {
                        for cell in lp_accounts::summary_cells(class) {
                            let (text, why) = summary_text(&cell, &result.currency);
                            let response = ui.label(text);
                            if let Some(why) = why {
                                response.on_hover_text(why);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The quarterly table of `accounts`: the class and the date on the left, the amounts
/// right-aligned.
fn accounts_ui(ui: &mut Ui, accounts: &LpAccounts) {
    let table_height = (ui.available_height() - 24.0).max(160.0);
    egui::ScrollArea::horizontal()
        .id_salt("lp_accounts_hscroll")
        .show(ui, |ui| {
            egui_extras::TableBuilder::new(ui)
                .id_salt("lp_accounts")
                .striped(true)
                .max_scroll_height(table_height)
                .cell_layout(Layout::right_to_left(Align::Center))
                .column(
                    egui_extras::Column::initial(CLASS_WIDTH)
                        .at_least(60.0)
                        .clip(true)
                        .resizable(true),
                )
                .column(egui_extras::Column::exact(DATE_WIDTH))
                .columns(
                    egui_extras::Column::initial(FIGURE_WIDTH)
                        .at_least(60.0)
                        .clip(true)
                        .resizable(true),
                    lp_accounts::AMOUNT_COUNT,
                )
                .header(HEADER_HEIGHT, |mut header| {
                    for (i, heading) in accounts.columns.iter().enumerate() {
                        header.col(|ui| {
                            let label = egui::Label::new(RichText::new(heading).strong()).wrap();
                            if i == 0 {
                                ui.with_layout(Layout::left_to_right(Align::Center), |ui| ui.add(label));
                            } else {
                                ui.add(label);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, accounts.rows.len(), |mut row| {
                        let Some(quarter) = accounts.rows.get(row.index()) else {
                            return;
                        };
                        row.col(|ui| {
                            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                                ui.label(&quarter.class);
                            });
                        });
                        row.col(|ui| {
                            ui.label(quarter.date.to_string());
                        });
                        for amount in quarter.amounts {
                            row.col(|ui| {
                                ui.label(format_money_in(amount, &accounts.currency));
                            });
                        }
                    });
                });
        });
}
