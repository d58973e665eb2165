//! What the islands and the wake-up share about focus while islands swap in.

/// Where focus is in the widget while its islands swap in.
#[derive(Default)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub struct FocusWatch {
    /// The element with focus, its widget's root `.p1`, and its path there (indexes
    /// among element children: the swapped-in copy has the same structure).
    pub seen: Option<(web_sys::Element, web_sys::Element, Vec<u32>)>,
    /// Stops watching (removes the listener).
    pub stop: Option<Box<dyn FnOnce()>>,
}
