//! Everything that leaves the app for a memo: chart files (SVG, PNG), CSV tables and an
//! Excel workbook with live formulas, and the memo pack that bundles them.

pub mod credit_line;
pub mod fonts;
pub mod gp_economics;
pub mod lp_accounts;
pub mod memo_chart;
pub mod pack;
pub mod stage_gates;
pub mod statement;
pub mod tables;
pub mod workbook;
