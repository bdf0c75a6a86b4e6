//! The model tree on the side: fund terms, stages, companies (grouped by stage or
//! sector, filtered by name) and each company's AI levers. The arrow keys move through
//! its rows ([`super::navigation`]).

use egui::Ui;

use super::files::Prefs;
use super::navigation;
use super::state::{AppState, Edit, Selection};
use crate::engine::model::Sector;

/// Shows the tree; `filter` is the text of the filter box.
pub fn show(ui: &mut Ui, state: &mut AppState, prefs: &mut Prefs, filter: &mut String) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            navigation::begin_tree(ui.ctx());
            navigation::tree_row(ui, state, Selection::Fund, "Fund terms");
            ui.separator();
            stages(ui, state);
            ui.separator();
            companies(ui, state, prefs, filter);
            ui.separator();
            scenarios(ui, state);
            navigation::end_tree(ui.ctx(), state);
        });
}

fn stages(ui: &mut Ui, state: &mut AppState) {
    egui::CollapsingHeader::new("Stages")
        .default_open(true)
        .show(ui, |ui| {
            let names: Vec<String> = state.portfolio.stages.iter().map(|s| s.name.clone()).collect();
            for (i, name) in names.iter().enumerate() {
                let flagged = state.problems().iter().any(|p| p.path.stage_index() == Some(i));
                let label = if flagged {
                    format!("(!) {name}")
                } else {
                    name.clone()
                };
                navigation::tree_row(ui, state, Selection::Stage(i), label);
            }
            if ui.button("+ Add stage").clicked() {
                state.queue(Edit::AddStage);
            }
        });
}

fn companies(ui: &mut Ui, state: &mut AppState, prefs: &mut Prefs, filter: &mut String) {
    ui.horizontal(|ui| {
        ui.label("Companies by");
        ui.radio_value(&mut prefs.group_by_sector, false, "stage");
        ui.radio_value(&mut prefs.group_by_sector, true, "sector");
    });
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text("company name")
                .desired_width(150.0),
        )
        .labelled_by(label.id);
    });
    let needle = filter.to_lowercase();
    let groups: Vec<(String, Vec<usize>)> = if prefs.group_by_sector {
        Sector::ALL
            .iter()
            .map(|sector| {
                let members = indices(state, &needle, |c| c.sector == *sector);
                (sector.label().to_string(), members)
            })
            .collect()
    } else {
        let mut groups: Vec<(String, Vec<usize>)> = state
            .portfolio
            .stages
            .iter()
            .map(|st| (st.name.clone(), indices(state, &needle, |c| c.stage == st.name)))
            .collect();
        let orphans = indices(state, &needle, |c| state.portfolio.stage(&c.stage).is_none());
        groups.push(("(no stage)".into(), orphans));
        groups
    };
    for (group, members) in groups.into_iter().filter(|(_, m)| !m.is_empty()) {
        egui::CollapsingHeader::new(format!("{group} ({})", members.len()))
            .id_salt(("group", &group))
            .default_open(true)
            .show(ui, |ui| {
                let selected = match state.selection {
                    Selection::Company(c) | Selection::Lever(c, _) => Some(c),
                    _ => None,
                };
                let (shown, hidden) = rows_to_draw(&members, selected);
                for i in shown {
                    company_row(ui, state, i);
                }
                if hidden > 0 {
                    ui.weak(format!("… and {hidden} more: type in Filter to find one"));
                }
            });
    }
    if ui.button("+ Add company").clicked() {
        state.queue(Edit::AddCompany { stage: None });
    }
}

/// Most company rows drawn per group: a 10,000-company fund would otherwise spend
/// hundreds of milliseconds a frame drawing rows nobody can see at once.
pub const ROWS_PER_GROUP: usize = 200;

/// The members of a group to draw (the first [`ROWS_PER_GROUP`], plus the selected
/// company wherever it is) and how many are left out.
fn rows_to_draw(members: &[usize], selected: Option<usize>) -> (Vec<usize>, usize) {
    let mut shown: Vec<usize> = members.iter().copied().take(ROWS_PER_GROUP).collect();
    if let Some(s) = selected
        && members.contains(&s)
        && !shown.contains(&s)
    {
        shown.push(s);
    }
    let hidden = members.len() - shown.len();
    (shown, hidden)
}

fn indices(
    state: &AppState,
    needle: &str,
    keep: impl Fn(&crate::engine::model::Company) -> bool,
) -> Vec<usize> {
    state
        .portfolio
        .companies
        .iter()
        .enumerate()
        .filter(|(_, c)| keep(c) && (needle.is_empty() || c.name.to_lowercase().contains(needle)))
        .map(|(i, _)| i)
        .collect()
}

fn company_row(ui: &mut Ui, state: &mut AppState, i: usize) {
    let Some(company) = state.portfolio.companies.get(i) else {
        return;
    };
    let name = company.name.clone();
    let levers: Vec<String> = company.levers.iter().map(|l| l.name.clone()).collect();
    let flagged = state.problems().iter().any(|p| p.path.company_index() == Some(i));
    let template = crate::engine::fields::has_template_figures(company);
    let selected_here = matches!(state.selection, Selection::Company(c) | Selection::Lever(c, _) if c == i);
    let id = ui.make_persistent_id(("company", i));
    let mut header = egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    if selected_here {
        // Selecting a company shows its levers.
        header.set_open(true);
    }
    header
        .show_header(ui, |ui| {
            let label = if flagged {
                format!("(!) {name}")
            } else {
                name.clone()
            };
            navigation::tree_row(ui, state, Selection::Company(i), label);
            if template {
                ui.label(egui::RichText::new("template").small().italics())
                    .on_hover_text(crate::app::explain::TEMPLATE_MARK);
            }
        })
        .body(|ui| {
            for (l, lever) in levers.iter().enumerate() {
                navigation::tree_row(ui, state, Selection::Lever(i, l), format!("• {lever}"));
            }
            if ui.small_button("+ Add lever").clicked() {
                state.queue(Edit::AddLever(i));
            }
        });
}

fn scenarios(ui: &mut Ui, state: &mut AppState) {
    egui::CollapsingHeader::new("Scenarios")
        .default_open(true)
        .show(ui, |ui| {
            let names: Vec<String> = state.portfolio.scenarios.iter().map(|s| s.name.clone()).collect();
            for (i, name) in names.iter().enumerate() {
                // A scenario named "Base" stands for the model itself: not an override set.
                let stands_for_base =
                    crate::engine::study::Case::named(Some(name)) == crate::engine::study::Case::Base;
                let shown = if stands_for_base {
                    crate::app::editors::BASE_CASE_LABEL
                } else {
                    name.as_str()
                };
                navigation::tree_row(ui, state, Selection::Scenario(i), shown);
            }
            if ui.button("+ Add scenario").clicked() {
                state.queue(Edit::AddScenario);
            }
        });
}

#[cfg(test)]
mod row_limit_tests {
    use super::*;

    #[test]
    fn a_large_group_draws_its_first_rows_and_the_selected_one() {
        let members: Vec<usize> = (0..2500).collect();
        let (shown, hidden) = rows_to_draw(&members, Some(2400));
        assert_eq!(shown.len(), ROWS_PER_GROUP + 1);
        assert_eq!(shown.last(), Some(&2400));
        assert_eq!(hidden, 2500 - ROWS_PER_GROUP - 1);
        let (small, none_hidden) = rows_to_draw(&[3, 4, 5], Some(4));
        assert_eq!((small, none_hidden), (vec![3, 4, 5], 0));
    }
}
