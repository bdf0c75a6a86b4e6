//! XIRR against independent references. Reference rates were computed on 2026-11-24
//! with pyxirr 0.10.8 and, as the arbiter, mpmath 1.3.0 `findroot` at 50 significant
//! digits on the same actual/365 NPV; both are written next to each series.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::*;

fn flows(rows: &[(&str, &str)]) -> Vec<DatedFlow> {
    rows.iter()
        .map(|(d, a)| {
            let date: NaiveDate = d.parse().unwrap_or_else(|e| panic!("{d}: {e}"));
            let amount: Decimal = a.parse().unwrap_or_else(|e| panic!("{a}: {e}"));
            (date, amount)
        })
        .collect()
}

fn solved(rows: &[(&str, &str)]) -> f64 {
    match xirr(&flows(rows)) {
        Ok(irr) => irr.rate.to_f64().unwrap_or(f64::NAN),
        Err(e) => panic!("expected a rate: {e}"),
    }
}

fn assert_close(rows: &[(&str, &str)], expected: f64) {
    let got = solved(rows);
    assert!((got - expected).abs() < 1e-9, "got {got}, expected {expected}");
}

const EXCEL: &[(&str, &str)] = &[
    ("2008-01-01", "-10000"),
    ("2008-03-01", "2750"),
    ("2008-10-30", "4250"),
    ("2009-02-15", "3250"),
    ("2009-04-01", "2750"),
];
// excel: pyxirr 0.10.8 → 0.3733625335095556; mpmath 1.3.0 findroot (50 digits) → 0.37336253351883151031
const FUND40: &[(&str, &str)] = &[
    ("2026-03-31", "-4791461.44"),
    ("2026-07-02", "-3603737.89"),
    ("2026-09-21", "-4285097.17"),
    ("2026-12-22", "-2462755.67"),
    ("2027-03-21", "-4638816.25"),
    ("2027-06-25", "-1149982.63"),
    ("2027-10-01", "-2672688.61"),
    ("2027-12-25", "-1362852.05"),
    ("2028-03-31", "-1236442.02"),
    ("2028-07-05", "-1495207.84"),
    ("2028-09-23", "-3522503.66"),
    ("2029-01-03", "-4790835.77"),
    ("2029-04-04", "-3342165.69"),
    ("2029-06-17", "-4905020.42"),
    ("2029-09-16", "-3226659.59"),
    ("2029-12-19", "-2158437.15"),
    ("2030-03-20", "-3162743.54"),
    ("2030-07-03", "-2233927.3"),
    ("2030-09-19", "-1412222.85"),
    ("2031-01-01", "-3555653.88"),
    ("2031-03-26", "2682014.03"),
    ("2031-06-16", "5950578.05"),
    ("2031-10-02", "3441710.99"),
    ("2031-12-30", "4993146.14"),
    ("2032-03-23", "5259213.06"),
    ("2032-06-26", "4531076.49"),
    ("2032-09-18", "7560656.37"),
    ("2032-12-18", "2572985.08"),
    ("2033-03-21", "5676375.53"),
    ("2033-06-21", "7106117.03"),
    ("2033-09-19", "6262713.13"),
    ("2033-12-12", "2826460.45"),
    ("2034-03-24", "3154734.73"),
    ("2034-06-20", "3063891.74"),
    ("2034-09-24", "4951888.48"),
    ("2034-12-11", "7351996.06"),
    ("2035-03-28", "7523659.2"),
    ("2035-06-19", "4380856.54"),
    ("2035-09-19", "6160589.14"),
    ("2035-12-26", "7578243.83"),
];
// fund40: pyxirr 0.10.8 → 0.10805948129399688; mpmath 1.3.0 findroot (50 digits) → 0.10805948129475809458
const NEAR_TOTAL_LOSS: &[(&str, &str)] = &[("2020-01-01", "-1000000"), ("2020-12-31", "0.3")];
// near_total_loss: pyxirr 0.10.8 → -0.9999997; mpmath 1.3.0 findroot (50 digits) → -0.9999997
const PLUS540: &[(&str, &str)] = &[("2020-01-01", "-100"), ("2021-01-01", "640")];
// plus540: pyxirr 0.10.8 → 5.36762232124123; mpmath 1.3.0 findroot (50 digits) → 5.3676223212412305073
const NEAR_ZERO: &[(&str, &str)] = &[("2020-01-01", "-1000"), ("2022-01-01", "1000.0001")];
// near_zero: pyxirr 0.10.8 → 4.9931599299668505e-08; mpmath 1.3.0 findroot (50 digits) → 4.9931599297198024206e-8
const NEGATIVE: &[(&str, &str)] = &[
    ("2020-01-01", "-1000"),
    ("2021-01-01", "400"),
    ("2022-01-01", "300"),
];
// negative: pyxirr 0.10.8 → -0.21655311805653968; mpmath 1.3.0 findroot (50 digits) → -0.2165531180565264847
const UNSORTED_SAME_DATE: &[(&str, &str)] = &[
    ("2022-06-30", "700"),
    ("2020-01-01", "-500"),
    ("2021-03-31", "150"),
    ("2020-01-01", "-250"),
    ("2021-03-31", "-50"),
    ("2023-01-15", "300"),
];
// unsorted_same_date: pyxirr 0.10.8 → 0.16459627224171758; mpmath 1.3.0 findroot (50 digits) → 0.16459627224171760138
const LONG15: &[(&str, &str)] = &[
    ("2026-03-31", "-2500000"),
    ("2026-06-30", "-2500000"),
    ("2026-09-30", "-2500000"),
    ("2026-12-31", "-2500000"),
    ("2027-03-31", "-2500000"),
    ("2027-06-30", "-2500000"),
    ("2027-09-30", "-2500000"),
    ("2027-12-31", "-2500000"),
    ("2028-03-31", "-2500000"),
    ("2028-06-30", "-2500000"),
    ("2028-09-30", "-2500000"),
    ("2028-12-31", "-2500000"),
    ("2029-03-31", "-2500000"),
    ("2029-06-30", "-2500000"),
    ("2029-09-30", "-2500000"),
    ("2029-12-31", "-2500000"),
    ("2030-03-31", "1800000"),
    ("2030-06-30", "1800000"),
    ("2030-09-30", "1800000"),
    ("2030-12-31", "1800000"),
    ("2031-03-31", "1800000"),
    ("2031-06-30", "1800000"),
    ("2031-09-30", "1800000"),
    ("2031-12-31", "1800000"),
    ("2032-03-31", "1800000"),
    ("2032-06-30", "1800000"),
    ("2032-09-30", "1800000"),
    ("2032-12-31", "1800000"),
    ("2033-03-31", "1800000"),
    ("2033-06-30", "1800000"),
    ("2033-09-30", "1800000"),
    ("2033-12-31", "1800000"),
    ("2034-03-31", "1800000"),
    ("2034-06-30", "1800000"),
    ("2034-09-30", "1800000"),
    ("2034-12-31", "1800000"),
    ("2035-03-31", "1800000"),
    ("2035-06-30", "1800000"),
    ("2035-09-30", "1800000"),
    ("2035-12-31", "1800000"),
    ("2036-03-31", "1800000"),
    ("2036-06-30", "1800000"),
    ("2036-09-30", "1800000"),
    ("2036-12-31", "1800000"),
    ("2037-03-31", "1800000"),
    ("2037-06-30", "1800000"),
    ("2037-09-30", "1800000"),
    ("2037-12-31", "1800000"),
    ("2038-03-31", "1800000"),
    ("2038-06-30", "1800000"),
    ("2038-09-30", "1800000"),
    ("2038-12-31", "1800000"),
    ("2039-03-31", "1800000"),
    ("2039-06-30", "1800000"),
    ("2039-09-30", "1800000"),
    ("2039-12-31", "1800000"),
    ("2040-03-31", "3000000"),
    ("2040-06-30", "3000000"),
    ("2040-09-30", "3000000"),
    ("2040-12-31", "3000000"),
];
// long15: pyxirr 0.10.8 → 0.10683095603585284; mpmath 1.3.0 findroot (50 digits) → 0.10683095603670753453

#[test]
fn excel_documentation_example() {
    // Microsoft's XIRR help page gives 0.373362535 for these five flows; the exact root
    // is 0.37336253351883... (mpmath), which Excel, iterating to its own tolerance,
    // prints as 0.373362535. Exact root to 1e-9; Excel's printed figure to 2e-9.
    assert_close(EXCEL, 0.373_362_533_518_831_5);
    assert!((solved(EXCEL) - 0.373_362_535).abs() < 2e-9);
}

#[test]
fn agrees_with_pyxirr_and_high_precision_roots() {
    assert_close(FUND40, 0.108_059_481_294_758_09);
    assert_close(FUND40, 0.108_059_481_293_996_88); // pyxirr
    assert_close(NEAR_TOTAL_LOSS, -0.999_999_7);
    assert_close(PLUS540, 5.367_622_321_241_23);
    assert_close(NEAR_ZERO, 4.993_159_929_719_802e-8);
    assert_close(NEGATIVE, -0.216_553_118_056_526_48);
    assert_close(UNSORTED_SAME_DATE, 0.164_596_272_241_717_6);
    assert_close(LONG15, 0.106_830_956_036_707_53);
}

#[test]
fn reported_with_at_least_ten_decimals() {
    let irr = xirr(&flows(EXCEL)).unwrap_or_else(|e| panic!("{e}"));
    assert!(irr.rate.scale() >= 10, "{}", irr.rate);
    assert!(irr.other_roots.is_empty());
}

#[test]
fn no_sign_change_and_degenerate_inputs_are_explained() {
    assert_eq!(xirr(&[]), Err(XirrError::Empty));
    let positive = flows(&[("2020-01-01", "100"), ("2021-01-01", "5")]);
    assert_eq!(xirr(&positive), Err(XirrError::NoSignChange("positive")));
    let negative = flows(&[("2020-01-01", "-100"), ("2021-01-01", "-5")]);
    assert_eq!(xirr(&negative), Err(XirrError::NoSignChange("negative")));
    let single = flows(&[("2020-01-01", "-100")]);
    assert_eq!(xirr(&single), Err(XirrError::NoSignChange("negative")));
    let same_day = flows(&[("2020-01-01", "-100"), ("2020-01-01", "150")]);
    assert_eq!(xirr(&same_day), Err(XirrError::SingleDate));
}

#[test]
fn sign_change_without_a_root_is_reported() {
    // NPV(r) = −100 + 50/(1+r) − 100/(1+r)² < 0 for every r > −1 (discriminant of
    // −100v² + 50v − 100 is negative), so there is no root.
    let rows = flows(&[
        ("2020-01-01", "-100"),
        ("2021-01-01", "50"),
        ("2022-01-01", "-100"),
    ]);
    assert_eq!(xirr(&rows), Err(XirrError::NoRoot));
}

#[test]
fn two_roots_are_both_reported() {
    // −100 + 230v − 132v² = 0 with v = 1/(1+r): v = 1/1.1 or 1/1.2 → r = 10% and 20%.
    let rows = flows(&[
        ("2021-01-01", "-100"),
        ("2022-01-01", "230"),
        ("2023-01-01", "-132"),
    ]);
    let irr = xirr(&rows).unwrap_or_else(|e| panic!("{e}"));
    let mut all: Vec<f64> = std::iter::once(irr.rate)
        .chain(irr.other_roots)
        .filter_map(|r| r.to_f64())
        .collect();
    all.sort_by(f64::total_cmp);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(
        (all[0] - 0.1).abs() < 1e-9 && (all[1] - 0.2).abs() < 1e-9,
        "{all:?}"
    );
}

fn series() -> impl Strategy<Value = Vec<DatedFlow>> {
    // An outflow, then up to 39 inflows of at most twice it, at least half a year later:
    // the rate stays inside the solver's range (at most 78x in 0.5 years ≈ +600,000%).
    (
        1i64..1_000_000_000,
        prop::collection::vec((180u32..6000, 1i64..2_000_000), 1..40),
    )
        .prop_map(|(first, rest)| {
            let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
            let outflow = Decimal::new(first, 2);
            let mut v = vec![(start, -outflow)];
            v.extend(rest.into_iter().map(|(days, millionths)| {
                (
                    start + chrono::Duration::days(i64::from(days)),
                    (outflow * Decimal::new(millionths, 6)).round_dp(2),
                )
            }));
            v
        })
}

proptest! {
    #[test]
    fn npv_at_the_rate_is_zero(rows in series()) {
        // One outflow first, inflows after: exactly one root, which must be found.
        let irr = xirr(&rows);
        prop_assert!(irr.is_ok(), "{:?}", irr);
        let rate = irr.map(|i| i.rate.to_f64().unwrap_or(f64::NAN)).unwrap_or(f64::NAN);
        let scale: f64 = rows.iter().map(|(_, a)| a.abs().to_f64().unwrap_or(0.0)).sum();
        let npv = xnpv(rate, &rows);
        // The rate is rounded to 12 places, so allow the NPV that rounding moves.
        prop_assert!(npv.abs() <= 1e-8 * scale, "npv {} at {} (scale {})", npv, rate, scale);
    }

    #[test]
    fn never_panics_on_arbitrary_flows(rows in prop::collection::vec((0i64..30_000, any::<i64>(), 0u32..28), 0..30)) {
        let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
        let flows: Vec<DatedFlow> = rows
            .into_iter()
            .map(|(days, mantissa, scale)| (start + chrono::Duration::days(days), Decimal::new(mantissa, scale)))
            .collect();
        // Any flows give an answer without panicking; a rate, when there is one, lies in
        // the searched range (above −100 %).
        if let Ok(irr) = xirr(&flows) {
            prop_assert!(irr.rate > Decimal::NEGATIVE_ONE, "rate {}", irr.rate);
        }
    }
}
