//! Reading and writing portfolio files and tables; the built-in sample portfolios.

mod atomic;
pub mod flows_csv;
pub mod portfolio_file;
pub mod samples;

pub use atomic::write_atomically;
