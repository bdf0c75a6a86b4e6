//! The learning curve: each lever kind with a learning rate, its one-time cost per
//! deployment against the deployment's number across the portfolio (Wright's law, rules
//! at the top of `engine::programme`), beside what the same deployments would cost
//! without learning.

use super::frame::{Frame, plot_value};
use super::id::ChartId;
use super::model::{Axis, Body, Chart, Scale, Series};
use super::style;
use crate::engine::model::Portfolio;
use crate::engine::programme::{self, LearningCurve};

/// The learning curves of `model` (the case's model, scenario applied).
pub fn learning_curve(frame: &Frame, model: &Portfolio) -> Chart {
    let curves = programme::schedule(model).curves;
    let unit = frame.money_for(
        curves
            .iter()
            .flat_map(|c| &c.points)
            .map(|p| plot_value(p.base_one_time_cost)),
    );
    let mut lines = Vec::new();
    for (i, curve) in curves.iter().enumerate() {
        let colour = style::series_colour(i);
        let points = |cost: fn(&programme::LearningPoint) -> rust_decimal::Decimal| {
            curve
                .points
                .iter()
                .map(|p| (f64::from(p.deployment), unit.scale(plot_value(cost(p)))))
                .collect::<Vec<_>>()
        };
        lines.push(Series {
            name: format!("{} ({} per doubling)", curve.kind.label(), rate_label(curve)),
            points: points(|p| p.one_time_cost),
            colour,
            emphasis: true,
        });
        lines.push(Series {
            name: format!("{}, without learning", curve.kind.label()),
            points: points(|p| p.base_one_time_cost),
            colour: style::COUNTERFACTUAL,
            emphasis: false,
        });
    }
    let x_axis = Axis {
        title: "Deployment number across the portfolio (in start order)".into(),
        scale: Scale::Count,
    };
    let axes = (x_axis, frame.money_axis("One-time cost per deployment", &unit));
    let mut chart = frame.chart(
        ChartId::LearningCurve,
        ChartId::LearningCurve.title().into(),
        None,
        axes,
        Body::Lines(lines),
    );
    chart.note = Some(if curves.is_empty() {
        "No lever kind has a learning rate: every deployment costs what its lever says.".into()
    } else {
        "Deployment n costs n^log2(1 − rate) of its lever's one-time cost; each doubling of deployments \
         cuts it by the rate (Wright's law). Ramps shorten by the same factor."
            .into()
    });
    chart
}

/// The rate as a percentage ("20%").
fn rate_label(curve: &LearningCurve) -> String {
    format!(
        "{}%",
        (curve.rate * rust_decimal::Decimal::ONE_HUNDRED).normalize()
    )
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;
    use crate::engine::model::{LearningRate, LeverKind};
    use crate::engine::study::{Case, Study};

    #[test]
    fn the_curve_has_a_point_per_deployment_falling_by_the_rate_per_doubling() {
        // Every predictive-maintenance lever of the sample is a deployment; with r = 20 %
        // the second costs 0.8 × its lever's cost, so the curve's second point is 0.8 ×
        // the "without learning" line's second point.
        let mut portfolio = crate::io::samples::midmarket().unwrap_or_else(|e| panic!("{e}"));
        let kind = LeverKind::PredictiveMaintenance;
        portfolio.programme.learning.push(LearningRate {
            kind,
            rate: dec!(0.2),
        });
        let deployments = portfolio
            .companies
            .iter()
            .flat_map(|c| &c.levers)
            .filter(|l| l.kind == kind)
            .count();
        assert!(deployments >= 2, "the sample needs two such levers");
        let study = Study::new(portfolio, 1);
        let chart = super::super::build(ChartId::LearningCurve, &study, &Case::Base)
            .unwrap_or_else(|e| panic!("{e}"));
        let Body::Lines(lines) = &chart.body else {
            panic!("not lines")
        };
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].points.len(), deployments);
        let (with, without) = (lines[0].points[1].1, lines[1].points[1].1);
        assert!(
            (with - 0.8 * without).abs() < 1e-9 * without.abs().max(1.0),
            "{with} vs {without}"
        );
        assert_eq!(lines[0].points[0].0, 1.0);
        assert_eq!(chart.id.name(), "learning_curve");
    }
}
