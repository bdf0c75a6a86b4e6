//! Fields in words: where a [`FieldPath`] is in a fund manager's terms ("Northwind
//! Castings · Tax rate"), and what a field holds ("Carried interest — percent, 0% to
//! 50%"), for problem lists and tooltips. The path itself stays the link that selects
//! the field.

use std::fmt;

use rust_decimal::Decimal;

use super::{
    Bounds, Choices, FieldMeta, FieldPath, MAX_MONEY, MultiplePointPart, Owner, PartialExitPart, PointPart,
    Presence, RatePointPart, Unit, meta,
};
use crate::engine::model::Portfolio;

/// Where a field is: the item it belongs to ("Northwind Castings", "Stage I", "Fund
/// terms") and the field's label ("Tax rate").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The item the field belongs to ("Northwind Castings", "Fund terms").
    pub item: String,
    /// The field's label ("Tax rate").
    pub field: String,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} · {}", self.item, self.field)
    }
}

/// The name of an item, or what it is when it has none ("Company 3").
fn named(name: Option<&str>, what: &str, index: usize) -> String {
    match name.map(str::trim) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => format!("{what} {}", index + 1),
    }
}

/// The item `owner` is in `portfolio`, in words.
pub fn owner_name(portfolio: &Portfolio, owner: Owner) -> String {
    let company = |i: usize| named(portfolio.companies.get(i).map(|c| c.name.as_str()), "Company", i);
    match owner {
        Owner::Fund => "Fund terms".into(),
        Owner::Stage(i) => named(portfolio.stages.get(i).map(|s| s.name.as_str()), "Stage", i),
        Owner::Company(i) => company(i),
        Owner::Lever { company: c, lever } => {
            let name = portfolio
                .companies
                .get(c)
                .and_then(|co| co.levers.get(lever))
                .map(|l| l.name.as_str());
            format!("{} · {}", company(c), named(name, "Lever", lever))
        }
        Owner::Scenario(i) => format!(
            "Scenario {}",
            named(portfolio.scenarios.get(i).map(|s| s.name.as_str()), "", i).trim()
        ),
        Owner::Uncertainty => "Monte Carlo".into(),
    }
}

/// Where `path` is in `portfolio`, in words.
pub fn place(portfolio: &Portfolio, path: &FieldPath) -> Place {
    let company = |i| owner_name(portfolio, Owner::Company(i));
    let (item, field) = match path {
        FieldPath::Field { owner, key } => (
            owner_name(portfolio, *owner),
            meta(path).map_or_else(|| (*key).to_string(), |m| m.label.to_string()),
        ),
        FieldPath::Stages => ("Deployment stages".into(), "Budgets and reserves".into()),
        FieldPath::CostPools { company: i } => (company(*i), "Cost pools".into()),
        FieldPath::Levers { company: i } => (company(*i), "AI levers".into()),
        FieldPath::BenchmarkPoints => ("Fund terms".into(), "Benchmark index".into()),
        FieldPath::BenchmarkPoint { index, part } => (
            "Fund terms".into(),
            format!(
                "Benchmark point {} {}",
                index + 1,
                match part {
                    PointPart::Date => "date",
                    PointPart::Level => "level",
                }
            ),
        ),
        FieldPath::OverrideCompany { scenario, index } => (
            owner_name(portfolio, Owner::Scenario(*scenario)),
            format!("Company override {}", index + 1),
        ),
        FieldPath::PartialExits { company: i } => (company(*i), "Partial exits".into()),
        FieldPath::PartialExit {
            company: i,
            index,
            part,
        } => (
            company(*i),
            format!(
                "Partial exit {} {}",
                index + 1,
                match part {
                    PartialExitPart::Date => "date",
                    PartialExitPart::Share => "share",
                }
            ),
        ),
        FieldPath::ComparablePaths => ("Fund terms".into(), "Comparable multiples".into()),
        FieldPath::ComparableSector { comparable } => (
            "Fund terms".into(),
            format!("{} sector", comparable_name(portfolio, *comparable)),
        ),
        FieldPath::ComparablePoints { comparable } => (
            "Fund terms".into(),
            format!("{} points", comparable_name(portfolio, *comparable)),
        ),
        FieldPath::ComparablePoint {
            comparable,
            index,
            part,
        } => (
            "Fund terms".into(),
            format!(
                "{} point {} {}",
                comparable_name(portfolio, *comparable),
                index + 1,
                match part {
                    MultiplePointPart::Date => "date",
                    MultiplePointPart::Multiple => "multiple",
                }
            ),
        ),
        FieldPath::FeeSteps => ("Fund terms".into(), "Fee steps".into()),
        FieldPath::FeeStep { index, part } => (
            "Fund terms".into(),
            format!("Fee step {} {}", index + 1, part.label()),
        ),
        FieldPath::CarryTiers => ("Fund terms".into(), "Carry tiers".into()),
        FieldPath::CarryTier { index, part } => (
            "Fund terms".into(),
            format!("Carry tier {} {}", index + 1, part.label()),
        ),
        FieldPath::LpClasses => ("Fund terms".into(), "LP classes".into()),
        FieldPath::LpClass { index, part } => (
            "Fund terms".into(),
            format!("{} {}", class_name(portfolio, *index), part.label()),
        ),
        FieldPath::Closes => ("Fund terms".into(), "Closes".into()),
        FieldPath::Close { index, part } => (
            "Fund terms".into(),
            format!("Close {} {}", index + 1, part.label()),
        ),
        FieldPath::BaseRateCurve => ("Fund terms".into(), "Credit line dated base rates".into()),
        FieldPath::BaseRatePoint { index, part } => (
            "Fund terms".into(),
            format!(
                "Credit line base rate {} {}",
                index + 1,
                match part {
                    RatePointPart::Date => "date",
                    RatePointPart::Rate => "rate",
                }
            ),
        ),
        FieldPath::Distribution(driver) => ("Monte Carlo".into(), distribution_label(driver.key())),
        FieldPath::Programme(programme) => programme.place(|i| {
            portfolio.programme.platforms.get(i).map_or_else(
                || format!("AI platform {}", i + 1),
                |p| format!("AI platform '{}'", p.name),
            )
        }),
        FieldPath::AppliedScenario => ("Analysis".into(), "Scenario applied".into()),
    };
    Place { item, field }
}

/// A comparable multiple path by its sector ("Aerospace comparables"), or by its place
/// when it is gone ("Comparable path 3").
fn comparable_name(portfolio: &Portfolio, index: usize) -> String {
    portfolio.fund.comparable_multiples.get(index).map_or_else(
        || format!("Comparable path {}", index + 1),
        |path| format!("{} comparables", path.sector.label()),
    )
}

/// An LP class by its name ("LP class Anchor"), or by its place when it has none or is
/// gone ("LP class 2").
pub fn class_name(portfolio: &Portfolio, index: usize) -> String {
    let name = portfolio.fund.investors.classes.get(index).map(|c| c.name.trim());
    match name {
        Some(name) if !name.is_empty() => format!("LP class {name}"),
        _ => format!("LP class {}", index + 1),
    }
}

/// `realisation_scale` → `Realisation scale`.
fn distribution_label(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A fraction as a percentage (`0.5` → `50%`), or the fraction when it cannot scale.
fn percent(value: Decimal) -> String {
    value.checked_mul(Decimal::ONE_HUNDRED).map_or_else(
        || value.normalize().to_string(),
        |p| format!("{}%", p.normalize()),
    )
}

/// The bounds of a field in `unit`, in words ("0% to 50%", "above zero").
fn range_words(unit: Unit, bounds: Bounds) -> String {
    if unit == Unit::Money {
        let upper = if bounds.max == MAX_MONEY {
            String::new()
        } else {
            format!(" and at most {}", bounds.max.normalize())
        };
        let lower = if bounds.min.is_zero() && bounds.min_allowed {
            "zero or more".to_string()
        } else if bounds.min.is_zero() {
            "above zero".to_string()
        } else {
            format!("at least {}", bounds.min.normalize())
        };
        return format!("{lower}{upper}");
    }
    let show = |x: Decimal| match unit {
        Unit::Percent => percent(x),
        Unit::Multiple => format!("{}x", x.normalize()),
        _ => x.normalize().to_string(),
    };
    if bounds.min_allowed {
        format!("{} to {}", show(bounds.min), show(bounds.max))
    } else {
        format!("above {}, at most {}", show(bounds.min), show(bounds.max))
    }
}

impl FieldMeta {
    /// What the field holds, for its label's tooltip: label, unit and range
    /// ("Carried interest — percent, 0% to 50%").
    pub fn describe(&self) -> String {
        let unit = match self.unit {
            Unit::Money => "amount in the fund's currency",
            Unit::Percent => "percent",
            Unit::Multiple => "multiple of EBITDA",
            Unit::Number => "number",
            Unit::Years => "whole years",
            Unit::Quarters => "whole quarters",
            Unit::Days => "whole days",
            Unit::Date => "date (YYYY-MM-DD)",
            Unit::Text => "text",
            Unit::Choice => "a choice",
        };
        let mut text = format!("{} — {unit}", self.label);
        if let Some(bounds) = self.bounds {
            text.push_str(&format!(", {}", range_words(self.unit, bounds)));
        }
        match self.choices {
            Choices::Fixed(list) => text.push_str(&format!(": {}", list().join(", "))),
            Choices::StageNames => text.push_str(": one of the fund's stages"),
            Choices::Flag => text.push_str(": yes or no"),
            Choices::None => {}
        }
        match self.presence {
            Presence::Always => {}
            Presence::Override { .. } => {
                text.push_str(". An override: when off, the base model's own values apply");
            }
            Presence::Optional { when_off, .. } => {
                text.push_str(&format!(". Optional: when off, {when_off}"));
            }
            Presence::SameAs { key } => {
                text.push_str(&format!(". When blank, the same as {}", label_of_key(key)));
            }
        }
        text
    }
}

/// The label of the field `key` in whichever table has it (a field that follows another
/// names it by label).
fn label_of_key(key: &str) -> String {
    let owners = [
        Owner::Fund,
        Owner::Stage(0),
        Owner::Company(0),
        Owner::Lever { company: 0, lever: 0 },
        Owner::Scenario(0),
        Owner::Uncertainty,
    ];
    owners
        .into_iter()
        .flat_map(super::metas)
        .find(|m| m.key == key)
        .map_or_else(|| key.to_string(), |m| m.label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Portfolio {
        crate::io::samples::flagship().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_field_is_described_by_label_unit_and_range() {
        let carry = FieldPath::field(Owner::Fund, "carry_rate").and_then(|p| meta(&p));
        assert_eq!(
            carry.map(FieldMeta::describe).as_deref(),
            Some("Carried interest — percent, 0% to 50%")
        );
        let exit = FieldPath::field(Owner::Company(0), "exit_multiple").and_then(|p| meta(&p));
        assert_eq!(
            exit.map(FieldMeta::describe).as_deref(),
            Some("Exit EV / EBITDA — multiple of EBITDA, 0x to 100x")
        );
    }

    #[test]
    fn a_path_is_placed_by_item_name_and_field_label() {
        let p = sample();
        let tax = FieldPath::field(Owner::Company(0), "tax_rate").unwrap_or_else(|| panic!("no tax_rate"));
        assert_eq!(
            place(&p, &tax).to_string(),
            format!("{} · Tax rate", p.companies[0].name)
        );
        let budget = FieldPath::field(Owner::Stage(0), "budget").unwrap_or_else(|| panic!("no budget"));
        assert_eq!(place(&p, &budget).item, p.stages[0].name);
        assert_eq!(
            place(&p, &FieldPath::Stages).to_string(),
            "Deployment stages · Budgets and reserves"
        );
    }

    #[test]
    fn list_items_are_placed_by_company_or_sector_and_number() {
        let mut p = sample();
        p.fund.comparable_multiples = vec![crate::engine::model::ComparablePath {
            sector: crate::engine::model::Sector::Aerospace,
            points: Vec::new(),
        }];
        let sale = FieldPath::PartialExit {
            company: 0,
            index: 1,
            part: PartialExitPart::Share,
        };
        assert_eq!(
            place(&p, &sale).to_string(),
            format!("{} · Partial exit 2 share", p.companies[0].name)
        );
        let point = FieldPath::ComparablePoint {
            comparable: 0,
            index: 0,
            part: MultiplePointPart::Multiple,
        };
        assert_eq!(
            place(&p, &point).to_string(),
            "Fund terms · Aerospace comparables point 1 multiple"
        );
        assert_eq!(
            place(&p, &FieldPath::ComparableSector { comparable: 4 }).to_string(),
            "Fund terms · Comparable path 5 sector"
        );
    }
}
