//! The fund panel's "Shared AI platforms" list: each platform the fund builds and runs
//! (its name, go-live date, annual run cost and who pays for it), its dated build costs
//! (date and amount, a Remove button each, and Add), a line with the total build cost and
//! how many levers run on it, Remove, and Add. Renaming a platform renames it in its
//! levers in the same edit. Every change is an engine [`ProgrammeEdit`], so Undo takes it
//! back.

use egui::Ui;
use rust_decimal::Decimal;

use super::list_cell::{self, Figure, Typed};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{ProgrammeEdit, new_build_cost};
use crate::engine::fields::{BuildCostPart, FieldPath, PlatformPart, ProgrammePath};
use crate::engine::model::{DatedAmount, Platform, PlatformCharging, Portfolio};
use crate::units;

/// How wide the charging choice is (its longest label fits).
const CHARGING_WIDTH: f32 = 205.0;

fn queue(s: &mut AppState, edit: ProgrammeEdit) {
    s.queue(Edit::Programme(edit));
}

fn platform_path(index: usize, part: PlatformPart) -> FieldPath {
    FieldPath::Programme(ProgrammePath::Platform { index, part })
}

/// How many levers of the portfolio run on the platform named `name`.
fn dependants(p: &Portfolio, name: &str) -> usize {
    p.companies
        .iter()
        .flat_map(|c| &c.levers)
        .filter(|l| l.programme.platform.as_deref() == Some(name))
        .count()
}

/// The fund's shared platforms, one collapsible block each, and the Add button.
pub(super) fn platforms_ui(ui: &mut Ui, s: &mut AppState) {
    let platforms = s.portfolio.programme.platforms.clone();
    ui.label(egui::RichText::new("Shared AI platforms").strong());
    if platforms.is_empty() {
        ui.add(egui::Label::new("None: no lever waits for a platform, and the fund pays for none.").wrap());
    }
    for (i, platform) in platforms.iter().enumerate() {
        let title = if platform.name.trim().is_empty() {
            format!("AI platform {}", i + 1)
        } else {
            platform.name.clone()
        };
        ui.add_space(4.0);
        // Unindented: the panel is narrow, and the rows' problems need its width.
        egui::CollapsingHeader::new(title)
            .id_salt(("platform", i))
            .default_open(true)
            .show_unindented(ui, |ui| platform_ui(ui, s, i, platform));
    }
    list_cell::group_problems(ui, s, &FieldPath::Programme(ProgrammePath::Platforms));
    if ui
        .button("Add a platform")
        .on_hover_text("A platform live a year after the first close, with no costs yet, paid by the fund")
        .clicked()
    {
        queue(s, ProgrammeEdit::AddPlatform);
    }
}

/// Platform `i`: its terms, its build costs, what it costs and carries, and Remove.
fn platform_ui(ui: &mut Ui, s: &mut AppState, i: usize, platform: &Platform) {
    egui::Grid::new(("platform_grid", i))
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| terms_rows(ui, s, i, platform));
    ui.add_space(4.0);
    build_costs_ui(ui, s, i, platform);
    let currency = s.portfolio.fund.currency.clone();
    // Checked: amounts beyond their bounds (which validation names) must not overflow.
    let total = platform
        .build_costs
        .iter()
        .try_fold(Decimal::ZERO, |sum, c| sum.checked_add(c.amount));
    let levers = dependants(&s.portfolio, &platform.name);
    let runs_on = match levers {
        0 => "no lever runs on it".to_string(),
        1 => "1 lever runs on it".to_string(),
        n => format!("{n} levers run on it"),
    };
    let built = total.map_or_else(
        || "Build cost beyond the model's limit".to_string(),
        |t| format!("Build cost {} in all", units::format_money_in(t, &currency)),
    );
    ui.add(egui::Label::new(format!("{built}; {runs_on}.")).wrap());
    if ui
        .button("Remove this platform")
        .on_hover_text(if levers == 0 {
            "No lever runs on it".to_string()
        } else {
            format!("Its {runs_on}: they keep its name and are flagged until you choose another")
        })
        .clicked()
    {
        queue(s, ProgrammeEdit::DeletePlatform(i));
    }
}

/// The name, go-live date, annual run cost and charging of platform `i`.
fn terms_rows(ui: &mut Ui, s: &mut AppState, i: usize, platform: &Platform) {
    let rename = move |typed| match typed {
        Typed::Text(name) => Some(Edit::Programme(ProgrammeEdit::RenamePlatform { index: i, name })),
        _ => None,
    };
    let nothing = |_: &mut Ui, _: &mut AppState| {};
    list_cell::typed_row(
        ui,
        s,
        ("Name", platform_path(i, PlatformPart::Name)),
        Figure::Text(platform.name.clone()),
        rename,
        nothing,
    );
    list_cell::date_row(
        ui,
        s,
        ("Go-live date", platform_path(i, PlatformPart::GoLive)),
        platform.go_live,
        |date| Edit::Programme(ProgrammeEdit::SetPlatformGoLive { index: i, date }),
        nothing,
    );
    list_cell::number_row(
        ui,
        s,
        ("Run cost a year", platform_path(i, PlatformPart::AnnualRunCost)),
        Figure::Money(platform.annual_run_cost),
        |amount| Edit::Programme(ProgrammeEdit::SetPlatformRunCost { index: i, amount }),
        nothing,
    );
    let label = ui.label("Charging");
    let mut chosen = platform.charging;
    egui::ComboBox::from_id_salt(("platform_charging", i))
        .selected_text(chosen.label())
        .width(CHARGING_WIDTH)
        .show_ui(ui, |ui| {
            for charging in PlatformCharging::ALL {
                ui.selectable_value(&mut chosen, charging, charging.label());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    list_cell::problems_row(ui, s, &platform_path(i, PlatformPart::Charging));
    if chosen != platform.charging {
        queue(
            s,
            ProgrammeEdit::SetPlatformCharging {
                index: i,
                charging: chosen,
            },
        );
    }
}

/// The dated build costs of platform `i`, a Remove button each, and Add.
fn build_costs_ui(ui: &mut Ui, s: &mut AppState, i: usize, platform: &Platform) {
    ui.label("Build costs, each in the quarter of its date:");
    if platform.build_costs.is_empty() {
        ui.label("None: the platform costs only its running.");
    } else {
        egui::Grid::new(("build_costs_grid", i))
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, cost) in platform.build_costs.iter().enumerate() {
                    build_cost_rows(ui, s, (i, k), cost);
                }
            });
    }
    let costs = FieldPath::Programme(ProgrammePath::BuildCosts { platform: i });
    list_cell::group_problems(ui, s, &costs);
    let next = new_build_cost(&platform.build_costs, s.portfolio.fund.first_close);
    let amount = units::format_money_in(next.amount, &s.portfolio.fund.currency);
    if ui
        .button("Add a build cost")
        .on_hover_text(format!("On {}: {amount}", next.date))
        .clicked()
    {
        queue(s, ProgrammeEdit::AddBuildCost(i));
    }
}

/// Build cost `k` of platform `i`: its date (with a Remove button) and its amount.
fn build_cost_rows(ui: &mut Ui, s: &mut AppState, (i, k): (usize, usize), cost: &DatedAmount) {
    let n = k + 1;
    let path = |part| {
        FieldPath::Programme(ProgrammePath::BuildCost {
            platform: i,
            index: k,
            part,
        })
    };
    let set_date = |date| {
        Edit::Programme(ProgrammeEdit::SetBuildCostDate {
            platform: i,
            index: k,
            date,
        })
    };
    let remove = |ui: &mut Ui, s: &mut AppState| {
        if ui
            .button("Remove")
            .on_hover_text(format!("Remove build cost {n}"))
            .clicked()
        {
            queue(
                s,
                ProgrammeEdit::DeleteBuildCost {
                    platform: i,
                    index: k,
                },
            );
        }
    };
    let date_label = format!("Cost {n} date");
    list_cell::date_row(
        ui,
        s,
        (&date_label, path(BuildCostPart::Date)),
        cost.date,
        set_date,
        remove,
    );
    let set_amount = |amount| {
        Edit::Programme(ProgrammeEdit::SetBuildCostAmount {
            platform: i,
            index: k,
            amount,
        })
    };
    let currency = units::currency_prefix(&s.portfolio.fund.currency)
        .trim()
        .to_string();
    list_cell::number_row(
        ui,
        s,
        (&format!("Cost {n} amount"), path(BuildCostPart::Amount)),
        Figure::Money(cost.amount),
        set_amount,
        |ui, _| {
            ui.label(currency);
        },
    );
}
