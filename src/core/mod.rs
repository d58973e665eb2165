//! The pure core: data parsing and validation, deal arithmetic, scenario and URL state.
//! Nothing here imports `yew`, `web-sys` or `js-sys` (enforced by `tests/core_purity.rs`).

pub mod csv;
pub mod data;
pub mod decimal;
pub mod format;
pub mod model;
pub mod month;
pub mod problem;
pub mod state;
pub mod strings;
pub mod text;
pub mod timeline;
pub mod url_state;
