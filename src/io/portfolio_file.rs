//! Portfolio files: JSON with a format name and version. STUB: the real loader/saver is
//! being written on the `io` branch.

use std::path::{Path, PathBuf};

use crate::engine::model::Portfolio;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("could not read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Parse(String),
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Parses a portfolio from JSON text.
pub fn from_json_str(text: &str) -> Result<Portfolio, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::Parse(e.to_string()))
}

/// Serialises a portfolio to pretty JSON.
pub fn to_json_string(portfolio: &Portfolio) -> String {
    serde_json::to_string_pretty(portfolio).unwrap_or_default()
}

/// Reads a portfolio file.
pub fn load(path: &Path) -> Result<Portfolio, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    from_json_str(&text)
}

/// Writes a portfolio file.
pub fn save(path: &Path, portfolio: &Portfolio) -> Result<(), SaveError> {
    std::fs::write(path, to_json_string(portfolio)).map_err(|source| SaveError::Write {
        path: path.to_path_buf(),
        source,
    })
}
