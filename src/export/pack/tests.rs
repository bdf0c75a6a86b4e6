//! The pack's work budget: what it sizes down, what it says on the charts, and that a
//! run the user made is never replaced.

use super::*;
use crate::engine::drivers::{Driver, Metric};
use crate::engine::sensitivity::Axis;
use rust_decimal::dec;

fn sample() -> Portfolio {
    crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
}

/// `sample()` with its companies repeated until it has `n`.
fn with_companies(n: usize) -> Portfolio {
    let mut p = sample();
    let originals = p.companies.clone();
    p.companies = originals.iter().cycle().take(n).cloned().collect();
    p
}

/// A budget so small that the sample (a handful of companies) is sized down: 100 paths
/// and the fewest steps.
fn tiny_budget(companies: usize) -> WorkBudget {
    WorkBudget {
        monte_carlo_company_paths: 100 * companies,
        min_paths: 50,
        grid_company_cells: 25 * companies,
        min_steps: 5,
    }
}

#[test]
fn the_pack_budget_sizes_only_large_models() {
    let pack = WorkBudget::PACK;
    // 2,000,000 company-paths: 10,000 paths (the default, the cap) up to 200 companies,
    // 2,000,000 / 400 = 5,000 at 400, 1,000 at 2,000, and the 1,000-path floor beyond.
    assert_eq!(pack.monte_carlo(44), McConfig::default());
    assert_eq!(pack.monte_carlo(200).paths, 10_000);
    assert_eq!(pack.monte_carlo(400).paths, 5_000);
    assert_eq!(pack.monte_carlo(2_000).paths, 1_000);
    assert_eq!(pack.monte_carlo(10_000).paths, 1_000);
    assert_eq!(pack.monte_carlo(2_000).seed, McConfig::default().seed);
    // 50,000 company-cells: 21 × 21 = 441 cells fit 113 companies (49,833); at 300
    // companies 13 × 13 = 169 cells are 50,700, too many, and 11 × 11 = 121 are 36,300;
    // at 2,000, 5 × 5 = 25 cells are exactly 50,000; at 10,000 the floor of 5 holds.
    let steps = |n: usize| {
        let s = pack.heatmap(&with_companies(n));
        (s.x.steps, s.y.map(|y| y.steps))
    };
    assert_eq!(steps(113), (21, Some(21)));
    assert_eq!(steps(300), (11, Some(11)));
    assert_eq!(steps(2_000), (5, Some(5)));
    assert_eq!(steps(10_000), (5, Some(5)));
    // Only the steps change: the drivers, their ranges and the metric are the default's.
    let model = with_companies(2_000);
    let (sized, full) = (pack.heatmap(&model), GridSettings::default_heatmap(&model));
    assert_eq!(
        (sized.x.driver, sized.x.low, sized.x.high),
        (full.x.driver, full.x.low, full.x.high)
    );
    assert_eq!(sized.metric, full.metric);
}

#[test]
fn a_sized_pack_says_its_paths_and_steps_on_the_charts() {
    let p = sample();
    let companies = p.companies.len();
    let mut study = Study::new(p, 1);
    let sizing = prepare_analyses_within(&mut study, &Case::Base, &tiny_budget(companies));
    let mc = study
        .monte_carlo(&Case::Base)
        .unwrap_or_else(|| panic!("a Monte Carlo run"));
    assert_eq!(mc.settings.paths, 100);
    let grid = study.grid(&Case::Base).unwrap_or_else(|| panic!("a grid"));
    assert_eq!(
        (grid.settings.x.steps, grid.settings.y.as_ref().map(|y| y.steps)),
        (5, Some(5))
    );

    let source = Source {
        file_name: "midmarket.json".into(),
        model_date: "2026-01-01".into(),
    };
    let text = memo_text(&study, &Case::Base, &source).unwrap_or_else(|e| panic!("{e}"));
    let heatmap =
        chart_with_note(ChartId::Heatmap, &study, &Case::Base, &sizing).unwrap_or_else(|e| panic!("{e}"));
    assert!(heatmap.subtitle.contains("5 × 5 steps"), "{}", heatmap.subtitle);
    let note = heatmap.note.clone().unwrap_or_default();
    assert!(
        note.contains(&format!(
            "5 × 5 steps for this {companies}-company model (21 × 21 by default)"
        )),
        "{note}"
    );
    let svg = memo_chart::svg(&heatmap, &text, SVG_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert!(svg.contains("5 × 5 steps for this"), "the note is drawn");
    for id in [ChartId::MonteCarloNavFan, ChartId::MonteCarloHistogram] {
        let chart = chart_with_note(id, &study, &Case::Base, &sizing).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            chart.subtitle.contains("100 paths, seed 42"),
            "{}",
            chart.subtitle
        );
        let note = chart.note.unwrap_or_default();
        assert!(
            note.contains("100 paths for this") && note.contains("10000 by default"),
            "{note}"
        );
    }
    // A chart the budget does not touch carries no sizing note.
    let tornado =
        chart_with_note(ChartId::Tornado, &study, &Case::Base, &sizing).unwrap_or_else(|e| panic!("{e}"));
    assert!(!tornado.note.unwrap_or_default().contains("by default"));
}

#[test]
fn a_run_the_user_made_is_never_replaced_nor_labelled_as_sized() {
    let p = sample();
    let companies = p.companies.len();
    let mut study = Study::new(p, 1);
    let user_mc = McConfig {
        paths: 20,
        seed: 3,
        ..McConfig::default()
    };
    let user_grid = GridSettings {
        x: Axis {
            driver: Driver::GrowthShift,
            low: dec!(-0.01),
            high: dec!(0.01),
            steps: 3,
        },
        y: None,
        metric: Metric::Tvpi,
    };
    study.ensure_monte_carlo(&Case::Base, &user_mc);
    study.ensure_grid(&Case::Base, &user_grid);
    let sizing = prepare_analyses_within(&mut study, &Case::Base, &tiny_budget(companies));
    assert_eq!(sizing, PackSizing::default());
    let mc = study
        .monte_carlo(&Case::Base)
        .unwrap_or_else(|| panic!("the run"));
    assert_eq!(mc.settings, user_mc);
    let grid = study.grid(&Case::Base).unwrap_or_else(|| panic!("the grid"));
    assert_eq!(grid.settings, user_grid);
}

#[test]
fn the_memo_says_which_marking_policy_is_in_force() {
    let mut p = sample();
    p.fund.marking_policy = crate::engine::model::MarkingPolicy::LinearToExit;
    for company in &mut p.companies {
        company.marking_policy = None;
    }
    let study = Study::new(p, 1);
    let source = Source {
        file_name: "midmarket.json".into(),
        model_date: "2026-01-01".into(),
    };
    let text = memo_text(&study, &Case::Base, &source).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.description
            .contains("marking policy: linear to exit multiple (optimistic);"),
        "{}",
        text.description
    );
    // The NAV chart of the memo says it in its subtitle, and the SVG draws it.
    let nav = chart_with_note(ChartId::NavBySector, &study, &Case::Base, &PackSizing::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        nav.subtitle
            .ends_with("Marks: linear to exit multiple (optimistic)")
    );
    let svg = memo_chart::svg(&nav, &text, SVG_SIZE).unwrap_or_else(|e| panic!("{e}"));
    assert!(svg.contains("Marks: linear to exit multiple (optimistic)"));
}
