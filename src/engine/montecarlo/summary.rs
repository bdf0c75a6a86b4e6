//! What a simulation found: percentiles, histogram and fans collected from the paths'
//! outcomes, in path order.

use super::{McConfig, McResult, PERCENTILES, ProgrammeRisk, Summary};

/// One path's figures with every stage committed up front.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ungated {
    pub(super) net_irr: Option<f64>,
    pub(super) tvpi: f64,
    pub(super) paid_in: f64,
}

/// One simulated path's figures.
pub(super) struct PathOutcome {
    pub(super) net_irr: Option<f64>,
    pub(super) tvpi: f64,
    pub(super) dpi: f64,
    pub(super) at_years: Vec<(f64, f64)>,
    pub(super) nav: Vec<f64>,
    pub(super) cash: Vec<f64>,
    /// Σ over the companies of the exit LTM AI EBITDA uplift (100 % of each).
    pub(super) ai_uplift: f64,
    /// Per gated lever, whether its gate passed.
    pub(super) lever_gates: Vec<bool>,
    /// Per stage gate, whether it passed.
    pub(super) stage_gates: Vec<bool>,
    /// Per stage (model order), per date, the stage's LTM AI EBITDA uplift, kept in
    /// `f32` (seven significant digits, ample for a percentile band) to halve what a
    /// large run holds.
    pub(super) stage_uplift: Vec<Vec<f32>>,
    /// The LPs' paid-in capital.
    pub(super) paid_in: f64,
    /// Gross MOIC (NaN when nothing is invested).
    pub(super) gross_moic: f64,
    /// Net IRR, TVPI and paid-in of the same draws with every stage committed up front,
    /// when compared.
    pub(super) ungated: Option<Ungated>,
}

/// The `p`th percentile of sorted `values`, linear between order statistics (numpy's
/// default): rank `p/100 × (n − 1)`.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    match sorted {
        [] => f64::NAN,
        [only] => *only,
        [.., last] => {
            #[expect(clippy::cast_precision_loss, reason = "path counts are far below 2^52")]
            let rank = p / 100.0 * (sorted.len() - 1) as f64;
            let lower = rank.floor();
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "0 ≤ rank ≤ n − 1"
            )]
            let i = lower as usize;
            let at = sorted.get(i).copied().unwrap_or(*last);
            let next = sorted.get(i + 1).copied().unwrap_or(*last);
            at + (rank - lower) * (next - at)
        }
    }
}

pub(super) fn summarise(mut values: Vec<f64>) -> Summary {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    #[expect(clippy::cast_precision_loss, reason = "path counts are far below 2^52")]
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    Summary {
        values: PERCENTILES.map(|p| percentile(&values, p)),
        mean,
    }
}

/// Per date `q` in `0..len`, the `percentiles` over the paths of `value(path, q)`.
pub(super) fn columns<const N: usize>(
    outcomes: &[PathOutcome],
    len: usize,
    value: impl Fn(&PathOutcome, usize) -> f64,
    percentiles: [f64; N],
) -> Vec<[f64; N]> {
    (0..len)
        .map(|q| {
            let mut column: Vec<f64> = outcomes.iter().map(|o| value(o, q)).collect();
            column.sort_by(f64::total_cmp);
            percentiles.map(|p| percentile(&column, p))
        })
        .collect()
}

fn fan(series: impl Fn(&PathOutcome) -> &Vec<f64>, outcomes: &[PathOutcome], len: usize) -> Vec<[f64; 5]> {
    let value = |o: &PathOutcome, q: usize| series(o).get(q).copied().unwrap_or(0.0);
    columns(outcomes, len, value, [5.0, 25.0, 50.0, 75.0, 95.0])
}

pub(super) fn collect(
    outcomes: Vec<PathOutcome>,
    config: &McConfig,
    dates: Vec<chrono::NaiveDate>,
) -> McResult {
    let irrs: Vec<f64> = outcomes.iter().filter_map(|o| o.net_irr).collect();
    let tvpis: Vec<f64> = outcomes.iter().map(|o| o.tvpi).collect();
    let below = tvpis.iter().filter(|t| **t < 1.0).count();
    let (lo, hi) = tvpis
        .iter()
        .filter(|t| t.is_finite())
        .fold((f64::MAX, f64::MIN), |(a, b), t| (a.min(*t), b.max(*t)));
    let bins = config.histogram_bins.max(1);
    #[expect(clippy::cast_precision_loss, reason = "a few dozen bins")]
    let width = ((hi - lo) / bins as f64).max(1e-9);
    let mut counts = vec![0usize; bins];
    for t in tvpis.iter().filter(|t| t.is_finite()) {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "non-negative bin index"
        )]
        let i = (((t - lo) / width) as usize).min(bins - 1);
        #[expect(
            clippy::indexing_slicing,
            reason = "`i` is capped at `bins - 1` and `counts` has `bins` entries"
        )]
        {
            counts[i] += 1;
        }
    }
    #[expect(clippy::cast_precision_loss, reason = "a few dozen bins")]
    let tvpi_histogram = counts
        .iter()
        .enumerate()
        .map(|(i, c)| (lo + width * i as f64, lo + width * (i + 1) as f64, *c))
        .collect();
    let at_years = config
        .at_years
        .iter()
        .enumerate()
        .map(|(k, y)| {
            let dpi = outcomes
                .iter()
                .map(|o| o.at_years.get(k).map_or(f64::NAN, |v| v.0))
                .collect();
            let tvpi = outcomes
                .iter()
                .map(|o| o.at_years.get(k).map_or(f64::NAN, |v| v.1))
                .collect();
            (*y, summarise(dpi), summarise(tvpi))
        })
        .collect();
    let len = dates.len();
    #[expect(clippy::cast_precision_loss, reason = "path counts are far below 2^52")]
    let probability_tvpi_below_one = below as f64 / outcomes.len().max(1) as f64;
    McResult {
        paths: outcomes.len(),
        seed: config.seed,
        paths_without_irr: outcomes.len() - irrs.len(),
        net_irr: summarise(irrs),
        tvpi: summarise(tvpis),
        dpi: summarise(outcomes.iter().map(|o| o.dpi).collect()),
        gross_moic: summarise(outcomes.iter().map(|o| o.gross_moic).collect()),
        paid_in: summarise(outcomes.iter().map(|o| o.paid_in).collect()),
        at_years,
        probability_tvpi_below_one,
        tvpi_histogram,
        nav_fan: fan(|o| &o.nav, &outcomes, len),
        cash_fan: fan(|o| &o.cash, &outcomes, len),
        dates,
        programme: ProgrammeRisk::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_match_numpy_on_a_known_list() {
        // numpy.percentile(range(1, 101), [5, 50, 95]) = [5.95, 50.5, 95.05].
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert!((percentile(&values, 5.0) - 5.95).abs() < 1e-12);
        assert!((percentile(&values, 50.0) - 50.5).abs() < 1e-12);
        assert!((percentile(&values, 95.0) - 95.05).abs() < 1e-12);
    }
}
