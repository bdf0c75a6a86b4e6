//! Reading and writing portfolio files and tables.
