//! Regression tests for issue 9 (nothing a user types or opens crashes Millwright), one
//! per fixed defect, each headed by what went wrong. They continue `regression.rs`,
//! kept apart so each file stays short.

use chrono::NaiveDate;
use millwright::engine::defaults;
use millwright::engine::model::{IndexPoint, PmeBenchmark, Portfolio};
use millwright::engine::study::{Case, Study};
use millwright::io::samples;
use rust_decimal::{Decimal, dec};

fn midmarket() -> Portfolio {
    samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a date"))
}

/// Issue 9: `CostPools::total` summed the five pools unchecked, so pools of 7.9e28 each
/// (out of bounds, which validation reports) overflowed. It now says there is no total;
/// ordinary pools still add up (0.40 + 0.18 + 0.04 + 0.05 + 0.15 = 0.82).
#[test]
fn issue_9_cost_pool_total_is_checked() {
    let mut p = midmarket();
    let company = &mut p.companies[0];
    company.cost_pools.materials = dec!(0.40);
    company.cost_pools.direct_labour = dec!(0.18);
    company.cost_pools.energy = dec!(0.04);
    company.cost_pools.maintenance = dec!(0.05);
    company.cost_pools.overhead = dec!(0.15);
    assert_eq!(company.cost_pools.total(), Some(dec!(0.82)));
    company.cost_pools.materials = Decimal::MAX;
    company.cost_pools.overhead = Decimal::MAX;
    assert_eq!(company.cost_pools.total(), None);
}

/// Issue 9: placing a new company added `term_years + extension_years` unchecked, so a
/// term of `u32::MAX` years (refused by validation, but typed in the editor) overflowed
/// when the user pressed "Add company". The template is still placed, bought at its
/// stage's start and sold five years later (the term no longer caps it).
#[test]
fn issue_9_adding_a_company_under_a_huge_term_does_not_overflow() {
    let mut p = midmarket();
    p.fund.term_years = u32::MAX;
    p.fund.extension_years = 1;
    let stage = p.stages[0].clone();
    let company = defaults::template_company_in(&p, Some(&stage.name));
    let acquired = stage.start_date.max(p.fund.first_close);
    assert_eq!(company.acquisition_date, acquired);
    let five_years_on = acquired
        .checked_add_months(chrono::Months::new(5 * 12))
        .unwrap_or(NaiveDate::MAX);
    assert_eq!(company.exit_date, five_years_on);
}

/// Issue 9: a PME index series whose levels are tiny (1e-28, valid: above zero) passed
/// `check` and overflowed in the projection's metrics carrying cash flows to the last
/// date (1e14 / 1e-28). The study now computes; the PME is given only when it fits.
#[test]
fn issue_9_a_pme_series_with_tiny_levels_computes() {
    let mut p = midmarket();
    let start = p.fund.first_close;
    p.fund.pme_benchmark = PmeBenchmark::Series {
        points: vec![
            IndexPoint {
                date: start,
                level: Decimal::new(1, 28),
            },
            IndexPoint {
                date: day(2060, 1, 1),
                level: dec!(100_000_000_000_000),
            },
        ],
    };
    let study = Study::new(p, 0);
    for case in study.cases() {
        std::hint::black_box(study.result(&case).is_ok());
    }
    let result = study.result(&Case::Base).unwrap_or_else(|e| panic!("{e}"));
    // The first contribution would be carried by about 1e14 / 1e-28 = 1e42: no PME.
    assert_eq!(result.metrics.pme, None);
}

/// Issue 9: typing `1e28` into Carried interest crashed the app: the editor showed the
/// stored value as a percentage (× 100) and overflowed, and again when editing started.
/// A fraction too large to scale is shown as the fraction it is.
#[test]
fn issue_9_a_huge_percentage_is_shown_without_overflow() {
    assert_eq!(millwright::units::format_percent(dec!(0.0825)), "8.25%");
    let shown = millwright::units::format_percent(Decimal::MAX);
    assert_eq!(shown, "79228162514264337593543950335 (as a fraction)");
}

/// Issue 9: the default tornado and grid range of the management fee (and the hurdle)
/// added half a point to the model's rate unchecked; the app asks for it on a model whose
/// fee was typed as 7.9e28 (out of bounds) and overflowed. The range now saturates.
#[test]
fn issue_9_a_driver_range_on_an_out_of_range_rate_does_not_overflow() {
    use millwright::engine::drivers::Driver;
    let mut p = midmarket();
    p.fund.management_fee_rate = dec!(0.02);
    assert_eq!(
        Driver::ManagementFeeRate.tornado_range(&p),
        (dec!(0.015), dec!(0.025))
    );
    p.fund.management_fee_rate = Decimal::MAX;
    p.fund.preferred_return = Decimal::MAX;
    let (low, high) = Driver::ManagementFeeRate.tornado_range(&p);
    assert_eq!((low, high), (Decimal::MAX - dec!(0.005), Decimal::MAX));
    assert_eq!(Driver::HurdleRate.tornado_range(&p).1, Decimal::MAX);
}

/// Issue 9: a grid axis from `Decimal::MIN` to `Decimal::MAX` overflowed computing its
/// values (`high − low`). The ends stay exact and the middle of three steps is zero;
/// ordinary axes are unchanged (−2 to 2 in 5 steps: −2, −1, 0, 1, 2).
#[test]
fn issue_9_a_grid_axis_across_the_whole_decimal_range_does_not_overflow() {
    use millwright::engine::drivers::Driver;
    use millwright::engine::sensitivity::Axis;
    let axis = |low, high, steps| Axis {
        driver: Driver::GrowthShift,
        low,
        high,
        steps,
    };
    assert_eq!(
        axis(dec!(-2), dec!(2), 5).values(),
        vec![dec!(-2), dec!(-1), dec!(0), dec!(1), dec!(2)]
    );
    let values = axis(Decimal::MIN, Decimal::MAX, 3).values();
    assert_eq!(values.len(), 3);
    assert_eq!(values.first(), Some(&Decimal::MIN));
    assert!(values.get(1).is_some_and(|v| v.abs() < dec!(1)), "{values:?}");
    assert_eq!(values.last(), Some(&Decimal::MAX));
}

/// Issue 9: the fund's sums over companies could leave Decimal's range for a file with
/// hundreds of thousands of companies (no single field's bound stops it). Validation now
/// refuses a model beyond the size the overflow argument covers, naming where it tips.
#[test]
fn issue_9_a_model_beyond_the_size_limit_is_refused_not_overflowed() {
    let mut p = millwright::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
    // A company with 5,000 revenue levers counts 2 + 3 × 5,000 halves, so 94 of them
    // cross 1,400,000 (93 × 15,002 = 1,395,186; 94 × 15,002 = 1,410,188).
    let mut lever = defaults::template_lever();
    lever.target = millwright::engine::model::LeverTarget::Revenue;
    let mut template = p.companies[0].clone();
    template.levers = vec![lever; 5_000];
    let needed = 94;
    p.companies = (0..needed)
        .map(|i| {
            let mut c = template.clone();
            c.name = format!("Company {i}");
            c
        })
        .collect();
    let problems = millwright::engine::validate::validate(&p);
    let tipped = problems.iter().find(|x| {
        x.rule == millwright::engine::validate::Rule::AboveLimit && x.message.contains("too large")
    });
    let tipped = tipped.unwrap_or_else(|| panic!("no size problem among {} problems", problems.len()));
    assert_eq!(
        tipped.path.to_string(),
        format!("companies[{}].levers", needed - 1)
    );
    assert_eq!(tipped.severity, millwright::engine::validate::Severity::Error);
}
