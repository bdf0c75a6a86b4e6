//! Charts built from studies of the bundled samples, checked against the engine's own
//! figures.

use rust_decimal::Decimal;
use rust_decimal::dec;

use super::style::{Magnitude, StepKind};
use super::*;
use crate::engine::drivers::{Driver, Metric};
use crate::engine::montecarlo::McConfig;
use crate::engine::sensitivity::Axis as GridAxis;
use crate::engine::study::{GridSettings, Study};
use crate::io::samples;

fn flagship() -> Study {
    Study::new(samples::flagship().unwrap_or_else(|e| panic!("{e}")), 1)
}

fn downside() -> Case {
    Case::Scenario("Downside".into())
}

fn built(study: &Study, id: ChartId, case: &Case) -> Chart {
    build(id, study, case).unwrap_or_else(|e| panic!("{e}"))
}

fn series(chart: &Chart) -> &[Series] {
    match &chart.body {
        Body::Lines(s) | Body::StackedAreas(s) => s,
        other => panic!("not lines: {other:?}"),
    }
}

/// The divisor of the chart's money y axis.
fn divisor(chart: &Chart) -> f64 {
    match &chart.y_axis.scale {
        Scale::Money(unit) => unit.magnitude.divisor(),
        other => panic!("not money: {other:?}"),
    }
}

fn amount(value: Decimal, chart: &Chart) -> f64 {
    frame::plot_value(value) / divisor(chart)
}

#[test]
fn jcurve_ends_at_net_profit_and_marks_the_trough() {
    let study = flagship();
    let c = built(&study, ChartId::JCurve, &Case::Base);
    let r = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let last = series(&c)[0].points.last().copied().unwrap_or_default();
    assert!((last.1 - amount(r.metrics.distributed - r.metrics.paid_in, &c)).abs() < 1e-9);
    let trough = c.markers.first().map(|m| m.y).unwrap_or_default();
    assert!(series(&c)[0].points.iter().all(|p| p.1 >= trough - 1e-12));
}

#[test]
fn a_chart_of_a_scenario_names_it_and_shows_its_figures() {
    let study = flagship();
    let c = built(&study, ChartId::JCurve, &downside());
    assert_eq!(
        c.subtitle,
        format!("{} · scenario Downside", study.portfolio().fund.name)
    );
    let r = study.result(&downside()).unwrap_or_else(|e| panic!("{e}"));
    let last = series(&c)[0].points.last().map(|p| p.1).unwrap_or_default();
    assert!((last - amount(r.metrics.distributed - r.metrics.paid_in, &c)).abs() < 1e-9);
}

#[test]
fn the_funds_currency_is_in_the_axis_title() {
    let mut portfolio = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    let usd = built(
        &Study::new(portfolio.clone(), 1),
        ChartId::NavBySector,
        &Case::Base,
    );
    assert_eq!(usd.y_axis.title, "US$ bn");
    portfolio.fund.currency = "EUR".into();
    let eur = built(&Study::new(portfolio, 2), ChartId::EbitdaWithAi, &Case::Base);
    assert_eq!(eur.y_axis.title, "Run-rate EBITDA, € bn");
    assert!(!eur.y_axis.title.contains("US$"));
}

#[test]
fn a_company_ebitda_chart_is_titled_with_its_name_and_counted_in_millions() {
    let study = flagship();
    let name = study.portfolio().companies[0].name.clone();
    let c = company_ebitda(&study, &Case::Base, 0).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.title.starts_with(&name), "{}", c.title);
    // No company of the sample earns a billion a year: its axis counts millions.
    assert_eq!(
        c.y_axis.scale,
        Scale::Money(style::MoneyUnit {
            currency: style::Currency::new("USD"),
            magnitude: Magnitude::Millions
        })
    );
    assert_eq!(series(&c)[0].colour, style::AI_LEVERS);
    assert!(matches!(
        company_ebitda(&study, &Case::Base, 999),
        Err(ChartUnavailable::NoCompany { index: 999, .. })
    ));
}

#[test]
fn deployment_adds_up_to_the_equity_cheques() {
    let study = flagship();
    let c = built(&study, ChartId::DeploymentByStage, &Case::Base);
    let r = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let total: f64 = series(&c)
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| p.1)
        .sum();
    let cheques: Decimal = r.companies.iter().map(|co| co.equity_cheque).sum();
    assert!((total - amount(cheques, &c)).abs() < 1e-6);
    assert_eq!(series(&c).len(), 4);
}

#[test]
fn nav_by_sector_sums_to_gross_nav() {
    let study = flagship();
    let c = built(&study, ChartId::NavBySector, &Case::Base);
    let r = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    for (q, p) in r.periods.iter().enumerate() {
        let sum: f64 = series(&c).iter().map(|s| s.points[q].1).sum();
        assert!((sum - amount(p.gross_nav, &c)).abs() < 1e-6, "quarter {q}");
    }
}

#[test]
fn scenario_jcurves_have_one_line_per_case_ending_at_each_cases_net_profit() {
    let study = flagship();
    let c = built(&study, ChartId::ScenarioJCurves, &Case::Base);
    assert_eq!(series(&c).len(), study.cases().len());
    let r = study.result(&downside()).unwrap_or_else(|e| panic!("{e}"));
    let line = series(&c)
        .iter()
        .find(|s| s.name == "Downside")
        .unwrap_or_else(|| panic!("no Downside line"));
    let last = line.points.last().map(|p| p.1).unwrap_or_default();
    assert!((last - amount(r.metrics.distributed - r.metrics.paid_in, &c)).abs() < 1e-9);
}

#[test]
fn an_analysis_not_run_is_unavailable_until_it_is_run_on_that_case() {
    let mut study = flagship();
    for (id, analysis) in [
        (ChartId::Tornado, AnalysisKind::Tornado),
        (ChartId::Heatmap, AnalysisKind::Grid),
        (ChartId::MonteCarloNavFan, AnalysisKind::MonteCarlo),
    ] {
        assert_eq!(
            build(id, &study, &Case::Base),
            Err(ChartUnavailable::NotRun {
                analysis,
                case: Case::Base
            })
        );
    }
    study.ensure_tornado(&Case::Base);
    assert!(build(ChartId::Tornado, &study, &Case::Base).is_ok());
    // A tornado of the base case is not shown under a scenario.
    assert!(matches!(
        build(ChartId::Tornado, &study, &downside()),
        Err(ChartUnavailable::NotRun { .. })
    ));
}

#[test]
fn tornado_bars_span_from_the_cases_net_irr_and_the_note_names_the_case() {
    let mut study = flagship();
    study.ensure_tornado(&downside());
    let c = built(&study, ChartId::Tornado, &downside());
    let t = study
        .tornado(&downside())
        .and_then(|run| run.outcome.as_ref().ok())
        .unwrap_or_else(|| panic!("no tornado"));
    let Body::Bars(bars) = &c.body else {
        panic!("not bars")
    };
    assert_eq!(bars.len(), 2 * t.rows.len());
    let base = frame::percent(t.base_net_irr).unwrap_or_default();
    let low = frame::percent(t.rows[0].net_irr_low).unwrap_or_default();
    let ((x0, x1), _) = bars[0].rect();
    assert!((x0 - base.min(low)).abs() < 1e-9 && (x1 - base.max(low)).abs() < 1e-9);
    let note = c.note.clone().unwrap_or_default();
    assert!(note.starts_with("Downside: net IRR "), "{note}");
    assert!(c.subtitle.contains("scenario Downside"));
}

#[test]
fn the_heatmap_is_titled_by_its_drivers_and_metric_and_marks_the_case() {
    let mut study = Study::new(samples::midmarket().unwrap_or_else(|e| panic!("{e}")), 1);
    let settings = GridSettings {
        x: GridAxis {
            driver: Driver::ExitMultipleShift,
            low: dec!(-1),
            high: dec!(1),
            steps: 3,
        },
        y: Some(GridAxis {
            driver: Driver::GrowthShift,
            low: dec!(0),
            high: dec!(0.01),
            steps: 2,
        }),
        metric: Metric::Tvpi,
    };
    study.ensure_grid(&Case::Base, &settings);
    let c = built(&study, ChartId::Heatmap, &Case::Base);
    assert_eq!(
        c.title,
        "Net TVPI by Exit multiple (turns added) and Revenue growth (added a year)"
    );
    assert!(c.subtitle.contains("Exit multiple (turns added), Revenue growth"));
    let Body::Heatmap(h) = &c.body else {
        panic!("not a heatmap")
    };
    assert_eq!(h.cells.len(), 3 * 2);
    assert_eq!(h.base_point, (0.0, 0.0));
    // The cell at the base case (exit shift 0, growth 0) is the neutral grey of the scale.
    assert_eq!(h.cells[1].colour, style::Rgb(242, 242, 242));
}

#[test]
fn monte_carlo_charts_name_their_configuration() {
    let mut study = Study::new(samples::midmarket().unwrap_or_else(|e| panic!("{e}")), 1);
    let config = McConfig {
        paths: 200,
        seed: 7,
        ..McConfig::default()
    };
    study.ensure_monte_carlo(&Case::Base, &config);
    let fan = built(&study, ChartId::MonteCarloNavFan, &Case::Base);
    assert!(fan.subtitle.contains("200 paths, seed 7"), "{}", fan.subtitle);
    let Body::Fan(f) = &fan.body else {
        panic!("not a fan")
    };
    assert!(
        f.bands[0]
            .points
            .iter()
            .zip(&f.lines[0].points)
            .all(|(b, m)| b.1 <= m.1 + 1e-12 && m.1 <= b.2 + 1e-12),
        "the median lies inside the P5-P95 band"
    );
    let histogram = built(&study, ChartId::MonteCarloHistogram, &Case::Base);
    let Body::Bars(bars) = &histogram.body else {
        panic!("not bars")
    };
    let paths: f64 = bars.iter().map(|b| b.to).sum();
    assert!((paths - 200.0).abs() < 1e-9);
}

#[test]
fn bridge_steps_walk_from_entry_to_exit() {
    // The bridge is at 100 % of each company on its final exit; a partial exit (issue 11;
    // the flagship has one) sells a share earlier at another price, and the "Partial
    // sales" step carries the difference, so the exit bar is the fund's proceeds.
    let portfolio = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    assert!(portfolio.companies.iter().any(|c| !c.partial_exits.is_empty()));
    let study = Study::new(portfolio, 1);
    let c = built(&study, ChartId::ValueBridge, &Case::Base);
    let r = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    let Body::Bridge(steps) = &c.body else {
        panic!("not a bridge")
    };
    let n = steps.len();
    let walked: f64 = steps[..n - 1].iter().map(|s| s.delta).sum();
    assert!(
        (walked - steps[n - 1].delta).abs() < 1e-6,
        "{walked} vs {}",
        steps[n - 1].delta
    );
    // The exit bar is the fund's proceeds from every exit (none is clamped at zero here).
    assert!((steps[n - 1].delta - amount(r.metrics.gross_proceeds, &c)).abs() < 1e-3);
    assert!(steps[2].label == "AI levers" && steps[2].delta > 0.0);
    assert_eq!(steps[2].kind, StepKind::AiLevers);
    assert_eq!(steps[2].colour(), style::AI_LEVERS);
    // Issue 11: working capital follows deleveraging; leakage replaces "Deal costs".
    let labels: Vec<&str> = steps.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels[6..],
        [
            "Deleveraging",
            "Working capital",
            "Leakage (costs, management pool)",
            "Partial sales",
            "Exit proceeds"
        ]
    );
    assert!(steps[n - 2].delta != 0.0, "the flagship's partial exit shows");
}

/// One company's bridge at 100 %, from hand figures in millions.
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per bridge line, named at the call"
)]
fn bridge_of(
    entry: (i64, i64),
    growth_levers_margin: (i64, i64, i64),
    multiple_cross: (i64, i64),
    working_capital: i64,
    deleveraging: i64,
    costs: i64,
    management_pool: i64,
    exit_equity: i64,
) -> crate::engine::results::ValueBridge {
    let m = |v: i64| Decimal::from(v) * dec!(1_000_000);
    crate::engine::results::ValueBridge {
        entry_equity: m(entry.0),
        entry_costs: m(entry.1),
        revenue_growth: m(growth_levers_margin.0),
        ai_levers: m(growth_levers_margin.1),
        other_margin: m(growth_levers_margin.2),
        multiple_expansion: m(multiple_cross.0),
        cross_term: m(multiple_cross.1),
        working_capital: m(working_capital),
        deleveraging: m(deleveraging),
        costs: m(costs),
        management_pool: m(management_pool),
        leakage: m(costs + management_pool),
        exit_equity: m(exit_equity),
    }
}

#[test]
fn bridge_with_working_capital_and_a_management_pool_adds_up_by_hand() {
    let study = flagship();
    let mut model = (*study.model(&Case::Base).unwrap_or_else(|e| panic!("{e}"))).clone();
    let mut result = (*study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"))).clone();
    model.companies.truncate(2);
    result.companies.truncate(2);
    model.companies[0].ownership = Decimal::ONE;
    model.companies[1].ownership = dec!(0.5);
    // A, owned 100 %: entry equity 100 + costs 2; growth 30, levers 20, margin -5,
    // multiple 10, cross 3, working capital tied up -8, deleveraging 25, so exit equity
    // 100 + 30 + 20 - 5 + 10 + 3 - 8 + 25 = 175; costs -6, management pool -9.
    result.companies[0].bridge = bridge_of((100, 2), (30, 20, -5), (10, 3), -8, 25, -6, -9, 175);
    // B, owned 50 %: entry 40 + costs 1; growth 10, levers 6, margin 0, multiple -4,
    // cross -1, working capital released 2, deleveraging 7, so exit equity
    // 40 + 10 + 6 + 0 - 4 - 1 + 2 + 7 = 60; costs -3, no pool.
    result.companies[1].bridge = bridge_of((40, 1), (10, 6, 0), (-4, -1), 2, 7, -3, 0, 60);
    // What the fund received: A sold once at the exit, 175 − 15 + 2 = 162; B sold part
    // of its holding earlier at a better price, 31 against the 29 one sale would pay.
    result.companies[0].proceeds = dec!(162_000_000);
    result.companies[1].proceeds = dec!(31_000_000);
    let c = fund::value_bridge(&Frame::of(&study, &Case::Base), &model, &result);
    let Body::Bridge(steps) = &c.body else {
        panic!("not a bridge")
    };
    // Fund share, A + B/2, in millions:
    let expected = [
        ("Equity paid", 102.0 + 41.0 / 2.0),                     // 122.5
        ("Revenue growth", 30.0 + 10.0 / 2.0),                   // 35
        ("AI levers", 20.0 + 6.0 / 2.0),                         // 23
        ("Other margin", -5.0),                                  // -5
        ("Multiple expansion", 10.0 - 4.0 / 2.0),                // 8
        ("Multiple × growth", 3.0 - 1.0 / 2.0),                  // 2.5
        ("Deleveraging", 25.0 + 7.0 / 2.0),                      // 28.5
        ("Working capital", -8.0 + 2.0 / 2.0),                   // -7
        ("Leakage (costs, management pool)", -15.0 - 3.0 / 2.0), // -16.5
        // One sale each would pay (175 - 15 + 2) + (60 - 3 + 1) / 2 = 162 + 29 = 191;
        // the fund got 162 + 31 = 193.
        ("Partial sales", (162.0 - 162.0) + (31.0 - 29.0)),
        ("Exit proceeds", 193.0),
    ];
    assert_eq!(steps.len(), expected.len());
    for (step, (label, value)) in steps.iter().zip(expected) {
        assert_eq!(step.label, label);
        assert!((step.delta - value).abs() < 1e-9, "{label}: {}", step.delta);
    }
    // The walk: 122.5 + 35 + 23 - 5 + 8 + 2.5 + 28.5 = 214.5 before working capital,
    // 207.5 before leakage, 191 before partial sales, 193 at the end: the exit bar.
    assert!((steps[7].start - 214.5).abs() < 1e-9);
    assert!((steps[8].start - 207.5).abs() < 1e-9);
    assert!((steps[9].start - 191.0).abs() < 1e-9);
    assert!((steps[9].start + steps[9].delta - steps[10].delta).abs() < 1e-9);
    assert_eq!(steps[10].start, 0.0);
}

#[test]
fn charts_built_on_marks_say_which_policy_is_in_force() {
    let mut portfolio = samples::flagship().unwrap_or_else(|e| panic!("{e}"));
    portfolio.fund.marking_policy = crate::engine::model::MarkingPolicy::LinearToExit;
    for company in &mut portfolio.companies {
        company.marking_policy = None;
    }
    let study = Study::new(portfolio, 1);
    let marks = "Marks: linear to exit multiple (optimistic)";
    for id in [ChartId::NavBySector, ChartId::ScenarioNav] {
        let c = built(&study, id, &Case::Base);
        assert!(c.subtitle.ends_with(marks), "{id:?}: {}", c.subtitle);
    }
    // Cash-only charts do not rest on marks and do not say so.
    for id in [ChartId::JCurve, ChartId::ValueBridge, ChartId::DeploymentByStage] {
        let c = built(&study, id, &Case::Base);
        assert!(!c.subtitle.contains("Marks:"), "{id:?}: {}", c.subtitle);
    }
}

#[test]
fn the_monte_carlo_nav_fan_names_the_policy_and_the_cash_fan_does_not() {
    let mut study = Study::new(samples::midmarket().unwrap_or_else(|e| panic!("{e}")), 1);
    let config = McConfig {
        paths: 50,
        seed: 3,
        ..McConfig::default()
    };
    study.ensure_monte_carlo(&Case::Base, &config);
    let marks = marking::marks_detail(study.portfolio());
    let nav = built(&study, ChartId::MonteCarloNavFan, &Case::Base);
    assert!(nav.subtitle.contains("50 paths, seed 3"), "{}", nav.subtitle);
    assert!(nav.subtitle.ends_with(&marks), "{}", nav.subtitle);
    let cash = built(&study, ChartId::MonteCarloCashFan, &Case::Base);
    assert!(!cash.subtitle.contains("Marks:"), "{}", cash.subtitle);
}
