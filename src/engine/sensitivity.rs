//! Sensitivity: a tornado (each driver at a low and a high value) and a one- or
//! two-driver grid. Every cell is an exact Decimal recompute of the model with the
//! driver(s) applied, run in parallel with rayon; results come back in a fixed order, so
//! they do not depend on the number of threads.

use rayon::prelude::*;
use rust_decimal::Decimal;

use super::drivers::{Driver, Metric};
use super::model::Portfolio;
use super::results::FundMetrics;
use super::{EngineError, fund, scenario, validate};

/// Why a sweep could not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SweepError {
    /// The model swept does not compute as it is.
    #[error("the base model does not compute: {0}")]
    Base(#[from] EngineError),
    /// The axes cannot be swept together (both name the same driver).
    #[error("{driver}: {message}")]
    Axis {
        /// The driver's name.
        driver: &'static str,
        /// What is wrong with the axis.
        message: String,
    },
    /// The scenario the sweep runs on could not be applied.
    #[error(transparent)]
    Scenario(#[from] scenario::ScenarioError),
}

/// One driver's low and high case.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    /// The driver moved.
    pub driver: Driver,
    /// The driver's low value, in its units.
    pub low_value: Decimal,
    /// The driver's high value, in its units.
    pub high_value: Decimal,
    /// Net IRR with the driver low (`None` where undefined or the model fails).
    pub net_irr_low: Option<Decimal>,
    /// Net IRR with the driver high.
    pub net_irr_high: Option<Decimal>,
    /// Net TVPI with the driver low.
    pub tvpi_low: Option<Decimal>,
    /// Net TVPI with the driver high.
    pub tvpi_high: Option<Decimal>,
}

impl TornadoRow {
    /// |net IRR high − net IRR low| (zero when either is undefined).
    pub fn irr_swing(&self) -> Decimal {
        match (self.net_irr_low, self.net_irr_high) {
            (Some(a), Some(b)) => (b - a).abs(),
            _ => Decimal::ZERO,
        }
    }
}

/// The tornado: base figures and one row per driver, sorted by net IRR swing, largest
/// first.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// Net IRR of the model as it is.
    pub base_net_irr: Option<Decimal>,
    /// Net TVPI of the model as it is.
    pub base_tvpi: Option<Decimal>,
    /// One row per driver, largest net IRR swing first.
    pub rows: Vec<TornadoRow>,
}

/// The fund metrics [`super::compute`] gives `portfolio`, and its error when it fails,
/// without the per-company quarterly figures and per-deal IRRs a sweep never reads: the
/// model is validated and projected exactly as `compute` does, and the fund metrics come
/// from the same fund periods, so every figure is the same, for a fraction of the memory.
pub fn fund_metrics(portfolio: &Portfolio) -> Result<FundMetrics, EngineError> {
    let problems = validate::validate(portfolio);
    if validate::has_errors(&problems) {
        return Err(EngineError::Invalid(
            problems
                .into_iter()
                .filter(|p| p.severity == validate::Severity::Error)
                .collect(),
        ));
    }
    Ok(fund::project::<Decimal>(portfolio, None, fund::Detail::FundOnly)?.metrics)
}

fn metrics_at(portfolio: &Portfolio, driver: Driver, value: Decimal) -> (Option<Decimal>, Option<Decimal>) {
    driver
        .apply(portfolio, value)
        .ok()
        .and_then(|p| fund_metrics(&p).ok())
        .map_or((None, None), |m| (Metric::NetIrr.of(&m), Metric::Tvpi.of(&m)))
}

/// Runs every driver at its default low and high values.
pub fn tornado(portfolio: &Portfolio) -> Result<Tornado, SweepError> {
    let base = fund_metrics(portfolio)?;
    let cases: Vec<(Driver, Decimal)> = Driver::ALL
        .iter()
        .flat_map(|d| {
            let (lo, hi) = d.tornado_range(portfolio);
            [(*d, lo), (*d, hi)]
        })
        .collect();
    let results: Vec<(Option<Decimal>, Option<Decimal>)> = cases
        .par_iter()
        .map(|(d, v)| metrics_at(portfolio, *d, *v))
        .collect();
    let mut rows: Vec<TornadoRow> = cases
        .chunks(2)
        .zip(results.chunks(2))
        .filter_map(|(case, result)| match (case, result) {
            ([(driver, lo), (_, hi)], [(irr_lo, tvpi_lo), (irr_hi, tvpi_hi)]) => Some(TornadoRow {
                driver: *driver,
                low_value: *lo,
                high_value: *hi,
                net_irr_low: *irr_lo,
                net_irr_high: *irr_hi,
                tvpi_low: *tvpi_lo,
                tvpi_high: *tvpi_hi,
            }),
            _ => None,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.irr_swing()
            .cmp(&a.irr_swing())
            .then_with(|| a.driver.name().cmp(b.driver.name()))
    });
    Ok(Tornado {
        base_net_irr: Metric::NetIrr.of(&base),
        base_tvpi: Metric::Tvpi.of(&base),
        rows,
    })
}

/// One axis of a grid: `steps` evenly spaced values from `low` to `high`.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The driver swept.
    pub driver: Driver,
    /// First value, in the driver's units.
    pub low: Decimal,
    /// Last value, in the driver's units.
    pub high: Decimal,
    /// Number of values, 1 to 101 (one value is `low` alone).
    pub steps: u32,
}

impl Axis {
    /// Parses `DRIVER:LOW:HIGH:STEPS` (e.g. `exit_multiple_shift:-2:2:21`).
    pub fn parse(text: &str) -> Result<Axis, String> {
        let parts: Vec<&str> = text.split(':').collect();
        let [name, low, high, steps] = parts.as_slice() else {
            return Err(format!("'{text}' is not DRIVER:LOW:HIGH:STEPS"));
        };
        let driver =
            Driver::parse(name).ok_or_else(|| format!("'{name}' is not a driver (see --list-drivers)"))?;
        let number = |s: &str| {
            s.parse::<Decimal>()
                .map_err(|_| format!("'{s}' is not a number in '{text}'"))
        };
        let steps: u32 = steps
            .parse()
            .map_err(|_| format!("'{steps}' is not a whole number of steps"))?;
        if !(1..=101).contains(&steps) {
            return Err(format!("{steps} steps: choose 1 to 101"));
        }
        Ok(Axis {
            driver,
            low: number(low)?,
            high: number(high)?,
            steps,
        })
    }

    /// The values along the axis.
    pub fn values(&self) -> Vec<Decimal> {
        if self.steps <= 1 {
            return vec![self.low];
        }
        let gaps = Decimal::from(self.steps - 1);
        (0..self.steps)
            .map(|i| {
                let i = Decimal::from(i);
                let exact = (self.high.checked_sub(self.low))
                    .and_then(|span| span.checked_mul(i))
                    .and_then(|part| part.checked_div(gaps))
                    .and_then(|offset| self.low.checked_add(offset));
                // Ends near `Decimal`'s limits: the same point as a weighted mean of the
                // ends, whose terms never exceed the larger end.
                exact.unwrap_or_else(|| {
                    let from_low = (self.low / gaps).saturating_mul(gaps - i);
                    from_low.saturating_add((self.high / gaps).saturating_mul(i))
                })
            })
            .collect()
    }
}

/// A grid of `metric` over one or two drivers. `cells[y][x]`; `None` where the metric is
/// undefined or the model does not compute at that point.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The figure in each cell.
    pub metric: Metric,
    /// The axis across.
    pub x: Axis,
    /// The axis up; `None` for a one-driver sweep.
    pub y: Option<Axis>,
    /// The x driver's values, left to right.
    pub xs: Vec<Decimal>,
    /// The y driver's values, bottom to top (`[0]` alone for a one-driver sweep).
    pub ys: Vec<Decimal>,
    /// `cells[y][x]`: the metric at `(xs[x], ys[y])`.
    pub cells: Vec<Vec<Option<Decimal>>>,
    /// The metric of the model as it is.
    pub base: Option<Decimal>,
}

/// Computes `metric` over the grid.
pub fn grid(portfolio: &Portfolio, x: Axis, y: Option<Axis>, metric: Metric) -> Result<Grid, SweepError> {
    if let Some(y) = &y
        && y.driver == x.driver
    {
        return Err(SweepError::Axis {
            driver: x.driver.name(),
            message: "the two axes need different drivers".into(),
        });
    }
    let base = fund_metrics(portfolio)?;
    let xs = x.values();
    let ys = y.as_ref().map_or_else(|| vec![Decimal::ZERO], Axis::values);
    // Row by row: every x value at the first y value, then at the next.
    let points: Vec<(Decimal, Decimal)> = ys
        .iter()
        .flat_map(|&y_value| xs.iter().map(move |&x_value| (x_value, y_value)))
        .collect();
    let values: Vec<Option<Decimal>> = points
        .par_iter()
        .map(|&(x_value, y_value)| {
            let mut scenario = x.driver.scenario(x_value);
            if let Some(y) = &y {
                merge(&mut scenario, &y.driver.scenario(y_value));
            }
            scenario::apply(portfolio, &scenario)
                .ok()
                .and_then(|p| fund_metrics(&p).ok())
                .and_then(|m| metric.of(&m))
        })
        .collect();
    let cells = values.chunks(xs.len()).map(<[Option<Decimal>]>::to_vec).collect();
    Ok(Grid {
        metric,
        base: metric.of(&base),
        x,
        y,
        xs,
        ys,
        cells,
    })
}

/// Copies `other`'s overrides into `into` (the two set different drivers).
fn merge(into: &mut super::model::Scenario, other: &super::model::Scenario) {
    into.realisation_scale = into.realisation_scale.or(other.realisation_scale);
    into.exit_multiple_shift = into.exit_multiple_shift.or(other.exit_multiple_shift);
    into.entry_multiple_shift = into.entry_multiple_shift.or(other.entry_multiple_shift);
    into.growth_shift = into.growth_shift.or(other.growth_shift);
    into.exit_delay_quarters = into.exit_delay_quarters.or(other.exit_delay_quarters);
    into.leverage_shift = into.leverage_shift.or(other.leverage_shift);
    into.management_fee_rate = into.management_fee_rate.or(other.management_fee_rate);
    into.preferred_return = into.preferred_return.or(other.preferred_return);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute;
    use rust_decimal::dec;

    fn sample() -> Portfolio {
        crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn axis_parsing_and_values() {
        let axis = Axis::parse("exit_multiple_shift:-2:2:5").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(axis.values(), vec![dec!(-2), dec!(-1), dec!(0), dec!(1), dec!(2)]);
        assert!(Axis::parse("nope:0:1:3").is_err());
        assert!(Axis::parse("growth_shift:0:1").is_err());
        assert!(Axis::parse("growth_shift:0:1:0").is_err());
    }

    #[test]
    fn grid_cells_equal_a_direct_recompute() {
        let p = sample();
        let x = Axis {
            driver: Driver::ExitMultipleShift,
            low: dec!(-1),
            high: dec!(1),
            steps: 3,
        };
        let y = Axis {
            driver: Driver::RealisationScale,
            low: dec!(0.5),
            high: dec!(1),
            steps: 2,
        };
        let g = grid(&p, x, Some(y), Metric::Tvpi).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.cells.len(), 2);
        assert_eq!(g.cells[0].len(), 3);
        // Cell (x = +1 turn, y = 0.5 realisation), by hand: apply both overrides directly.
        let mut direct = p.clone();
        for c in &mut direct.companies {
            c.exit_multiple += dec!(1);
            for l in &mut c.levers {
                l.realisation *= dec!(0.5);
            }
        }
        let expected = compute(&direct).unwrap_or_else(|e| panic!("{e}")).metrics.tvpi;
        assert_eq!(g.cells[0][2], expected);
        // The middle of the x axis at realisation 1 is the base case.
        assert_eq!(g.cells[1][1], g.base);
    }

    #[test]
    fn sweep_metrics_equal_the_full_computation_and_fail_the_same_way() {
        let p = sample();
        let full = compute(&p).unwrap_or_else(|e| panic!("{e}")).metrics;
        assert_eq!(fund_metrics(&p), Ok(full));
        // A scenario moving two drivers at once: still every figure the same.
        let mut s = Driver::ExitMultipleShift.scenario(dec!(-1.5));
        merge(&mut s, &Driver::GrowthShift.scenario(dec!(0.01)));
        let moved = scenario::apply(&p, &s).unwrap_or_else(|e| panic!("{e}"));
        let full = compute(&moved).unwrap_or_else(|e| panic!("{e}")).metrics;
        assert_eq!(fund_metrics(&moved), Ok(full));
        // A model that does not validate fails with compute's own error.
        let mut broken = p.clone();
        broken.fund.carry_rate = dec!(1.5);
        assert!(compute(&broken).is_err());
        assert_eq!(fund_metrics(&broken).err(), compute(&broken).err());
    }

    #[test]
    fn tornado_rows_equal_direct_recomputes_and_are_sorted_by_swing() {
        let p = sample();
        let t = tornado(&p).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.rows.len(), Driver::ALL.len());
        assert!(t.rows.windows(2).all(|w| w[0].irr_swing() >= w[1].irr_swing()));
        let row = t
            .rows
            .iter()
            .find(|r| r.driver == Driver::HurdleRate)
            .unwrap_or_else(|| panic!("hurdle row"));
        let mut direct = p.clone();
        direct.fund.preferred_return = row.high_value;
        let expected = compute(&direct).unwrap_or_else(|e| panic!("{e}")).metrics;
        assert_eq!(row.tvpi_high, expected.tvpi);
        assert_eq!(row.net_irr_high, expected.net_irr.ok());
    }
}
