//! The AI programme tab's shared platforms: per platform its go-live, build cost (total
//! and by quarter), run cost, how it is charged and what it costs the fund and the
//! companies over the fund's life, then the levers that depend on it with their planned
//! and scheduled starts and the delay the platform causes. Figures are the engine's
//! (`engine::ai_view::PlatformView`).

use egui::{RichText, Ui};

use crate::engine::ai_view::{AiProgramme, PlatformView, ReadingPair};
use crate::units::format_money_in;

/// Most dependants shown before the list scrolls, in rows.
const DEPENDANT_ROWS: f32 = 12.0;

/// Every platform of `programme`, or a line saying there is none.
pub fn platforms_ui(ui: &mut Ui, programme: &AiProgramme, currency: &str) {
    if programme.platforms.is_empty() {
        ui.label("The fund has no shared AI platform: no lever waits for one.");
        return;
    }
    for platform in &programme.platforms {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&platform.name).strong());
            ui.label(
                RichText::new(format!(
                    "live {} · {} · {} dependent lever{}",
                    platform.go_live,
                    platform.charging.label(),
                    platform.dependants.len(),
                    if platform.dependants.len() == 1 { "" } else { "s" }
                ))
                .weak(),
            );
        });
        costs_grid(ui, programme, platform, currency);
        dependants_ui(ui, programme, platform);
    }
}

/// The platform's costs: `(label, value)` rows.
fn cost_rows(programme: &AiProgramme, platform: &PlatformView, currency: &str) -> Vec<(String, String)> {
    let money = |v| format_money_in(v, currency);
    let by_quarter = platform
        .build_by_quarter
        .iter()
        .map(|(q, amount)| {
            let date = programme.date(*q).map_or_else(String::new, |d| d.to_string());
            format!("{date}: {}", money(*amount))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let pair = |p: ReadingPair| {
        if p.plan == p.risk_adjusted {
            format!("{} (both readings)", money(p.plan))
        } else {
            format!(
                "plan {} · risk-adjusted {}",
                money(p.plan),
                money(p.risk_adjusted)
            )
        }
    };
    vec![
        (
            "Build cost".into(),
            if by_quarter.is_empty() {
                money(platform.build_cost)
            } else {
                format!("{} ({by_quarter})", money(platform.build_cost))
            },
        ),
        (
            "Run cost".into(),
            format!(
                "{} a year · {} over the fund's life",
                money(platform.annual_run_cost),
                money(platform.run_cost)
            ),
        ),
        ("Cost to the fund".into(), pair(platform.cost_to_fund)),
        (
            "Charged to the companies".into(),
            pair(platform.cost_to_companies),
        ),
    ]
}

fn costs_grid(ui: &mut Ui, programme: &AiProgramme, platform: &PlatformView, currency: &str) {
    egui::Grid::new(("ai_platform_costs", &platform.name))
        .num_columns(2)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in cost_rows(programme, platform, currency) {
                ui.label(RichText::new(label).weak());
                ui.label(value);
                ui.end_row();
            }
        });
}

/// One dependent lever per row: its planned start, its start once the platform is live
/// and the delay in quarters (before the lever's name, so they show on a narrow tab).
fn dependants_ui(ui: &mut Ui, programme: &AiProgramme, platform: &PlatformView) {
    if platform.dependants.is_empty() {
        ui.label("No lever runs on it yet.");
        return;
    }
    let delayed = platform
        .dependants
        .iter()
        .filter(|d| d.delay_quarters > 0)
        .count();
    let date = |q: usize| programme.date(q).map_or_else(String::new, |d| d.to_string());
    let headings = [
        "Company",
        "Planned start",
        "Scheduled start",
        "Delay (quarters)",
        "Lever",
        "Kind",
    ];
    // Those the go-live holds back first, each group in the model's order.
    let mut rows: Vec<_> = platform.dependants.iter().collect();
    rows.sort_by_key(|d| d.delay_quarters == 0);
    egui::CollapsingHeader::new(format!(
        "Dependent levers ({}; {delayed} held back by the go-live, listed first)",
        platform.dependants.len()
    ))
    .id_salt(("ai_platform_dependants", &platform.name))
    .default_open(true)
    .show(ui, |ui| {
        let height = (ui.text_style_height(&egui::TextStyle::Body) + 4.0) * (DEPENDANT_ROWS + 1.0);
        egui::ScrollArea::both()
            .id_salt(("ai_platform_dependants_scroll", &platform.name))
            .min_scrolled_height(height)
            .max_height(height)
            .show(ui, |ui| {
                let id = ("ai_platform_dependants_grid", &platform.name);
                super::table::headed_grid(ui, id, &headings, 14.0, |ui| {
                    for d in &rows {
                        ui.label(&d.company);
                        ui.label(date(d.planned_start));
                        ui.label(date(d.scheduled_start));
                        let delay = RichText::new(d.delay_quarters.to_string());
                        ui.label(if d.delay_quarters > 0 {
                            delay.strong()
                        } else {
                            delay
                        });
                        ui.label(&d.lever);
                        ui.label(d.kind.label());
                        ui.end_row();
                    }
                });
            });
    });
}
