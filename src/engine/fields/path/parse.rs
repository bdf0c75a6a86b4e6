//! Reading a [`FieldPath`] back from its text: dot-separated segments, each a name and
//! an optional `[index]`, matched against the shapes `Display` writes.

use std::str::FromStr;

use super::{FieldPath, MultiplePointPart, Owner, PartialExitPart, PointPart, UncertainDriver};

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

impl Segment<'_> {
    /// Whether this is `name` with no index.
    fn is(&self, name: &str) -> bool {
        self.index.is_none() && self.name == name
    }

    /// The index of `name[i]`, when this is that.
    fn indexed(&self, name: &str) -> Option<usize> {
        if self.name == name { self.index } else { None }
    }
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

/// What follows `fund.`: the benchmark series, the comparable paths, or a scalar field.
fn fund_path(rest: &[Segment<'_>]) -> Option<FieldPath> {
    match rest {
        [pme, points] if pme.is("pme_benchmark") && points.is("points") => Some(FieldPath::BenchmarkPoints),
        [pme, point, part] if pme.is("pme_benchmark") => {
            let index = point.indexed("points")?;
            let part = [PointPart::Date, PointPart::Level]
                .into_iter()
                .find(|p| part.is(p.key()))?;
            Some(FieldPath::BenchmarkPoint { index, part })
        }
        [paths] if paths.is("comparable_multiples") => Some(FieldPath::ComparablePaths),
        [path, tail @ ..] if path.indexed("comparable_multiples").is_some() => {
            let comparable = path.indexed("comparable_multiples")?;
            match tail {
                [sector] if sector.is("sector") => Some(FieldPath::ComparableSector { comparable }),
                [points] if points.is("points") => Some(FieldPath::ComparablePoints { comparable }),
                [point, part] => Some(FieldPath::ComparablePoint {
                    comparable,
                    index: point.indexed("points")?,
                    part: MultiplePointPart::ALL.into_iter().find(|p| part.is(p.key()))?,
                }),
                _ => None,
            }
        }
        [terms, steps, part @ ..] if terms.is("fee_terms") && steps.name == "steps" && part.len() <= 1 => {
            let part = match part {
                [part] if part.index.is_none() => Some(part.name),
                [] => None,
                _ => return None,
            };
            super::fee_steps::parse((steps.name, steps.index), part)
        }
        [terms, tiers, part @ ..] if terms.is("carry_terms") && tiers.name == "tiers" && part.len() <= 1 => {
            let part = match part {
                [part] if part.index.is_none() => Some(part.name),
                [] => None,
                _ => return None,
            };
            super::carry_tiers::parse((tiers.name, tiers.index), part)
        }
        [group, list, part @ ..]
            if (group.is("investors") && matches!(list.name, "classes" | "closes"))
                || (group.is("credit_line") && list.name == "base_rate_curve") =>
        {
            let part = match part {
                [part] if part.index.is_none() => Some(part.name),
                [] => None,
                _ => return None,
            };
            if group.name == "investors" {
                super::investors::parse_investors((list.name, list.index), part)
            } else {
                super::investors::parse_rate_curve((list.name, list.index), part)
            }
        }
        _ => scalar(Owner::Fund, rest),
    }
}

/// What follows `companies[c].`: its pools, levers, partial exits or a scalar field.
fn company_path(c: usize, rest: &[Segment<'_>]) -> Option<FieldPath> {
    match rest {
        [pools] if pools.is("cost_pools") => Some(FieldPath::CostPools { company: c }),
        [levers] if levers.is("levers") => Some(FieldPath::Levers { company: c }),
        [sales] if sales.is("partial_exits") => Some(FieldPath::PartialExits { company: c }),
        [sale, part] if sale.indexed("partial_exits").is_some() => Some(FieldPath::PartialExit {
            company: c,
            index: sale.indexed("partial_exits")?,
            part: PartialExitPart::ALL.into_iter().find(|p| part.is(p.key()))?,
        }),
        [lever, tail @ ..] if lever.indexed("levers").is_some() => scalar(
            Owner::Lever {
                company: c,
                lever: lever.indexed("levers")?,
            },
            tail,
        ),
        _ => scalar(Owner::Company(c), rest),
    }
}

fn parse_segments(s: &[Segment<'_>]) -> Option<FieldPath> {
    match s {
        [only] if only.is("stages") => Some(FieldPath::Stages),
        [only] if only.is("scenario") => Some(FieldPath::AppliedScenario),
        [programme, rest @ ..] if programme.is("programme") => {
            let rest: Vec<(&str, Option<usize>)> = rest.iter().map(|s| (s.name, s.index)).collect();
            super::programme::parse(&rest).map(FieldPath::Programme)
        }
        [fund, rest @ ..] if fund.is("fund") => fund_path(rest),
        [stage, rest @ ..] if stage.indexed("stages").is_some() => {
            scalar(Owner::Stage(stage.indexed("stages")?), rest)
        }
        [company, rest @ ..] if company.indexed("companies").is_some() => {
            company_path(company.indexed("companies")?, rest)
        }
        [scenario, rest @ ..] if scenario.indexed("scenarios").is_some() => {
            let i = scenario.indexed("scenarios")?;
            match rest {
                [o, company] if company.is("company") => Some(FieldPath::OverrideCompany {
                    scenario: i,
                    index: o.indexed("company_overrides")?,
                }),
                _ => scalar(Owner::Scenario(i), rest),
            }
        }
        [u, rest @ ..] if u.is("uncertainty") => match rest {
            [driver] => UncertainDriver::ALL
                .into_iter()
                .find(|d| driver.is(d.key()))
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
