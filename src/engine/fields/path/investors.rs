//! The paths of the fund's investors and of the credit line's base-rate curve:
//! `fund.investors.classes`, `fund.investors.classes[k].carry_rate`,
//! `fund.investors.closes`, `fund.investors.closes[k].amount`,
//! `fund.credit_line.base_rate_curve` and `fund.credit_line.base_rate_curve[k].rate`.

use super::FieldPath;

/// The part of an LP class a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LpClassPart {
    /// The class's name: `.name`.
    Name,
    /// How many LPs hold it: `.investors`.
    Investors,
    /// Its management fee in the investment period: `.management_fee_rate`.
    ManagementFeeRate,
    /// Its fee after the investment period: `.post_investment_fee_rate`.
    PostInvestmentFeeRate,
    /// Its carried interest: `.carry_rate`.
    CarryRate,
    /// Its preferred return: `.preferred_return`.
    PreferredReturn,
}

impl LpClassPart {
    /// Every part, in file order.
    pub const ALL: [LpClassPart; 6] = [
        LpClassPart::Name,
        LpClassPart::Investors,
        LpClassPart::ManagementFeeRate,
        LpClassPart::PostInvestmentFeeRate,
        LpClassPart::CarryRate,
        LpClassPart::PreferredReturn,
    ];

    /// The four terms a class may set for itself (empty: the fund's).
    pub const TERMS: [LpClassPart; 4] = [
        LpClassPart::ManagementFeeRate,
        LpClassPart::PostInvestmentFeeRate,
        LpClassPart::CarryRate,
        LpClassPart::PreferredReturn,
    ];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            LpClassPart::Name => "name",
            LpClassPart::Investors => "investors",
            LpClassPart::ManagementFeeRate => "management_fee_rate",
            LpClassPart::PostInvestmentFeeRate => "post_investment_fee_rate",
            LpClassPart::CarryRate => "carry_rate",
            LpClassPart::PreferredReturn => "preferred_return",
        }
    }

    /// The part in words ("management fee", "number of LPs").
    pub fn label(self) -> &'static str {
        match self {
            LpClassPart::Name => "name",
            LpClassPart::Investors => "number of LPs",
            LpClassPart::ManagementFeeRate => "management fee",
            LpClassPart::PostInvestmentFeeRate => "post-investment fee",
            LpClassPart::CarryRate => "carried interest",
            LpClassPart::PreferredReturn => "preferred return",
        }
    }

    /// The key of the fund's own field a class term stands in for (`None` for the name and
    /// the number of LPs).
    pub fn fund_key(self) -> Option<&'static str> {
        match self {
            LpClassPart::Name | LpClassPart::Investors => None,
            term => Some(term.key()),
        }
    }
}

/// The part of a close a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClosePart {
    /// The date the commitments are accepted: `.date`.
    Date,
    /// The LP class they belong to: `.class`.
    Class,
    /// The commitments accepted: `.amount`.
    Amount,
}

impl ClosePart {
    /// Every part, in file order.
    pub const ALL: [ClosePart; 3] = [ClosePart::Date, ClosePart::Class, ClosePart::Amount];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            ClosePart::Date => "date",
            ClosePart::Class => "class",
            ClosePart::Amount => "amount",
        }
    }

    /// The part in words ("date", "LP class", "amount").
    pub fn label(self) -> &'static str {
        match self {
            ClosePart::Date => "date",
            ClosePart::Class => "LP class",
            ClosePart::Amount => "amount",
        }
    }
}

/// The part of a dated base rate a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatePointPart {
    /// The date the rate applies from: `.date`.
    Date,
    /// The annual rate from then: `.rate`.
    Rate,
}

impl RatePointPart {
    /// Both parts, in file order.
    pub const ALL: [RatePointPart; 2] = [RatePointPart::Date, RatePointPart::Rate];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            RatePointPart::Date => "date",
            RatePointPart::Rate => "rate",
        }
    }
}

/// The path of a list, or of one item's part, from the segments after `fund.investors.`:
/// `classes`, `classes[k]` and a part's key, `closes`, `closes[k]` and a part's key.
pub(super) fn parse_investors(list: (&str, Option<usize>), part: Option<&str>) -> Option<FieldPath> {
    match (list, part) {
        (("classes", None), None) => Some(FieldPath::LpClasses),
        (("closes", None), None) => Some(FieldPath::Closes),
        (("classes", Some(index)), Some(part)) => LpClassPart::ALL
            .into_iter()
            .find(|p| p.key() == part)
            .map(|part| FieldPath::LpClass { index, part }),
        (("closes", Some(index)), Some(part)) => ClosePart::ALL
            .into_iter()
            .find(|p| p.key() == part)
            .map(|part| FieldPath::Close { index, part }),
        _ => None,
    }
}

/// The path of the curve, or of one point's part, from the segments after
/// `fund.credit_line.`: `base_rate_curve`, or `base_rate_curve[k]` and a part's key.
pub(super) fn parse_rate_curve(list: (&str, Option<usize>), part: Option<&str>) -> Option<FieldPath> {
    match (list, part) {
        (("base_rate_curve", None), None) => Some(FieldPath::BaseRateCurve),
        (("base_rate_curve", Some(index)), Some(part)) => RatePointPart::ALL
            .into_iter()
            .find(|p| p.key() == part)
            .map(|part| FieldPath::BaseRatePoint { index, part }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn investor_and_rate_curve_paths_read_back_what_they_write() {
        let mut paths = vec![FieldPath::LpClasses, FieldPath::Closes, FieldPath::BaseRateCurve];
        paths.extend(LpClassPart::ALL.map(|part| FieldPath::LpClass { index: 2, part }));
        paths.extend(ClosePart::ALL.map(|part| FieldPath::Close { index: 11, part }));
        paths.extend(RatePointPart::ALL.map(|part| FieldPath::BaseRatePoint { index: 0, part }));
        for path in paths {
            let text = path.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(path), "{text}");
        }
        assert_eq!(
            FieldPath::Close {
                index: 1,
                part: ClosePart::Amount
            }
            .to_string(),
            "fund.investors.closes[1].amount"
        );
        assert_eq!(
            FieldPath::LpClass {
                index: 0,
                part: LpClassPart::CarryRate
            }
            .to_string(),
            "fund.investors.classes[0].carry_rate"
        );
        assert_eq!(
            FieldPath::BaseRatePoint {
                index: 3,
                part: RatePointPart::Rate
            }
            .to_string(),
            "fund.credit_line.base_rate_curve[3].rate"
        );
        // Not paths: an item without a part, a part on the list, an unknown part.
        for text in [
            "fund.investors.closes[0]",
            "fund.investors.classes.name",
            "fund.investors.closes[0].level",
            "fund.credit_line.base_rate_curve[1]",
            "fund.credit_line.base_rate_curve[1].level",
        ] {
            assert!(text.parse::<FieldPath>().is_err(), "{text}");
        }
        // The scalars beside them still read as fields.
        assert!("fund.credit_line.base_rate".parse::<FieldPath>().is_ok());
    }
}
