//! The AI programme tab in the desktop app (egui_kittest, headless): opened on a portfolio
//! whose levers have pilots, gates and evidence, it computes the risk-adjusted reading off
//! the UI thread, then shows its headings, the uplift table with the engine's figures,
//! the grouping switch and each lever's evidence source.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use millwright::app::MillwrightApp;
use millwright::engine::ai_view;
use millwright::engine::model::{Evidence, Gate, GateFailure, Pilot, Portfolio};
use millwright::io::samples;
use millwright::units::format_money_in;
use rust_decimal::dec;

use super::app_harness::{WINDOW, app_in, harness_of};

const SOURCE: &str = "Test study of industrial AI pilots (2024)";

/// The mid-market sample with a pilot, a gate at 60 % and an evidence range on every lever.
fn gated_sample() -> Portfolio {
    let mut p = samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
    for company in &mut p.companies {
        for lever in &mut company.levers {
            lever.programme.pilot = Some(Pilot {
                start_delay_quarters: 0,
                quarters: 2,
                effect: dec!(0.01),
                cost: dec!(100_000),
            });
            lever.programme.gate = Some(Gate {
                quarter: 3,
                probability: dec!(0.6),
                on_failure: GateFailure::KeepPilot,
            });
            lever.programme.evidence = Some(Evidence {
                low: dec!(0.05),
                base: dec!(0.1),
                high: dec!(0.2),
                source: SOURCE.into(),
            });
        }
    }
    p
}

pub(super) fn harness(dir: &tempfile::TempDir, portfolio: Portfolio) -> Harness<'static, MillwrightApp> {
    harness_of(app_in(dir, portfolio), WINDOW)
}

/// Runs frames until the tab shows `label` (the view is computed on a worker thread).
fn wait_for(harness: &mut Harness<'_, MillwrightApp>, label: &str) {
    for _ in 0..400 {
        harness.run_steps(1);
        if harness.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the AI programme tab never showed {label:?}");
}

#[test]
fn the_ai_programme_tab_shows_timelines_uplift_and_evidence() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let portfolio = gated_sample();
    let mut harness = harness(&dir, portfolio.clone());
    harness.get_by_label("AI programme").click_accesskit();
    wait_for(&mut harness, "Lever timelines");
    harness.get_by_label("AI EBITDA uplift, plan and risk-adjusted");
    harness.get_by_label("Evidence and gates");
    harness.get_by_label("Plan at exit");
    harness.get_by_label("Risk-adjusted at exit");
    assert!(
        harness.query_all_by_label(SOURCE).count() >= 1,
        "the evidence source is shown"
    );

    // The fund's row shows the engine's figures, formatted as the app formats money; with
    // every gate at 60 % the risk-adjusted uplift at exit is below the plan's.
    let view = ai_view::compute(&portfolio).unwrap_or_else(|e| panic!("{e}"));
    let currency = &portfolio.fund.currency;
    let (plan, risk) = (view.total.plan.at_exit, view.total.risk_adjusted.at_exit);
    assert!(risk < plan, "{risk} vs {plan}");
    harness.get_by_label("Fund");
    assert!(
        harness
            .query_all_by_label(&format_money_in(plan, currency))
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label(&format_money_in(risk, currency))
            .count()
            >= 1
    );

    // By lever kind: a kind of the sample's levers is a row.
    harness.get_by_label("By lever kind").click_accesskit();
    harness.run_steps(2);
    let kind = view.by_kind[0].label.clone();
    assert!(harness.query_all_by_label(&kind).count() >= 1, "no row {kind}");
}
