//! Reading and writing portfolio files and tables; the built-in sample portfolios; safe
//! saves (atomic files and folders, our own temporary names and their clean-up, and the
//! refusal to write an output over an input).

mod atomic;
mod atomic_folder;
pub mod flows_csv;
#[doc(hidden)]
pub mod fuzz;
pub mod portfolio_file;
mod same_file;
pub mod samples;
mod temp_files;

pub use atomic::{WriteError, try_write_atomically, write_atomically};
pub use atomic_folder::{FolderWriteError, PartlyMoved, write_folder_atomically};
pub use same_file::{SameFileError, ensure_not_an_input};
pub use temp_files::{STALE_AFTER, clean_stale_temp_files};
