//! Portfolio files: pretty JSON with a format name and version, decimals as strings and
//! ISO dates, so that files diff well and round-trip exactly.
//!
//! Loading checks, in order: the bytes are UTF-8 text, the text is JSON (else the line
//! and column), the JSON is a Millwright portfolio (`format`), its version is one this
//! build reads (a newer one is refused politely), then every field (errors name the field
//! path, line and column — of the member itself, also inside tagged sections such as
//! `uncertainty`; a fraction in a whole-number field says so). A UTF-8 byte-order mark is
//! skipped. Nothing panics on any input. Saving is atomic and refuses a read-only file.
//!
//! A file in an older format version is brought up to the current one in memory
//! ([`migrate`], which documents each step and the defaults the new fields take); the
//! `…_with_migration` functions say so ([`Loaded::migrated`]) for the user, and a save
//! writes the current version. Opening never rewrites the file.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::engine::model::{FORMAT_NAME, FORMAT_VERSION, Portfolio};

pub use migrate::{Migration, OLDEST_FORMAT_VERSION, migrate};

/// What is wrong with a portfolio file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// The file could not be read.
    Read(String),
    /// The file is empty.
    Empty,
    /// The bytes are not UTF-8 text.
    NotText {
        /// How many bytes from the start are valid UTF-8.
        valid_up_to: usize,
    },
    /// The text is not JSON.
    Syntax {
        /// Line of the error, counting from 1.
        line: usize,
        /// Column of the error, counting from 1.
        column: usize,
        /// The JSON parser's description.
        message: String,
    },
    /// The JSON is not a Millwright portfolio.
    NotAPortfolio {
        /// The `format` the file names instead, if it names one.
        found: Option<String>,
    },
    /// No usable `version` field.
    MissingVersion,
    /// Written by a newer Millwright.
    NewerVersion {
        /// The format version the file was written with.
        version: u64,
    },
    /// A version no Millwright wrote (below [`OLDEST_FORMAT_VERSION`]).
    UnknownVersion {
        /// The format version the file states.
        version: u64,
    },
    /// A number with a fraction written as a JSON number: it would pass through binary
    /// floating point, so the file must write it as a string.
    BinaryNumber {
        /// Where in the file (`companies[3].exit_multiple`).
        path: String,
    },
    /// A whole-number field (years, quarters) holds a number with a fraction.
    WholeNumber {
        /// Where in the file (`fund.term_years`).
        path: String,
        /// Line of the value, counting from 1.
        line: usize,
        /// Column of the value, counting from 1.
        column: usize,
    },
    /// A field has the wrong type or value.
    Field {
        /// Where in the file (`companies[3].exit_date`).
        path: String,
        /// Line of the value, counting from 1.
        line: usize,
        /// Column of the value, counting from 1.
        column: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadProblem::Read(reason) => write!(f, "could not be read: {reason}"),
            LoadProblem::Empty => write!(f, "is empty"),
            LoadProblem::NotText { valid_up_to } => {
                write!(f, "is not a text file (invalid UTF-8 after byte {valid_up_to})")
            }
            LoadProblem::Syntax {
                line,
                column,
                message,
            } => {
                write!(f, "is not valid JSON at line {line}, column {column}: {message}")
            }
            LoadProblem::NotAPortfolio { found: None } => {
                write!(
                    f,
                    "is not a Millwright portfolio (it has no \"format\": \"{FORMAT_NAME}\")"
                )
            }
            LoadProblem::NotAPortfolio { found: Some(other) } => write!(
                f,
                "is not a Millwright portfolio (its format is \"{other}\", expected \"{FORMAT_NAME}\")"
            ),
            LoadProblem::MissingVersion => write!(f, "has no format \"version\" number"),
            LoadProblem::NewerVersion { version } => write!(
                f,
                "was written by a newer Millwright (format version {version}); this build reads up to \
                 version {FORMAT_VERSION} — please update Millwright to open it"
            ),
            LoadProblem::UnknownVersion { version } => write!(
                f,
                "states format version {version}, which no Millwright wrote (versions run from \
                 {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION})"
            ),
            LoadProblem::BinaryNumber { path } => write!(
                f,
                "{path}: write numbers with a fraction as strings (\"0.08\", not 0.08) so no binary \
                 rounding touches them"
            ),
            LoadProblem::WholeNumber { path, line, column } => write!(
                f,
                "{path} (line {line}, column {column}): must be a whole number (for example 5, not 5.5)"
            ),
            LoadProblem::Field {
                path,
                line,
                column,
                message,
            } => {
                write!(f, "{path} (line {line}, column {column}): {message}")
            }
        }
    }
}

/// Why a portfolio could not be loaded: the problem, and the file when there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file read, when the portfolio came from one.
    pub path: Option<PathBuf>,
    /// What is wrong with it.
    pub problem: LoadProblem,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{} {}", path.display(), self.problem),
            None => write!(f, "the portfolio {}", self.problem),
        }
    }
}

impl From<LoadProblem> for LoadError {
    fn from(problem: LoadProblem) -> Self {
        LoadError { path: None, problem }
    }
}

/// Why a portfolio could not be saved. The existing file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing the temporary copy or moving it into place failed.
    #[error("could not write {path}: {source} (the existing file, if any, is unchanged)")]
    Write {
        /// The file being saved.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The model could not be written as JSON (serde's message).
    #[error("could not turn the portfolio into JSON: {0}")]
    Serialise(String),
    /// The file is read-only: it was not replaced.
    #[error("{} is read-only; it was not replaced (make it writable or use Save As)", path.display())]
    ReadOnly {
        /// The file that was to be replaced.
        path: PathBuf,
    },
}

/// A portfolio as loaded, and whether it was brought up from an older format version.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The portfolio, at [`FORMAT_VERSION`] (its `version` says so, and a save writes it).
    pub portfolio: Portfolio,
    /// Set when the file was written in an older version: tell the user once that it
    /// will be saved in the current one.
    pub migrated: Option<Migration>,
}

/// Parses a portfolio from JSON text (a leading UTF-8 byte-order mark is skipped),
/// brought up to the current format version ([`from_json_str_with_migration`] also says
/// whether it was older).
pub fn from_json_str(text: &str) -> Result<Portfolio, LoadError> {
    from_json_str_with_migration(text).map(|loaded| loaded.portfolio)
}

/// Parses a portfolio from JSON text, brought up to the current format version, and says
/// which version it was read from when that was older ([`Loaded::migrated`]).
pub fn from_json_str_with_migration(text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadProblem::Empty.into());
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadProblem::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    match value.get("format") {
        Some(serde_json::Value::String(name)) if name == FORMAT_NAME => {}
        Some(serde_json::Value::String(name)) => {
            return Err(LoadProblem::NotAPortfolio {
                found: Some(name.clone()),
            }
            .into());
        }
        _ => return Err(LoadProblem::NotAPortfolio { found: None }.into()),
    }
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(LoadProblem::MissingVersion)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadProblem::NewerVersion { version }.into());
    }
    if version < u64::from(OLDEST_FORMAT_VERSION) {
        return Err(LoadProblem::UnknownVersion { version }.into());
    }
    let fraction = first_fractional_number(&value, String::new());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Portfolio>(&mut deserializer) {
        // A decimal field took the binary number: refuse it all the same.
        Ok(_) if fraction.is_some() => Err(LoadProblem::BinaryNumber {
            path: fraction.unwrap_or_default(),
        }
        .into()),
        Ok(mut portfolio) => {
            let migrated = migrate(&mut portfolio)?;
            Ok(Loaded { portfolio, migrated })
        }
        Err(e) => Err(field_problem(text, &value, &e, fraction).into()),
    }
}

/// The problem a deserialisation error describes, at the member it is about.
fn field_problem(
    text: &str,
    value: &serde_json::Value,
    error: &serde_path_to_error::Error<serde_json::Error>,
    fraction: Option<String>,
) -> LoadProblem {
    let path = error.path().to_string();
    let inner = error.inner();
    let message = strip_position(&inner.to_string());
    // An integer field (years, quarters) holding a number with a fraction.
    if message.starts_with("invalid type: floating point") {
        return LoadProblem::WholeNumber {
            path,
            line: inner.line(),
            column: inner.column(),
        };
    }
    if fraction.as_deref() == Some(path.as_str()) {
        return LoadProblem::BinaryNumber { path };
    }
    match position::refine(text, value, &path, &message) {
        Some((path, line, column)) => LoadProblem::Field {
            path,
            line,
            column,
            message: wording::plain(&message),
        },
        None => LoadProblem::Field {
            path,
            line: inner.line(),
            column: inner.column(),
            message: wording::plain(&message),
        },
    }
}

/// The path (`companies[3].exit_multiple`) of the first JSON number with a fraction or
/// exponent, if any.
fn first_fractional_number(value: &serde_json::Value, at: String) -> Option<String> {
    match value {
        serde_json::Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            Some(if at.is_empty() { ".".into() } else { at })
        }
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| first_fractional_number(v, format!("{at}[{i}]"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            first_fractional_number(
                v,
                if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                },
            )
        }),
        _ => None,
    }
}

/// serde_json appends " at line L column C"; we say where ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Parses a portfolio from raw bytes (checks they are UTF-8 text first; a byte-order
/// mark is skipped), brought up to the current format version.
pub fn from_slice(bytes: &[u8]) -> Result<Portfolio, LoadError> {
    from_slice_with_migration(bytes).map(|loaded| loaded.portfolio)
}

/// [`from_slice`], saying whether the portfolio was read from an older format version.
pub fn from_slice_with_migration(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| LoadProblem::NotText {
        valid_up_to: e.valid_up_to(),
    })?;
    from_json_str_with_migration(text)
}

/// Serialises a portfolio to pretty JSON (two-space indent, fields in model order,
/// decimals as strings) ending with a newline.
pub fn to_json_string(portfolio: &Portfolio) -> Result<String, SaveError> {
    let mut text =
        serde_json::to_string_pretty(portfolio).map_err(|e| SaveError::Serialise(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads a portfolio file, brought up to the current format version (the file itself is
/// not rewritten).
pub fn load(path: &Path) -> Result<Portfolio, LoadError> {
    load_with_migration(path).map(|loaded| loaded.portfolio)
}

/// Reads a portfolio file, brought up to the current format version, and says which
/// version it was read from when that was older. The file itself is not rewritten.
pub fn load_with_migration(path: &Path) -> Result<Loaded, LoadError> {
    let with_path = |problem| LoadError {
        path: Some(path.to_path_buf()),
        problem,
    };
    let bytes = std::fs::read(path).map_err(|e| with_path(LoadProblem::Read(e.to_string())))?;
    from_slice_with_migration(&bytes).map_err(|e| with_path(e.problem))
}

/// Writes a portfolio file atomically: the old file stays intact if anything fails. A
/// read-only file is refused ([`SaveError::ReadOnly`]); a symlink is written through.
/// Stale temporary files of ours left beside it by an earlier, killed save are removed
/// first (best effort: a folder that cannot be listed does not stop the save, whose own
/// write then reports the problem).
pub fn save(path: &Path, portfolio: &Portfolio) -> Result<(), SaveError> {
    let text = to_json_string(portfolio)?;
    super::clean_stale_temp_files(&super::atomic::folder_of(path)).ok();
    super::try_write_atomically(path, text.as_bytes()).map_err(|e| match e {
        super::WriteError::ReadOnly { path } => SaveError::ReadOnly { path },
        super::WriteError::Io { source, .. } => SaveError::Write {
            path: path.to_path_buf(),
            source,
        },
    })
}

mod migrate;
mod position;
#[cfg(test)]
mod tests;
mod wording;
