//! Each lever's programme as a bar on the fund's dates, one row per lever: the hold
//! (grey), the pilot, the gate (a dot, its probability beside it), the scale-up's ramp
//! and its full effect to the exit. A quarter spans its width on the axis, ending at its
//! quarter-end date; hovering a row says each phase's dates.

use chrono::Datelike;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use crate::app::plots::colour;
use crate::charts::style::{self, Rgb};
use crate::engine::ai_view::{AiProgramme, LeverTimeline};
use crate::units::format_percent;

/// Width of the lever names, in points.
const LABEL_WIDTH: f32 = 300.0;
/// Height of one lever's row.
const ROW_HEIGHT: f32 = 18.0;
/// Height of the year axis.
const AXIS_HEIGHT: f32 = 18.0;

const PILOT: Rgb = style::PALETTE[1];
const GATE: Rgb = style::HIGHLIGHT;
const RAMP: Rgb = Rgb(0x9F, 0xD4, 0xB3);
const FULL: Rgb = style::AI_LEVERS;
const HOLD: Rgb = Rgb(0xD8, 0xD8, 0xD8);

/// The quarters shown and where they fall across the plot.
struct Axis {
    first: usize,
    last: usize,
    left: f32,
    width: f32,
}

impl Axis {
    /// The left edge of quarter `q` (quarters after `last` clamp to the right edge).
    #[expect(clippy::cast_precision_loss, reason = "a few hundred quarters at most")]
    fn x(&self, q: usize) -> f32 {
        let span = (self.last + 1 - self.first).max(1) as f32;
        let at = q.clamp(self.first, self.last + 1) - self.first;
        self.left + self.width * at as f32 / span
    }

    /// The bar from the start of quarter `from` to the end of quarter `to`, in `row`.
    fn bar(&self, row: Rect, from: usize, to: usize, inset: f32) -> Rect {
        Rect::from_min_max(
            pos2(self.x(from), row.top() + inset),
            pos2(self.x(to + 1).max(self.x(from) + 1.0), row.bottom() - inset),
        )
    }
}

/// The legend, the year axis and one row per lever.
pub fn timeline_ui(ui: &mut Ui, programme: &AiProgramme) {
    legend(ui);
    let first = programme.levers.iter().map(|l| l.acquisition).min().unwrap_or(0);
    let last = programme.last_exit().max(first);
    let width = ui.available_width().max(LABEL_WIDTH + 200.0);
    let axis = Axis {
        first,
        last,
        left: ui.cursor().left() + LABEL_WIDTH,
        width: width - LABEL_WIDTH - 8.0,
    };
    years(ui, programme, &axis, width);
    for lever in &programme.levers {
        row(ui, programme, &axis, lever, width);
    }
}

fn legend(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        for (name, rgb) in [
            ("Held", HOLD),
            ("Pilot", PILOT),
            ("Gate (probability of passing)", GATE),
            ("Scale-up ramp", RAMP),
            ("Full effect", FULL),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 10.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour(ui, rgb));
            ui.label(name);
            ui.add_space(8.0);
        }
    });
}

/// Year-end ticks across the top.
fn years(ui: &mut Ui, programme: &AiProgramme, axis: &Axis, width: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(width, AXIS_HEIGHT), Sense::hover());
    let painter = ui.painter();
    let ink = ui.visuals().weak_text_color();
    for q in axis.first..=axis.last + 1 {
        let Some(date) = programme.date(q) else { continue };
        if date.month() == 12 {
            let x = axis.x(q + 1);
            painter.line_segment(
                [pos2(x, rect.bottom() - 4.0), pos2(x, rect.bottom())],
                Stroke::new(1.0, ink),
            );
            painter.text(
                pos2(x - 2.0, rect.bottom() - 4.0),
                Align2::RIGHT_BOTTOM,
                date.year().to_string(),
                FontId::proportional(11.0),
                ink,
            );
        }
    }
}

/// One lever: its name, its hold and its phases.
fn row(ui: &mut Ui, programme: &AiProgramme, axis: &Axis, lever: &LeverTimeline, width: f32) {
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::hover());
    let painter = ui.painter();
    let text = ui.visuals().text_color();
    let label = format!("{} · {}", lever.company, lever.lever);
    let label_rect = Rect::from_min_size(rect.min, vec2(LABEL_WIDTH - 8.0, ROW_HEIGHT));
    painter.with_clip_rect(label_rect).text(
        pos2(rect.left(), rect.center().y),
        Align2::LEFT_CENTER,
        label,
        FontId::proportional(12.0),
        text,
    );
    painter.rect_filled(
        axis.bar(rect, lever.acquisition + 1, lever.exit, 5.0),
        1.0,
        colour(ui, HOLD),
    );
    if let Some((start, end)) = lever.pilot {
        painter.rect_filled(axis.bar(rect, start, end, 3.0), 1.0, colour(ui, PILOT));
    }
    if lever.full_effect > lever.scale_up_start {
        let ramp_end = lever.full_effect.saturating_sub(1).min(lever.exit);
        painter.rect_filled(
            axis.bar(rect, lever.scale_up_start, ramp_end, 3.0),
            1.0,
            colour(ui, RAMP),
        );
    }
    if lever.full_effect <= lever.exit {
        painter.rect_filled(
            axis.bar(rect, lever.full_effect, lever.exit, 3.0),
            1.0,
            colour(ui, FULL),
        );
    }
    if let Some(gate) = &lever.gate {
        gate_mark(ui, axis, rect, gate.quarter, &whole_percent(gate.probability));
    }
    response.on_hover_text(describe(programme, lever));
}

/// The gate's dot at the end of its quarter and its probability beside it.
fn gate_mark(ui: &Ui, axis: &Axis, row: Rect, quarter: usize, probability: &str) {
    let centre = Pos2::new(axis.x(quarter + 1), row.center().y);
    let painter = ui.painter();
    painter.circle_filled(centre, 4.5, colour(ui, GATE));
    painter.circle_stroke(centre, 4.5, Stroke::new(1.0, Color32::WHITE));
    painter.text(
        centre + vec2(6.0, 0.0),
        Align2::LEFT_CENTER,
        probability,
        FontId::proportional(10.0),
        ui.visuals().strong_text_color(),
    );
}

/// A probability as a short percentage beside its dot ("65%").
fn whole_percent(probability: rust_decimal::Decimal) -> String {
    format!(
        "{}%",
        (probability * rust_decimal::Decimal::ONE_HUNDRED)
            .round_dp(1)
            .normalize()
    )
}

/// The lever's phases in words, with their dates.
fn describe(programme: &AiProgramme, lever: &LeverTimeline) -> String {
    let date = |q: usize| {
        programme
            .date(q)
            .map_or_else(|| "after the fund".into(), |d| d.to_string())
    };
    let mut lines = vec![
        format!("{} — {} ({})", lever.company, lever.lever, lever.kind.label()),
        format!("Held: {} to {}", date(lever.acquisition), date(lever.exit)),
    ];
    if let Some((start, end)) = lever.pilot {
        lines.push(format!("Pilot: quarters ending {} to {}", date(start), date(end)));
    }
    if let Some(gate) = &lever.gate {
        let failure = match gate.on_failure {
            crate::engine::model::GateFailure::KeepPilot => "keep the pilot's effect",
            crate::engine::model::GateFailure::StopAndWriteOff => "stop and write the pilot off",
        };
        lines.push(format!(
            "Gate: {} — {} probability of passing; on failure {failure}",
            date(gate.quarter),
            format_percent(gate.probability)
        ));
    }
    lines.push(format!(
        "Scale-up from the quarter ending {}",
        date(lever.scale_up_start)
    ));
    lines.push(format!("Full effect by {}", date(lever.full_effect)));
    if let Some(end) = lever.dis_synergy_end {
        lines.push(format!("Dis-synergy to {}", date(end)));
    }
    if lever.platform_shift_quarters > 0 {
        lines.push(format!(
            "Moved {} quarter(s) later waiting for its platform",
            lever.platform_shift_quarters
        ));
    }
    lines.join("\n")
}
