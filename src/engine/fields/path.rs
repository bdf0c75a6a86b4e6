//! Typed field paths: `companies[3].exit_costs` as a value. [`FieldPath`]'s `Display`
//! writes exactly the strings problems, the CLI's `check` and the editor use, and
//! `FromStr` reads them back (see `parse`); a scalar field's key is always one of its
//! table's keys. Items of the model's lists of figures (benchmark points, partial exits,
//! comparable multiples) have paths of their own.

mod carry_tiers;
mod fee_steps;
mod investors;
mod parse;
mod programme;

use std::fmt;

pub use carry_tiers::CarryTierPart;
pub use fee_steps::FeeStepPart;
pub use investors::{ClosePart, LpClassPart, RatePointPart};
pub use parse::ParsePathError;
pub use programme::{BuildCostPart, LearningPart, PlatformPart, ProgrammePath};

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
    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            PointPart::Date => "date",
            PointPart::Level => "level",
        }
    }
}

/// The part of a partial exit a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialExitPart {
    /// The date of the sale: `.date`.
    Date,
    /// The share of the original holding sold: `.share`.
    Share,
}

impl PartialExitPart {
    /// Both parts, in file order.
    pub const ALL: [PartialExitPart; 2] = [PartialExitPart::Date, PartialExitPart::Share];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            PartialExitPart::Date => "date",
            PartialExitPart::Share => "share",
        }
    }
}

/// The part of a point of a comparable multiple path a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MultiplePointPart {
    /// The date of the observation: `.date`.
    Date,
    /// The sector's EV / EBITDA on that date: `.multiple`.
    Multiple,
}

impl MultiplePointPart {
    /// Both parts, in file order.
    pub const ALL: [MultiplePointPart; 2] = [MultiplePointPart::Date, MultiplePointPart::Multiple];

    /// The field name in files and paths.
    pub fn key(self) -> &'static str {
        match self {
            MultiplePointPart::Date => "date",
            MultiplePointPart::Multiple => "multiple",
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
    /// A company's partial exits together: `companies[i].partial_exits`.
    PartialExits {
        /// Position of the company in `companies`.
        company: usize,
    },
    /// One partial exit's date or share: `companies[i].partial_exits[k].share`.
    PartialExit {
        /// Position of the company in `companies`.
        company: usize,
        /// Position of the sale in the company's `partial_exits`.
        index: usize,
        /// Its date or its share.
        part: PartialExitPart,
    },
    /// The comparable multiple paths together: `fund.comparable_multiples`.
    ComparablePaths,
    /// The sector of one comparable path: `fund.comparable_multiples[j].sector`.
    ComparableSector {
        /// Position of the path in `comparable_multiples`.
        comparable: usize,
    },
    /// The points of one comparable path together: `fund.comparable_multiples[j].points`.
    ComparablePoints {
        /// Position of the path in `comparable_multiples`.
        comparable: usize,
    },
    /// One point of a comparable path: `fund.comparable_multiples[j].points[k].multiple`.
    ComparablePoint {
        /// Position of the path in `comparable_multiples`.
        comparable: usize,
        /// Position of the point in the path's `points`.
        index: usize,
        /// Its date or its multiple.
        part: MultiplePointPart,
    },
    /// The fund's dated fee steps together: `fund.fee_terms.steps`.
    FeeSteps,
    /// One fee step's date, rate or basis: `fund.fee_terms.steps[k].rate`.
    FeeStep {
        /// Position of the step in `fee_terms.steps`.
        index: usize,
        /// Its date, rate or basis.
        part: FeeStepPart,
    },
    /// The fund's carry tiers together: `fund.carry_terms.tiers`.
    CarryTiers,
    /// One carry tier's threshold or rate: `fund.carry_terms.tiers[k].rate`.
    CarryTier {
        /// Position of the tier in `carry_terms.tiers`.
        index: usize,
        /// Its net multiple, net IRR or rate.
        part: CarryTierPart,
    },
    /// The fund's LP classes together: `fund.investors.classes`.
    LpClasses,
    /// One LP class's name, number of LPs or term: `fund.investors.classes[k].carry_rate`.
    LpClass {
        /// Position of the class in `investors.classes`.
        index: usize,
        /// Its name, number of LPs or one of its terms.
        part: LpClassPart,
    },
    /// The fund's closes together: `fund.investors.closes`.
    Closes,
    /// One close's date, class or amount: `fund.investors.closes[k].amount`.
    Close {
        /// Position of the close in `investors.closes`.
        index: usize,
        /// Its date, class or amount.
        part: ClosePart,
    },
    /// The credit line's dated base rates together: `fund.credit_line.base_rate_curve`.
    BaseRateCurve,
    /// One dated base rate's date or rate: `fund.credit_line.base_rate_curve[k].rate`.
    BaseRatePoint {
        /// Position of the point in `base_rate_curve`.
        index: usize,
        /// Its date or its rate.
        part: RatePointPart,
    },
    /// A Monte Carlo distribution: `uncertainty.exit_multiple_shift`.
    Distribution(UncertainDriver),
    /// A place in the shared AI programme: `programme.platforms[i].go_live`.
    Programme(ProgrammePath),
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

    /// The company this path is inside (its fields, pools, levers and partial exits), if
    /// any.
    pub fn company_index(&self) -> Option<usize> {
        match self {
            FieldPath::Field {
                owner: Owner::Company(c) | Owner::Lever { company: c, .. },
                ..
            }
            | FieldPath::CostPools { company: c }
            | FieldPath::Levers { company: c }
            | FieldPath::PartialExits { company: c }
            | FieldPath::PartialExit { company: c, .. } => Some(*c),
            _ => None,
        }
    }

    /// The `(company, sale)` of a partial exit this path is inside, if any.
    pub fn partial_exit_index(&self) -> Option<(usize, usize)> {
        match self {
            FieldPath::PartialExit { company, index, .. } => Some((*company, *index)),
            _ => None,
        }
    }

    /// The comparable multiple path this path is inside (its sector, its points), if any.
    pub fn comparable_index(&self) -> Option<usize> {
        match self {
            FieldPath::ComparableSector { comparable: j }
            | FieldPath::ComparablePoints { comparable: j }
            | FieldPath::ComparablePoint { comparable: j, .. } => Some(*j),
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
            FieldPath::PartialExits { company } => write!(f, "companies[{company}].partial_exits"),
            FieldPath::PartialExit { company, index, part } => {
                write!(f, "companies[{company}].partial_exits[{index}].{}", part.key())
            }
            FieldPath::ComparablePaths => write!(f, "fund.comparable_multiples"),
            FieldPath::ComparableSector { comparable } => {
                write!(f, "fund.comparable_multiples[{comparable}].sector")
            }
            FieldPath::ComparablePoints { comparable } => {
                write!(f, "fund.comparable_multiples[{comparable}].points")
            }
            FieldPath::ComparablePoint {
                comparable,
                index,
                part,
            } => write!(
                f,
                "fund.comparable_multiples[{comparable}].points[{index}].{}",
                part.key()
            ),
            FieldPath::FeeSteps => write!(f, "fund.fee_terms.steps"),
            FieldPath::FeeStep { index, part } => write!(f, "fund.fee_terms.steps[{index}].{}", part.key()),
            FieldPath::CarryTiers => write!(f, "fund.carry_terms.tiers"),
            FieldPath::CarryTier { index, part } => {
                write!(f, "fund.carry_terms.tiers[{index}].{}", part.key())
            }
            FieldPath::LpClasses => write!(f, "fund.investors.classes"),
            FieldPath::LpClass { index, part } => {
                write!(f, "fund.investors.classes[{index}].{}", part.key())
            }
            FieldPath::Closes => write!(f, "fund.investors.closes"),
            FieldPath::Close { index, part } => write!(f, "fund.investors.closes[{index}].{}", part.key()),
            FieldPath::BaseRateCurve => write!(f, "fund.credit_line.base_rate_curve"),
            FieldPath::BaseRatePoint { index, part } => {
                write!(f, "fund.credit_line.base_rate_curve[{index}].{}", part.key())
            }
            FieldPath::Distribution(driver) => write!(f, "uncertainty.{}", driver.key()),
            FieldPath::Programme(path) => write!(f, "{path}"),
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
