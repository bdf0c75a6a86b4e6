//! The study keeps each case's results and analyses apart, and never hands out a run made
//! on another case or with other settings.

use rust_decimal::dec;

use super::*;
use crate::engine::compute;
use crate::engine::drivers::{Driver, Metric};
use crate::io::samples;

fn midmarket() -> Portfolio {
    samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
}

fn downside() -> Case {
    Case::Scenario("Downside".into())
}

#[test]
fn a_scenario_result_is_the_scenario_applied_to_the_base_model() {
    let p = midmarket();
    let study = Study::new(p.clone(), 7);
    let direct = scenario::apply_named(&p, "Downside")
        .map_err(CaseError::from)
        .and_then(|m| compute(&m).map_err(CaseError::from))
        .unwrap_or_else(|e| panic!("{e}"));
    let from_study = study.result(&downside()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_study.metrics.net_irr, direct.metrics.net_irr);
    let base = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(
        base.metrics.net_irr, from_study.metrics.net_irr,
        "Downside must differ from base"
    );
    assert_eq!(study.revision(), 7);
}

#[test]
fn cases_list_the_base_once_and_every_other_scenario() {
    let study = Study::new(midmarket(), 0);
    let cases = study.cases();
    assert_eq!(cases.first(), Some(&Case::Base));
    assert_eq!(cases.iter().filter(|c| **c == Case::Base).count(), 1);
    let names: Vec<String> = midmarket()
        .scenarios
        .iter()
        .filter(|s| !s.name.eq_ignore_ascii_case("base"))
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(cases.len(), names.len() + 1);
}

#[test]
fn an_unknown_scenario_is_an_error_naming_it() {
    let study = Study::new(midmarket(), 0);
    let outcome = study.result(&Case::Scenario("Moonshot".into()));
    let message = outcome.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("Moonshot"), "{message}");
}

#[test]
fn a_tornado_run_on_one_case_is_never_shown_for_another() {
    let mut study = Study::new(midmarket(), 0);
    let base_irr = study
        .result(&Case::Base)
        .ok()
        .and_then(|r| r.metrics.net_irr.clone().ok());
    let run = study.ensure_tornado(&downside());
    assert_eq!(run.case, downside());
    let tornado_base = run.outcome.as_ref().ok().and_then(|t| t.base_net_irr);
    assert_ne!(
        tornado_base, base_irr,
        "the tornado's centre is the Downside's net IRR"
    );
    assert!(study.tornado(&Case::Base).is_none());
    assert!(study.tornado(&downside()).is_some());
}

#[test]
fn a_grid_records_its_settings_and_reruns_only_when_they_change() {
    let p = midmarket();
    let mut study = Study::new(p.clone(), 0);
    let mut settings = GridSettings::default_heatmap(&p);
    settings.x.steps = 3;
    if let Some(y) = &mut settings.y {
        y.steps = 2;
    }
    let first: *const GridRun = study.ensure_grid(&Case::Base, &settings);
    let again: *const GridRun = study.ensure_grid(&Case::Base, &settings);
    assert!(
        std::ptr::eq(first, again),
        "the same grid is kept, not recomputed"
    );
    let run = study.ensure_grid(&Case::Base, &settings);
    assert_eq!(run.outcome.as_ref().map(|g| g.cells.len()).ok(), Some(2));
    // The base point is where the model sits: no exit shift, realisation as modelled.
    assert_eq!(run.base_point, (dec!(0), Some(dec!(1))));
    let title = settings.describe();
    assert!(title.starts_with("Net IRR by "), "{title}");
    assert!(title.contains(Driver::ExitMultipleShift.label()), "{title}");
    assert!(title.contains(Driver::RealisationScale.label()), "{title}");
    settings.metric = Metric::Tvpi;
    let changed = study.ensure_grid(&Case::Base, &settings);
    assert_eq!(changed.settings.metric, Metric::Tvpi);
    assert!(settings.describe().starts_with("Net TVPI by "));
}

#[test]
fn a_monte_carlo_run_is_reused_only_for_its_case_and_configuration() {
    let mut study = Study::new(midmarket(), 3);
    let config = McConfig {
        paths: 40,
        seed: 9,
        ..McConfig::default()
    };
    let first: *const MonteCarloRun = study.ensure_monte_carlo(&Case::Base, &config);
    let again: *const MonteCarloRun = study.ensure_monte_carlo(&Case::Base, &config);
    assert!(std::ptr::eq(first, again));
    assert!(study.monte_carlo(&downside()).is_none());
    let other_seed = McConfig {
        seed: 10,
        ..config.clone()
    };
    let rerun = study.ensure_monte_carlo(&Case::Base, &other_seed);
    assert_eq!(rerun.settings.seed, 10);
    assert_eq!(rerun.outcome.as_ref().map(|r| r.paths).ok(), Some(40));
}

#[test]
fn a_run_from_an_older_revision_is_not_stored() {
    let mut study = Study::new(midmarket(), 5);
    let run = MonteCarloRun {
        case: Case::Base,
        settings: McConfig::default(),
        outcome: Err(McError::TooFewPaths),
    };
    assert!(!study.store_monte_carlo(4, run.clone()));
    assert!(study.monte_carlo(&Case::Base).is_none());
    assert!(study.store_monte_carlo(5, run));
    assert!(study.monte_carlo(&Case::Base).is_some());
}

#[test]
fn base_names_mean_the_base_case() {
    for name in [None, Some(""), Some("base"), Some("Base"), Some("Base case")] {
        assert_eq!(Case::named(name), Case::Base, "{name:?}");
    }
    assert_eq!(Case::named(Some("Upside")), Case::Scenario("Upside".into()));
    assert_eq!(Case::Base.to_string(), "Base case");
    assert_eq!(downside().to_string(), "scenario Downside");
}
