//! The clipboard, and a field selected for copying by hand.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::ui::CopyStatus;

/// Copies text to the clipboard and shows the outcome: "Copied" for two seconds, or
/// "Not copied" until the next try (the caller then offers the text selected in a field).
/// Without the Clipboard API (plain-http pages) or without permission, it fails.
pub fn copy_text(text: &str, status: UseStateSetter<CopyStatus>) {
    let Some(w) = web_sys::window() else { return };
    let navigator = w.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    let promise = has_clipboard.then(|| navigator.clipboard().write_text(text));
    yew::platform::spawn_local(async move {
        let copied = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        };
        if !copied {
            status.set(CopyStatus::Failed);
            return;
        }
        status.set(CopyStatus::Copied);
        gloo_timers::future::TimeoutFuture::new(2000).await;
        status.set(CopyStatus::Idle);
    });
}

/// Focuses a text field or area and selects all its text, for copying by hand.
pub fn select_field(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlInputElement>() {
        let _ = el.focus();
        el.select();
    } else if let Some(el) = node.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = el.focus();
        el.select();
    }
}
