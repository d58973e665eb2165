//! The UI shell: Yew components that render state and dispatch actions.

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod mount;

pub use app::App;
