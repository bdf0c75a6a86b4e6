//! The fund panel's "LP classes" section: each class of limited partners (its name, how
//! many LPs hold it, and its own management fee, post-investment fee, carry and preferred
//! return — an empty box is the fund's term, shown greyed), a Remove button each, and
//! Add. Every change is an engine [`InvestorEdit`], so Undo takes it back.

use egui::Ui;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::list_cell::{self, Figure, Typed};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::InvestorEdit;
use crate::engine::fields::{FieldPath, LpClassPart};
use crate::engine::model::{FundTerms, LpClass};
use crate::units;

/// The fund's own value of a class term, which an empty box stands for.
fn fund_term(fund: &FundTerms, term: LpClassPart) -> Decimal {
    match term {
        LpClassPart::ManagementFeeRate => fund.management_fee_rate,
        LpClassPart::PostInvestmentFeeRate => {
            fund.post_investment_fee_rate.unwrap_or(fund.management_fee_rate)
        }
        LpClassPart::CarryRate => fund.carry_rate,
        LpClassPart::PreferredReturn | LpClassPart::Name | LpClassPart::Investors => fund.preferred_return,
    }
}

fn class_term(class: &LpClass, term: LpClassPart) -> Option<Decimal> {
    match term {
        LpClassPart::ManagementFeeRate => class.management_fee_rate,
        LpClassPart::PostInvestmentFeeRate => class.post_investment_fee_rate,
        LpClassPart::CarryRate => class.carry_rate,
        LpClassPart::PreferredReturn => class.preferred_return,
        LpClassPart::Name | LpClassPart::Investors => None,
    }
}

/// The fund's LP classes and the Add button.
pub(super) fn lp_classes_ui(ui: &mut Ui, s: &mut AppState) {
    let classes = s.portfolio.fund.investors.classes.clone();
    ui.label(egui::RichText::new("LP classes").strong());
    if classes.is_empty() {
        ui.label("None: every LP holds the fund's terms.");
    } else {
        ui.add(egui::Label::new("A term left empty is the fund's (shown greyed).").wrap());
        egui::Grid::new("lp_classes_grid")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (k, class) in classes.iter().enumerate() {
                    class_rows(ui, s, k, class);
                }
            });
    }
    list_cell::group_problems(ui, s, &FieldPath::LpClasses);
    if ui
        .button("Add an LP class")
        .on_hover_text("A class with one LP on the fund's terms")
        .clicked()
    {
        s.queue(Edit::Investors(InvestorEdit::AddClass));
    }
}

/// The rows of class `k`: its name (with a Remove button), its number of LPs and its
/// four terms.
fn class_rows(ui: &mut Ui, s: &mut AppState, k: usize, class: &LpClass) {
    let n = k + 1;
    let path = |part| FieldPath::LpClass { index: k, part };
    let rename = |typed| match typed {
        Typed::Text(name) => Some(Edit::Investors(InvestorEdit::RenameClass { index: k, name })),
        _ => None,
    };
    list_cell::typed_row(
        ui,
        s,
        (&format!("LP class {n} name"), path(LpClassPart::Name)),
        Figure::Text(class.name.clone()),
        rename,
        |ui, s| {
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove LP class {n} (its closes keep naming it)"))
                .clicked()
            {
                s.queue(Edit::Investors(InvestorEdit::DeleteClass(k)));
            }
        },
    );
    list_cell::number_row(
        ui,
        s,
        (
            &format!("LP class {n} number of LPs"),
            path(LpClassPart::Investors),
        ),
        Figure::Whole(class.investors),
        |count| {
            let investors = count.to_u32().unwrap_or(u32::MAX);
            Edit::Investors(InvestorEdit::SetClassInvestors { index: k, investors })
        },
        |ui, _| {
            ui.label("");
        },
    );
    for term in LpClassPart::TERMS {
        let fallback = format!(
            "fund's: {}",
            units::format_percent(fund_term(&s.portfolio.fund, term))
        );
        let set = move |typed| match typed {
            Typed::Optional(rate) => Some(Edit::Investors(InvestorEdit::SetClassTerm {
                index: k,
                term,
                rate,
            })),
            _ => None,
        };
        list_cell::typed_row(
            ui,
            s,
            (&format!("LP class {n} {}", term.label()), path(term)),
            Figure::OptionalPercent {
                value: class_term(class, term),
                fallback,
            },
            set,
            |ui, _| {
                ui.label(
                    if matches!(
                        term,
                        LpClassPart::ManagementFeeRate | LpClassPart::PostInvestmentFeeRate
                    ) {
                        "a year"
                    } else {
                        ""
                    },
                );
            },
        );
    }
}
