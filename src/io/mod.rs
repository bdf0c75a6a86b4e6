//! Reading and writing portfolio files and tables; the built-in sample portfolios.

pub mod portfolio_file;
pub mod samples;
