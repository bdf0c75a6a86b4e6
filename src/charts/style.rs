//! The one chart style both renderers share: the palette, the colours chosen by meaning
//! (AI levers are always the same green, a loss always the same red), the diverging scale
//! of heatmaps, the fund's currency, and every tick and value label.
//!
//! Colours are picked for a white page; [`Rgb::for_dark_theme`] lifts the dark ones so
//! the same chart stays readable on egui's dark background.

use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Relative luminance (WCAG), 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `self` moved a share `t` (0 to 1) of the way towards `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a blend of two channels stays within 0..=255"
        )]
        let blend = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            blend(self.0, other.0),
            blend(self.1, other.1),
            blend(self.2, other.2),
        )
    }

    /// The colour to draw on a dark background: colours darker than a mid grey are
    /// brightened (hue kept: the navy becomes a clear mid blue, not a grey) until they
    /// stand out; light ones are kept.
    pub fn for_dark_theme(self) -> Rgb {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 0..=255"
        )]
        let brighter = |c: u8| (f64::from(c) * 1.12 + 2.0).round().min(255.0) as u8;
        let mut colour = self;
        for _ in 0..40 {
            if colour.luminance() >= DARK_THEME_MIN_LUMINANCE {
                break;
            }
            let lifted = Rgb(brighter(colour.0), brighter(colour.1), brighter(colour.2));
            // A channel at its top cannot carry the lift: move towards white instead.
            colour = if lifted == colour {
                colour.mix(Rgb(255, 255, 255), 0.15)
            } else {
                lifted
            };
        }
        colour
    }
}

/// The least luminance of chart ink on a dark background.
const DARK_THEME_MIN_LUMINANCE: f64 = 0.2;

/// Dark to light, distinct in greyscale print: series take these in order.
pub const PALETTE: [Rgb; 7] = [
    Rgb(0x1F, 0x3A, 0x5F),
    Rgb(0xE0, 0x8E, 0x2B),
    Rgb(0x4C, 0x9A, 0x8A),
    Rgb(0x9B, 0x4D, 0x6E),
    Rgb(0x8C, 0xB3, 0xD9),
    Rgb(0x6B, 0x6B, 0x6B),
    Rgb(0xC9, 0xB2, 0x6B),
];

/// The AI levers' colour, wherever they appear (bridge step, "with AI levers" line).
pub const AI_LEVERS: Rgb = Rgb(0x2E, 0x9E, 0x5B);
/// A total bar (entry, exit) and the main series.
pub const TOTAL: Rgb = PALETTE[0];
/// A gain that is not the AI levers'.
pub const GAIN: Rgb = PALETTE[4];
/// A loss.
pub const LOSS: Rgb = Rgb(0xC0, 0x50, 0x40);
/// What the model would be without something (the "without AI levers" line).
pub const COUNTERFACTUAL: Rgb = PALETTE[5];
/// A driver at its low value (tornado).
pub const LOW_VALUE: Rgb = PALETTE[1];
/// A driver at its high value (tornado).
pub const HIGH_VALUE: Rgb = PALETTE[0];
/// Points to look at (the J-curve trough).
pub const HIGHLIGHT: Rgb = Rgb(0xC0, 0x20, 0x20);
/// The base case's mark on a heatmap (on light cells whatever the theme).
pub const BASE_MARK: Rgb = Rgb(0, 0, 0);

/// The colour of series `index` in a chart of several.
pub fn series_colour(index: usize) -> Rgb {
    PALETTE.get(index % PALETTE.len()).copied().unwrap_or(TOTAL)
}

/// What a step of a value bridge stands for; its colour follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A total drawn from zero (equity paid, exit proceeds).
    Total,
    /// The AI levers' contribution.
    AiLevers,
    /// Any other driver of value.
    Driver,
}

/// The colour of a bridge step of `kind` that moves value by `delta`.
pub fn step_colour(kind: StepKind, delta: f64) -> Rgb {
    match kind {
        StepKind::Total => TOTAL,
        StepKind::AiLevers => AI_LEVERS,
        StepKind::Driver if delta >= 0.0 => GAIN,
        StepKind::Driver => LOSS,
    }
}

/// Colour of `value` from `low` (red) through `base` (light grey) to `high` (dark blue);
/// lightness changes monotonically, so greyscale keeps the order.
pub fn diverging_colour(value: f64, low: f64, base: f64, high: f64) -> Rgb {
    let (red, grey, blue) = (Rgb(192, 80, 64), Rgb(242, 242, 242), Rgb(31, 58, 95));
    if value < base {
        grey.mix(red, (base - value) / (base - low).max(1e-12))
    } else {
        grey.mix(blue, (value - base) / (high - base).max(1e-12))
    }
}

/// The fund's currency, as the chart writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    code: String,
}

impl Currency {
    /// The currency of ISO code `code` ("USD").
    pub fn new(code: &str) -> Currency {
        Currency {
            code: code.trim().to_ascii_uppercase(),
        }
    }

    /// The ISO code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The symbol before an amount ("$", "€"), or the code and a space.
    pub fn symbol(&self) -> String {
        match self.code.as_str() {
            "USD" => "$".into(),
            "EUR" => "€".into(),
            "GBP" => "£".into(),
            "JPY" => "¥".into(),
            code => format!("{code} "),
        }
    }

    /// The currency in an axis title ("US$", "€", "CHF").
    pub fn title(&self) -> String {
        match self.code.as_str() {
            "USD" => "US$".into(),
            "EUR" | "GBP" | "JPY" => self.symbol(),
            code => code.to_string(),
        }
    }
}

/// The power of a thousand an axis counts money in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Magnitude {
    /// Whole currency units.
    Units,
    /// Thousands ("k").
    Thousands,
    /// Millions ("m").
    Millions,
    /// Billions ("bn").
    Billions,
}

impl Magnitude {
    /// What one plotted unit is worth.
    pub fn divisor(self) -> f64 {
        match self {
            Magnitude::Units => 1.0,
            Magnitude::Thousands => 1e3,
            Magnitude::Millions => 1e6,
            Magnitude::Billions => 1e9,
        }
    }

    /// "bn", "m", "k", "".
    pub fn suffix(self) -> &'static str {
        match self {
            Magnitude::Units => "",
            Magnitude::Thousands => "k",
            Magnitude::Millions => "m",
            Magnitude::Billions => "bn",
        }
    }

    /// The magnitude one step down (billions → millions).
    pub fn smaller(self) -> Magnitude {
        match self {
            Magnitude::Billions => Magnitude::Millions,
            Magnitude::Millions => Magnitude::Thousands,
            Magnitude::Thousands | Magnitude::Units => Magnitude::Units,
        }
    }

    /// The magnitude that shows amounts up to `largest` (in units) with a few digits.
    pub fn for_largest(largest: f64) -> Magnitude {
        let largest = largest.abs();
        if largest >= 1e9 {
            Magnitude::Billions
        } else if largest >= 1e6 {
            Magnitude::Millions
        } else if largest >= 1e4 {
            Magnitude::Thousands
        } else {
            Magnitude::Units
        }
    }
}

/// Money in one currency and magnitude: "US$ bn" on the axis, "$40bn" on a tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyUnit {
    /// The fund's currency.
    pub currency: Currency,
    /// The power of a thousand one plotted unit stands for.
    pub magnitude: Magnitude,
}

impl MoneyUnit {
    /// The unit fitting amounts up to `largest` (in units of `currency`).
    pub fn fitting(currency: Currency, largest: f64) -> MoneyUnit {
        MoneyUnit {
            currency,
            magnitude: Magnitude::for_largest(largest),
        }
    }

    /// `amount` (in currency units) in this unit.
    pub fn scale(&self, amount: f64) -> f64 {
        amount / self.magnitude.divisor()
    }

    /// "US$ bn".
    pub fn title(&self) -> String {
        let suffix = self.magnitude.suffix();
        if suffix.is_empty() {
            self.currency.title()
        } else {
            format!("{} {suffix}", self.currency.title())
        }
    }

    /// A tick at `value` (in this unit), always in the axis's magnitude: "$40bn",
    /// "-$20bn", "$2.5bn".
    pub fn tick(&self, value: f64, decimals: usize) -> String {
        let sign = if value < 0.0 && value.abs() >= half_unit(decimals) {
            "-"
        } else {
            ""
        };
        format!(
            "{sign}{}{:.decimals$}{}",
            self.currency.symbol(),
            value.abs(),
            self.magnitude.suffix()
        )
    }

    /// A value label (a bar's figure): like a tick, but an amount under one unit drops
    /// to the next magnitude ("$350m" on a $bn chart).
    pub fn value_label(&self, value: f64, decimals: usize) -> String {
        let small = value.abs() >= 0.0005 && value.abs() < 1.0;
        if small && self.magnitude != Magnitude::Units {
            let smaller = MoneyUnit {
                currency: self.currency.clone(),
                magnitude: self.magnitude.smaller(),
            };
            return smaller.tick(value * 1000.0, 0);
        }
        self.tick(value, decimals)
    }
}

fn half_unit(decimals: usize) -> f64 {
    0.5 / 10_f64.powi(i32::try_from(decimals).unwrap_or(6))
}

/// Decimals that tell ticks `step` apart (a step of 0.25 needs two).
pub fn decimals_for_step(step: f64) -> usize {
    let step = step.abs();
    if !step.is_finite() || step <= 0.0 || step >= 1.0 {
        return 0;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a positive count of decimals, clamped to 4"
    )]
    let decimals = (-step.log10()).ceil().clamp(0.0, 4.0) as usize;
    // 0.25 has its second decimal beyond log10's estimate.
    let scaled = step * 10_f64.powi(i32::try_from(decimals).unwrap_or(0));
    if (scaled - scaled.round()).abs() > 1e-6 {
        (decimals + 1).min(4)
    } else {
        decimals
    }
}

/// A date as a fractional year as a hover shows it: "2027 Q2".
pub fn quarter_label(x: f64) -> String {
    let year = x.floor();
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a fraction of a year, 0..1, times 4"
    )]
    let quarter = ((x - year) * 4.0).floor() as i64 + 1;
    format!("{year:.0} Q{}", quarter.clamp(1, 4))
}

/// A plain number with as few decimals as it needs (up to `decimals`).
pub fn plain_number(value: f64, decimals: usize) -> String {
    let rounded = value.round();
    if (value - rounded).abs() < 1e-9 {
        format!("{rounded:.0}")
    } else {
        format!("{value:.decimals$}")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd_bn() -> MoneyUnit {
        MoneyUnit {
            currency: Currency::new("USD"),
            magnitude: Magnitude::Billions,
        }
    }

    #[test]
    fn ticks_stay_in_the_axis_magnitude_and_values_drop_below_one() {
        assert_eq!(usd_bn().tick(-20.0, 0), "-$20bn");
        assert_eq!(usd_bn().tick(2.5, 1), "$2.5bn");
        assert_eq!(usd_bn().tick(-0.0, 0), "$0bn");
        assert_eq!(usd_bn().value_label(0.35, 0), "$350m");
        assert_eq!(usd_bn().value_label(37.24, 1), "$37.2bn");
    }

    #[test]
    fn the_unit_follows_the_largest_amount_and_the_currency() {
        // A company's EBITDA of $180m is counted in millions, not as $0.18bn.
        let company = MoneyUnit::fitting(Currency::new("usd"), 180e6);
        assert_eq!(company.title(), "US$ m");
        assert_eq!(company.tick(company.scale(180e6), 0), "$180m");
        assert_eq!(MoneyUnit::fitting(Currency::new("EUR"), 4e9).title(), "€ bn");
        assert_eq!(
            MoneyUnit::fitting(Currency::new("CHF"), 4e9).tick(4.0, 0),
            "CHF 4bn"
        );
    }

    #[test]
    fn the_ai_levers_colour_does_not_depend_on_the_sign() {
        assert_eq!(step_colour(StepKind::AiLevers, -1.0), AI_LEVERS);
        assert_eq!(step_colour(StepKind::AiLevers, 1.0), AI_LEVERS);
        assert_eq!(step_colour(StepKind::Driver, -1.0), LOSS);
    }

    #[test]
    fn dark_colours_are_lifted_for_a_dark_background_and_light_ones_kept() {
        let navy = TOTAL.for_dark_theme();
        assert!(navy.luminance() >= DARK_THEME_MIN_LUMINANCE, "{navy:?}");
        assert!(TOTAL.luminance() < DARK_THEME_MIN_LUMINANCE);
        assert_eq!(GAIN.for_dark_theme(), GAIN);
    }

    #[test]
    fn decimals_separate_the_ticks() {
        assert_eq!(decimals_for_step(10.0), 0);
        assert_eq!(decimals_for_step(0.5), 1);
        assert_eq!(decimals_for_step(0.25), 2);
        assert_eq!(decimals_for_step(0.1), 1);
        assert_eq!(quarter_label(2027.3), "2027 Q2");
    }

    #[test]
    fn the_diverging_scale_is_grey_at_the_base_case() {
        assert_eq!(diverging_colour(5.0, 0.0, 5.0, 10.0), Rgb(242, 242, 242));
        assert_eq!(diverging_colour(0.0, 0.0, 5.0, 10.0), Rgb(192, 80, 64));
    }
}
