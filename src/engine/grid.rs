//! The quarterly time grid: cash flows fall on calendar quarter ends, starting with the
//! quarter in which the fund has its first close.

use chrono::{Datelike, Months, NaiveDate};

/// The last day of the calendar quarter that contains `date`.
pub fn quarter_end(date: NaiveDate) -> NaiveDate {
    let end_month = (date.month() - 1) / 3 * 3 + 3;
    let (year, next_month) = if end_month == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), end_month + 1)
    };
    NaiveDate::from_ymd_opt(year, next_month, 1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(date)
}

/// Whole quarters from the quarter containing `origin` to the quarter containing `date`
/// (negative when `date` is in an earlier quarter).
pub fn quarters_between(origin: NaiveDate, date: NaiveDate) -> i64 {
    let index = |d: NaiveDate| i64::from(d.year()) * 4 + i64::from((d.month() - 1) / 3);
    index(date) - index(origin)
}

/// `years` calendar years after `date` (29 February falls back to 28).
pub fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

/// The quarter end `quarters` quarters after the quarter end of `origin`.
pub fn nth_quarter_end(origin: NaiveDate, quarters: usize) -> NaiveDate {
    let months = u32::try_from(quarters.saturating_mul(3)).unwrap_or(u32::MAX);
    let start_of_quarter =
        NaiveDate::from_ymd_opt(origin.year(), (origin.month() - 1) / 3 * 3 + 1, 1).unwrap_or(origin);
    start_of_quarter
        .checked_add_months(Months::new(months))
        .map_or(NaiveDate::MAX, quarter_end)
}

/// The fund's quarter-end dates: `count` of them from the first-close quarter.
pub fn quarter_ends(first_close: NaiveDate, count: usize) -> Vec<NaiveDate> {
    (0..count).map(|q| nth_quarter_end(first_close, q)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn quarter_ends_are_calendar_quarter_ends() {
        assert_eq!(quarter_end(d(2026, 1, 1)), d(2026, 3, 31));
        assert_eq!(quarter_end(d(2026, 5, 17)), d(2026, 6, 30));
        assert_eq!(quarter_end(d(2026, 9, 30)), d(2026, 9, 30));
        assert_eq!(quarter_end(d(2026, 12, 1)), d(2026, 12, 31));
        assert_eq!(quarter_end(d(2028, 2, 29)), d(2028, 3, 31));
    }

    #[test]
    fn quarters_between_counts_calendar_quarters() {
        assert_eq!(quarters_between(d(2026, 3, 15), d(2026, 3, 31)), 0);
        assert_eq!(quarters_between(d(2026, 3, 15), d(2026, 4, 1)), 1);
        assert_eq!(quarters_between(d(2026, 3, 15), d(2031, 2, 1)), 20);
        assert_eq!(quarters_between(d(2026, 3, 15), d(2025, 12, 31)), -1);
    }

    #[test]
    fn grid_runs_on_quarter_ends_from_first_close() {
        let dates = quarter_ends(d(2026, 2, 10), 6);
        assert_eq!(
            dates,
            vec![
                d(2026, 3, 31),
                d(2026, 6, 30),
                d(2026, 9, 30),
                d(2026, 12, 31),
                d(2027, 3, 31),
                d(2027, 6, 30)
            ]
        );
    }

    #[test]
    fn add_years_handles_leap_day() {
        assert_eq!(add_years(d(2028, 2, 29), 1), d(2029, 2, 28));
        assert_eq!(add_years(d(2026, 3, 15), 10), d(2036, 3, 15));
    }
}
