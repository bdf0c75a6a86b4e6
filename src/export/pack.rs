//! The memo pack: every chart as SVG and PNG, `summary.csv`, `cashflows.csv`,
//! `companies.csv` and `model.xlsx`, written atomically into one folder.

use std::path::{Path, PathBuf};

use super::memo_chart::{self, MemoText, PNG_SIZE, SVG_SIZE};
use super::{tables, workbook};
use crate::charts::{self, ChartId};
use crate::engine::model::Portfolio;
use crate::engine::results::FundResult;

/// Why the pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Chart(#[from] memo_chart::ChartError),
    #[error("could not build the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("could not build a table: {0}")]
    Table(#[from] anyhow::Error),
    #[error("could not write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Where the numbers came from, for subtitles, footnotes and metadata.
#[derive(Debug, Clone)]
pub struct Source {
    pub file_name: String,
    pub scenario: String,
    /// The date the model was computed (ISO).
    pub model_date: String,
}

/// The words around every chart of this model.
pub fn memo_text(portfolio: &Portfolio, result: &FundResult, source: &Source) -> MemoText {
    let m = &result.metrics;
    let irr = m
        .net_irr
        .as_ref()
        .map_or_else(|_| "n/a".to_string(), |r| crate::units::format_percent(*r));
    let tvpi = m.tvpi.map_or_else(|| "n/a".into(), crate::units::format_multiple);
    MemoText {
        subtitle: format!(
            "{} · {} · {}",
            portfolio.fund.name, source.scenario, source.model_date
        ),
        footnote: format!(
            "Source: {}, scenario {}; Millwright model computed {}. Figures in US$; projections, not forecasts.",
            source.file_name, source.scenario, source.model_date
        ),
        description: format!(
            "Fund: {}; commitment {}; scenario: {}; {} companies in {} stages; net IRR {irr}; TVPI {tvpi}; \
             carry {}, preferred return {}, management fee {}; source file {}; computed {}.",
            portfolio.fund.name,
            crate::units::format_money(portfolio.fund.commitment),
            source.scenario,
            portfolio.companies.len(),
            portfolio.stages.len(),
            crate::units::format_percent(portfolio.fund.carry_rate),
            crate::units::format_percent(portfolio.fund.preferred_return),
            crate::units::format_percent(portfolio.fund.management_fee_rate),
            source.file_name,
            source.model_date,
        ),
    }
}

/// Number of files the pack writes (for progress bars).
pub fn file_count() -> usize {
    ChartId::ALL.len() * 2 + 4
}

fn write(path: &Path, bytes: &[u8]) -> Result<PathBuf, ExportError> {
    crate::io::write_atomically(path, bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(path.to_path_buf())
}

/// Writes the pack into `out_dir` (created if needed); `progress(done, total)` after each
/// file. Returns the files written.
pub fn export_pack(
    portfolio: &Portfolio,
    result: &FundResult,
    source: &Source,
    out_dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(out_dir).map_err(|source| ExportError::Write {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let total = file_count();
    let text = memo_text(portfolio, result, source);
    let mut written = Vec::with_capacity(total);
    for id in ChartId::ALL {
        let chart = charts::series::build(id, portfolio, result);
        written.push(write(
            &out_dir.join(format!("{}.svg", id.name())),
            memo_chart::svg(&chart, &text, SVG_SIZE)?.as_bytes(),
        )?);
        progress(written.len(), total);
        written.push(write(
            &out_dir.join(format!("{}.png", id.name())),
            &memo_chart::png(&chart, &text, PNG_SIZE)?,
        )?);
        progress(written.len(), total);
    }
    let m = &result.metrics;
    let tables: [(&str, Vec<u8>); 4] = [
        (
            "summary.csv",
            tables::summary_csv(portfolio, &source.scenario, m)?.into_bytes(),
        ),
        ("cashflows.csv", tables::cashflows_csv(result)?.into_bytes()),
        ("companies.csv", tables::companies_csv(result)?.into_bytes()),
        (
            "model.xlsx",
            workbook::build(portfolio, &source.scenario, result)?,
        ),
    ];
    for (name, bytes) in tables {
        written.push(write(&out_dir.join(name), &bytes)?);
        progress(written.len(), total);
    }
    Ok(written)
}
