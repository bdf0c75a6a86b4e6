//! STUB: replaced by the real parser from the `xirr` branch.
use crate::engine::xirr::DatedFlow;
#[derive(Debug, thiserror::Error)]
#[error("stub")]
pub struct FlowsCsvError;
pub fn parse_dated_flows(_text: &str) -> Result<Vec<DatedFlow>, FlowsCsvError> {
    Err(FlowsCsvError)
}
