pub mod core;
/// The build's pictures, rendered natively (postbuild).
#[cfg(not(target_arch = "wasm32"))]
pub mod pictures;
pub mod ui;
