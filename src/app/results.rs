//! The results area: the Overview's metric cards and the sortable company table.

use egui::{Color32, RichText, Ui};
use rust_decimal::Decimal;

use super::navigation;
use super::state::Selection;
use crate::engine::results::{CompanyResult, FundResult};
use crate::engine::xirr::XirrError;
use crate::units::{format_money, format_multiple, format_percent};

/// How an IRR is shown: a percentage, or "n/a" with the reason on hover.
pub fn irr_text(irr: &Result<Decimal, XirrError>) -> String {
    match irr {
        Ok(rate) => format_percent(*rate),
        Err(_) => "n/a".to_string(),
    }
}

fn multiple_text(value: Option<Decimal>) -> String {
    value.map_or_else(|| "n/a".into(), format_multiple)
}

/// One metric card; `change` is what the last edit did to it ("+0.06 pp"); hovering
/// explains the metric ([`super::explain::metric_help`]).
fn card(ui: &mut Ui, title: &str, value: &str, note: &str, change: Option<&str>) {
    let response = egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_min_size(egui::vec2(185.0, 64.0));
            ui.vertical(|ui| {
                ui.label(RichText::new(title).small().color(ui.visuals().weak_text_color()));
                ui.horizontal(|ui| {
                    ui.label(RichText::new(value).size(22.0).strong());
                    if let Some(change) = change {
                        ui.label(RichText::new(change).small().strong())
                            .on_hover_text("Change made by the last edit");
                    }
                });
                if !note.is_empty() {
                    ui.label(RichText::new(note).small().color(ui.visuals().weak_text_color()));
                }
            });
        })
        .response;
    let help = super::explain::metric_help(title);
    if !help.is_empty() {
        ui.interact(
            response.rect,
            ui.scope_id().with(("card_help", title)),
            egui::Sense::hover(),
        )
        .on_hover_text(help);
    }
}

/// The key metrics as cards, as many to a row as fit; with `before` (the results before
/// the last edit) each card shows its change. Under them, `marking` (the marking policy
/// in force, [`crate::charts::marking::marking_description`]) on a line of its own.
pub fn overview(ui: &mut Ui, result: &FundResult, before: Option<&FundResult>, marking: &str) {
    let m = &result.metrics;
    let irr_note =
        |irr: &Result<Decimal, XirrError>| irr.as_ref().err().map(ToString::to_string).unwrap_or_default();
    let cards: [(&str, String, String); 14] = [
        ("Net IRR", irr_text(&m.net_irr), irr_note(&m.net_irr)),
        ("Gross IRR", irr_text(&m.gross_irr), irr_note(&m.gross_irr)),
        ("TVPI", multiple_text(m.tvpi), "net, to partners".into()),
        ("DPI", multiple_text(m.dpi), "distributed / paid-in".into()),
        (
            "Gross MOIC",
            multiple_text(m.gross_moic),
            "deals, before fees and carry".into(),
        ),
        ("Paid-in", format_money(m.paid_in), "called from partners".into()),
        ("Distributed", format_money(m.distributed), "to partners".into()),
        ("NAV", format_money(m.nav), "final, net of accrued carry".into()),
        (
            "Management fees",
            format_money(m.management_fees),
            "over the life".into(),
        ),
        (
            "Carried interest",
            format_money(m.carried_interest),
            "paid to the GP".into(),
        ),
        (
            "J-curve trough",
            format_money(m.jcurve_trough),
            m.jcurve_trough_date.to_string(),
        ),
        (
            "Payback",
            m.payback_date
                .map_or_else(|| "not reached".into(), |d| d.to_string()),
            "cumulative net cash flow back to zero".into(),
        ),
        (
            "PME (Kaplan-Schoar)",
            multiple_text(m.pme),
            "vs the benchmark index".into(),
        ),
        (
            "Gross-to-net spread",
            m.gross_to_net_spread.map_or_else(|| "n/a".into(), format_percent),
            "gross IRR less net IRR".into(),
        ),
    ];
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive count"
    )]
    let columns = ((ui.available_width() / 215.0).floor() as usize).clamp(1, 7);
    egui::Grid::new("metric_cards")
        .spacing([8.0, 8.0])
        .show(ui, |ui| {
            for (i, (title, value, note)) in cards.iter().enumerate() {
                let change = before.and_then(|b| super::explain::metric_change(title, m, &b.metrics));
                card(ui, title, value, note, change.as_deref());
                if (i + 1) % columns == 0 {
                    ui.end_row();
                }
            }
        });
    super::credit_line_view::comparison_ui(ui, result);
    super::gp_economics_view::gp_economics_ui(ui, result);
    marking_line(ui, marking);
}

/// "Marking policy: …" under the cards, what it governs on hover.
fn marking_line(ui: &mut Ui, marking: &str) {
    ui.add_space(6.0);
    ui.add(egui::Label::new(RichText::new(format!("Marking policy: {marking}")).weak()).wrap())
        .on_hover_text(
            "How companies are valued while held: the NAV of each quarter before the last \
             exit (and the carry accrued on it) rests on these marks; cash flows and exit \
             proceeds do not. Set in the fund terms, and per company.",
        );
}

/// Columns of the company table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Company name.
    Name,
    /// Sector.
    Sector,
    /// Equity cheque plus follow-ons.
    Invested,
    /// The fund's exit proceeds.
    Proceeds,
    /// Gross MOIC of the deal.
    Moic,
    /// Gross IRR of the deal.
    Irr,
}

const COLUMNS: [(Column, &str); 6] = [
    (Column::Name, "Company"),
    (Column::Sector, "Sector"),
    (Column::Invested, "Invested"),
    (Column::Proceeds, "Proceeds"),
    (Column::Moic, "MOIC"),
    (Column::Irr, "Gross IRR"),
];

/// Sorts companies by `column`.
pub fn sorted(companies: &[CompanyResult], column: Column, descending: bool) -> Vec<&CompanyResult> {
    let mut rows: Vec<&CompanyResult> = companies.iter().collect();
    let irr = |c: &CompanyResult| c.gross_irr.as_ref().ok().copied();
    rows.sort_by(|a, b| match column {
        Column::Name => a.name.cmp(&b.name),
        Column::Sector => a.sector.label().cmp(b.sector.label()),
        Column::Invested => a.invested.cmp(&b.invested),
        Column::Proceeds => a.proceeds.cmp(&b.proceeds),
        Column::Moic => a.gross_moic.cmp(&b.gross_moic),
        Column::Irr => irr(a).cmp(&irr(b)),
    });
    if descending {
        rows.reverse();
    }
    rows
}

/// The company table; clicking a header sorts by it (again: reverses). Clicking a row
/// selects its company (`selection`, shown in the editor), as do the arrow keys after
/// that, in the table's order; "Copy" copies the table as it is sorted.
pub fn company_table(ui: &mut Ui, result: &FundResult, sort: &mut (Column, bool), selection: &mut Selection) {
    use egui_extras::{Column as Col, TableBuilder};
    let rows = sorted(&result.companies, sort.0, sort.1);
    // Row `k` shows company `index_of[k]` of the model (results keep the model's order).
    let index_of: Vec<usize> = rows
        .iter()
        .filter_map(|row| result.companies.iter().position(|c| std::ptr::eq(c, *row)))
        .collect();
    super::clipboard::copy_button(ui, "companies", || {
        super::clipboard::companies_tsv(&rows, &result.currency)
    });
    company_keys(ui, &index_of, selection);
    // On a narrow window the name and sector columns give way first (clipped) and the
    // rest scrolls sideways, so the company name stays at the left and the figures fit.
    let (spacing, figure) = (48.0, 76.0);
    let room = ui.available_width() - spacing - 4.0 * figure;
    let name_width = (room - 60.0).clamp(110.0, 230.0);
    let sector_width = (room - name_width).clamp(50.0, 140.0);
    let table_height = (ui.available_height() - 40.0).max(120.0);
    egui::ScrollArea::horizontal()
        .id_salt("companies_hscroll")
        .show(ui, |ui| {
            // Labels must not take the clicks meant for their row.
            ui.style_mut().interaction.selectable_labels = false;
            TableBuilder::new(ui)
                .striped(true)
                .sense(egui::Sense::click())
                .max_scroll_height(table_height)
                .column(
                    Col::initial(name_width)
                        .at_least(110.0)
                        .clip(true)
                        .resizable(true),
                )
                .column(Col::initial(sector_width).at_least(50.0).clip(true))
                .columns(Col::initial(figure).at_least(64.0).clip(true), 4)
                .header(24.0, |mut header| {
                    for (column, title) in COLUMNS {
                        header.col(|ui| {
                            let arrow = if sort.0 == column {
                                if sort.1 { " (desc)" } else { " (asc)" }
                            } else {
                                ""
                            };
                            if ui
                                .button(RichText::new(format!("{title}{arrow}")).strong())
                                .clicked()
                            {
                                *sort = if sort.0 == column {
                                    (column, !sort.1)
                                } else {
                                    (column, false)
                                };
                            }
                        });
                    }
                })
                .body(|mut body| {
                    for (company, index) in rows.iter().zip(&index_of) {
                        let selected = *selection == Selection::Company(*index);
                        body.row(20.0, |mut row| {
                            row.set_selected(selected);
                            row.col(|ui| {
                                ui.label(&company.name);
                            });
                            row.col(|ui| {
                                ui.label(company.sector.label());
                            });
                            row.col(|ui| {
                                ui.label(format_money(company.invested));
                            });
                            row.col(|ui| {
                                ui.label(format_money(company.proceeds));
                            });
                            row.col(|ui| {
                                let moic = multiple_text(company.gross_moic);
                                let weak = company.gross_moic.is_some_and(|m| m < Decimal::ONE);
                                ui.label(if weak {
                                    RichText::new(moic).color(Color32::from_rgb(0xC0, 0x20, 0x20))
                                } else {
                                    RichText::new(moic)
                                });
                            });
                            row.col(|ui| {
                                ui.label(irr_text(&company.gross_irr));
                            });
                            let response = row.response();
                            if response.clicked() {
                                *selection = Selection::Company(*index);
                                navigation::claim(&response.ctx, navigation::List::Table);
                            }
                            navigation::scroll_if_chosen(&response.ctx, &response, selected);
                        });
                    }
                });
        });
}

/// The arrow keys in the table, when it has them: the selected company moves in the
/// table's order (`index_of`, the model index of each row).
fn company_keys(ui: &Ui, index_of: &[usize], selection: &mut Selection) {
    let ctx = ui.ctx();
    navigation::table_drawn(ctx);
    let order: Vec<Selection> = index_of.iter().map(|i| Selection::Company(*i)).collect();
    if let Some(step) = navigation::take_step(ctx, navigation::List::Table)
        && let Some(target) = navigation::step_in(&order, *selection, step)
    {
        navigation::select_by_key(ctx, selection, target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sorts_by_each_column_both_ways() {
        let p = crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"));
        let r = crate::engine::compute(&p).unwrap_or_else(|e| panic!("{e}"));
        let by_invested = sorted(&r.companies, Column::Invested, true);
        assert!(by_invested.windows(2).all(|w| w[0].invested >= w[1].invested));
        let by_name = sorted(&r.companies, Column::Name, false);
        assert!(by_name.windows(2).all(|w| w[0].name <= w[1].name));
        let by_irr = sorted(&r.companies, Column::Irr, false);
        let irrs: Vec<Decimal> = by_irr
            .iter()
            .filter_map(|c| c.gross_irr.as_ref().ok().copied())
            .collect();
        assert!(irrs.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_overview_says_which_marking_policy_is_in_force() {
        use egui_kittest::Harness;
        use egui_kittest::kittest::Queryable;
        let portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let result = crate::engine::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
        let marking = "linear to exit multiple (optimistic)";
        let harness = Harness::new_ui(|ui| overview(ui, &result, None, marking));
        harness.get_by_label("Marking policy: linear to exit multiple (optimistic)");
        harness.get_by_label("Net IRR");
    }
}
