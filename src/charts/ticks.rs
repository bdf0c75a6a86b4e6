//! Where ticks go, for both renderers: at most [`MAX_TICKS`] (aiming for five to eight)
//! at round values — whole years on a date axis, 1, 2, 2.5 or 5 times a power of ten on
//! a money or rate axis, every position on a category axis — never closer together than
//! the renderer says its labels need.

use super::model::Scale;

/// The most ticks an axis gets.
pub const MAX_TICKS: usize = 8;

/// The ticks of one axis: their values, `step` apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// The distance between two ticks.
    pub step: f64,
    /// The ticks, lowest first.
    pub values: Vec<f64>,
}

/// Round steps for amounts and rates (2.5 gives 0, 25, 50… on a 0–120 axis).
const VALUE_MANTISSAS: [f64; 4] = [1.0, 2.0, 2.5, 5.0];
/// Round steps for whole things (years, paths): no 2.5.
const WHOLE_MANTISSAS: [f64; 3] = [1.0, 2.0, 5.0];

/// The ticks of an axis of `scale` showing `lo..=hi`, no two closer than `min_step`
/// (in axis units: what the renderer's least label spacing is worth).
pub fn ticks(scale: &Scale, lo: f64, hi: f64, min_step: f64) -> Ticks {
    match scale {
        // Every category is named; the labels are fitted to their slots instead.
        Scale::Categories(_) => Ticks {
            step: 1.0,
            values: multiples(lo, hi, 1.0),
        },
        Scale::Years | Scale::Count => round_ticks(lo, hi, min_step.max(1.0), &WHOLE_MANTISSAS),
        Scale::Money(_) | Scale::Percent | Scale::Multiple | Scale::Number => {
            round_ticks(lo, hi, min_step, &VALUE_MANTISSAS)
        }
    }
}

/// Lines between the ticks, where they help and carry no label: quarters between
/// yearly ticks, whole years between wider ones, fifths of a step elsewhere.
pub fn minor_lines(scale: &Scale, ticks: &Ticks) -> Vec<f64> {
    let minor = match scale {
        Scale::Categories(_) => return Vec::new(),
        Scale::Years if ticks.step > 1.0 => 1.0,
        Scale::Years => 0.25,
        _ => ticks.step / 5.0,
    };
    let (Some(first), Some(last)) = (ticks.values.first(), ticks.values.last()) else {
        return Vec::new();
    };
    let (lo, hi) = (first - ticks.step, last + ticks.step);
    multiples(lo, hi, minor)
        .into_iter()
        .filter(|v| ticks.values.iter().all(|t| (t - v).abs() > minor * 1e-3))
        .collect()
}

/// The smallest round step at least `min_step` that puts at most [`MAX_TICKS`] ticks
/// in `lo..=hi`.
fn round_ticks(lo: f64, hi: f64, min_step: f64, mantissas: &[f64]) -> Ticks {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if !lo.is_finite() || !hi.is_finite() {
        return Ticks {
            step: 1.0,
            values: Vec::new(),
        };
    }
    let span = hi - lo;
    if span <= 1e-12 * lo.abs().max(1.0) {
        return Ticks {
            step: 1.0,
            values: vec![lo],
        };
    }
    let floor = min_step.max(span / 1000.0);
    let mut exponent = floor.log10().floor() - 1.0;
    loop {
        let power = 10_f64.powf(exponent);
        for mantissa in mantissas {
            let step = mantissa * power;
            if step < floor * (1.0 - 1e-9) {
                continue;
            }
            let values = multiples(lo, hi, step);
            if values.len() <= MAX_TICKS {
                return Ticks { step, values };
            }
        }
        exponent += 1.0;
    }
}

/// The multiples of `step` in `lo..=hi` (a hair of tolerance at the ends).
fn multiples(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    if !step.is_finite() || step <= 0.0 || !lo.is_finite() || !hi.is_finite() || hi < lo {
        return Vec::new();
    }
    let tolerance = 1e-9;
    let first = (lo / step - tolerance).ceil();
    let last = (hi / step + tolerance).floor();
    if last - first > 10_000.0 {
        return Vec::new();
    }
    let mut values = Vec::new();
    let mut k = first;
    while k <= last {
        // Multiplying (not adding) keeps 0.1-steps free of drift; `+ 0.0` turns -0 into 0.
        values.push(k * step + 0.0);
        k += 1.0;
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::style::{Currency, MoneyUnit};

    fn money() -> Scale {
        Scale::Money(MoneyUnit::fitting(Currency::new("USD"), 120e9))
    }

    #[test]
    fn a_fifteen_year_fund_gets_five_to_eight_whole_year_ticks() {
        let t = ticks(&Scale::Years, 2026.0, 2040.0, 0.0);
        assert!((5..=8).contains(&t.values.len()), "{t:?}");
        assert!(t.values.iter().all(|v| v.fract() == 0.0), "{t:?}");
        // 2026, 2028, …, 2040: every other year, both ends included.
        assert_eq!(t.step, 2.0);
        assert_eq!(t.values.first(), Some(&2026.0));
        assert_eq!(t.values.last(), Some(&2040.0));
    }

    #[test]
    fn a_short_date_range_never_gets_quarter_ticks() {
        let t = ticks(&Scale::Years, 2026.2, 2028.9, 0.0);
        assert_eq!(t.values, vec![2027.0, 2028.0]);
    }

    #[test]
    fn a_money_axis_up_to_120bn_steps_by_a_round_amount() {
        let t = ticks(&money(), 0.0, 120.0, 0.0);
        // 10 would give 13 ticks; 20 gives 0, 20, …, 120 = 7.
        assert_eq!(t.step, 20.0);
        assert_eq!(t.values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]);
        let negative = ticks(&money(), -90.0, 65.0, 0.0);
        // 10 would give 16 ticks; 20 gives -80, -60, …, 60 = 8.
        assert_eq!(negative.step, 20.0);
        assert_eq!(negative.values.len(), 8, "{negative:?}");
        assert!(negative.values.contains(&0.0));
    }

    #[test]
    fn the_renderers_spacing_can_only_widen_the_step() {
        // 600 px for 0–120: labels need 100 px, i.e. 20 units; 20 is kept.
        assert_eq!(ticks(&money(), 0.0, 120.0, 20.0).step, 20.0);
        // On a cramped axis the spacing wins: fewer ticks, still round.
        let cramped = ticks(&money(), 0.0, 120.0, 45.0);
        assert_eq!(cramped.step, 50.0);
        assert_eq!(cramped.values, vec![0.0, 50.0, 100.0]);
    }

    #[test]
    fn small_rates_keep_round_decimal_steps() {
        let t = ticks(&Scale::Percent, 6.8, 14.6, 0.0);
        assert_eq!(t.step, 1.0);
        assert_eq!(t.values, vec![7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0]);
        let tiny = ticks(&Scale::Number, 0.5, 1.2, 0.0);
        assert_eq!(tiny.step, 0.1);
        assert_eq!(tiny.values.len(), 8, "{tiny:?}");
    }

    #[test]
    fn every_category_is_a_tick_and_minor_lines_fall_between_ticks() {
        let names = Scale::Categories(vec!["a".into(); 9]);
        assert_eq!(ticks(&names, -0.5, 8.5, 3.0).values.len(), 9);
        let years = ticks(&Scale::Years, 2026.0, 2040.0, 0.0);
        let minor = minor_lines(&Scale::Years, &years);
        assert!(minor.contains(&2027.0) && !minor.contains(&2028.0), "{minor:?}");
    }

    #[test]
    fn an_empty_or_flat_range_does_not_hang() {
        assert_eq!(ticks(&money(), 5.0, 5.0, 0.0).values, vec![5.0]);
        assert!(ticks(&money(), f64::NAN, 1.0, 0.0).values.is_empty());
    }
}
