//! How the window is shared between the model tree, the editor and the results: each
//! side panel has a least and a greatest width, both shrink so the results keep at
//! least [`RESULTS_MIN_WIDTH`] on a small screen (1024 × 700), and a width read from
//! the preferences file is clamped into its range (a damaged or huge saved width never
//! squeezes the charts into a sliver).

/// The narrowest the results area gets while the side panels can still give way.
pub const RESULTS_MIN_WIDTH: f32 = 480.0;

/// The model tree's widths: least, greatest, and its share of the room left over.
const TREE: PanelRule = PanelRule {
    min: 170.0,
    max: 420.0,
    share: 0.4,
};
/// The editor's widths.
const EDITOR: PanelRule = PanelRule {
    min: 250.0,
    max: 560.0,
    share: 0.6,
};

#[derive(Debug, Clone, Copy)]
struct PanelRule {
    min: f32,
    max: f32,
    /// The panel's share of the window width beyond the results' minimum.
    share: f32,
}

/// The allowed widths of the side panels for a window `window_width` wide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelWidths {
    /// Least and greatest width of the model tree.
    pub tree: (f32, f32),
    /// Least and greatest width of the editor.
    pub editor: (f32, f32),
}

impl PanelWidths {
    /// The ranges for a window `window_width` wide, with the tree and/or editor shown.
    pub fn for_window(window_width: f32, tree_shown: bool, editor_shown: bool) -> PanelWidths {
        let spare = (window_width - RESULTS_MIN_WIDTH).max(0.0);
        let (tree_share, editor_share) = match (tree_shown, editor_shown) {
            (true, true) => (TREE.share, EDITOR.share),
            _ => (1.0, 1.0),
        };
        let range = |rule: PanelRule, share: f32| {
            let max = (spare * share).clamp(rule.min, rule.max);
            (rule.min, max)
        };
        PanelWidths {
            tree: range(TREE, tree_share),
            editor: range(EDITOR, editor_share),
        }
    }
}

/// `saved` clamped into `range`; a width that is not a number gets the range's
/// greatest width when `fallback` does not fit either.
pub fn clamp_width(saved: f32, range: (f32, f32), fallback: f32) -> f32 {
    let (min, max) = range;
    if saved.is_finite() {
        saved.clamp(min, max)
    } else {
        fallback.clamp(min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_a_1024_pixel_screen_the_results_keep_their_least_width() {
        let widths = PanelWidths::for_window(1024.0, true, true);
        // 1024 - 480 = 544 to share: 40% (217.6) for the tree, 60% (326.4) for the editor.
        assert!((widths.tree.1 - 217.6).abs() < 1e-3, "{widths:?}");
        assert!((widths.editor.1 - 326.4).abs() < 1e-3, "{widths:?}");
        assert!(1024.0 - widths.tree.1 - widths.editor.1 >= RESULTS_MIN_WIDTH - 1e-3);
        // The defaults (260 and 360) and a saved 900 px editor are clamped to them.
        assert!((clamp_width(260.0, widths.tree, 260.0) - 217.6).abs() < 1e-3);
        assert!((clamp_width(900.0, widths.editor, 360.0) - 326.4).abs() < 1e-3);
    }

    #[test]
    fn a_wide_screen_keeps_the_saved_widths_within_the_panels_own_limits() {
        let widths = PanelWidths::for_window(2560.0, true, true);
        assert_eq!(widths.tree, (170.0, 420.0));
        assert_eq!(widths.editor, (250.0, 560.0));
        assert_eq!(clamp_width(300.0, widths.tree, 260.0), 300.0);
        assert_eq!(clamp_width(2000.0, widths.editor, 360.0), 560.0);
        assert_eq!(clamp_width(10.0, widths.tree, 260.0), 170.0);
    }

    #[test]
    fn a_damaged_saved_width_falls_back_and_a_tiny_window_keeps_the_least_widths() {
        let widths = PanelWidths::for_window(1400.0, true, true);
        assert_eq!(clamp_width(f32::NAN, widths.tree, 260.0), 260.0);
        assert_eq!(clamp_width(f32::INFINITY, widths.editor, 360.0), 360.0);
        let tiny = PanelWidths::for_window(600.0, true, true);
        assert_eq!(tiny.tree, (170.0, 170.0));
        assert_eq!(tiny.editor, (250.0, 250.0));
        // Alone, the editor may take all the room beyond the results' minimum.
        let alone = PanelWidths::for_window(1024.0, false, true);
        assert_eq!(alone.editor, (250.0, 544.0));
    }
}
