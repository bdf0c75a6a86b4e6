//! Scenario, sensitivity and Monte Carlo views: the scenario comparison (metrics side by
//! side, J-curves overlaid), the tornado, goal seek, and a background Monte Carlo run
//! with progress and Cancel.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};
use rust_decimal::Decimal;

use super::jobs::BackgroundJob;
use super::plots::PALETTE;
use crate::charts::series::year_fraction;
use crate::engine::drivers::{Driver, Metric};
use crate::engine::model::Portfolio;
use crate::engine::montecarlo::{self, McConfig, McError, McResult};
use crate::engine::results::FundResult;
use crate::engine::sensitivity::{self, Tornado};
use crate::engine::{compute, goalseek, scenario};
use crate::units::{format_money, format_multiple, format_percent};

/// Results of the base case and every scenario, for one model revision.
pub struct Comparison {
    pub revision: u64,
    pub cases: Vec<(String, Result<Arc<FundResult>, String>)>,
}

/// Computes the base case and every scenario in the file.
pub fn compare(portfolio: &Portfolio, revision: u64) -> Comparison {
    let mut cases = vec![(
        "Base case (as modelled)".to_string(),
        compute(portfolio).map(Arc::new).map_err(|e| e.to_string()),
    )];
    for s in portfolio.scenarios.iter().filter(|s| s.name != "Base") {
        let outcome = scenario::apply(portfolio, s)
            .map_err(|e| e.to_string())
            .and_then(|p| compute(&p).map(Arc::new).map_err(|e| e.to_string()));
        cases.push((s.name.clone(), outcome));
    }
    Comparison { revision, cases }
}

fn irr(r: &FundResult) -> String {
    r.metrics
        .net_irr
        .as_ref()
        .map_or_else(|_| "n/a".into(), |v| format_percent(*v))
}

/// The Compare tab.
pub fn compare_view(ui: &mut Ui, comparison: &Comparison) {
    ui.heading("Scenarios side by side");
    egui::Grid::new("compare_grid")
        .striped(true)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for title in [
                "Scenario",
                "Net IRR",
                "Gross IRR",
                "TVPI",
                "DPI",
                "Paid-in",
                "Carry",
                "J-curve trough",
            ] {
                ui.label(RichText::new(title).strong());
            }
            ui.end_row();
            for (name, outcome) in &comparison.cases {
                ui.label(name);
                match outcome {
                    Ok(r) => {
                        let m = &r.metrics;
                        ui.label(irr(r));
                        ui.label(
                            m.gross_irr
                                .as_ref()
                                .map_or_else(|_| "n/a".into(), |v| format_percent(*v)),
                        );
                        ui.label(m.tvpi.map_or_else(|| "n/a".into(), format_multiple));
                        ui.label(m.dpi.map_or_else(|| "n/a".into(), format_multiple));
                        ui.label(format_money(m.paid_in));
                        ui.label(format_money(m.carried_interest));
                        ui.label(format_money(m.jcurve_trough));
                    }
                    Err(e) => {
                        ui.colored_label(
                            Color32::from_rgb(0xC0, 0x20, 0x20),
                            format!("does not compute: {e}"),
                        );
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.label(RichText::new("J-curves (cumulative net cash flow, US$ bn)").strong());
    let half = ui.available_height() * 0.5;
    overlay(ui, "compare_jcurves", comparison, Some(half), |p| {
        p.cumulative_net_cash_flow
    });
    ui.label(RichText::new("NAV (reported, US$ bn)").strong());
    overlay(ui, "compare_nav", comparison, None, |p| p.nav);
}

/// One line per case of `value` over time, in US$ bn.
fn overlay(
    ui: &mut Ui,
    id: &str,
    comparison: &Comparison,
    height: Option<f32>,
    value: fn(&crate::engine::results::FundPeriod) -> Decimal,
) {
    let mut plot = Plot::new(id).legend(Legend::default()).allow_scroll(false);
    if let Some(h) = height {
        plot = plot.height(h);
    }
    plot.show(ui, |plot| {
        for (i, (name, outcome)) in comparison.cases.iter().enumerate() {
            if let Ok(r) = outcome {
                let points: Vec<[f64; 2]> = r
                    .periods
                    .iter()
                    .map(|p| {
                        [
                            year_fraction(p.date),
                            rust_decimal::prelude::ToPrimitive::to_f64(&value(p)).unwrap_or(0.0) / 1e9,
                        ]
                    })
                    .collect();
                plot.line(
                    Line::new(name.clone(), PlotPoints::new(points))
                        .color(PALETTE[i % PALETTE.len()])
                        .width(2.0),
                );
            }
        }
    });
}

/// State of the Sensitivity tab.
pub struct SensitivityView {
    pub tornado: Option<(u64, Result<Tornado, String>)>,
    pub heatmap: HeatmapView,
    pub driver: Driver,
    pub metric: Metric,
    pub target: String,
    pub answer: Option<String>,
}

impl Default for SensitivityView {
    fn default() -> Self {
        Self {
            tornado: None,
            heatmap: HeatmapView::default(),
            driver: Driver::ExitMultipleShift,
            metric: Metric::NetIrr,
            target: "20%".into(),
            answer: None,
        }
    }
}

fn pct_or_multiple(metric: Metric, v: Decimal) -> String {
    if metric.is_rate() {
        format_percent(v)
    } else {
        format_multiple(v)
    }
}

/// The Sensitivity tab: tornado (recomputed per model revision) and goal seek.
pub fn sensitivity_view(ui: &mut Ui, view: &mut SensitivityView, portfolio: &Portfolio, revision: u64) {
    if view.tornado.as_ref().is_none_or(|(r, _)| *r != revision) {
        view.tornado = Some((
            revision,
            sensitivity::tornado(portfolio).map_err(|e| e.to_string()),
        ));
    }
    ui.heading("Tornado: net IRR, each driver at its low and high value");
    match view.tornado.as_ref().map(|(_, t)| t) {
        Some(Ok(t)) => tornado_chart(ui, t),
        Some(Err(e)) => {
            ui.colored_label(Color32::from_rgb(0xC0, 0x20, 0x20), e);
        }
        None => {}
    }
    ui.separator();
    heatmap_view(ui, &mut view.heatmap, portfolio);
    ui.separator();
    ui.heading("Goal seek");
    ui.horizontal(|ui| {
        pick(
            ui,
            "Solve for",
            "goal_driver",
            &mut view.driver,
            &Driver::ALL.map(|d| (d, d.label())),
        );
        pick(
            ui,
            "so that",
            "goal_metric",
            &mut view.metric,
            &Metric::ALL.map(|m| (m, m.name())),
        );
        let l = ui.label("equals");
        ui.add(egui::TextEdit::singleline(&mut view.target).desired_width(80.0))
            .labelled_by(l.id);
        if ui.button("Solve").clicked() {
            view.answer = Some(solve(view, portfolio));
        }
    });
    if let Some(answer) = &view.answer {
        ui.label(answer);
    }
}

/// A labelled choice among `options`.
fn pick<T: Copy + PartialEq>(ui: &mut Ui, label: &str, id: &str, value: &mut T, options: &[(T, &str)]) {
    let l = ui.label(label);
    let current = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or("", |(_, name)| *name);
    egui::ComboBox::from_id_salt(id)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (v, name) in options {
                ui.selectable_value(value, *v, *name);
            }
        })
        .response
        .labelled_by(l.id);
}

fn solve(view: &SensitivityView, portfolio: &Portfolio) -> String {
    let parsed = if view.metric.is_rate() {
        crate::units::parse_percent(&view.target)
    } else {
        crate::units::parse_multiple(&view.target)
    };
    let target = match parsed {
        Ok(t) => t,
        Err(e) => return e.to_string(),
    };
    let (lo, hi) = view.driver.tornado_range(portfolio);
    let span = hi - lo;
    match goalseek::solve(
        portfolio,
        view.driver,
        view.metric,
        target,
        (lo - span, hi + span),
        Decimal::new(1, 7),
    ) {
        Ok(s) => format!(
            "{} = {} gives {} {}.",
            view.driver.label(),
            s.value.round_dp(4).normalize(),
            view.metric.name(),
            pct_or_multiple(view.metric, s.achieved)
        ),
        Err(e) => format!("No answer: {e}"),
    }
}

fn tornado_chart(ui: &mut Ui, t: &Tornado) {
    let base = t
        .base_net_irr
        .and_then(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v))
        .unwrap_or(0.0)
        * 100.0;
    let n = t.rows.len();
    let mut low_bars = Vec::new();
    let mut high_bars = Vec::new();
    for (i, row) in t.rows.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of drivers")]
        let y = (n - i) as f64;
        let value = |v: Option<Decimal>| {
            v.and_then(|x| rust_decimal::prelude::ToPrimitive::to_f64(&x))
                .map(|x| x * 100.0)
        };
        if let Some(lo) = value(row.net_irr_low) {
            low_bars.push(Bar::new(y, lo - base).base_offset(base).name(format!(
                "{} = {}: {lo:.2}%",
                row.driver.label(),
                row.low_value.normalize()
            )));
        }
        if let Some(hi) = value(row.net_irr_high) {
            high_bars.push(Bar::new(y, hi - base).base_offset(base).name(format!(
                "{} = {}: {hi:.2}%",
                row.driver.label(),
                row.high_value.normalize()
            )));
        }
    }
    let labels: Vec<String> = t.rows.iter().map(|r| r.driver.label().to_string()).collect();
    Plot::new("tornado")
        .legend(Legend::default())
        .height(ui.available_height() * 0.6)
        .y_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() > 1e-6 || k < 1.0 {
                return String::new();
            }
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked positive whole number"
            )]
            let i = n.saturating_sub(k as usize);
            labels.get(i).cloned().unwrap_or_default()
        })
        .x_axis_formatter(|mark, _| format!("{:.1}%", mark.value))
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Low value", low_bars)
                    .horizontal()
                    .color(PALETTE[1])
                    .element_formatter(Box::new(|b, _| b.name.clone())),
            );
            plot.bar_chart(
                BarChart::new("High value", high_bars)
                    .horizontal()
                    .color(PALETTE[0])
                    .element_formatter(Box::new(|b, _| b.name.clone())),
            );
        });
    ui.label(format!(
        "Base case net IRR {base:.2}%. Bars start at the base case."
    ));
}

/// The two-driver grid, computed in the background and drawn as a heatmap.
pub struct HeatmapView {
    pub x: Driver,
    pub y: Driver,
    pub metric: Metric,
    pub job: Option<BackgroundJob<Result<sensitivity::Grid, String>>>,
    pub grid: Option<Result<sensitivity::Grid, String>>,
}

impl Default for HeatmapView {
    fn default() -> Self {
        Self {
            x: Driver::ExitMultipleShift,
            y: Driver::RealisationScale,
            metric: Metric::NetIrr,
            job: None,
            grid: None,
        }
    }
}

/// Cells per axis in the app's heatmap.
const GRID_STEPS: u32 = 21;

fn heatmap_view(ui: &mut Ui, view: &mut HeatmapView, portfolio: &Portfolio) {
    ui.heading("Two-driver grid");
    ui.horizontal(|ui| {
        let drivers = Driver::ALL.map(|d| (d, d.label()));
        pick(ui, "Across", "grid_x", &mut view.x, &drivers);
        pick(ui, "Down", "grid_y", &mut view.y, &drivers);
        pick(
            ui,
            "Metric",
            "grid_metric",
            &mut view.metric,
            &Metric::ALL.map(|m| (m, m.name())),
        );
        if view.job.is_none() && ui.button("Compute grid").clicked() {
            let (p, x, y, metric) = (portfolio.clone(), view.x, view.y, view.metric);
            let axis = |d: Driver| {
                let (low, high) = d.tornado_range(&p);
                sensitivity::Axis {
                    driver: d,
                    low,
                    high,
                    steps: GRID_STEPS,
                }
            };
            let (ax, ay) = (axis(x), axis(y));
            view.job = Some(BackgroundJob::spawn(1, move |done, _| {
                let grid = sensitivity::grid(&p, ax, Some(ay), metric).map_err(|e| e.to_string());
                done.store(1, Ordering::Relaxed);
                grid
            }));
        }
    });
    if let Some(job) = &mut view.job {
        match job.finished() {
            Some(outcome) => {
                view.grid = Some(outcome.and_then(|g| g));
                view.job = None;
            }
            None => {
                ui.label(format!("Computing {GRID_STEPS}x{GRID_STEPS} exact recomputes..."));
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    }
    match &view.grid {
        Some(Ok(grid)) => {
            let at = |d: Driver| {
                rust_decimal::prelude::ToPrimitive::to_f64(&d.base_value(portfolio)).unwrap_or(0.0)
            };
            let y = grid.y.as_ref().map_or(0.0, |a| at(a.driver));
            heatmap(ui, grid, (at(grid.x.driver), y));
        }
        Some(Err(e)) => {
            ui.colored_label(Color32::from_rgb(0xC0, 0x20, 0x20), e);
        }
        None => {}
    }
}

/// Draws the grid from the same chart series the export uses: one coloured cell per
/// grid point, the base case as a black square, and the colour key underneath.
fn heatmap(ui: &mut Ui, grid: &sensitivity::Grid, base_point: (f64, f64)) {
    let chart = crate::charts::series::heatmap(grid, base_point);
    let colour = |(r, g, b): (u8, u8, u8)| Color32::from_rgb(r, g, b);
    Plot::new("heatmap")
        .height(ui.available_height().max(200.0) * 0.9)
        .x_axis_label(chart.x_title)
        .y_axis_label(chart.y_title)
        .allow_scroll(false)
        .show(ui, |plot| {
            for r in &chart.rects {
                let corners = vec![[r.x.0, r.y.0], [r.x.1, r.y.0], [r.x.1, r.y.1], [r.x.0, r.y.1]];
                let name = r.label.clone().unwrap_or_else(|| "Base case".into());
                plot.polygon(
                    egui_plot::Polygon::new(name, PlotPoints::new(corners))
                        .fill_color(colour(r.fill))
                        .stroke(egui::Stroke::NONE),
                );
            }
        });
    ui.horizontal_wrapped(|ui| {
        ui.label("Colour scale:");
        for (name, fill) in &chart.keys {
            // A painted swatch: egui's fonts have no square glyph.
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 0.0, colour(*fill));
            ui.label(name);
        }
        ui.label("Exact recomputes.");
    });
}

/// Paths per Monte Carlo run in the app.
const PATHS: usize = 10_000;

/// Starts a Monte Carlo run of `portfolio` in the background.
fn start_monte_carlo(portfolio: Portfolio) -> BackgroundJob<Result<McResult, McError>> {
    BackgroundJob::spawn(PATHS, move |done, cancel| {
        let config = McConfig {
            paths: PATHS,
            seed: 42,
            ..McConfig::default()
        };
        montecarlo::run(&portfolio, &config, &|n| done.store(n, Ordering::Relaxed), cancel)
    })
}

/// State of the Monte Carlo tab.
#[derive(Default)]
pub struct McView {
    pub job: Option<BackgroundJob<Result<McResult, McError>>>,
    pub result: Option<Result<McResult, McError>>,
}

/// The Monte Carlo tab.
pub fn monte_carlo_view(ui: &mut Ui, view: &mut McView, portfolio: &Portfolio) {
    ui.heading(format!(
        "Monte Carlo ({PATHS} paths, seed 42): simulated estimates"
    ));
    if let Some(job) = &mut view.job {
        if let Some(outcome) = job.finished() {
            view.result = Some(outcome.unwrap_or_else(|e| Err(McError::Model(e))));
            view.job = None;
        } else {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(job.progress())
                        .desired_width(300.0)
                        .show_percentage(),
                );
                if ui.button("Cancel").clicked() {
                    job.cancel();
                }
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
    }
    if view.job.is_none() && ui.button("Run simulation").clicked() {
        view.job = Some(start_monte_carlo(portfolio.clone()));
    }
    match &view.result {
        Some(Ok(r)) => mc_results(ui, r),
        Some(Err(e)) => {
            ui.label(format!("Stopped: {e}"));
        }
        None => {
            ui.label("Per-company draws of lever realisation, exit multiple, exit timing and growth (the file's `uncertainty`, or defaults), with a common market factor.");
        }
    }
}

/// P5, P50 and P95 lines of a fan chart.
fn fan(ui: &mut Ui, id: &str, y_title: &str, name: &str, xs: &[f64], fan: &[[f64; 5]]) {
    Plot::new(id)
        .legend(Legend::default())
        .allow_scroll(false)
        .y_axis_label(y_title)
        .show(ui, |plot| {
            for (k, p) in [(0, "P5"), (2, "P50"), (4, "P95")] {
                let points: Vec<[f64; 2]> = xs.iter().zip(fan).map(|(x, f)| [*x, f[k] / 1e9]).collect();
                plot.line(
                    Line::new(format!("{name} {p}"), PlotPoints::new(points))
                        .color(PALETTE[k % PALETTE.len()])
                        .width(if k == 2 { 2.5 } else { 1.5 }),
                );
            }
        });
}

fn mc_results(ui: &mut Ui, r: &McResult) {
    egui::Grid::new("mc_table").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Estimate").strong());
        for p in montecarlo::PERCENTILES {
            ui.label(RichText::new(format!("P{p:.0}")).strong());
        }
        ui.end_row();
        for (name, summary, rate) in [
            ("Net IRR", &r.net_irr, true),
            ("TVPI", &r.tvpi, false),
            ("DPI", &r.dpi, false),
        ] {
            ui.label(name);
            for v in summary.values {
                ui.label(if rate {
                    format!("{:.2}%", v * 100.0)
                } else {
                    format!("{v:.2}x")
                });
            }
            ui.end_row();
        }
    });
    ui.label(format!(
        "Probability of losing money (TVPI < 1): {:.1}%. {} paths, seed {}; {} paths without an IRR.",
        r.probability_tvpi_below_one * 100.0,
        r.paths,
        r.seed,
        r.paths_without_irr
    ));
    ui.columns(3, |columns| {
        let bars: Vec<Bar> = r
            .tvpi_histogram
            .iter()
            .map(|(lo, hi, n)| {
                #[expect(clippy::cast_precision_loss, reason = "path counts are small")]
                let height = *n as f64;
                Bar::new((lo + hi) / 2.0, height)
                    .width(hi - lo)
                    .name(format!("{lo:.2}x to {hi:.2}x: {n} paths"))
            })
            .collect();
        Plot::new("mc_histogram")
            .allow_scroll(false)
            .x_axis_label("TVPI (x)")
            .y_axis_label("paths")
            .show(&mut columns[0], |plot| {
                plot.bar_chart(
                    BarChart::new("TVPI", bars)
                        .color(PALETTE[0])
                        .element_formatter(Box::new(|b, _| b.name.clone())),
                );
            });
        let xs: Vec<f64> = r.dates.iter().map(|d| year_fraction(*d)).collect();
        fan(
            &mut columns[1],
            "mc_nav_fan",
            "NAV, US$ bn",
            "NAV",
            &xs,
            &r.nav_fan,
        );
        fan(
            &mut columns[2],
            "mc_cash_fan",
            "Cumulative net cash flow, US$ bn",
            "Net cash",
            &xs,
            &r.cash_fan,
        );
    });
}
