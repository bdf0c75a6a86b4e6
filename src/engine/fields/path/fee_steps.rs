//! The paths of the fund's dated fee steps: `fund.fee_terms.steps` and
//! `fund.fee_terms.steps[k].rate`.

use super::FieldPath;

/// The part of a fee step a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeeStepPart {
    /// The first quarter end the step applies to: `.from`.
    From,
    /// The annual fee rate from then: `.rate`.
    Rate,
    /// What the rate is charged on: `.basis`.
    Basis,
}

impl FeeStepPart {
    /// Every part, in file order.
    pub const ALL: [FeeStepPart; 3] = [FeeStepPart::From, FeeStepPart::Rate, FeeStepPart::Basis];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            FeeStepPart::From => "from",
            FeeStepPart::Rate => "rate",
            FeeStepPart::Basis => "basis",
        }
    }

    /// The part in words ("date", "rate", "basis").
    pub fn label(self) -> &'static str {
        match self {
            FeeStepPart::From => "date",
            FeeStepPart::Rate => "rate",
            FeeStepPart::Basis => "basis",
        }
    }
}

/// The path of the fee steps together, or of one step's part, from the segments after
/// `fund.fee_terms.`: `steps` or `steps[k]` and a part's key.
pub(super) fn parse(steps: (&str, Option<usize>), part: Option<&str>) -> Option<FieldPath> {
    match (steps, part) {
        (("steps", None), None) => Some(FieldPath::FeeSteps),
        (("steps", Some(index)), Some(part)) => FeeStepPart::ALL
            .into_iter()
            .find(|p| p.key() == part)
            .map(|part| FieldPath::FeeStep { index, part }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_step_paths_read_back_what_they_write() {
        let paths = [
            FieldPath::FeeSteps,
            FieldPath::FeeStep {
                index: 0,
                part: FeeStepPart::From,
            },
            FieldPath::FeeStep {
                index: 3,
                part: FeeStepPart::Rate,
            },
            FieldPath::FeeStep {
                index: 12,
                part: FeeStepPart::Basis,
            },
        ];
        for path in paths {
            let text = path.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(path), "{text}");
        }
        assert_eq!(
            FieldPath::FeeStep {
                index: 1,
                part: FeeStepPart::Rate
            }
            .to_string(),
            "fund.fee_terms.steps[1].rate"
        );
        assert_eq!(FieldPath::FeeSteps.to_string(), "fund.fee_terms.steps");
        // Not a path: a step without a part, a part on the list, an unknown part.
        for text in [
            "fund.fee_terms.steps[0]",
            "fund.fee_terms.steps.rate",
            "fund.fee_terms.steps[0].level",
        ] {
            assert!(text.parse::<FieldPath>().is_err(), "{text}");
        }
        // The scalar fee terms still read as fields.
        assert!("fund.fee_terms.holiday_quarters".parse::<FieldPath>().is_ok());
    }
}
