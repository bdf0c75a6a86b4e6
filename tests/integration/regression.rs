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
    let run = study.monte_carlo(&Case::Base).unwrap_or_else(|| panic!("no run kept"));
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
