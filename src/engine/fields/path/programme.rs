//! The paths of the fund's shared AI programme: `programme.platforms[i].go_live`,
//! `programme.platforms[i].build_costs[k].amount`, `programme.learning[k].rate`, and the
//! lists themselves.

use std::fmt;

/// The part of a shared platform a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlatformPart {
    /// Its name: `.name`.
    Name,
    /// Its go-live date: `.go_live`.
    GoLive,
    /// Its annual run cost: `.annual_run_cost`.
    AnnualRunCost,
    /// Who pays for it: `.charging`.
    Charging,
}

impl PlatformPart {
    /// Every part, in file order.
    pub const ALL: [PlatformPart; 4] = [
        PlatformPart::Name,
        PlatformPart::GoLive,
        PlatformPart::AnnualRunCost,
        PlatformPart::Charging,
    ];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            PlatformPart::Name => "name",
            PlatformPart::GoLive => "go_live",
            PlatformPart::AnnualRunCost => "annual_run_cost",
            PlatformPart::Charging => "charging",
        }
    }

    /// The part in words.
    pub fn label(self) -> &'static str {
        match self {
            PlatformPart::Name => "name",
            PlatformPart::GoLive => "go-live date",
            PlatformPart::AnnualRunCost => "annual run cost",
            PlatformPart::Charging => "charging",
        }
    }
}

/// The part of a platform's dated build cost a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuildCostPart {
    /// The date: `.date`.
    Date,
    /// The amount: `.amount`.
    Amount,
}

impl BuildCostPart {
    /// Both parts, in file order.
    pub const ALL: [BuildCostPart; 2] = [BuildCostPart::Date, BuildCostPart::Amount];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            BuildCostPart::Date => "date",
            BuildCostPart::Amount => "amount",
        }
    }
}

/// The part of a learning rate a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LearningPart {
    /// The lever kind: `.kind`.
    Kind,
    /// The rate: `.rate`.
    Rate,
}

impl LearningPart {
    /// Both parts, in file order.
    pub const ALL: [LearningPart; 2] = [LearningPart::Kind, LearningPart::Rate];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            LearningPart::Kind => "kind",
            LearningPart::Rate => "rate",
        }
    }
}

/// A place in the portfolio's shared AI programme (`programme.…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProgrammePath {
    /// The platforms together: `programme.platforms`.
    Platforms,
    /// One platform's scalar: `programme.platforms[i].go_live`.
    Platform {
        /// Position of the platform in `platforms`.
        index: usize,
        /// Which of its fields.
        part: PlatformPart,
    },
    /// One platform's build costs together: `programme.platforms[i].build_costs`.
    BuildCosts {
        /// Position of the platform in `platforms`.
        platform: usize,
    },
    /// One build cost's date or amount: `programme.platforms[i].build_costs[k].amount`.
    BuildCost {
        /// Position of the platform in `platforms`.
        platform: usize,
        /// Position of the cost in its `build_costs`.
        index: usize,
        /// Its date or amount.
        part: BuildCostPart,
    },
    /// The learning rates together: `programme.learning`.
    Learning,
    /// One learning rate's kind or rate: `programme.learning[k].rate`.
    LearningRate {
        /// Position of the rate in `learning`.
        index: usize,
        /// Its kind or rate.
        part: LearningPart,
    },
}

impl fmt::Display for ProgrammePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgrammePath::Platforms => write!(f, "programme.platforms"),
            ProgrammePath::Platform { index, part } => {
                write!(f, "programme.platforms[{index}].{}", part.key())
            }
            ProgrammePath::BuildCosts { platform } => {
                write!(f, "programme.platforms[{platform}].build_costs")
            }
            ProgrammePath::BuildCost {
                platform,
                index,
                part,
            } => write!(
                f,
                "programme.platforms[{platform}].build_costs[{index}].{}",
                part.key()
            ),
            ProgrammePath::Learning => write!(f, "programme.learning"),
            ProgrammePath::LearningRate { index, part } => {
                write!(f, "programme.learning[{index}].{}", part.key())
            }
        }
    }
}

impl ProgrammePath {
    /// Where this is, in words: the item and the field (`("AI platform 'Foundry'",
    /// "go-live date")`), for a problem's place.
    pub fn place(&self, platform_name: impl Fn(usize) -> String) -> (String, String) {
        match self {
            ProgrammePath::Platforms => ("AI programme".into(), "Shared platforms".into()),
            ProgrammePath::Platform { index, part } => (platform_name(*index), part.label().into()),
            ProgrammePath::BuildCosts { platform } => (platform_name(*platform), "build costs".into()),
            ProgrammePath::BuildCost {
                platform,
                index,
                part,
            } => (
                platform_name(*platform),
                format!("build cost {} {}", index + 1, part.key()),
            ),
            ProgrammePath::Learning => ("AI programme".into(), "Learning rates".into()),
            ProgrammePath::LearningRate { index, part } => (
                "AI programme".into(),
                format!("learning rate {} {}", index + 1, part.key()),
            ),
        }
    }
}

/// The programme path of the segments after `programme.`, each a name and an optional
/// index.
pub(super) fn parse(rest: &[(&str, Option<usize>)]) -> Option<ProgrammePath> {
    match rest {
        [("platforms", None)] => Some(ProgrammePath::Platforms),
        [("learning", None)] => Some(ProgrammePath::Learning),
        [("platforms", Some(index)), (part, None)] => PlatformPart::ALL
            .into_iter()
            .find(|p| p.key() == *part)
            .map(|part| ProgrammePath::Platform { index: *index, part })
            .or_else(|| (*part == "build_costs").then_some(ProgrammePath::BuildCosts { platform: *index })),
        [
            ("platforms", Some(platform)),
            ("build_costs", Some(index)),
            (part, None),
        ] => BuildCostPart::ALL
            .into_iter()
            .find(|p| p.key() == *part)
            .map(|part| ProgrammePath::BuildCost {
                platform: *platform,
                index: *index,
                part,
            }),
        [("learning", Some(index)), (part, None)] => LearningPart::ALL
            .into_iter()
            .find(|p| p.key() == *part)
            .map(|part| ProgrammePath::LearningRate { index: *index, part }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::FieldPath;
    use super::*;

    #[test]
    fn programme_paths_read_back_what_they_write() {
        let paths = [
            ProgrammePath::Platforms,
            ProgrammePath::Platform {
                index: 2,
                part: PlatformPart::GoLive,
            },
            ProgrammePath::BuildCosts { platform: 0 },
            ProgrammePath::BuildCost {
                platform: 1,
                index: 3,
                part: BuildCostPart::Amount,
            },
            ProgrammePath::Learning,
            ProgrammePath::LearningRate {
                index: 0,
                part: LearningPart::Rate,
            },
        ];
        for path in paths {
            let path = FieldPath::Programme(path);
            let text = path.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(path), "{text}");
        }
        assert_eq!(
            FieldPath::Programme(ProgrammePath::BuildCost {
                platform: 1,
                index: 3,
                part: BuildCostPart::Date
            })
            .to_string(),
            "programme.platforms[1].build_costs[3].date"
        );
        for text in [
            "programme.platforms[0]",
            "programme.platforms.name",
            "programme.platforms[0].colour",
            "programme.learning[0]",
            "programme",
        ] {
            assert!(text.parse::<FieldPath>().is_err(), "{text}");
        }
    }
}
