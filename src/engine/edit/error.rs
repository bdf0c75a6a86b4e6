//! Why an edit was refused ([`EditError`]): each names the item asked for and what the
//! model has, in a fund manager's words. A refused edit leaves the portfolio untouched.

use super::super::fields::FieldError;

/// Why an edit was refused. The portfolio is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The edit names a stage position past the end of the list.
    #[error("there is no stage number {} (the model has {count})", .index + 1)]
    NoStage {
        /// The position asked for (zero-based).
        index: usize,
        /// How many stages there are.
        count: usize,
    },
    /// The edit names a company position past the end of the list.
    #[error("there is no company number {} (the model has {count})", .index + 1)]
    NoCompany {
        /// The position asked for (zero-based).
        index: usize,
        /// How many companies there are.
        count: usize,
    },
    /// The company exists but has no lever at that position.
    #[error("company number {} has no lever number {} (it has {count})", .company + 1, .lever + 1)]
    NoLever {
        /// The company's position (zero-based).
        company: usize,
        /// The lever position asked for (zero-based).
        lever: usize,
        /// How many levers the company has.
        count: usize,
    },
    /// The edit names a scenario position past the end of the list.
    #[error("there is no scenario number {} (the model has {count})", .index + 1)]
    NoScenario {
        /// The position asked for (zero-based).
        index: usize,
        /// How many scenarios there are.
        count: usize,
    },
    /// A company was to be added to a stage that does not exist.
    #[error("there is no stage named '{0}'")]
    NoStageNamed(String),
    /// A rename would give two stages the same name.
    #[error("another stage is already named '{0}': stage names must differ")]
    StageNameTaken(String),
    /// A rename would give two companies the same name.
    #[error("another company is already named '{0}': company names must differ")]
    CompanyNameTaken(String),
    /// The company exists but has no partial exit at that position.
    #[error("company number {} has no partial exit number {} (it has {count})", .company + 1, .index + 1)]
    NoPartialExit {
        /// The company's position (zero-based).
        company: usize,
        /// The sale asked for (zero-based).
        index: usize,
        /// How many partial exits the company has.
        count: usize,
    },
    /// The edit names a comparable path past the end of the fund's list.
    #[error("there is no comparable multiple path number {} (the fund has {count})", .index + 1)]
    NoComparablePath {
        /// The position asked for (zero-based).
        index: usize,
        /// How many paths there are.
        count: usize,
    },
    /// The comparable path exists but has no point at that position.
    #[error(
        "comparable multiple path number {} has no point number {} (it has {count})",
        .comparable + 1,
        .index + 1
    )]
    NoComparablePoint {
        /// The path's position (zero-based).
        comparable: usize,
        /// The point asked for (zero-based).
        index: usize,
        /// How many points the path has.
        count: usize,
    },
    /// A second comparable path for one sector was asked for.
    #[error("the fund already has a comparable multiple path for {0}: a sector has one path")]
    ComparableSectorTaken(String),
    /// The edit names a fee step past the end of the fund's list.
    #[error("there is no fee step number {} (the fund has {count})", .index + 1)]
    NoFeeStep {
        /// The position asked for (zero-based).
        index: usize,
        /// How many steps there are.
        count: usize,
    },
    /// The edit names an item past the end of one of the fund's lists (LP classes,
    /// closes, carry tiers, dated base rates, AI platforms and their build costs,
    /// learning rates).
    #[error("there is no {list} number {} (the fund has {count})", .index + 1)]
    NoListItem {
        /// The list's item in words ("close", "LP class").
        list: &'static str,
        /// The position asked for (zero-based).
        index: usize,
        /// How many items the list has.
        count: usize,
    },
    /// A rename would give two LP classes the same name.
    #[error("another LP class is already named '{0}': class names must differ")]
    LpClassNameTaken(String),
    /// The credit line's base rates were edited on a fund that has no credit line.
    #[error("the fund has no credit line: switch one on first")]
    NoCreditLine,
    /// The lever exists but its cost phasing has no quarter at that position.
    #[error(
        "company number {} lever number {} has no cost phasing quarter number {} (it has {count})",
        .company + 1,
        .lever + 1,
        .index + 1
    )]
    NoPhasingQuarter {
        /// The company's position (zero-based).
        company: usize,
        /// The lever's position in the company (zero-based).
        lever: usize,
        /// The quarter asked for (zero-based).
        index: usize,
        /// How many quarters the phasing has.
        count: usize,
    },
    /// A rename would give two shared AI platforms the same name.
    #[error("another AI platform is already named '{0}': platform names must differ")]
    PlatformNameTaken(String),
    /// A stage gate was edited on a stage that has no gate.
    #[error("stage number {} has no gate: switch one on first", .0 + 1)]
    NoStageGate(usize),
    /// A field edit was refused (not a settable field, nothing at the path, a value of the
    /// wrong kind, an unknown stage).
    #[error(transparent)]
    Field(#[from] FieldError),
}
