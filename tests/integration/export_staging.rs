//! The "Value of staging" memo chart (issue 13): drawn from a Monte Carlo run that
//! compared the stage gates with every stage committed up front, refused with a reason
//! from a run that did not, written as SVG with its title, and listed by `chart --list`.

use std::process::Command;

use millwright::charts::{self, AnalysisKind, ChartId, ChartUnavailable};
use millwright::engine::model::{Portfolio, StageCondition, StageGate};
use millwright::engine::montecarlo::McConfig;
use millwright::engine::study::{Case, Study};
use millwright::export::memo_chart::{self, MemoText};
use millwright::io::samples;
use rust_decimal::dec;

/// The flagship with one gate, on its third stage at its start, on every earlier
/// stage's AI uplift against half of plan; no company conditional.
fn gated() -> Portfolio {
    let mut p = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    for stage in &mut p.stages {
        stage.gate = None;
    }
    for company in &mut p.companies {
        company.conditional = false;
    }
    let Some(third) = p.stages.get_mut(2) else {
        panic!("the flagship has a third stage")
    };
    third.gate = Some(StageGate {
        date: third.start_date,
        condition: StageCondition::AiUpliftShare { min_share: dec!(0.5) },
        stages: Vec::new(),
        budget_share_on_failure: dec!(0.6),
    });
    p
}

fn config(compare_ungated: bool) -> McConfig {
    McConfig {
        paths: 12,
        compare_ungated,
        ..McConfig::default()
    }
}

#[test]
fn the_value_of_staging_needs_a_run_that_compared_and_renders_with_its_title() {
    let mut study = Study::new(gated(), 1);
    let case = Case::Base;
    let not_yet = charts::build(ChartId::ValueOfStaging, &study, &case);
    assert!(
        matches!(not_yet, Err(ChartUnavailable::NotRun { .. })),
        "{not_yet:?}"
    );
    study.ensure_monte_carlo(&case, &config(false));
    // A run without the comparison has nothing to compare: the chart says which run it needs.
    let without = charts::build(ChartId::ValueOfStaging, &study, &case);
    assert!(
        matches!(
            without,
            Err(ChartUnavailable::NotRun {
                analysis: AnalysisKind::StagingComparison,
                ..
            })
        ),
        "{without:?}"
    );
    let reason = without.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        reason.contains("comparison with every stage committed up front"),
        "{reason}"
    );
    study.ensure_monte_carlo(&case, &config(true));
    let chart = charts::build(ChartId::ValueOfStaging, &study, &case).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chart.title, ChartId::ValueOfStaging.title());
    assert!(chart.title.starts_with("Value of staging"));
    // Two rows (committed up front, gated), each a P10–P90 and a P25–P75 bar and the
    // median and mean ticks.
    let charts::Body::Bars(bars) = &chart.body else {
        panic!("not bars: {:?}", chart.body)
    };
    assert_eq!(bars.len(), 8);
    // The note gives the LPs' mean paid-in both ways, in billions, as the run found it.
    let run = study
        .monte_carlo(&case)
        .and_then(|r| r.outcome.as_ref().ok())
        .and_then(|r| r.programme.staging.clone())
        .unwrap_or_else(|| panic!("the run compared"));
    let paid_in = format!(
        "mean LP paid-in {:.1}bn with the gates, {:.1}bn committed up front",
        run.gated.paid_in.mean / 1e9,
        run.ungated.paid_in.mean / 1e9
    );
    assert!(
        chart.note.as_deref().is_some_and(|n| n.contains(&paid_in)),
        "{:?}",
        chart.note
    );
    let text = MemoText {
        subtitle: "Foundry Industrial AI Fund I · Base".into(),
        footnote: "Source: test".into(),
        description: "Value of staging".into(),
    };
    let svg = memo_chart::svg(&chart, &text, memo_chart::SVG_SIZE).unwrap_or_else(|e| panic!("{e}"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    for expected in [
        chart.title.as_str(),
        "With the stage gates",
        "Every stage committed up front",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "no '{expected}' in {texts:?}"
        );
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("value_of_staging.svg");
    std::fs::write(&file, &svg).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap_or_default()
            .contains("Value of staging")
    );
}

#[test]
fn chart_list_names_the_value_of_staging() {
    let list = Command::new(env!("CARGO_BIN_EXE_millwright"))
        .args(["chart", "--list"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(list.status.success());
    assert!(String::from_utf8_lossy(&list.stdout).contains("value_of_staging"));
}
