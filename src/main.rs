//! The browser entry point. `embed.js` (written by the post-build hook) loads the wasm and
//! calls [`start`]; everything else lives in the library (`phase_one::ui`).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Records the stylesheet's address; the loader then mounts each element with [`mount`].
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn start(stylesheet_url: String) {
    phase_one::ui::mount::start(&stylesheet_url);
}

/// `PhaseOneWidget.mount(el)`: mounts one element (see README, "Script embed").
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount(el: web_sys::Element) {
    phase_one::ui::mount::mount(&el);
}

/// Tears down the widget in an element the page has removed (the loader calls it).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn unmount(el: web_sys::Element) {
    phase_one::ui::mount::unmount(&el);
}

fn main() {}
