//! "AI uplift: plan, risk-adjusted and simulated P10–P90" — the realised (LTM) AI EBITDA uplift of each
//! stage's companies over the fund's life on the plan (every gate passes, thick line) and
//! on the risk-adjusted reading (each post-gate effect weighted by its gate's probability,
//! the same colour lighter), at 100 % of each company (`engine::ai_view`).
//!
//! The Monte Carlo's simulated P10–P90 of the same figure (the same rule, on each path's
//! draws of the drivers and the gates, `engine::montecarlo::StageUpliftBand`) is drawn,
//! when the case has a run, as a shaded band per stage under its lines; without one the
//! chart's note says to run it.

use rust_decimal::Decimal;

use super::frame::{Frame, plot_value, quarter_axis, year_fraction};
use super::id::ChartId;
use super::model::{Band, Body, Chart, Fan, Series};
use super::style::{self, Rgb};
use crate::engine::ai_view::{AiProgramme, UpliftSeries};
use crate::engine::montecarlo::McResult;

/// The simulated LTM AI EBITDA uplift of one stage, per fund date.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedStageUplift {
    /// The stage's name (as in [`AiProgramme::by_stage`]).
    pub stage: String,
    /// Per fund date (the case's grid, same length as [`AiProgramme::dates`]), the 10th
    /// and 90th percentiles over the paths of the stage's LTM AI EBITDA uplift: Σ over
    /// its companies operating that quarter of their last four quarters'
    /// `ai_ebitda_uplift`, 100 % of each company, in currency units.
    pub p10_p90: Vec<(f64, f64)>,
}

/// The simulated P10–P90 band of every stage, from one Monte Carlo run.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedUplift {
    /// The number of paths the percentiles are taken over.
    pub paths: usize,
    /// One entry per stage (a stage missing here is drawn without a band).
    pub stages: Vec<SimulatedStageUplift>,
}

/// The simulated uplift band of a Monte Carlo run (`None` when it has no stage).
pub fn simulated_uplift(mc: &McResult) -> Option<SimulatedUplift> {
    let stages: Vec<SimulatedStageUplift> = mc
        .programme
        .uplift_by_stage
        .iter()
        .map(|band| SimulatedStageUplift {
            stage: band.stage.clone(),
            p10_p90: band
                .p10_p50_p90
                .iter()
                .map(|[p10, _, p90]| (*p10, *p90))
                .collect(),
        })
        .collect();
    (!stages.is_empty()).then_some(SimulatedUplift {
        paths: mc.paths,
        stages,
    })
}

/// How much lighter the risk-adjusted line is than the plan's.
const RISK_ADJUSTED_LIGHTEN: f64 = 0.45;
/// How opaque a stage's band is: the stages' bands overlap, and each shows through.
const SIMULATED_OPACITY: f64 = 0.55;
/// How much lighter a stage's simulated P10–P90 band is than its plan line.
const SIMULATED_LIGHTEN: f64 = 0.65;

/// The chart of `programme` by stage (and of `simulated`, when a Monte Carlo run carries
/// it).
pub fn ai_uplift(frame: &Frame, programme: &AiProgramme, simulated: Option<&SimulatedUplift>) -> Chart {
    uplift_chart(frame, programme, &programme.by_stage, "by stage", simulated)
}

/// The same chart by lever kind (the app's AI programme tab; no simulated band).
pub fn ai_uplift_by_kind(frame: &Frame, programme: &AiProgramme) -> Chart {
    let mut chart = uplift_chart(frame, programme, &programme.by_kind, "by lever kind", None);
    chart.title = "AI uplift by lever kind: plan and risk-adjusted".into();
    chart
}

fn uplift_chart(
    frame: &Frame,
    programme: &AiProgramme,
    groups: &[UpliftSeries],
    detail: &str,
    simulated: Option<&SimulatedUplift>,
) -> Chart {
    let last = programme.last_exit().min(programme.dates.len().saturating_sub(1));
    let dates: Vec<f64> = programme
        .dates
        .iter()
        .take(last + 1)
        .map(|d| year_fraction(*d))
        .collect();
    let unit = frame.money_for(groups.iter().flat_map(|s| {
        s.plan
            .ltm
            .iter()
            .chain(&s.risk_adjusted.ltm)
            .map(|v| plot_value(*v))
    }));
    let line = |values: &[Decimal]| -> Vec<(f64, f64)> {
        dates
            .iter()
            .zip(values)
            .map(|(x, v)| (*x, unit.scale(plot_value(*v))))
            .collect()
    };
    let mut lines = Vec::new();
    let mut bands = Vec::new();
    for (i, stage) in groups.iter().enumerate() {
        let colour = style::series_colour(i);
        lines.extend(stage_lines(stage, colour, &line));
        if let Some(band) = simulated.and_then(|s| s.stages.iter().find(|b| b.stage == stage.label)) {
            bands.push(Band {
                name: format!("{} simulated P10–P90", stage.label),
                points: dates
                    .iter()
                    .zip(&band.p10_p90)
                    .map(|(x, (lo, hi))| (*x, unit.scale(*lo), unit.scale(*hi)))
                    .collect(),
                colour: colour.mix(Rgb(0xFF, 0xFF, 0xFF), SIMULATED_LIGHTEN),
                opacity: SIMULATED_OPACITY,
            });
        }
    }
    let body = if bands.is_empty() {
        Body::Lines(lines)
    } else {
        Body::Fan(Fan { bands, lines })
    };
    let axes = (
        quarter_axis(),
        frame.money_axis("LTM AI EBITDA uplift (100 % of each company)", &unit),
    );
    let mut chart = frame.chart(
        ChartId::AiUplift,
        ChartId::AiUplift.title().into(),
        Some(detail),
        axes,
        body,
    );
    chart.note = Some(match simulated {
        Some(s) => format!(
            "Risk-adjusted: each lever's post-gate effect weighted by its gate's probability (not the \
             expected value of the fund's results). Simulated P10–P90 over {} Monte Carlo paths \
             (estimates).",
            crate::units::count(s.paths)
        ),
        None => "Risk-adjusted: each lever's post-gate effect weighted by its gate's probability (not the \
                 expected value of the fund's results). No simulated band: run Monte Carlo for it."
            .into(),
    });
    chart
}

/// A stage's plan and risk-adjusted lines.
fn stage_lines(
    stage: &UpliftSeries,
    colour: Rgb,
    line: &impl Fn(&[Decimal]) -> Vec<(f64, f64)>,
) -> [Series; 2] {
    [
        Series {
            name: format!("{} plan", stage.label),
            points: line(&stage.plan.ltm),
            colour,
            emphasis: true,
        },
        Series {
            name: format!("{} risk-adjusted", stage.label),
            points: line(&stage.risk_adjusted.ltm),
            colour: colour.mix(Rgb(0xFF, 0xFF, 0xFF), RISK_ADJUSTED_LIGHTEN),
            emphasis: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::study::{Case, Study};

    #[test]
    fn each_stage_has_a_plan_and_a_risk_adjusted_line_with_the_engine_figures() {
        let study = Study::new(
            crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}")),
            1,
        );
        let programme = study
            .ensure_ai_programme(&Case::Base)
            .unwrap_or_else(|e| panic!("{e}"));
        let chart =
            super::super::build(ChartId::AiUplift, &study, &Case::Base).unwrap_or_else(|e| panic!("{e}"));
        let Body::Lines(lines) = &chart.body else {
            panic!("not lines")
        };
        assert_eq!(lines.len(), 2 * programme.by_stage.len());
        // The first stage's plan line at its largest point is the engine's figure in the
        // axis unit.
        let stage = &programme.by_stage[0];
        let Scale::Money(unit) = &chart.y_axis.scale else {
            panic!("not money")
        };
        let peak = stage.plan.ltm.iter().copied().max().unwrap_or_default();
        let drawn = lines[0].points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        assert!(
            (drawn - unit.scale(plot_value(peak))).abs() < 1e-9,
            "{drawn} vs {peak}"
        );
        assert_eq!(lines[0].name, format!("{} plan", stage.label));
        assert!(
            chart
                .note
                .as_deref()
                .is_some_and(|n| n.contains("No simulated band"))
        );
    }

    #[test]
    fn a_simulated_band_adds_two_thin_lines_for_its_stage() {
        let study = Study::new(
            crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}")),
            1,
        );
        let programme = study
            .ensure_ai_programme(&Case::Base)
            .unwrap_or_else(|e| panic!("{e}"));
        let stage = programme.by_stage[0].label.clone();
        let band = SimulatedUplift {
            paths: 500,
            stages: vec![SimulatedStageUplift {
                stage,
                p10_p90: vec![(1.0e6, 3.0e6); programme.dates.len()],
            }],
        };
        let chart = ai_uplift(&Frame::of(&study, &Case::Base), &programme, Some(&band));
        let Body::Fan(fan) = &chart.body else {
            panic!("not lines over bands")
        };
        assert_eq!(fan.lines.len(), 2 * programme.by_stage.len());
        assert_eq!(fan.bands.len(), 1);
        assert!(fan.bands[0].name.ends_with("simulated P10–P90"));
        // The band's 1.0e6 to 3.0e6 in the axis unit, at every date drawn.
        let Scale::Money(unit) = &chart.y_axis.scale else {
            panic!("not money")
        };
        assert!(
            fan.bands[0]
                .points
                .iter()
                .all(|p| (p.1 - unit.scale(1.0e6)).abs() < 1e-9 && (p.2 - unit.scale(3.0e6)).abs() < 1e-9)
        );
        assert!(
            chart
                .note
                .as_deref()
                .is_some_and(|n| n.contains("500 Monte Carlo paths"))
        );
    }

    #[test]
    fn a_monte_carlo_run_of_the_case_draws_its_band_on_the_chart() {
        let mut study = Study::new(
            crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}")),
            1,
        );
        let config = crate::engine::montecarlo::McConfig {
            paths: 40,
            ..crate::engine::montecarlo::McConfig::default()
        };
        study.ensure_monte_carlo(&Case::Base, &config);
        drop(study.ensure_ai_programme(&Case::Base));
        let stages = study.model(&Case::Base).map_or(0, |m| m.stages.len());
        let chart =
            super::super::build(ChartId::AiUplift, &study, &Case::Base).unwrap_or_else(|e| panic!("{e}"));
        let Body::Fan(fan) = &chart.body else {
            panic!("not lines over bands")
        };
        // Per stage: the plan and risk-adjusted lines, and the simulated band.
        assert_eq!(fan.lines.len(), 2 * stages);
        assert_eq!(fan.bands.len(), stages);
        assert!(fan.bands.iter().all(|b| b.points.iter().all(|p| p.1 <= p.2)));
        // The stages' bands overlap: each is drawn translucent so the others show through.
        assert!(fan.bands.iter().all(|b| b.opacity > 0.0 && b.opacity < 1.0));
        assert!(
            chart
                .note
                .as_deref()
                .is_some_and(|n| n.contains("40 Monte Carlo paths"))
        );
    }

    use super::super::model::Scale;
}
