//! Fund metrics from the quarterly figures: multiples, IRRs, fees and carry, the J-curve
//! and the Kaplan–Schoar public-market equivalent.
//!
//! IRRs are XIRRs on the quarter-end dates (actual/365). Cash flows are summed in the
//! projection's number type; the rate is solved by [`super::xirr`].

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{IndexPoint, PmeBenchmark};
use super::num::Num;
use super::results::{FundMetrics, FundPeriod, GpEconomics};
use super::xirr::{self, XirrError};

/// XIRR of flows given as `(grid index, amount)` on `dates`; same-date flows are netted
/// and zero flows dropped.
pub fn irr_on_grid<T: Num>(dates: &[NaiveDate], flows: &[(usize, T)]) -> Result<Decimal, XirrError> {
    let mut netted: Vec<(usize, T)> = Vec::with_capacity(flows.len());
    for &(q, amount) in flows {
        match netted.iter_mut().find(|(at, _)| *at == q) {
            Some(entry) => entry.1 += amount,
            None => netted.push((q, amount)),
        }
    }
    let dated: Vec<xirr::DatedFlow> = netted
        .into_iter()
        .filter(|(_, a)| *a != T::zero())
        .filter_map(|(q, a)| Some((*dates.get(q)?, a.to_decimal()?)))
        .collect();
    xirr::xirr(&dated).map(|irr| irr.rate)
}

/// `numerator / denominator` when the denominator is above zero and the quotient fits
/// (a cheque of a cent against proceeds of 1e27 does not).
fn ratio<T: Num>(numerator: T, denominator: T) -> Option<T> {
    (denominator > T::zero())
        .then(|| numerator.checked_div(denominator))
        .flatten()
}

/// Headline metrics of a projected fund. Net returns (net IRR, TVPI, DPI, RVPI, PME) are
/// the LPs': their calls, distributions and NAV, the GP commitment left out (it pays no
/// fee and no carry, so it would flatter them).
pub fn fund_metrics<T: Num>(periods: &[FundPeriod<T>], benchmark: &PmeBenchmark) -> FundMetrics<T> {
    let zero = T::zero();
    let sum = |f: fn(&FundPeriod<T>) -> T| periods.iter().map(f).sum::<T>();
    let invested = sum(|p| p.deal_equity + p.follow_ons);
    let gross_proceeds = sum(|p| p.gross_proceeds);
    let last = periods.last();
    let gross_nav = last.map_or(zero, |p| p.gross_nav);
    let dates: Vec<NaiveDate> = periods.iter().map(|p| p.date).collect();
    let (lp_paid_in, lp_distributed) = (sum(|p| p.lp_contributions), sum(|p| p.lp_distributions));
    let lp_nav = last.map_or(zero, |p| p.lp_nav);
    let net_irr = irr_with_terminal(
        &dates,
        periods,
        |p| p.lp_distributions - p.lp_contributions,
        lp_nav,
    );
    let gross_irr = irr_with_terminal(
        &dates,
        periods,
        |p| p.gross_proceeds - p.deal_equity - p.follow_ons,
        gross_nav,
    );
    let gross_to_net_spread = match (&gross_irr, &net_irr) {
        (Ok(g), Ok(n)) => Some(*g - *n),
        _ => None,
    };

    let (trough_index, trough) = periods
        .iter()
        .enumerate()
        .map(|(q, p)| (q, p.cumulative_net_cash_flow))
        .fold((0, zero), |best, (q, v)| if v < best.1 { (q, v) } else { best });
    let payback_date = periods
        .iter()
        .skip(trough_index + 1)
        .find(|p| p.cumulative_net_cash_flow >= zero)
        .filter(|_| trough < zero)
        .map(|p| p.date);

    FundMetrics {
        paid_in: lp_paid_in,
        distributed: lp_distributed,
        nav: lp_nav,
        tvpi: ratio(lp_distributed + lp_nav, lp_paid_in),
        dpi: ratio(lp_distributed, lp_paid_in),
        rvpi: ratio(lp_nav, lp_paid_in),
        net_irr,
        gross_irr,
        gross_moic: ratio(gross_proceeds + gross_nav, invested),
        invested,
        gross_proceeds,
        management_fees: sum(|p| p.management_fees),
        fund_expenses: sum(|p| p.fund_expenses),
        carried_interest: sum(|p| p.carried_interest),
        recycled: sum(|p| p.recycling_reinvested),
        gross_to_net_spread,
        jcurve_trough: trough,
        jcurve_trough_date: periods.get(trough_index).map_or(NaiveDate::MIN, |p| p.date),
        payback_date,
        pme: kaplan_schoar_pme(periods, benchmark),
        lp_paid_in,
        lp_distributed,
        lp_nav,
        gp: gp_economics(&dates, periods),
    }
}

/// XIRR of `flow` in each quarter with `terminal` added on the last date.
fn irr_with_terminal<T: Num>(
    dates: &[NaiveDate],
    periods: &[FundPeriod<T>],
    flow: fn(&FundPeriod<T>) -> T,
    terminal: T,
) -> Result<Decimal, XirrError> {
    let mut flows: Vec<(usize, T)> = periods.iter().map(flow).enumerate().collect();
    flows.push((periods.len().saturating_sub(1), terminal));
    irr_on_grid(dates, &flows)
}

/// The GP's fees, carry and the return on its own commitment.
pub fn gp_economics<T: Num>(dates: &[NaiveDate], periods: &[FundPeriod<T>]) -> GpEconomics<T> {
    let sum = |f: fn(&FundPeriod<T>) -> T| periods.iter().map(f).sum::<T>();
    let management_fees = sum(|p| p.management_fees);
    let carried_interest = sum(|p| p.carried_interest);
    let commitment_paid_in = sum(|p| p.gp_contributions);
    let commitment_distributed = sum(|p| p.gp_distributions);
    let commitment_nav = periods.last().map_or(T::zero(), |p| p.gp_nav);
    let commitment_irr = irr_with_terminal(
        dates,
        periods,
        |p| p.gp_distributions - p.gp_contributions,
        commitment_nav,
    );
    GpEconomics {
        management_fees,
        carried_interest,
        clawback: sum(|p| p.clawback),
        clawback_tax_kept: sum(|p| p.clawback_tax_kept),
        commitment_paid_in,
        commitment_distributed,
        commitment_nav,
        commitment_multiple: ratio(commitment_distributed + commitment_nav, commitment_paid_in),
        commitment_irr: commitment_irr.ok(),
        total: management_fees + carried_interest + commitment_distributed + commitment_nav
            - commitment_paid_in,
    }
}

/// Index levels on `dates` for `benchmark`; `None` where a series does not cover a date.
pub fn index_levels<T: Num>(dates: &[NaiveDate], benchmark: &PmeBenchmark) -> Option<Vec<T>> {
    match benchmark {
        PmeBenchmark::ConstantReturn { annual_return } => {
            let quarter = (T::one() + T::from_dec(*annual_return)).fourth_root()?;
            let mut level = T::one();
            Some(
                dates
                    .iter()
                    .enumerate()
                    .map(|(q, _)| {
                        if q > 0 {
                            level = level * quarter;
                        }
                        level
                    })
                    .collect(),
            )
        }
        PmeBenchmark::Series { points } => dates.iter().map(|d| interpolate(points, *d)).collect(),
    }
}

fn interpolate<T: Num>(points: &[IndexPoint], date: NaiveDate) -> Option<T> {
    let after = points.iter().position(|p| p.date >= date)?;
    let hi = points.get(after)?;
    if hi.date == date || after == 0 {
        return (hi.date == date).then(|| T::from_dec(hi.level));
    }
    let lo = points.get(after - 1)?;
    let span = T::from_i64((hi.date - lo.date).num_days());
    let into = T::from_i64((date - lo.date).num_days());
    let (a, b) = (T::from_dec(lo.level), T::from_dec(hi.level));
    Some(a + (b - a) * into / span)
}

/// Kaplan–Schoar PME: LPs' distributions and final NAV over their contributions, each
/// carried to the last date at the index's return. Above 1 the fund beat the index.
pub fn kaplan_schoar_pme<T: Num>(periods: &[FundPeriod<T>], benchmark: &PmeBenchmark) -> Option<T> {
    let dates: Vec<NaiveDate> = periods.iter().map(|p| p.date).collect();
    let levels: Vec<T> = index_levels(&dates, benchmark)?;
    let final_level = *levels.last()?;
    if levels.iter().any(|l| *l <= T::zero()) {
        return None;
    }
    // Checked: index levels are bounded only to (0, 1e14], so an index that grows from
    // 1e-28 carries cash flows by up to 1e42, beyond `Decimal`; such a PME is not given.
    let mut out = T::zero();
    let mut into = T::zero();
    for (p, level) in periods.iter().zip(&levels) {
        let growth = final_level.checked_div(*level)?;
        out = out.checked_add(p.lp_distributions.checked_mul(growth)?)?;
        into = into.checked_add(p.lp_contributions.checked_mul(growth)?)?;
    }
    out = out.checked_add(periods.last()?.lp_nav)?;
    (into > T::zero()).then(|| out.checked_div(into)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn period(date: NaiveDate, contributions: Decimal, distributions: Decimal, nav: Decimal) -> FundPeriod {
        FundPeriod {
            date,
            lp_contributions: contributions,
            lp_distributions: distributions,
            lp_nav: nav,
            ..FundPeriod::default()
        }
    }

    #[test]
    fn pme_of_a_fund_that_matches_the_index_is_one() {
        // Index doubles between the two dates; the fund also doubles the money: PME 1.
        let points = vec![
            IndexPoint {
                date: d(2020, 3, 31),
                level: dec!(100),
            },
            IndexPoint {
                date: d(2025, 3, 31),
                level: dec!(200),
            },
        ];
        let periods = vec![
            period(d(2020, 3, 31), dec!(50), dec!(0), dec!(50)),
            period(d(2025, 3, 31), dec!(0), dec!(100), dec!(0)),
        ];
        assert_eq!(
            kaplan_schoar_pme(&periods, &PmeBenchmark::Series { points }),
            Some(dec!(1))
        );
    }

    #[test]
    fn pme_against_constant_return_by_hand() {
        // 100 in at t0, 150 out 4 quarters later, index +10%/yr: PME = 150 / (100 × 1.1)
        // = 1.363636...
        let dates = [
            d(2020, 3, 31),
            d(2020, 6, 30),
            d(2020, 9, 30),
            d(2020, 12, 31),
            d(2021, 3, 31),
        ];
        let periods: Vec<FundPeriod> = dates
            .iter()
            .enumerate()
            .map(|(q, &date)| match q {
                0 => period(date, dec!(100), dec!(0), dec!(100)),
                4 => period(date, dec!(0), dec!(150), dec!(0)),
                _ => period(date, dec!(0), dec!(0), dec!(100)),
            })
            .collect();
        let pme = kaplan_schoar_pme(
            &periods,
            &PmeBenchmark::ConstantReturn {
                annual_return: dec!(0.10),
            },
        );
        let expected = dec!(150) / dec!(110);
        assert!(pme.is_some_and(|p| (p - expected).abs() < dec!(0.0000000001)));
    }

    #[test]
    fn series_interpolates_between_points_and_refuses_gaps() {
        let points = vec![
            IndexPoint {
                date: d(2020, 1, 1),
                level: dec!(100),
            },
            IndexPoint {
                date: d(2020, 1, 11),
                level: dec!(110),
            },
        ];
        assert_eq!(interpolate::<Decimal>(&points, d(2020, 1, 6)), Some(dec!(105)));
        assert_eq!(interpolate::<Decimal>(&points, d(2019, 12, 31)), None);
        assert_eq!(interpolate::<Decimal>(&points, d(2020, 1, 12)), None);
        assert_eq!(interpolate::<Decimal>(&points, d(2020, 1, 1)), Some(dec!(100)));
    }
}
