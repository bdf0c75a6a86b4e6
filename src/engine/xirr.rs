//! TEMPORARY stub, replaced by the real solver from the `xirr` branch.
use chrono::NaiveDate;
use rust_decimal::Decimal;
pub type DatedFlow = (NaiveDate, Decimal);
#[derive(Debug, Clone, PartialEq)]
pub struct Irr {
    pub rate: Decimal,
    pub other_roots: Vec<Decimal>,
}
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum XirrError {
    #[error("no root")]
    NoRoot,
}
pub fn xirr(_flows: &[DatedFlow]) -> Result<Irr, XirrError> {
    Err(XirrError::NoRoot)
}
pub fn xnpv(_rate: f64, _flows: &[DatedFlow]) -> f64 {
    0.0
}
