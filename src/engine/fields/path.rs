//! Typed field paths: `companies[3].exit_costs` as a value. [`FieldPath`]'s `Display`
//! writes exactly the strings problems, the CLI's `check` and the editor use, and
//! `FromStr` reads them back; a scalar field's key is always one of its table's keys.

use std::fmt;
use std::str::FromStr;

use super::{meta_in, metas};
use crate::engine::model::{Distribution, Uncertainty};

/// The model object a scalar field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The fund terms: `fund`.
    Fund,
    /// A deployment stage: `stages[i]`.
    Stage(usize),
    /// An acquired company: `companies[i]`.
    Company(usize),
    /// An AI lever of a company: `companies[i].levers[j]`.
    Lever {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the lever in the company's `levers`.
        lever: usize,
    },
    /// A scenario: `scenarios[i]`.
    Scenario(usize),
    /// The Monte Carlo uncertainty: `uncertainty`.
    Uncertainty,
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Fund => write!(f, "fund"),
            Owner::Stage(i) => write!(f, "stages[{i}]"),
            Owner::Company(i) => write!(f, "companies[{i}]"),
            Owner::Lever { company, lever } => write!(f, "companies[{company}].levers[{lever}]"),
            Owner::Scenario(i) => write!(f, "scenarios[{i}]"),
            Owner::Uncertainty => write!(f, "uncertainty"),
        }
    }
}

/// The part of a benchmark index point a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointPart {
    /// The point's date: `.date`.
    Date,
    /// The index level on that date: `.level`.
    Level,
}

impl PointPart {
    fn key(self) -> &'static str {
        match self {
            PointPart::Date => "date",
            PointPart::Level => "level",
        }
    }
}

/// One of the Monte Carlo drivers [`Uncertainty`] draws from a distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UncertainDriver {
    /// Multiplies each lever's realisation (1 is as planned).
    RealisationScale,
    /// Turns of EBITDA added to each exit multiple.
    ExitMultipleShift,
    /// Quarters each exit moves (rounded).
    ExitDelayQuarters,
    /// Added to annual revenue growth (fraction: 0.01 is one point).
    GrowthShift,
}

impl UncertainDriver {
    /// Every driver, in file order.
    pub const ALL: [UncertainDriver; 4] = [
        UncertainDriver::RealisationScale,
        UncertainDriver::ExitMultipleShift,
        UncertainDriver::ExitDelayQuarters,
        UncertainDriver::GrowthShift,
    ];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            UncertainDriver::RealisationScale => "realisation_scale",
            UncertainDriver::ExitMultipleShift => "exit_multiple_shift",
            UncertainDriver::ExitDelayQuarters => "exit_delay_quarters",
            UncertainDriver::GrowthShift => "growth_shift",
        }
    }

    /// The driver's distribution in `u`.
    pub fn of(self, u: &Uncertainty) -> &Distribution {
        match self {
            UncertainDriver::RealisationScale => &u.realisation_scale,
            UncertainDriver::ExitMultipleShift => &u.exit_multiple_shift,
            UncertainDriver::ExitDelayQuarters => &u.exit_delay_quarters,
            UncertainDriver::GrowthShift => &u.growth_shift,
        }
    }
}

/// Where in a portfolio something is: a registered scalar field, or one of the lists and
/// groups problems are reported on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// A scalar field in its owner's table: `companies[3].exit_costs`. Build it with
    /// [`FieldPath::field`] so the key is one the table has.
    Field {
        /// The object the field belongs to.
        owner: Owner,
        /// The field's key in its owner's table.
        key: &'static str,
    },
    /// The stages together: `stages`.
    Stages,
    /// A company's cost pools together: `companies[i].cost_pools`.
    CostPools {
        /// Position of the company in `companies`.
        company: usize,
    },
    /// A company's levers together: `companies[i].levers`.
    Levers {
        /// Position of the company in `companies`.
        company: usize,
    },
    /// The benchmark index series: `fund.pme_benchmark.points`.
    BenchmarkPoints,
    /// One point of the benchmark series: `fund.pme_benchmark.points[i].date`.
    BenchmarkPoint {
        /// Position of the point in the series.
        index: usize,
        /// Its date or its level.
        part: PointPart,
    },
    /// The company a scenario override names: `scenarios[i].company_overrides[j].company`.
    OverrideCompany {
        /// Position of the scenario in `scenarios`.
        scenario: usize,
        /// Position of the override in the scenario's `company_overrides`.
        index: usize,
    },
    /// A Monte Carlo distribution: `uncertainty.exit_multiple_shift`.
    Distribution(UncertainDriver),
    /// The scenario a sweep or goal seek applied (not a field of the file): `scenario`.
    AppliedScenario,
}

impl FieldPath {
    /// The field `key` of `owner`, if `owner`'s table has it.
    pub fn field(owner: Owner, key: &str) -> Option<FieldPath> {
        let meta = meta_in(metas(owner), key)?;
        Some(FieldPath::Field { owner, key: meta.key })
    }

    /// The owner of a scalar field path.
    pub fn owner(&self) -> Option<Owner> {
        match self {
            FieldPath::Field { owner, .. } => Some(*owner),
            _ => None,
        }
    }

    /// The stage this path is inside, if any.
    pub fn stage_index(&self) -> Option<usize> {
        match self {
            FieldPath::Field {
                owner: Owner::Stage(i),
                ..
            } => Some(*i),
            _ => None,
        }
    }

    /// The company this path is inside (its fields, pools and levers), if any.
    pub fn company_index(&self) -> Option<usize> {
        match self {
            FieldPath::Field {
                owner: Owner::Company(c) | Owner::Lever { company: c, .. },
                ..
            }
            | FieldPath::CostPools { company: c }
            | FieldPath::Levers { company: c } => Some(*c),
            _ => None,
        }
    }

    /// The `(company, lever)` this path is inside, if any.
    pub fn lever_index(&self) -> Option<(usize, usize)> {
        match self {
            FieldPath::Field {
                owner: Owner::Lever { company, lever },
                ..
            } => Some((*company, *lever)),
            _ => None,
        }
    }

    /// The scenario this path is inside, if any.
    pub fn scenario_index(&self) -> Option<usize> {
        match self {
            FieldPath::Field {
                owner: Owner::Scenario(i),
                ..
            }
            | FieldPath::OverrideCompany { scenario: i, .. } => Some(*i),
            _ => None,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Field { owner, key } => write!(f, "{owner}.{key}"),
            FieldPath::Stages => write!(f, "stages"),
            FieldPath::CostPools { company } => write!(f, "companies[{company}].cost_pools"),
            FieldPath::Levers { company } => write!(f, "companies[{company}].levers"),
            FieldPath::BenchmarkPoints => write!(f, "fund.pme_benchmark.points"),
            FieldPath::BenchmarkPoint { index, part } => {
                write!(f, "fund.pme_benchmark.points[{index}].{}", part.key())
            }
            FieldPath::OverrideCompany { scenario, index } => {
                write!(f, "scenarios[{scenario}].company_overrides[{index}].company")
            }
            FieldPath::Distribution(driver) => write!(f, "uncertainty.{}", driver.key()),
            FieldPath::AppliedScenario => write!(f, "scenario"),
        }
    }
}

impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        other.parse::<FieldPath>().is_ok_and(|p| p == *self)
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Why a string is not a field path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not a field of the model")]
pub struct ParsePathError {
    /// The text that was read.
    pub text: String,
}

/// One dot-separated part of a path: a name and an optional `[index]`.
#[derive(Clone, Copy)]
struct Segment<'a> {
    name: &'a str,
    index: Option<usize>,
}

fn segment(text: &str) -> Option<Segment<'_>> {
    match text.split_once('[') {
        None => (!text.is_empty()).then_some(Segment {
            name: text,
            index: None,
        }),
        Some((name, rest)) => {
            let digits = rest.strip_suffix(']')?;
            if name.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(Segment {
                name,
                index: Some(digits.parse().ok()?),
            })
        }
    }
}

/// The scalar field of `owner` named by the remaining plain segments (`cost_pools.energy`).
fn scalar(owner: Owner, rest: &[Segment<'_>]) -> Option<FieldPath> {
    if rest.is_empty() || rest.iter().any(|s| s.index.is_some()) {
        return None;
    }
    let key: Vec<&str> = rest.iter().map(|s| s.name).collect();
    FieldPath::field(owner, &key.join("."))
}

fn parse_segments(s: &[Segment<'_>]) -> Option<FieldPath> {
    let plain = |seg: &Segment<'_>, name: &str| seg.index.is_none() && seg.name == name;
    let indexed = |seg: &Segment<'_>, name: &str| if seg.name == name { seg.index } else { None };
    match s {
        [only] if plain(only, "stages") => Some(FieldPath::Stages),
        [only] if plain(only, "scenario") => Some(FieldPath::AppliedScenario),
        [fund, pme, points]
            if plain(fund, "fund") && plain(pme, "pme_benchmark") && plain(points, "points") =>
        {
            Some(FieldPath::BenchmarkPoints)
        }
        [fund, pme, point, part] if plain(fund, "fund") && plain(pme, "pme_benchmark") => {
            let index = indexed(point, "points")?;
            let part = [PointPart::Date, PointPart::Level]
                .into_iter()
                .find(|p| plain(part, p.key()))?;
            Some(FieldPath::BenchmarkPoint { index, part })
        }
        [fund, rest @ ..] if plain(fund, "fund") => scalar(Owner::Fund, rest),
        [stage, rest @ ..] if indexed(stage, "stages").is_some() => {
            scalar(Owner::Stage(indexed(stage, "stages")?), rest)
        }
        [company, rest @ ..] if indexed(company, "companies").is_some() => {
            let c = indexed(company, "companies")?;
            match rest {
                [pools] if plain(pools, "cost_pools") => Some(FieldPath::CostPools { company: c }),
                [levers] if plain(levers, "levers") => Some(FieldPath::Levers { company: c }),
                [lever, tail @ ..] if indexed(lever, "levers").is_some() => scalar(
                    Owner::Lever {
                        company: c,
                        lever: indexed(lever, "levers")?,
                    },
                    tail,
                ),
                _ => scalar(Owner::Company(c), rest),
            }
        }
        [scenario, rest @ ..] if indexed(scenario, "scenarios").is_some() => {
            let i = indexed(scenario, "scenarios")?;
            match rest {
                [o, company] if plain(company, "company") => Some(FieldPath::OverrideCompany {
                    scenario: i,
                    index: indexed(o, "company_overrides")?,
                }),
                _ => scalar(Owner::Scenario(i), rest),
            }
        }
        [u, rest @ ..] if plain(u, "uncertainty") => match rest {
            [driver] => UncertainDriver::ALL
                .into_iter()
                .find(|d| plain(driver, d.key()))
                .map(FieldPath::Distribution)
                .or_else(|| scalar(Owner::Uncertainty, rest)),
            _ => scalar(Owner::Uncertainty, rest),
        },
        _ => None,
    }
}

impl FromStr for FieldPath {
    type Err = ParsePathError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParsePathError {
            text: text.to_string(),
        };
        let segments: Option<Vec<Segment<'_>>> = text.split('.').map(segment).collect();
        parse_segments(&segments.ok_or_else(error)?).ok_or_else(error)
    }
}
