//! The window icon: `assets/icon-256.png` (drawn by `examples/make_icon.rs`), bundled
//! into the binary and handed to the window at start.

/// The 256 × 256 RGBA icon as PNG bytes.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon-256.png");

/// The bundled icon, decoded for the window.
pub fn window_icon() -> Result<egui::IconData, image::ImageError> {
    eframe::icon_data::from_png_bytes(ICON_PNG)
}

/// `viewport` with the window icon; if the bundled icon cannot be decoded, the window
/// opens with the system's default icon and the reason is printed to stderr.
#[expect(
    clippy::print_stderr,
    reason = "the window is not open yet, so the terminal is the only place to say why the icon is missing"
)]
pub fn with_window_icon(viewport: egui::ViewportBuilder) -> egui::ViewportBuilder {
    match window_icon() {
        Ok(icon) => viewport.with_icon(icon),
        Err(e) => {
            eprintln!("millwright: the window icon could not be decoded ({e}); using the default icon");
            viewport
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_icon_is_a_256_pixel_rgba_png_with_a_drawn_mark() {
        let decoded = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png)
            .expect("the bundled icon decodes as PNG");
        assert_eq!(decoded.color(), image::ColorType::Rgba8);
        let rgba = decoded.into_rgba8();
        assert_eq!(rgba.dimensions(), (256, 256));

        // Corners outside the rounded tile are transparent; its centre line is opaque.
        assert_eq!(rgba.get_pixel(0, 0).0[3], 0);
        assert_eq!(rgba.get_pixel(255, 255).0[3], 0);
        assert_eq!(rgba.get_pixel(128, 20).0[3], 255);

        // Not blank and not one flat colour: navy tile, light gear and orange line.
        let near = |[r, g, b, a]: [u8; 4], [tr, tg, tb]: [u8; 3]| {
            a == 255 && r.abs_diff(tr) < 8 && g.abs_diff(tg) < 8 && b.abs_diff(tb) < 8
        };
        let count = |target| rgba.pixels().filter(|p| near(p.0, target)).count();
        let (navy, steel, orange) = (
            count([0x1F, 0x3A, 0x5F]),
            count([0xC9, 0xD6, 0xE3]),
            count([0xE0, 0x8E, 0x2B]),
        );
        assert!(navy > 20_000, "navy pixels: {navy}");
        assert!(steel > 5_000, "gear pixels: {steel}");
        assert!(orange > 2_000, "orange pixels: {orange}");
    }

    #[test]
    fn window_icon_has_the_png_size() {
        let icon = window_icon().expect("the bundled icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
