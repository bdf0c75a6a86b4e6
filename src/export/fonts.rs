//! The memo charts' typeface, bundled so that every machine renders the same chart files
//! with no system fonts: Inter Regular and Bold (SIL Open Font License 1.1; the licence
//! and the faces' origin are in `assets/fonts/LICENSE.txt`). Inter has a tall x-height and
//! open, distinct numerals that stay legible in small axis labels.

use std::sync::OnceLock;

use plotters::style::{FontDesc, FontFamily, FontStyle};

/// The family name the memo charts ask plotters for.
pub const MEMO_FONT_FAMILY: &str = "Inter";

/// Inter Regular (OpenType), for subtitles, axis labels, legends and footnotes.
pub const MEMO_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");

/// Inter Bold (OpenType), for chart titles.
pub const MEMO_BOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-Bold.otf");

/// The licence the faces are distributed under, with their copyright and origin.
pub const FONT_LICENCE: &str = include_str!("../../assets/fonts/LICENSE.txt");

/// A bundled face that plotters could not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the bundled {face} face of {MEMO_FONT_FAMILY} could not be read as a font")]
pub struct FontError {
    /// "Regular" or "Bold".
    pub face: &'static str,
}

/// Registers the memo family's Regular face as [`FontStyle::Normal`] and its Bold face as
/// [`FontStyle::Bold`] with plotters. Runs once per process; later calls return the first
/// outcome.
pub fn register_memo_fonts() -> Result<(), FontError> {
    static OUTCOME: OnceLock<Result<(), FontError>> = OnceLock::new();
    OUTCOME
        .get_or_init(|| {
            let faces = [
                ("Regular", FontStyle::Normal, MEMO_REGULAR),
                ("Bold", FontStyle::Bold, MEMO_BOLD),
            ];
            for (face, style, bytes) in faces {
                plotters::style::register_font(MEMO_FONT_FAMILY, style, bytes)
                    .map_err(|_| FontError { face })?;
            }
            Ok(())
        })
        .clone()
}

/// The memo family at `size` pixels in `style`, with the face of that style.
///
/// Build bold text with this, not with plotters' `.into_font().style(FontStyle::Bold)`:
/// that keeps the Regular face it was created with and only marks the text bold, so SVG
/// viewers embolden it but PNGs draw it in the Regular face.
pub fn memo_font(size: impl Into<f64>, style: FontStyle) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(MEMO_FONT_FAMILY), size.into(), style)
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;

    use super::*;

    /// Dark pixels in `text` drawn black on white in the memo family at 40 px.
    fn ink(text: &str, style: FontStyle) -> usize {
        let (w, h) = (600_u32, 80_u32);
        let mut pixels = vec![255_u8; (w * h * 3) as usize];
        {
            let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
            let font = memo_font(40.0, style).color(&BLACK);
            root.draw_text(text, &font, (10, 10)).expect("text draws");
            root.present().expect("buffer presents");
        }
        pixels
            .chunks(3)
            .filter(|rgb| rgb.iter().all(|&c| c < 128))
            .count()
    }

    #[test]
    fn registers_a_bold_face_distinct_from_the_regular_one() {
        register_memo_fonts().expect("bundled faces register");
        assert_ne!(MEMO_REGULAR, MEMO_BOLD);
        let title = "Net IRR by exit multiple 2030";
        let regular = ink(title, FontStyle::Normal);
        let bold = ink(title, FontStyle::Bold);
        assert!(regular > 500, "regular text drew only {regular} dark pixels");
        // A bold stroke is roughly half as wide again as a regular one; the same face
        // registered twice (the old Light-as-Bold) would draw exactly the same ink.
        assert!(
            bold * 10 > regular * 13,
            "bold {bold} vs regular {regular} dark pixels"
        );
    }

    #[test]
    fn bold_text_is_wider_than_regular_text() {
        register_memo_fonts().expect("bundled faces register");
        let width = |style| {
            memo_font(40.0, style)
                .box_size("Fund cash flows")
                .expect("text measures")
                .0
        };
        assert!(width(FontStyle::Bold) > width(FontStyle::Normal));
    }

    #[test]
    fn registering_twice_is_harmless() {
        assert_eq!(register_memo_fonts(), Ok(()));
        assert_eq!(register_memo_fonts(), Ok(()));
    }

    #[test]
    fn licence_names_the_faces_and_carries_the_full_ofl_text() {
        assert!(FONT_LICENCE.contains("Inter Project Authors"));
        assert!(FONT_LICENCE.contains("SIL OPEN FONT LICENSE Version 1.1"));
        assert!(FONT_LICENCE.contains("DISCLAIMER"));
        let total = MEMO_REGULAR.len() + MEMO_BOLD.len();
        assert!(total < 1_500_000, "bundled faces weigh {total} bytes");
    }
}
