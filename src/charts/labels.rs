//! Labels that never overlap, for both renderers (which measure text their own way and
//! pass a `measure` function, in pixels): category names wrapped onto lines and
//! abbreviated until each fits its slot, and value labels (a bridge step's "+$37.1bn")
//! lifted row by row above their anchors until none touches another or a bar.

/// Space kept free between two neighbouring labels, in pixels.
pub const LABEL_GAP: f64 = 6.0;

/// `text` as lines that each fit in `slot` pixels less [`LABEL_GAP`]: the whole text
/// when it fits, else wrapped at spaces, a word too long for the slot abbreviated
/// ("Multiple" → "Mult.").
pub fn fit_category(text: &str, slot: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let usable = slot - LABEL_GAP;
    if measure(text) <= usable {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let word = abbreviated(word, usable, measure);
        let joined = lines.last().map(|line| format!("{line} {word}"));
        match (joined, lines.last_mut()) {
            (Some(joined), Some(line)) if measure(&joined) <= usable => *line = joined,
            _ => lines.push(word),
        }
    }
    lines
}

/// `word`, or its first letters and a full stop when it is wider than `usable` (down to
/// one letter: a slot too narrow for that gets the letter anyway, the least there is).
fn abbreviated(word: &str, usable: f64, measure: &dyn Fn(&str) -> f64) -> String {
    if measure(word) <= usable {
        return word.to_string();
    }
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len())
        .rev()
        .map(|n| format!("{}.", chars.iter().take(n).collect::<String>()))
        .find(|short| measure(short) <= usable)
        .unwrap_or_else(|| chars.first().map(char::to_string).unwrap_or_default())
}

/// A rectangle in pixels, `y` growing downwards (as on screen and in plotters).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelRect {
    /// Left and right edges.
    pub x: (f64, f64),
    /// Top and bottom edges.
    pub y: (f64, f64),
}

impl PixelRect {
    /// Whether the two rectangles share any area.
    pub fn overlaps(&self, other: &PixelRect) -> bool {
        self.x.0 < other.x.1 && other.x.0 < self.x.1 && self.y.0 < other.y.1 && other.y.0 < self.y.1
    }
}

/// A label to place: centred on `centre_x`, sitting on `base_y` (its anchor, e.g. a
/// bar's top) in row 0, one `height` higher per row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// Where the label is centred across.
    pub centre_x: f64,
    /// The bottom of the label in row 0.
    pub base_y: f64,
    /// The text's width.
    pub width: f64,
    /// The text's height (one row).
    pub height: f64,
}

impl LabelBox {
    /// The label's rectangle in `row`, with half a gap around it.
    pub fn rect(&self, row: usize) -> PixelRect {
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let lift = row as f64 * self.height;
        let half = self.width / 2.0 + LABEL_GAP / 2.0;
        PixelRect {
            x: (self.centre_x - half, self.centre_x + half),
            y: (self.base_y - lift - self.height, self.base_y - lift),
        }
    }
}

/// The row of each label, in order, so that no two labels overlap and none covers an
/// `obstacle` (the bars): each takes the lowest row that is free.
pub fn stack(labels: &[LabelBox], obstacles: &[PixelRect]) -> Vec<usize> {
    let mut placed: Vec<PixelRect> = Vec::new();
    let mut rows = Vec::new();
    for label in labels {
        // Rows above every other label and bar are always free, so this ends.
        let row = (0..)
            .find(|row| {
                let rect = label.rect(*row);
                !placed.iter().chain(obstacles).any(|other| rect.overlaps(other))
            })
            .unwrap_or(0);
        placed.push(label.rect(row));
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 7 pixels a character, as a 12-point sans serif roughly is.
    fn seven(text: &str) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "short strings")]
        let n = text.chars().count() as f64;
        n * 7.0
    }

    /// The value bridge's categories, the longest ("Leakage (costs, management pool)")
    /// wrapped onto several lines.
    const BRIDGE: [&str; 10] = [
        "Equity paid",
        "Revenue growth",
        "AI levers",
        "Other margin",
        "Multiple expansion",
        "Multiple × growth",
        "Deleveraging",
        "Working capital",
        "Leakage (costs, management pool)",
        "Exit proceeds",
    ];

    #[test]
    fn category_labels_of_neighbouring_slots_never_overlap() {
        for slot in [48.0, 60.0, 75.0, 130.0] {
            let fitted: Vec<Vec<String>> = BRIDGE.iter().map(|t| fit_category(t, slot, &seven)).collect();
            // Label i is centred at (i + 0.5) × slot; its widest line sets its extent.
            let extents: Vec<(f64, f64)> = fitted
                .iter()
                .enumerate()
                .map(|(i, lines)| {
                    #[expect(clippy::cast_precision_loss, reason = "ten slots")]
                    let centre = (i as f64 + 0.5) * slot;
                    let widest = lines.iter().map(|l| seven(l)).fold(0.0, f64::max);
                    (centre - widest / 2.0, centre + widest / 2.0)
                })
                .collect();
            for pair in extents.windows(2) {
                assert!(
                    pair[0].1 + LABEL_GAP <= pair[1].0 + 1e-9,
                    "slot {slot}: {fitted:?}"
                );
            }
        }
    }

    #[test]
    fn a_label_is_kept_whole_when_it_fits_then_wrapped_then_abbreviated() {
        assert_eq!(fit_category("Deal costs", 130.0, &seven), vec!["Deal costs"]);
        // 75 px: "Revenue growth" (98 px) wraps; each word fits.
        assert_eq!(
            fit_category("Revenue growth", 75.0, &seven),
            vec!["Revenue", "growth"]
        );
        // 48 px: 42 usable, six characters; "Multiple" becomes "Multi.".
        assert_eq!(
            fit_category("Multiple expansion", 48.0, &seven),
            vec!["Multi.", "expan."]
        );
    }

    #[test]
    fn value_labels_are_lifted_until_none_overlaps_another_or_a_bar() {
        // Nine labels 70 px wide over 60 px slots, all anchored at the same height:
        // neighbours must alternate rows.
        let labels: Vec<LabelBox> = (0..9)
            .map(|i| LabelBox {
                centre_x: f64::from(i) * 60.0 + 30.0,
                base_y: 200.0,
                width: 70.0,
                height: 16.0,
            })
            .collect();
        // A tall bar right of the first label's anchor.
        let bar = PixelRect {
            x: (45.0, 75.0),
            y: (150.0, 400.0),
        };
        let rows = stack(&labels, &[bar]);
        let rects: Vec<PixelRect> = labels.iter().zip(&rows).map(|(l, r)| l.rect(*r)).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(!a.overlaps(&bar), "label {i} covers the bar: {rows:?}");
            for b in rects.iter().skip(i + 1) {
                assert!(!a.overlaps(b), "{rows:?}");
            }
        }
        assert!(rows.iter().any(|r| *r > 0));
    }

    #[test]
    fn labels_with_room_stay_on_their_anchors() {
        let labels: Vec<LabelBox> = (0..5)
            .map(|i| LabelBox {
                centre_x: f64::from(i) * 100.0 + 50.0,
                base_y: 100.0,
                width: 60.0,
                height: 16.0,
            })
            .collect();
        assert_eq!(stack(&labels, &[]), vec![0; 5]);
    }
}
