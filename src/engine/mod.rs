//! The pure financial engine: model types, projection, waterfall, metrics.
