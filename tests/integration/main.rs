//! The one integration-test binary: the command line end to end, and (with the `gui`
//! feature) the desktop app driven through egui_kittest.

#[cfg(feature = "gui")]
mod app;
#[cfg(feature = "gui")]
mod app_ai_platform_gates;
#[cfg(feature = "gui")]
mod app_ai_programme;
#[cfg(feature = "gui")]
mod app_editing;
#[cfg(feature = "gui")]
mod app_files;
#[cfg(feature = "gui")]
mod app_harness;
#[cfg(feature = "gui")]
mod app_investors;
#[cfg(feature = "gui")]
mod app_lever_platform;
#[cfg(feature = "gui")]
mod app_lists;
#[cfg(feature = "gui")]
mod app_lp_accounts;
#[cfg(feature = "gui")]
mod app_programme_editors;
#[cfg(feature = "gui")]
mod app_safety;
#[cfg(feature = "gui")]
mod app_stage_gates;
#[cfg(feature = "gui")]
mod app_statement;
mod cli;
mod cli_company;
mod cli_lp;
mod cli_overwrite;
mod export;
mod export_staging;
mod field_property;
mod format_v2;
mod fuzz_smoke;
mod regression;
mod regression_issue_11;
mod regression_issue_12;
mod regression_issue_13;
mod regression_issue_9;
mod sample_stage_gates;
mod waterfall;
