//! A portfolio file opened for a command: loaded once, turned into one [`Study`]
//! (validated once), with the case the command's `--scenario` names.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::anyhow;

use super::Failure;
use crate::engine::EngineError;
use crate::engine::model::{Portfolio, Reading};
use crate::engine::results::FundResult;
use crate::engine::study::{Case, CaseError, Study};
use crate::export::pack;
use crate::io::portfolio_file;

/// The study of one file and the case a command reads.
pub struct Opened {
    /// The file as the user named it (for messages and footnotes).
    pub file: PathBuf,
    /// The file's study: validated once, its base case computed, scenarios and
    /// analyses on demand.
    pub study: Study,
    /// The case `--scenario` names (the base case without it).
    pub case: Case,
    /// The scenario as the user typed it, "Base" without `--scenario` (the label the
    /// summary, tables and charts print).
    pub scenario_label: String,
}

/// Loads `file` (a data error names the field, line and column) without computing it.
pub fn load(file: &Path) -> Result<Portfolio, Failure> {
    portfolio_file::load(file).map_err(|e| Failure::Data(anyhow!(e)))
}

/// Loads `file` and builds its study; `scenario` picks the case.
pub fn open(file: &Path, scenario: Option<&str>) -> Result<Opened, Failure> {
    open_on(file, scenario, Reading::Plan)
}

/// [`open`], every case computed on `reading` of the levers' gates.
pub fn open_on(file: &Path, scenario: Option<&str>, reading: Reading) -> Result<Opened, Failure> {
    let portfolio = load(file)?;
    Ok(Opened {
        file: file.to_path_buf(),
        study: Study::on_reading(portfolio, 0, reading),
        case: Case::named(scenario),
        scenario_label: scenario.unwrap_or("Base").to_string(),
    })
}

impl Opened {
    /// The case's results, or a data error listing the problems to fix.
    pub fn result(&self) -> Result<Arc<FundResult>, Failure> {
        self.study.result(&self.case).map_err(|e| self.case_failure(e))
    }

    /// The case's model (the scenario applied), once the case computes.
    pub fn model(&self) -> Result<Arc<Portfolio>, Failure> {
        self.result()?;
        self.study.model(&self.case).map_err(|e| self.case_failure(e))
    }

    fn case_failure(&self, error: CaseError) -> Failure {
        match error {
            CaseError::Engine(EngineError::Invalid(problems)) => Failure::Data(anyhow!(
                "{} has {} problem(s); run `millwright check` for the list:\n{}",
                self.file.display(),
                problems.len(),
                problems
                    .iter()
                    .map(|p| format!("  {p}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )),
            other => Failure::Data(anyhow!(other)),
        }
    }

    /// Where the figures come from, for chart footnotes (the case comes from the study).
    pub fn source(&self) -> pack::Source {
        pack::Source {
            file_name: self.file.file_name().map_or_else(
                || self.file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            model_date: chrono::Local::now().date_naive().to_string(),
        }
    }
}

/// Refuses to write `output` when it is the input file itself (compared as canonical
/// paths and, on Unix, by device and inode, so `./f.json`, a symlink, `dir/../f.json`
/// or a hard link are caught too). An output that does not exist yet cannot be the
/// input.
pub fn refuse_overwriting(input: &Path, output: &Path, option: &str) -> Result<(), Failure> {
    crate::io::ensure_not_an_input(output, &[input]).map_err(|_| {
        Failure::Usage(format!(
            "{option} {} is the portfolio file itself; choose another output file",
            output.display()
        ))
    })
}
