//! One test per fixed defect, each headed by what went wrong, in the manner of ripgrep's
//! `tests/regression.rs`. Issue numbers refer to the project's issue list.

use std::sync::Arc;

use millwright::charts::{self, ChartId};
use millwright::engine::drivers::{Driver, Metric};
use millwright::engine::montecarlo::McConfig;
use millwright::engine::sensitivity::Axis;
use millwright::engine::study::{Case, GridSettings, Study};
use millwright::engine::validate::{self, Problem, Severity};
use millwright::engine::{EngineError, compute_validated};
use millwright::export::pack::{self, Source};
use millwright::io::samples;
use rust_decimal::dec;

fn midmarket() -> millwright::engine::model::Portfolio {
    samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
}

fn downside() -> Case {
    Case::Scenario("Downside".into())
}

fn source() -> Source {
    Source {
        file_name: "midmarket_rollup_2b.json".into(),
        model_date: "2026-12-01".into(),
    }
}

fn texts_of(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title") || n.has_tag_name("desc"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect()
}

/// Issue 8: the Compare tab recomputed every scenario on every frame. A study computes a
/// scenario once and hands out the same results afterwards.
#[test]
fn issue_8_scenario_results_are_computed_once_per_revision() {
    let study = Study::new(midmarket(), 1);
    let first = study.result(&downside()).unwrap_or_else(|e| panic!("{e}"));
    let again = study.result(&downside()).unwrap_or_else(|e| panic!("{e}"));
    assert!(Arc::ptr_eq(&first, &again), "the second read must not recompute");
}

/// Issue 8: the memo pack ran the 10,000-path Monte Carlo twice (once per chart) and
/// ignored the run the user had already made. The pack now reuses the study's run: a
/// 40-path run stored beforehand is the one both Monte Carlo charts show.
#[test]
fn issue_8_memo_pack_reuses_the_monte_carlo_run_already_made() {
    let mut study = Study::new(midmarket(), 1);
    let config = McConfig {
        paths: 40,
        seed: 7,
        ..McConfig::default()
    };
    study.ensure_monte_carlo(&Case::Base, &config);
    pack::prepare_analyses(&mut study, &Case::Base);
    let run = study
        .monte_carlo(&Case::Base)
        .unwrap_or_else(|| panic!("no run kept"));
    assert_eq!(run.settings.paths, 40, "the pack must not replace the user's run");
    for id in [ChartId::MonteCarloNavFan, ChartId::MonteCarloHistogram] {
        let chart = charts::build(id, &study, &Case::Base).unwrap_or_else(|e| panic!("{e}"));
        let words = format!("{} {:?}", chart.subtitle, chart.legend);
        assert!(words.contains("40 paths"), "{id:?}: {words}");
    }
}

/// Issue 8: a chart exported while a scenario was selected was labelled "scenario Base"
/// and described the base case's terms.
#[test]
fn issue_8_an_exported_chart_names_the_case_it_shows() {
    let study = Study::new(midmarket(), 1);
    let chart = charts::build(ChartId::JCurve, &study, &downside()).unwrap_or_else(|e| panic!("{e}"));
    let text = pack::memo_text(&study, &downside(), &source()).unwrap_or_else(|e| panic!("{e}"));
    let svg = millwright::export::memo_chart::svg(&chart, &text, millwright::export::memo_chart::SVG_SIZE)
        .unwrap_or_else(|e| panic!("{e}"));
    let texts = texts_of(&svg).join(" | ");
    assert!(texts.contains("Downside"), "{texts}");
    assert!(!texts.contains("scenario Base"), "{texts}");
    // The description quotes the Downside's own net IRR, not the base case's.
    let base = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let down = study.result(&downside()).unwrap_or_else(|e| panic!("{e}"));
    let irr = |r: &millwright::engine::results::FundResult| {
        r.metrics
            .net_irr
            .as_ref()
            .map(|v| millwright::units::format_percent(*v))
            .unwrap_or_default()
    };
    assert_ne!(irr(&base), irr(&down));
    assert!(text.description.contains(&irr(&down)), "{}", text.description);
}

/// Issue 8: the exported heatmap was always titled "Net IRR by exit multiple shift and
/// AI lever realisation", whatever drivers and metric the user chose.
#[test]
fn issue_8_the_heatmap_title_follows_its_drivers_and_metric() {
    let mut study = Study::new(midmarket(), 1);
    let axis = |driver: Driver| Axis {
        driver,
        low: dec!(-0.01),
        high: dec!(0.01),
        steps: 2,
    };
    let settings = GridSettings {
        x: axis(Driver::GrowthShift),
        y: Some(axis(Driver::LeverageShift)),
        metric: Metric::Tvpi,
    };
    study.ensure_grid(&Case::Base, &settings);
    let chart = charts::build(ChartId::Heatmap, &study, &Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let words = format!("{} {}", chart.title, chart.subtitle);
    assert!(words.contains("TVPI"), "{words}");
    assert!(words.contains(Driver::GrowthShift.label()), "{words}");
    assert!(!words.contains("Net IRR"), "{words}");
}

/// Issue 8: validation ran twice per recompute. The engine now projects with the
/// problems it is given: an error handed in stops the projection without validating again.
#[test]
fn issue_8_compute_uses_the_validation_it_is_given() {
    let p = midmarket();
    assert!(!validate::has_errors(&validate::validate(&p)));
    // The problems of a broken copy, handed in with the sound model.
    let mut broken = p.clone();
    broken.fund.carry_rate = dec!(7);
    let flagged: Vec<Problem> = validate::validate(&broken);
    assert!(validate::has_errors(&flagged));
    match compute_validated(&p, &flagged) {
        Err(EngineError::Invalid(list)) => {
            assert!(!list.is_empty());
            assert!(list.iter().all(|x| x.severity == Severity::Error));
        }
        other => panic!("expected the handed-in error to stop the projection, got {other:?}"),
    }
    assert!(compute_validated(&p, &validate::validate(&p)).is_ok());
}

/// Issue 8: "US$" was hard-coded although the fund has a currency.
#[test]
fn issue_8_charts_and_memo_text_use_the_funds_currency() {
    let mut p = midmarket();
    p.fund.currency = "EUR".into();
    let study = Study::new(p, 1);
    let chart = charts::build(ChartId::JCurve, &study, &Case::Base).unwrap_or_else(|e| panic!("{e}"));
    assert!(!chart.y_axis.title.contains("US$"), "{}", chart.y_axis.title);
    assert!(
        chart.y_axis.title.contains('€') || chart.y_axis.title.contains("EUR"),
        "{}",
        chart.y_axis.title
    );
    let text = pack::memo_text(&study, &Case::Base, &source()).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.footnote.contains("EUR"), "{}", text.footnote);
    assert!(!text.footnote.contains("US$"), "{}", text.footnote);
    assert!(text.description.contains('€'), "{}", text.description);
}

/// The problems of `p` that are errors, as `(path, message)`; validating must not panic.
fn issue_9_errors(p: &millwright::engine::model::Portfolio) -> Vec<(String, String)> {
    validate::validate(p)
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(|problem| (problem.path.to_string(), problem.message))
        .collect()
}

fn issue_9_has_error_at(p: &millwright::engine::model::Portfolio, path: &str) -> bool {
    issue_9_errors(p).iter().any(|(at, _)| at == path)
}

/// Issue 9: validation panicked while *reporting* an out-of-range percentage (it
/// multiplied the value by 100 to print it). A tax rate of 7.9e28 is now an error naming
/// the field, printed as the fraction it is.
#[test]
fn issue_9_an_out_of_range_percentage_is_reported_without_overflow() {
    let mut p = midmarket();
    p.companies[0].tax_rate = rust_decimal::Decimal::MAX;
    let errors = issue_9_errors(&p);
    let tax = errors.iter().find(|(at, _)| at == "companies[0].tax_rate");
    assert!(
        tax.is_some_and(|(_, message)| message.contains("(as a fraction)")),
        "{errors:?}"
    );
}

/// Issue 9: validation multiplied values it had already flagged out of range
/// (`entry_multiple × (1 + transaction_costs)`) and overflowed.
#[test]
fn issue_9_entry_price_check_does_not_overflow_on_flagged_values() {
    let mut p = midmarket();
    p.companies[0].entry_multiple = rust_decimal::Decimal::MAX;
    p.companies[0].transaction_costs = dec!(10);
    assert!(issue_9_has_error_at(&p, "companies[0].entry_multiple"));
    assert!(issue_9_has_error_at(&p, "companies[0].transaction_costs"));
}

/// Issue 9: `term_years + extension_years` overflowed `u32` in the exit-date check.
#[test]
fn issue_9_a_huge_term_is_an_error_not_an_overflow() {
    let mut p = midmarket();
    p.fund.term_years = u32::MAX;
    p.fund.extension_years = 1;
    assert!(issue_9_has_error_at(&p, "fund.term_years"));
}

/// Issue 9 (found by the fuzz harness): cost pools of 7e28 each overflowed when the
/// check "pools under 100 % of revenue" added them up.
#[test]
fn issue_9_huge_cost_pools_are_errors_not_an_overflow() {
    let mut p = midmarket();
    p.companies[0].cost_pools.materials = rust_decimal::Decimal::MAX;
    p.companies[0].cost_pools.energy = rust_decimal::Decimal::MAX;
    assert!(issue_9_has_error_at(&p, "companies[0].cost_pools.materials"));
    assert!(issue_9_has_error_at(&p, "companies[0].cost_pools.energy"));
}

fn issue_9_scenario(edit: impl FnOnce(&mut millwright::engine::model::Scenario)) -> String {
    let mut p = midmarket();
    let mut scenario = millwright::engine::model::Scenario {
        name: "Extreme".into(),
        ..Default::default()
    };
    edit(&mut scenario);
    p.scenarios.push(scenario);
    let study = Study::new(p, 1);
    match study.result(&Case::Scenario("Extreme".into())) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

/// Issue 9: scenario overrides were applied with unchecked arithmetic: an exit multiple
/// shift of 7.9e28 panicked computing the scenario (in `export` and the J-curve chart
/// even without `--scenario`). Each override now fails the case with an error naming it.
#[test]
fn issue_9_overflowing_scenario_overrides_fail_the_case_naming_the_override() {
    type Edit = fn(&mut millwright::engine::model::Scenario);
    let max = rust_decimal::Decimal::MAX;
    // What each message must name: the override when the arithmetic overflows; the
    // company field when the product fits but breaks the field's bounds (0.77 × max).
    let cases: [(&str, Edit); 6] = [
        ("exit_multiple_shift", |s| {
            s.exit_multiple_shift = Some(rust_decimal::Decimal::MAX)
        }),
        ("entry_multiple_shift", |s| {
            s.entry_multiple_shift = Some(rust_decimal::Decimal::MAX)
        }),
        ("revenue_growth", |s| {
            s.growth_shift = Some(rust_decimal::Decimal::MAX)
        }),
        ("leverage_shift", |s| {
            s.leverage_shift = Some(rust_decimal::Decimal::MAX)
        }),
        ("levers[0].realisation", |s| {
            s.realisation_scale = Some(rust_decimal::Decimal::MAX)
        }),
        ("ramp_scale", |s| s.ramp_scale = Some(rust_decimal::Decimal::MAX)),
    ];
    assert!(max > dec!(1e28));
    for (named, edit) in cases {
        let message = issue_9_scenario(edit);
        assert!(message.contains(named), "{named}: {message:?}");
    }
}

/// Issue 9: a negative `ramp_scale` and an exit delay past the calendar were silently
/// ignored (the scenario showed the base figures). Both are errors now.
#[test]
fn issue_9_a_negative_ramp_scale_or_a_huge_exit_delay_is_not_ignored() {
    let message = issue_9_scenario(|s| s.ramp_scale = Some(dec!(-1)));
    assert!(message.contains("ramp_scale"), "{message}");
    let message = issue_9_scenario(|s| s.exit_delay_quarters = Some(i32::MAX));
    assert!(message.contains("exit_delay_quarters"), "{message}");
}

/// Issue 9 (found by the fuzz harness): Monte Carlo ran on a model that failed
/// validation: a lever ramp of 4,294,967,295 quarters asked for 34 GB and aborted the
/// process; a normal distribution with min above max panicked in `f64::clamp`. The run
/// now refuses an invalid model with its problems.
#[test]
fn issue_9_monte_carlo_refuses_an_invalid_model() {
    let never = std::sync::atomic::AtomicBool::new(false);
    let config = McConfig {
        paths: 20,
        ..McConfig::default()
    };
    let mut p = midmarket();
    p.companies[0].levers[0].ramp_quarters = u32::MAX;
    let outcome = millwright::engine::montecarlo::run(&p, &config, &|_| {}, &never);
    let message = outcome.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("ramp_quarters"), "{message}");

    let mut p = midmarket();
    if let Some(u) = p.uncertainty.as_mut() {
        u.growth_shift = millwright::engine::model::Distribution::Normal {
            mean: dec!(0),
            sd: dec!(0.01),
            min: dec!(1),
            max: dec!(-1),
        };
    }
    let outcome = millwright::engine::montecarlo::run(&p, &config, &|_| {}, &never);
    let message = outcome.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("growth_shift"), "{message}");
}

/// Issue 9: a Monte Carlo reporting year of 0 underflowed (`0 × 4 − 1`).
#[test]
fn issue_9_monte_carlo_year_zero_is_an_error() {
    let never = std::sync::atomic::AtomicBool::new(false);
    let config = McConfig {
        paths: 20,
        at_years: vec![0],
        ..McConfig::default()
    };
    let outcome = millwright::engine::montecarlo::run(&midmarket(), &config, &|_| {}, &never);
    let message = outcome.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("at_years"), "{message}");
}

/// Every `.rs` file under `dir` (relative to the crate), with its text.
fn sources_under(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
        &mut out,
    );
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// The text of `source` before its unit tests (`#[cfg(test)]`), which may compute
/// directly to check a screen against the engine.
fn outside_tests(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or(source)
}

/// Issue 8: the app and the chart builders ran the projection and the analyses
/// themselves (the Compare tab every frame, the memo pack's Monte Carlo twice). Only the
/// study may: no file under src/app or src/charts calls them.
#[test]
fn issue_8_no_screen_or_chart_runs_the_projection_itself() {
    let forbidden = [
        "engine::compute(",
        "compute_validated(",
        "fund::project",
        "sensitivity::tornado(",
        "sensitivity::grid(",
        "montecarlo::run(",
    ];
    for dir in ["src/app", "src/charts"] {
        for (path, text) in sources_under(dir) {
            if path.file_name().is_some_and(|n| n == "tests.rs") {
                continue; // unit tests may compute directly to check a screen
            }
            for call in forbidden {
                assert!(
                    !outside_tests(&text).contains(call),
                    "{} calls {call}: read it from the study instead",
                    path.display()
                );
            }
        }
    }
}

/// Issue 8: the app drew four chart kinds by hand beside the shared chart series (the
/// palette, stacking and tick labels written twice). Only the one renderer may use
/// egui_plot.
#[test]
fn issue_8_only_the_one_renderer_draws_with_egui_plot() {
    for (path, text) in sources_under("src/app") {
        let is_renderer = path.components().any(|c| c.as_os_str() == "plots")
            || path.file_name().is_some_and(|n| n == "plots.rs");
        if !is_renderer {
            assert!(
                !outside_tests(&text).contains("egui_plot"),
                "{} draws a chart by hand",
                path.display()
            );
        }
    }
}

/// Issue 8: there was no window icon and the memo font registered the Light face as
/// Bold. The icon is bundled and decodes; the bold face is a face of its own.
#[cfg(feature = "gui")]
#[test]
fn issue_8_the_window_has_an_icon_and_memo_titles_a_real_bold_face() {
    let icon = millwright::app::icon::window_icon().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((icon.width, icon.height), (256, 256));
    use millwright::export::fonts;
    assert_ne!(
        fonts::MEMO_REGULAR,
        fonts::MEMO_BOLD,
        "bold must not be the regular face"
    );
    assert!(fonts::FONT_LICENCE.contains("SIL OPEN FONT LICENSE"));
}

/// Issue 8: a failed autosave was silently ignored, so the user believed their work was
/// protected. It is now shown until an autosave succeeds.
#[cfg(feature = "gui")]
#[test]
fn issue_8_a_failed_autosave_is_shown() {
    use millwright::app::MillwrightApp;
    use millwright::app::files::AppPaths;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let paths = AppPaths::under(dir.path());
    let mut app = MillwrightApp::new(midmarket(), None, Box::new(NoDialog), Some(paths.clone()));
    // A file where the data folder should be: the copy cannot be written.
    std::fs::write(&paths.data_dir, "in the way").unwrap_or_else(|e| panic!("{e}"));
    app.autosave_now();
    let shown = app
        .warnings
        .autosave
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(shown.starts_with("Autosave failed"), "{shown}");
    assert!(shown.contains("your work is not protected"), "{shown}");
}

/// A file dialog that never answers (the portal-less desktop).
#[cfg(feature = "gui")]
struct NoDialog;

#[cfg(feature = "gui")]
impl millwright::app::files::FileDialog for NoDialog {
    fn pick_open(&mut self) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_save(&mut self, _suggested_name: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_export(&mut self, _suggested_name: &str, _extension: &str) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_folder(&mut self) -> Option<std::path::PathBuf> {
        None
    }
}
