//! The memo pack: every chart as SVG and PNG, `summary.csv`, `cashflows.csv`,
//! `companies.csv` and `model.xlsx` of one case, built from a [`Study`] (each analysis
//! runs at most once, and a run the user already made is reused), rendered in memory
//! first, then written into a temporary folder and moved into place whole.

use std::path::{Path, PathBuf};

use super::memo_chart::{self, MemoText, PNG_SIZE, SVG_SIZE};
use super::{tables, workbook};
use crate::charts::{self, ChartId, ChartUnavailable};
use crate::engine::montecarlo::McConfig;
use crate::engine::study::{Case, CaseError, GridSettings, Study};

/// Why the pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The case to export has no results.
    #[error("{case} cannot be exported: {source}")]
    Case {
        /// The case asked for.
        case: Case,
        /// Why it does not compute.
        source: Box<CaseError>,
    },
    /// A chart of the pack cannot be built from the study.
    #[error(transparent)]
    Unavailable(Box<ChartUnavailable>),
    /// A chart could not be drawn or encoded.
    #[error(transparent)]
    Draw(#[from] memo_chart::ChartError),
    /// The Excel workbook could not be built.
    #[error("could not build the workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    /// A CSV table could not be built.
    #[error("could not build a table: {0}")]
    Table(#[from] anyhow::Error),
    /// A file could not be written.
    #[error("could not write {path}: {source}")]
    Write {
        /// The file that failed.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The pack's folder could not be staged or moved into place.
    #[error(transparent)]
    Folder(Box<crate::io::FolderWriteError>),
}

impl From<crate::io::FolderWriteError> for ExportError {
    fn from(e: crate::io::FolderWriteError) -> Self {
        ExportError::Folder(Box::new(e))
    }
}

impl From<ChartUnavailable> for ExportError {
    fn from(e: ChartUnavailable) -> Self {
        ExportError::Unavailable(Box::new(e))
    }
}

/// Where the numbers came from, for footnotes and metadata (the case comes from the
/// study, so a chart can never name another case than the one it shows).
#[derive(Debug, Clone)]
pub struct Source {
    /// The portfolio file's name, without its folder (`industrial_ai_100b.json`), or the
    /// fund's name when the model is not saved to a file.
    pub file_name: String,
    /// The date the model was computed (ISO).
    pub model_date: String,
}

/// The words around every chart of `case`: its own model's terms and results.
pub fn memo_text(study: &Study, case: &Case, source: &Source) -> Result<MemoText, ExportError> {
    let unavailable = |source| ExportError::Case {
        case: case.clone(),
        source: Box::new(source),
    };
    let portfolio = study.model(case).map_err(unavailable)?;
    let result = study.result(case).map_err(unavailable)?;
    let m = &result.metrics;
    let irr = m
        .net_irr
        .as_ref()
        .map_or_else(|_| "n/a".to_string(), |r| crate::units::format_percent(*r));
    let tvpi = m.tvpi.map_or_else(|| "n/a".into(), crate::units::format_multiple);
    let fund = &portfolio.fund;
    Ok(MemoText {
        subtitle: format!("Model computed {} · {}", source.model_date, source.file_name),
        footnote: format!(
            "Source: {}, {case}; Millwright model computed {}. Figures in {}; projections, not forecasts.",
            source.file_name, source.model_date, fund.currency
        ),
        description: format!(
            "Fund: {}; commitment {}; {case}; {} companies in {} stages; net IRR {irr}; TVPI {tvpi}; \
             carry {}, preferred return {}, management fee {}; source file {}; computed {}.",
            fund.name,
            crate::units::format_money_in(fund.commitment, &fund.currency),
            portfolio.companies.len(),
            portfolio.stages.len(),
            crate::units::format_percent(fund.carry_rate),
            crate::units::format_percent(fund.preferred_return),
            crate::units::format_percent(fund.management_fee_rate),
            source.file_name,
            source.model_date,
        ),
    })
}

/// Number of files the pack writes (for progress bars).
pub fn file_count() -> usize {
    ChartId::ALL.len() * 2 + 4
}

/// Runs what the pack's analysis charts need on `case`, reusing what the study already
/// holds: a tornado, the user's grid (or the default heatmap) and the user's Monte Carlo
/// run (or one of the default configuration). Each runs at most once.
pub fn prepare_analyses(study: &mut Study, case: &Case) {
    study.ensure_tornado(case);
    if study.grid(case).is_none()
        && let Ok(model) = study.model(case)
    {
        study.ensure_grid(case, &GridSettings::default_heatmap(&model));
    }
    if study.monte_carlo(case).is_none() {
        study.ensure_monte_carlo(case, &McConfig::default());
    }
}

/// Renders every file of the pack in memory: `(file name, bytes)`. `progress(done,
/// total)` after each file.
pub fn render_pack(
    study: &Study,
    case: &Case,
    source: &Source,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let unavailable = |source| ExportError::Case {
        case: case.clone(),
        source: Box::new(source),
    };
    let portfolio = study.model(case).map_err(unavailable)?;
    let result = study.result(case).map_err(unavailable)?;
    let total = file_count();
    let text = memo_text(study, case, source)?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(total);
    for id in ChartId::ALL {
        let chart = charts::build(id, study, case)?;
        files.push((
            format!("{}.svg", id.name()),
            memo_chart::svg(&chart, &text, SVG_SIZE)?.into_bytes(),
        ));
        progress(files.len(), total);
        files.push((
            format!("{}.png", id.name()),
            memo_chart::png(&chart, &text, PNG_SIZE)?,
        ));
        progress(files.len(), total);
    }
    let case_name = case.scenario_name().unwrap_or("Base");
    let m = &result.metrics;
    files.push((
        "summary.csv".into(),
        tables::summary_csv(&portfolio, case_name, m)?.into_bytes(),
    ));
    files.push((
        "cashflows.csv".into(),
        tables::cashflows_csv(&result)?.into_bytes(),
    ));
    files.push((
        "companies.csv".into(),
        tables::companies_csv(&result)?.into_bytes(),
    ));
    files.push((
        "model.xlsx".into(),
        workbook::build(&portfolio, case_name, &result)?,
    ));
    progress(files.len(), total);
    Ok(files)
}

/// Writes the pack of `case` into `out_dir`. The analyses it shows run at most once and
/// are kept in `study`. Every file is rendered in memory, then written into a temporary
/// folder beside `out_dir` and flushed to disk, then moved into place: a missing or
/// empty `out_dir` appears whole in one rename; over an older pack each file replaces
/// its old one, and a failure part-way reports which files are from which run
/// ([`crate::io::PartlyMoved`]). A chart or table that fails leaves
/// the folder as it was. Returns the files written.
pub fn export_pack(
    study: &mut Study,
    case: &Case,
    source: &Source,
    out_dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<PathBuf>, ExportError> {
    prepare_analyses(study, case);
    let files = render_pack(study, case, source, progress)?;
    Ok(crate::io::write_folder_atomically(out_dir, &files)?)
}
