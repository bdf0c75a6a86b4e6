//! The fund panel's "Comparable multiples" section: one collapsible per sector path (its
//! sector, its points' dates and multiples, Add and Remove), and a way to add a path for a
//! sector that has none. Every change is an engine [`Edit`], so Undo takes it back.

use egui::Ui;

use super::list_cell::{self, Figure};
use crate::app::state::{AppState, Edit};
use crate::engine::edit::{NEW_COMPARABLE_MULTIPLE, NEW_COMPARABLE_SPAN_YEARS};
use crate::engine::fields::{FieldPath, MultiplePointPart};
use crate::engine::model::{ComparablePath, MarkingPolicy, Sector};
use crate::units;

/// Every path, then the sector picker and Add button for a new one.
pub(super) fn comparables_ui(ui: &mut Ui, s: &mut AppState) {
    let paths = s.portfolio.fund.comparable_multiples.clone();
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Comparable multiples").strong());
    let on_comparables = s
        .portfolio
        .companies
        .iter()
        .filter(|c| c.marking_policy.unwrap_or(s.portfolio.fund.marking_policy) == MarkingPolicy::Comparables)
        .count();
    ui.add(
        egui::Label::new(format!(
            "Sector EV / EBITDA over time, for companies marked on sector comparables ({on_comparables} now): \
             a mark moves with its sector's multiple since the acquisition."
        ))
        .wrap(),
    );
    list_cell::group_problems(ui, s, &FieldPath::ComparablePaths);
    for (j, path) in paths.iter().enumerate() {
        egui::CollapsingHeader::new(format!("{} comparables", path.sector.label()))
            .id_salt(("comparable_path", j))
            .default_open(true)
            .show(ui, |ui| path_ui(ui, s, j, path));
    }
    add_path_ui(ui, s, &paths);
}

/// A sector picker over the sectors with no path, and the Add button.
fn add_path_ui(ui: &mut Ui, s: &mut AppState, paths: &[ComparablePath]) {
    let free: Vec<Sector> = Sector::ALL
        .into_iter()
        .filter(|sector| paths.iter().all(|p| p.sector != *sector))
        .collect();
    let Some(&first_free) = free.first() else {
        ui.label("Every sector has a path.");
        return;
    };
    let picked_id = egui::Id::unique("comparable_sector_to_add");
    let picked = ui
        .data(|d| d.get_temp::<Sector>(picked_id))
        .filter(|sector| free.contains(sector))
        .unwrap_or(first_free);
    let mut chosen = picked;
    ui.horizontal(|ui| {
        let label = ui.label("New path for");
        egui::ComboBox::from_id_salt("comparable_sector_to_add")
            .selected_text(chosen.label())
            .show_ui(ui, |ui| {
                for sector in &free {
                    ui.selectable_value(&mut chosen, *sector, sector.label());
                }
            })
            .response
            .labelled_by(label.id);
        let hover = format!(
            "Two points, the first close and {NEW_COMPARABLE_SPAN_YEARS} years later, both at {}",
            units::format_multiple(NEW_COMPARABLE_MULTIPLE)
        );
        if ui.button("Add a comparable path").on_hover_text(hover).clicked() {
            s.queue(Edit::AddComparablePath(chosen));
        }
    });
    ui.data_mut(|d| d.insert_temp(picked_id, chosen));
}

/// One path: its sector, a row pair per point, Add a point and Remove the path.
fn path_ui(ui: &mut Ui, s: &mut AppState, j: usize, path: &ComparablePath) {
    sector_ui(ui, s, j, path.sector);
    egui::Grid::new(("comparable_points", j))
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (k, point) in path.points.iter().enumerate() {
                point_rows(ui, s, (j, k), path.sector, (point.date, point.multiple));
            }
        });
    list_cell::group_problems(ui, s, &FieldPath::ComparablePoints { comparable: j });
    list_cell::group_problems(ui, s, &FieldPath::ComparableSector { comparable: j });
    ui.horizontal(|ui| {
        if ui
            .button("Add a point")
            .on_hover_text("A year after the last point, at its multiple")
            .clicked()
        {
            s.queue(Edit::AddComparablePoint(j));
        }
        if ui
            .button(format!("Remove the {} path", path.sector.label()))
            .clicked()
        {
            s.queue(Edit::DeleteComparablePath(j));
        }
    });
}

/// The path's sector, to move it to a sector that has no path.
fn sector_ui(ui: &mut Ui, s: &mut AppState, j: usize, sector: Sector) {
    let taken: Vec<Sector> = s
        .portfolio
        .fund
        .comparable_multiples
        .iter()
        .map(|p| p.sector)
        .collect();
    let mut chosen = sector;
    ui.horizontal(|ui| {
        let label = ui.label("Sector");
        egui::ComboBox::from_id_salt(("comparable_sector", j))
            .selected_text(sector.label())
            .show_ui(ui, |ui| {
                for option in Sector::ALL {
                    if option == sector || !taken.contains(&option) {
                        ui.selectable_value(&mut chosen, option, option.label());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if chosen != sector {
        s.queue(Edit::SetComparableSector {
            comparable: j,
            sector: chosen,
        });
    }
}

/// The two rows of point `k` of path `j`: its date (with a Remove button) and its
/// multiple.
fn point_rows(
    ui: &mut Ui,
    s: &mut AppState,
    (j, k): (usize, usize),
    sector: Sector,
    (date, multiple): (chrono::NaiveDate, rust_decimal::Decimal),
) {
    let n = k + 1;
    let name = sector.label();
    let path = |part| FieldPath::ComparablePoint {
        comparable: j,
        index: k,
        part,
    };
    list_cell::date_row(
        ui,
        s,
        (&format!("{name} point {n} date"), path(MultiplePointPart::Date)),
        date,
        |date| Edit::SetComparablePointDate {
            comparable: j,
            index: k,
            date,
        },
        |ui, s| {
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove point {n} of the {name} path"))
                .clicked()
            {
                s.queue(Edit::DeleteComparablePoint(j, k));
            }
        },
    );
    list_cell::number_row(
        ui,
        s,
        (
            &format!("{name} point {n} multiple"),
            path(MultiplePointPart::Multiple),
        ),
        Figure::Multiple(multiple),
        |multiple| Edit::SetComparablePointMultiple {
            comparable: j,
            index: k,
            multiple,
        },
        |ui, _| {
            ui.label("EV / EBITDA");
        },
    );
}
