//! Millwright: model a staged industrial-AI buyout fund in decimal arithmetic.
//!
//! The crate is a library with a thin binary. [`engine`] holds everything financial and
//! has no GUI dependency; [`io`] reads and writes portfolio files; the desktop app lives
//! behind the `gui` feature.

#[cfg(feature = "gui")]
pub mod app;
pub mod charts;
pub mod cli;
pub mod engine;
pub mod export;
pub mod io;
pub mod units;
