//! Chart data: the series every chart plots, built from a projection by pure functions,
//! so the app's plots and any exported chart draw the very same numbers. No GUI here.

pub mod series;

pub use series::{BridgeStep, Chart, ChartId, Marker, Series, Unit};
