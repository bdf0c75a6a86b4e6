//! The fund panel's "Carry tiers" section: each tier of carry above the base rate (the
//! net multiple and the net IRR above which it applies — either may be left empty — and
//! its rate), a Remove button each, and Add. Every change is an engine
//! [`CarryTierEdit`], so Undo takes it back.

use egui::Ui;

use super::list_cell::{self, Figure, Typed};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{CarryTierEdit, new_carry_tier};
use crate::engine::fields::{CarryTierPart, FieldPath};
use crate::engine::model::CarryTier;
use crate::units;

/// The fund's carry tiers and the Add button.
pub(super) fn carry_tiers_ui(ui: &mut Ui, s: &mut AppState) {
    let tiers = s.portfolio.fund.carry_terms.tiers.clone();
    ui.label(egui::RichText::new("Carry tiers").strong());
    if tiers.is_empty() {
        ui.label("None: the carried interest above applies to all profit.");
    } else {
        ui.add(
            egui::Label::new(
                "Once the LPs' net multiple or net IRR passes a tier's threshold, the GP's share of further profit is its rate.",
            )
            .wrap(),
        );
        egui::Grid::new("carry_tiers_grid")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, tier) in tiers.iter().enumerate() {
                    tier_rows(ui, s, k, tier);
                }
            });
    }
    list_cell::group_problems(ui, s, &FieldPath::CarryTiers);
    let next = new_carry_tier(&s.portfolio.fund);
    let threshold = next
        .above_net_multiple
        .map_or_else(String::new, |m| format!("above {}", units::format_multiple(m)));
    if ui
        .button("Add a carry tier")
        .on_hover_text(format!("{threshold}: {} carry", units::format_percent(next.rate)))
        .clicked()
    {
        s.queue(Edit::CarryTiers(CarryTierEdit::Add));
    }
}

/// The three rows of tier `k`: its net multiple (with a Remove button), net IRR and rate.
fn tier_rows(ui: &mut Ui, s: &mut AppState, k: usize, tier: &CarryTier) {
    let n = k + 1;
    let path = |part| FieldPath::CarryTier { index: k, part };
    let multiple = move |typed| match typed {
        Typed::Optional(multiple) => Some(Edit::CarryTiers(CarryTierEdit::SetNetMultiple {
            index: k,
            multiple,
        })),
        _ => None,
    };
    list_cell::typed_row(
        ui,
        s,
        (
            &format!("Carry tier {n} above net multiple"),
            path(CarryTierPart::AboveNetMultiple),
        ),
        Figure::OptionalMultiple {
            value: tier.above_net_multiple,
            fallback: "no multiple".into(),
        },
        multiple,
        |ui, s| {
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove carry tier {n}"))
                .clicked()
            {
                s.queue(Edit::CarryTiers(CarryTierEdit::Delete(k)));
            }
        },
    );
    let irr = move |typed| match typed {
        Typed::Optional(irr) => Some(Edit::CarryTiers(CarryTierEdit::SetNetIrr { index: k, irr })),
        _ => None,
    };
    list_cell::typed_row(
        ui,
        s,
        (
            &format!("Carry tier {n} above net IRR"),
            path(CarryTierPart::AboveNetIrr),
        ),
        Figure::OptionalPercent {
            value: tier.above_net_irr,
            fallback: "no IRR".into(),
        },
        irr,
        |ui, _| {
            ui.label("");
        },
    );
    list_cell::number_row(
        ui,
        s,
        (&format!("Carry tier {n} rate"), path(CarryTierPart::Rate)),
        Figure::Percent(tier.rate),
        |rate| Edit::CarryTiers(CarryTierEdit::SetRate { index: k, rate }),
        |ui, _| {
            ui.label("of profit above it");
        },
    );
}
