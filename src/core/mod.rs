//! The pure core: data parsing and validation, deal arithmetic, scenario and URL state,
//! wording and chart geometry. Nothing here imports `yew`, `web-sys` or `js-sys`
//! (enforced by `tests/core_purity.rs`), so all of it is tested natively.

pub mod chart;
pub mod csv;
pub mod data;
pub mod decimal;
pub mod derived;
pub mod format;
pub mod guess;
pub mod locale;
pub mod model;
pub mod month;
pub mod pace;
pub mod picture;
pub mod problem;
pub mod sorted;
pub mod sources;
pub mod state;
pub mod steps;
pub mod text;
pub mod timeline;
pub mod url_state;
pub mod vocab;
