//! The paths of the fund's carry tiers: `fund.carry_terms.tiers` and
//! `fund.carry_terms.tiers[k].rate`.

use super::FieldPath;

/// The part of a carry tier a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CarryTierPart {
    /// The net multiple above which the tier applies: `.above_net_multiple`.
    AboveNetMultiple,
    /// The net IRR above which the tier applies: `.above_net_irr`.
    AboveNetIrr,
    /// The GP's share of profit in the tier: `.rate`.
    Rate,
}

impl CarryTierPart {
    /// Every part, in file order.
    pub const ALL: [CarryTierPart; 3] = [
        CarryTierPart::AboveNetMultiple,
        CarryTierPart::AboveNetIrr,
        CarryTierPart::Rate,
    ];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            CarryTierPart::AboveNetMultiple => "above_net_multiple",
            CarryTierPart::AboveNetIrr => "above_net_irr",
            CarryTierPart::Rate => "rate",
        }
    }

    /// The part in words ("net multiple", "net IRR", "carry rate").
    pub fn label(self) -> &'static str {
        match self {
            CarryTierPart::AboveNetMultiple => "net multiple",
            CarryTierPart::AboveNetIrr => "net IRR",
            CarryTierPart::Rate => "carry rate",
        }
    }
}

/// The path of the tiers together, or of one tier's part, from the segments after
/// `fund.carry_terms.`: `tiers` or `tiers[k]` and a part's key.
pub(super) fn parse(tiers: (&str, Option<usize>), part: Option<&str>) -> Option<FieldPath> {
    match (tiers, part) {
        (("tiers", None), None) => Some(FieldPath::CarryTiers),
        (("tiers", Some(index)), Some(part)) => CarryTierPart::ALL
            .into_iter()
            .find(|p| p.key() == part)
            .map(|part| FieldPath::CarryTier { index, part }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carry_tier_paths_read_back_what_they_write() {
        let paths = [
            FieldPath::CarryTiers,
            FieldPath::CarryTier {
                index: 0,
                part: CarryTierPart::AboveNetMultiple,
            },
            FieldPath::CarryTier {
                index: 2,
                part: CarryTierPart::AboveNetIrr,
            },
            FieldPath::CarryTier {
                index: 11,
                part: CarryTierPart::Rate,
            },
        ];
        for path in paths {
            let text = path.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(path), "{text}");
        }
        assert_eq!(
            FieldPath::CarryTier {
                index: 1,
                part: CarryTierPart::AboveNetMultiple
            }
            .to_string(),
            "fund.carry_terms.tiers[1].above_net_multiple"
        );
        for text in [
            "fund.carry_terms.tiers[0]",
            "fund.carry_terms.tiers.rate",
            "fund.carry_terms.tiers[0].level",
        ] {
            assert!(text.parse::<FieldPath>().is_err(), "{text}");
        }
        assert!("fund.carry_terms.escrow_share".parse::<FieldPath>().is_ok());
    }
}
