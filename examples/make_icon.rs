//! Draws Millwright's window icon — a millwheel gear crossed by a rising orange line on a
//! navy tile — and writes it as `assets/icon.svg` and `assets/icon-256.png`, both from the
//! one list of shapes below, so the two files always show the same mark.
//!
//! `cargo run --example make_icon` rewrites both files; `cargo run --example make_icon --
//! --check` only compares them with what this program draws and fails if they differ
//! (CI runs it so the committed icon cannot drift from its source).

// A command-line tool: the terminal is where it reports what it wrote or what differs.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::f64::consts::TAU;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The icon's side in pixels (and the SVG's view box).
const SIDE: u32 = 256;
/// Samples per pixel along each axis: 4 × 4 = 16 samples anti-alias the edges.
const SUBSAMPLES: u32 = 4;

const NAVY: [u8; 3] = [0x1F, 0x3A, 0x5F];
const STEEL: [u8; 3] = [0xC9, 0xD6, 0xE3];
const ORANGE: [u8; 3] = [0xE0, 0x8E, 0x2B];

type Point = (f64, f64);

/// One filled shape of the icon.
enum Shape {
    RoundedRect {
        min: Point,
        max: Point,
        radius: f64,
    },
    Circle {
        centre: Point,
        radius: f64,
    },
    /// Filled with the even-odd rule.
    Polygon(Vec<Point>),
    /// A stroked path with round caps and joins.
    Stroke {
        points: Vec<Point>,
        closed: bool,
        width: f64,
    },
}

/// A shape in a colour; later layers paint over earlier ones.
struct Layer {
    shape: Shape,
    colour: [u8; 3],
}

fn polar(centre: Point, radius: f64, angle: f64) -> Point {
    (centre.0 + radius * angle.cos(), centre.1 + radius * angle.sin())
}

/// A gear outline with `teeth` trapezoidal teeth between `root` and `tip` radii.
fn gear_outline(centre: Point, root: f64, tip: f64, teeth: u32) -> Vec<Point> {
    let pitch = TAU / f64::from(teeth);
    (0..teeth)
        .flat_map(|i| {
            let mid = pitch * f64::from(i) - TAU / 4.0;
            [
                polar(centre, root, mid - 0.5 * pitch),
                polar(centre, root, mid - 0.28 * pitch),
                polar(centre, tip, mid - 0.17 * pitch),
                polar(centre, tip, mid + 0.17 * pitch),
                polar(centre, root, mid + 0.28 * pitch),
            ]
        })
        .collect()
}

/// The triangle heading the rising line: its tip `length` beyond `end`, along `from → end`.
fn arrow_head(from: Point, end: Point, length: f64, half_width: f64) -> Vec<Point> {
    let (dx, dy) = (end.0 - from.0, end.1 - from.1);
    let norm = dx.hypot(dy);
    let (ux, uy) = (dx / norm, dy / norm);
    let (nx, ny) = (-uy, ux);
    vec![
        (end.0 + ux * length, end.1 + uy * length),
        (end.0 + nx * half_width, end.1 + ny * half_width),
        (end.0 - nx * half_width, end.1 - ny * half_width),
    ]
}

/// The icon, bottom layer first.
fn layers() -> Vec<Layer> {
    let gear_centre = (106.0, 116.0);
    let (last_turn, line_end) = ((140.0, 186.0), (192.0, 124.0));
    let line = vec![(40.0, 210.0), (98.0, 170.0), last_turn, line_end];
    let head = arrow_head(last_turn, line_end, 40.0, 26.0);
    let layer = |shape, colour| Layer { shape, colour };
    vec![
        layer(
            Shape::RoundedRect {
                min: (8.0, 8.0),
                max: (248.0, 248.0),
                radius: 52.0,
            },
            NAVY,
        ),
        layer(Shape::Polygon(gear_outline(gear_centre, 62.0, 82.0, 10)), STEEL),
        layer(
            Shape::Circle {
                centre: gear_centre,
                radius: 40.0,
            },
            NAVY,
        ),
        layer(
            Shape::Circle {
                centre: gear_centre,
                radius: 28.0,
            },
            STEEL,
        ),
        layer(
            Shape::Circle {
                centre: gear_centre,
                radius: 12.0,
            },
            NAVY,
        ),
        // A navy margin around the line and its head keeps them apart from the gear.
        layer(
            Shape::Stroke {
                points: line.clone(),
                closed: false,
                width: 40.0,
            },
            NAVY,
        ),
        layer(
            Shape::Stroke {
                points: head.clone(),
                closed: true,
                width: 20.0,
            },
            NAVY,
        ),
        layer(Shape::Polygon(head.clone()), NAVY),
        layer(
            Shape::Stroke {
                points: line,
                closed: false,
                width: 20.0,
            },
            ORANGE,
        ),
        layer(Shape::Polygon(head), ORANGE),
    ]
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (abx, aby) = (b.0 - a.0, b.1 - a.1);
    let t = (((p.0 - a.0) * abx + (p.1 - a.1) * aby) / (abx * abx + aby * aby)).clamp(0.0, 1.0);
    (p.0 - a.0 - t * abx).hypot(p.1 - a.1 - t * aby)
}

fn segments(points: &[Point], closed: bool) -> Vec<(Point, Point)> {
    let mut pairs: Vec<(Point, Point)> = points
        .iter()
        .copied()
        .zip(points.iter().copied().skip(1))
        .collect();
    if let (true, Some(&first), Some(&last)) = (closed, points.first(), points.last()) {
        pairs.push((last, first));
    }
    pairs
}

impl Shape {
    fn contains(&self, p: Point) -> bool {
        match self {
            Shape::RoundedRect { min, max, radius } => {
                let cx = p.0.clamp(min.0 + radius, max.0 - radius);
                let cy = p.1.clamp(min.1 + radius, max.1 - radius);
                (p.0 - cx).hypot(p.1 - cy) <= *radius
            }
            Shape::Circle { centre, radius } => (p.0 - centre.0).hypot(p.1 - centre.1) <= *radius,
            Shape::Polygon(points) => {
                let crossings = segments(points, true)
                    .into_iter()
                    .filter(|(a, b)| (a.1 > p.1) != (b.1 > p.1))
                    .filter(|(a, b)| p.0 < a.0 + (p.1 - a.1) * (b.0 - a.0) / (b.1 - a.1))
                    .count();
                crossings % 2 == 1
            }
            Shape::Stroke {
                points,
                closed,
                width,
            } => segments(points, *closed)
                .into_iter()
                .any(|(a, b)| distance_to_segment(p, a, b) <= width / 2.0),
        }
    }

    fn svg(&self) -> String {
        let list = |points: &[Point]| {
            points
                .iter()
                .map(|(x, y)| format!("{x:.2},{y:.2}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        match self {
            Shape::RoundedRect { min, max, radius } => format!(
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{radius}""#,
                min.0,
                min.1,
                max.0 - min.0,
                max.1 - min.1
            ),
            Shape::Circle { centre, radius } => {
                format!(r#"<circle cx="{}" cy="{}" r="{radius}""#, centre.0, centre.1)
            }
            Shape::Polygon(points) => format!(r#"<polygon fill-rule="evenodd" points="{}""#, list(points)),
            Shape::Stroke {
                points,
                closed,
                width,
            } => format!(
                r#"<{} points="{}" fill="none" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round""#,
                if *closed { "polygon" } else { "polyline" },
                list(points)
            ),
        }
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn svg_document(layers: &[Layer]) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SIDE}\" height=\"{SIDE}\" \
         viewBox=\"0 0 {SIDE} {SIDE}\">\n<title>Millwright</title>\n"
    );
    for layer in layers {
        let paint = if matches!(layer.shape, Shape::Stroke { .. }) {
            "stroke"
        } else {
            "fill"
        };
        out.push_str(&format!(
            "  {} {paint}=\"{}\"/>\n",
            layer.shape.svg(),
            hex(layer.colour)
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// The colour of the topmost layer at `p`, or `None` where the icon is transparent.
fn sample(layers: &[Layer], p: Point) -> Option<[u8; 3]> {
    layers
        .iter()
        .rev()
        .find(|layer| layer.shape.contains(p))
        .map(|layer| layer.colour)
}

fn rasterise(layers: &[Layer]) -> image::RgbaImage {
    let per_pixel = f64::from(SUBSAMPLES * SUBSAMPLES);
    image::RgbaImage::from_fn(SIDE, SIDE, |x, y| {
        // Premultiplied sums over the pixel's samples, then back to straight alpha.
        let mut sum = [0.0_f64; 4];
        for sy in 0..SUBSAMPLES {
            for sx in 0..SUBSAMPLES {
                let step = 1.0 / f64::from(SUBSAMPLES);
                let p = (
                    f64::from(x) + (f64::from(sx) + 0.5) * step,
                    f64::from(y) + (f64::from(sy) + 0.5) * step,
                );
                if let Some(rgb) = sample(layers, p) {
                    for (total, channel) in sum.iter_mut().zip(rgb) {
                        *total += f64::from(channel);
                    }
                    sum[3] += 255.0;
                }
            }
        }
        let alpha = sum[3] / per_pixel;
        let straight = |c: f64| if sum[3] > 0.0 { c * 255.0 / sum[3] } else { 0.0 };
        image::Rgba([
            to_byte(straight(sum[0])),
            to_byte(straight(sum[1])),
            to_byte(straight(sum[2])),
            to_byte(alpha),
        ])
    })
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "rounded and clamped to 0..=255 first"
)]
fn to_byte(value: f64) -> u8 {
    value.round().clamp(0.0, 255.0) as u8
}

fn png_bytes(image: &image::RgbaImage) -> Result<Vec<u8>, image::ImageError> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png)?;
    Ok(bytes.into_inner())
}

fn assets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|arg| arg == "--check");
    let layers = layers();
    let png = match png_bytes(&rasterise(&layers)) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("make_icon: could not encode the PNG: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outputs = [
        ("icon.svg", svg_document(&layers).into_bytes()),
        ("icon-256.png", png),
    ];
    let mut failed = false;
    for (name, bytes) in outputs {
        let path = assets_dir().join(name);
        if check {
            if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
                eprintln!(
                    "make_icon: {} is stale; run `cargo run --example make_icon`",
                    path.display()
                );
                failed = true;
            }
        } else if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("make_icon: could not write {}: {e}", path.display());
            failed = true;
        } else {
            println!("wrote {} ({} bytes)", path.display(), bytes.len());
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
