//! What a chart says about the place under the cursor, in its own units: the data point
//! nearest in time on the line nearest the cursor (its series, quarter and value), the
//! stacked band the cursor is in (its own value and the stack's total), the fan's
//! percentiles at that date, the bar, bridge step or heatmap cell under the cursor.
//! Never the cursor's own coordinates.

use super::model::{Body, Chart, Scale, Series, stacked_tops};

/// The text to show and the data point it is about (to be marked).
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// What to show, one fact a line.
    pub text: String,
    /// The data point the text is about, in plot units (none for bars and cells,
    /// which are marked by being under the cursor).
    pub point: Option<(f64, f64)>,
}

/// What the chart shows at `(x, y)` (plot units), if anything.
pub fn at(chart: &Chart, x: f64, y: f64) -> Option<Hover> {
    match &chart.body {
        Body::Lines(series) => nearest_line(chart, series, x, y),
        Body::StackedAreas(series) => band_under(chart, series, x, y),
        Body::Fan(fan) => {
            // The nearest line, then every band's range at that date.
            let mut hover = nearest_line(chart, &fan.lines, x, y)?;
            let px = hover.point.map_or(x, |p| p.0);
            let y_scale = &chart.y_axis.scale;
            for band in &fan.bands {
                let at = band.points.iter().find(|p| (p.0 - px).abs() < 1e-9);
                if let Some((_, lo, hi)) = at {
                    hover.text.push_str(&format!(
                        "\n{}: {} to {}",
                        band.name,
                        y_scale.value(*lo),
                        y_scale.value(*hi)
                    ));
                }
            }
            Some(hover)
        }
        Body::Bridge(steps) => {
            let slot = x.round();
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked")]
            let step = (slot >= 0.0 && (x - slot).abs() <= 0.5)
                .then(|| steps.get(slot as usize))
                .flatten()?;
            let end = step.start + step.delta;
            let mut text = format!("{}: {}", step.label, step.value_text(&chart.y_axis.scale));
            if !step.is_total() {
                text.push_str(&format!("\nRunning total: {}", chart.y_axis.scale.value(end)));
            }
            Some(Hover { text, point: None })
        }
        Body::Bars(bars) => {
            let texts: Vec<&str> = bars
                .iter()
                .filter(|b| {
                    let ((x0, x1), (y0, y1)) = b.rect();
                    // A tornado row is hovered anywhere across it; a histogram bar anywhere up it.
                    match b.orientation {
                        super::Orientation::Horizontal => y >= y0 && y <= y1,
                        super::Orientation::Vertical => x >= x0 && x <= x1,
                    }
                })
                .map(|b| b.label.as_str())
                .collect();
            (!texts.is_empty()).then(|| Hover {
                text: texts.join("\n"),
                point: None,
            })
        }
        Body::Heatmap(h) => h
            .cells
            .iter()
            .find(|c| x >= c.x.0 && x <= c.x.1 && y >= c.y.0 && y <= c.y.1)
            .map(|c| Hover {
                text: c.label.clone(),
                point: None,
            }),
    }
}

/// "2031 Q2" on a date axis; "Exit multiple (turns added) 0.5" on a driver axis.
fn x_words(chart: &Chart, x: f64) -> String {
    match &chart.x_axis.scale {
        Scale::Years => chart.x_axis.scale.value(x),
        other => format!("{} {}", chart.x_axis.title, other.value(x)),
    }
}

/// The index of the point of `points` nearest to `x` in x.
fn nearest_index(points: &[(f64, f64)], x: f64) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.0.is_finite() && p.1.is_finite())
        .min_by(|a, b| (a.1.0 - x).abs().total_cmp(&(b.1.0 - x).abs()))
        .map(|(i, _)| i)
}

/// The date nearest the cursor, then the line nearest the cursor at that date.
fn nearest_line(chart: &Chart, series: &[Series], x: f64, y: f64) -> Option<Hover> {
    let snapped = series
        .iter()
        .filter_map(|s| nearest_index(&s.points, x).and_then(|i| s.points.get(i).copied()))
        .map(|p| p.0)
        .min_by(|a, b| (a - x).abs().total_cmp(&(b - x).abs()))?;
    let (name, point) = series
        .iter()
        .filter_map(|s| {
            let i = nearest_index(&s.points, snapped)?;
            let p = s.points.get(i).copied()?;
            ((p.0 - snapped).abs() < 1e-9).then_some((s.name.as_str(), p))
        })
        .min_by(|a, b| (a.1.1 - y).abs().total_cmp(&(b.1.1 - y).abs()))?;
    Some(Hover {
        text: format!(
            "{name}\n{}: {}",
            x_words(chart, point.0),
            chart.y_axis.scale.value(point.1)
        ),
        point: Some(point),
    })
}

/// The stacked band the cursor is in at the nearest date: its own value and the stack's
/// total (above the stack: the total alone).
fn band_under(chart: &Chart, series: &[Series], x: f64, y: f64) -> Option<Hover> {
    let first = series.first()?;
    let index = nearest_index(&first.points, x)?;
    let tops = stacked_tops(series);
    let total = tops.last().and_then(|t| t.get(index)).copied()?;
    let (y_scale, when) = (&chart.y_axis.scale, x_words(chart, total.0));
    let mut below = 0.0;
    for (s, top) in series.iter().zip(&tops) {
        let (Some(own), Some(upper)) = (s.points.get(index), top.get(index)) else {
            continue;
        };
        if y <= upper.1 && (y >= below || below <= 0.0 && y < 0.0) {
            let text = format!(
                "{}\n{when}: {}\nTotal: {}",
                s.name,
                y_scale.value(own.1),
                y_scale.value(total.1)
            );
            return Some(Hover {
                text,
                point: Some(*upper),
            });
        }
        below = upper.1;
    }
    Some(Hover {
        text: format!("Total\n{when}: {}", y_scale.value(total.1)),
        point: Some(total),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::frame::quarter_axis;
    use crate::charts::style::{Currency, MoneyUnit, Rgb};
    use crate::charts::{Axis, ChartId};

    fn line(name: &str, ys: &[f64]) -> Series {
        Series {
            name: name.into(),
            // Quarter ends from 2027 Q1, as `year_fraction` puts them: 2027.24, 2027.49, …
            points: ys
                .iter()
                .enumerate()
                .map(|(i, y)| (2027.24 + 0.25 * f64::from(u8::try_from(i).unwrap_or(0)), *y))
                .collect(),
            colour: Rgb(0, 0, 0),
            emphasis: false,
        }
    }

    fn chart(body: Body) -> Chart {
        Chart {
            id: ChartId::JCurve,
            title: String::new(),
            subtitle: String::new(),
            x_axis: quarter_axis(),
            y_axis: Axis {
                title: "US$ bn".into(),
                scale: Scale::Money(MoneyUnit::fitting(Currency::new("USD"), 1e9)),
            },
            legend: Vec::new(),
            body,
            markers: Vec::new(),
            note: None,
        }
    }

    #[test]
    fn a_line_chart_names_the_nearest_series_its_quarter_and_value() {
        let c = chart(Body::Lines(vec![
            line("Upside", &[1.0, 4.0, 9.0]),
            line("Downside", &[1.0, 2.0, 3.0]),
        ]));
        // Cursor at 2027.53 (nearest date 2027.49, the second point), y = 2.4: Downside's
        // 2.0 is nearer than Upside's 4.0.
        let hover = at(&c, 2027.53, 2.4).unwrap_or_else(|| panic!("no hover"));
        assert_eq!(hover.point, Some((2027.49, 2.0)));
        assert_eq!(hover.text, "Downside\n2027 Q2: $2.00bn");
    }

    #[test]
    fn a_stacked_chart_names_the_band_under_the_cursor() {
        let c = chart(Body::StackedAreas(vec![
            line("Stage I", &[2.0, 3.0]),
            line("Stage II", &[1.0, 5.0]),
        ]));
        // At 2027.49 Stage I spans 0–3 and Stage II 3–8.
        let lower = at(&c, 2027.5, 1.0).unwrap_or_else(|| panic!("no hover"));
        assert_eq!(lower.text, "Stage I\n2027 Q2: $3.00bn\nTotal: $8.00bn");
        let upper = at(&c, 2027.5, 6.0).unwrap_or_else(|| panic!("no hover"));
        assert!(
            upper.text.starts_with("Stage II\n2027 Q2: $5.00bn"),
            "{}",
            upper.text
        );
        let above = at(&c, 2027.5, 20.0).unwrap_or_else(|| panic!("no hover"));
        assert_eq!(above.text, "Total\n2027 Q2: $8.00bn");
    }

    #[test]
    fn lines_over_bands_name_the_nearest_line_and_every_band_at_its_date() {
        let band = |name: &str, lo: f64, hi: f64| super::super::model::Band {
            name: name.into(),
            points: line(name, &[0.0, 0.0, 0.0])
                .points
                .iter()
                .map(|p| (p.0, lo, hi))
                .collect(),
            colour: Rgb(0, 0, 0),
            opacity: 1.0,
        };
        let c = chart(Body::Fan(super::super::model::Fan {
            bands: vec![band("I P10–P90", 1.0, 3.0), band("II P10–P90", 4.0, 6.0)],
            lines: vec![
                line("I plan", &[1.0, 2.5, 3.5]),
                line("II plan", &[4.0, 5.0, 7.0]),
            ],
        }));
        // Cursor at the second date, y = 4.6: II plan's 5.0 is nearer than I plan's 2.5.
        let hover = at(&c, 2027.5, 4.6).unwrap_or_else(|| panic!("no hover"));
        assert_eq!(hover.point, Some((2027.49, 5.0)));
        assert_eq!(
            hover.text,
            "II plan\n2027 Q2: $5.00bn\nI P10–P90: $1.00bn to $3.00bn\nII P10–P90: $4.00bn to $6.00bn"
        );
    }
}
