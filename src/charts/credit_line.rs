//! The J-curve with and without the subscription credit line: the partners' cumulative
//! net cash flow as the fund reports it (calls bridged by the line, its interest and
//! fees paid) beside the same fund calling every need when it arises (ILPA, 2020).

use super::frame::{Frame, plot_value, quarter_axis, year_fraction};
use super::id::ChartId;
use super::model::{Body, Chart, Series};
use super::style;
use crate::engine::results::FundResult;

/// The two J-curves; a fund without a line shows its one curve and says so.
pub fn jcurve_with_and_without_line(frame: &Frame, result: &FundResult) -> Chart {
    let x: Vec<f64> = result.periods.iter().map(|p| year_fraction(p.date)).collect();
    let with_line: Vec<f64> = result
        .periods
        .iter()
        .map(|p| plot_value(p.cumulative_net_cash_flow))
        .collect();
    let without_line: Option<Vec<f64>> = result.credit_line.as_ref().map(|line| {
        line.cumulative_net_cash_flow_without_line
            .iter()
            .map(|v| plot_value(*v))
            .collect()
    });
    let unit = frame.money_for(with_line.iter().chain(without_line.iter().flatten()).copied());
    let series = |name: &str, values: &[f64], i: usize| Series {
        name: name.into(),
        points: x.iter().zip(values).map(|(x, y)| (*x, unit.scale(*y))).collect(),
        colour: style::series_colour(i),
        emphasis: i == 0,
    };
    let mut lines = Vec::new();
    let note = match &without_line {
        Some(without) => {
            lines.push(series("With the credit line", &with_line, 0));
            lines.push(series("Without the credit line", without, 1));
            "Without the line: each quarter's calls made from the partners when the line drew, \
             no interest or fees."
        }
        None => {
            lines.push(series("Cumulative net cash flow", &with_line, 0));
            "The fund has no subscription credit line: with and without it are the same."
        }
    };
    let axes = (quarter_axis(), frame.money_axis("", &unit));
    let mut chart = frame.chart(
        ChartId::CreditLineJCurve,
        ChartId::CreditLineJCurve.title().into(),
        None,
        axes,
        Body::Lines(lines),
    );
    chart.note = Some(note.into());
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::study::{Case, Study};

    fn chart_of(portfolio: crate::engine::model::Portfolio) -> Chart {
        let study = Study::new(portfolio, 1);
        super::super::build(ChartId::CreditLineJCurve, &study, &Case::Base).unwrap_or_else(|e| panic!("{e}"))
    }

    fn lines(chart: &Chart) -> Vec<(String, usize)> {
        match &chart.body {
            Body::Lines(series) => series.iter().map(|s| (s.name.clone(), s.points.len())).collect(),
            other => panic!("not lines: {other:?}"),
        }
    }

    #[test]
    fn with_a_line_both_curves_are_drawn_and_without_one_the_chart_says_so() {
        let mut portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let plain = chart_of(portfolio.clone());
        assert_eq!(lines(&plain).len(), 1);
        assert!(
            plain
                .note
                .as_deref()
                .is_some_and(|n| n.contains("no subscription credit line"))
        );

        portfolio.fund.credit_line = Some(crate::engine::model::CreditLine::default());
        let with = chart_of(portfolio);
        let drawn = lines(&with);
        let names: Vec<&str> = drawn.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["With the credit line", "Without the credit line"]);
        assert_eq!(drawn.first().map(|l| l.1), drawn.get(1).map(|l| l.1));
        assert_eq!(with.id.name(), "jcurve_credit_line");
    }
}
