//! Commands, grouped by concern; each is a thin wrapper over hark-core.

pub mod app_info;
