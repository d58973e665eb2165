//! The browser's side of the components: URL state and data files (`url`, `files`),
//! focus and scrolling (`focus`), the clipboard (`clipboard`), a picture saved as PNG
//! (`picture`), a pointer on a chart (`pointer`), and values kept in step with the page
//! (`sync`). Those modules are compiled for the browser only.
//!
//! Components call the functions below on every target, with no `cfg` of their own.
//! Each is declared once, in [`browser!`]: in the browser it calls its module's
//! function (so a changed signature fails to compile there), and natively (prerender,
//! native tests) it is generated as a twin that does nothing and returns the default,
//! so a missing twin can't happen.

#[cfg(target_arch = "wasm32")]
mod clipboard;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
mod focus;
#[cfg(target_arch = "wasm32")]
mod picture;
#[cfg(target_arch = "wasm32")]
mod pointer;
#[cfg(target_arch = "wasm32")]
mod sync;
#[cfg(target_arch = "wasm32")]
mod url;

use std::rc::Rc;

use yew::prelude::*;

use super::{CopyStatus, Handle, Init};

/// Declares a browser function once: in the browser it forwards to `=> module::name`;
/// natively it is a twin that ignores its arguments and returns the default.
macro_rules! browser {
    ($(
        $(#[$attr:meta])*
        pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)?
            => $module:ident::$imp:ident;
    )*) => {$(
        #[cfg(target_arch = "wasm32")]
        $(#[$attr])*
        pub fn $name($($arg: $ty),*) $(-> $ret)? {
            $module::$imp($($arg),*)
        }
        #[cfg(not(target_arch = "wasm32"))]
        $(#[$attr])*
        pub fn $name($($arg: $ty),*) $(-> $ret)? {
            let _ = ($($arg,)*);
            Default::default()
        }
    )*};
}

browser! {
    /// What the address asks for (data files, a deep-linked event, scrolled to once
    /// `live`), and the address bar kept in step with `query`.
    #[hook]
    pub fn use_browser_effects(handle: &Handle, init: &Rc<Init>, query: &str, live: bool)
        => url::use_browser_effects;

    /// Calls `set` with the element's width (at least `min`) whenever it changes.
    #[hook]
    pub fn use_width(node: &NodeRef, set: UseStateSetter<f64>, min: f64) => sync::use_width;

    /// The value once it has stopped changing for `ms`; empty until the first change.
    #[hook]
    pub fn use_settled(value: String, ms: u32) -> String => sync::use_settled;

    /// A CSS fraction (0 to 1) on an element, kept in step: a slider's `--fill`.
    #[hook]
    pub fn use_fraction(node: &NodeRef, name: &'static str, fraction: f64)
        => sync::use_fraction;

    /// Says in the console what is wrong with a language's files: their reader sees the
    /// texts concerned in English, and whoever updates the files looks there.
    pub fn warn_about_language_files(problems: Vec<crate::core::problem::Problem>)
        => files::warn_about_language_files;

    /// Fetches the whole built-in timeline from beside the widget's assets (`base`) and
    /// reads it, then calls `done` with it or with the notice saying why not.
    pub fn fetch_all_events(
        base: String,
        done: Callback<Result<crate::core::timeline::Timeline, crate::core::state::Notice>>,
    ) => files::fetch_all_events;

    /// While `title` is set, the page's `<title>` says it.
    #[hook]
    pub fn use_title(title: Option<String>) => sync::use_title;

    /// While `lang` is set, the page's `<html lang>` says it.
    #[hook]
    pub fn use_page_lang(lang: Option<&'static str>) => sync::use_page_lang;

    /// A select's chosen option kept in step with `value`.
    #[hook]
    pub fn use_select_value(node: &NodeRef, value: String) => sync::use_select_value;

    /// When `key` opens a panel, focus its heading `node` and scroll it into view.
    #[hook]
    pub fn use_reveal(node: &NodeRef, key: Option<Rc<[String]>>) => focus::use_reveal;

    /// The pointer's height on an element, from its top; `capture` keeps the pointer
    /// there until it is let go (a drag on the guess chart).
    pub fn pointer_y(ev: &web_sys::PointerEvent, node: &NodeRef, capture: bool) -> Option<f64>
        => pointer::pointer_y;

    /// When `on` turns true, focus `node`, scrolled into view as far as it needs.
    #[hook]
    pub fn use_focus_on(node: &NodeRef, on: bool) => focus::use_focus_on;

    /// Copies text and shows the outcome in `status`.
    pub fn copy_text(text: &str, status: UseStateSetter<CopyStatus>) => clipboard::copy_text;

    /// Paints a picture and saves it as the PNG file `file`; `status` says if that failed.
    pub fn download_png(
        p: &crate::core::picture::Picture,
        file: &str,
        status: UseStateSetter<CopyStatus>,
    ) => picture::download_png;

    /// Focuses a text field and selects its text, for copying by hand.
    pub fn select_field(node: &NodeRef) => clipboard::select_field;

    /// Focuses an event card in the widget the key was pressed in.
    pub fn focus_event_near(ev: &web_sys::KeyboardEvent, id: &str) => focus::focus_event_near;

    /// Focuses the n-th chart marker in the widget the key was pressed in.
    pub fn focus_marker_near(ev: &web_sys::KeyboardEvent, index: usize)
        => focus::focus_marker_near;

    /// Scrolls the timeline to an event chosen on the chart.
    pub fn reveal_event_near(ev: &web_sys::Event, id: &str) => focus::reveal_event_near;

    /// Feed pattern: focus moves to what follows (or precedes) the timeline.
    pub fn leave_feed(ev: &web_sys::KeyboardEvent, after: bool) => focus::leave_feed;

    /// Skip links: focus the element with `id` in the same widget.
    pub fn focus_in_widget(ev: &web_sys::Event, id: &str) => focus::focus_in_widget;

    /// Opens the `<details>` with `id` in the same widget and focuses its summary.
    pub fn open_in_widget(ev: &web_sys::Event, id: &str) => focus::open_in_widget;

    /// Focuses the chart marker that stands for an event, after the next render.
    pub fn focus_marker_of(ev: &web_sys::Event, id: &str) => focus::focus_marker_of;

    /// Back from an event to the chart: the chart scrolled into view, its marker focused.
    pub fn reveal_chart(ev: &web_sys::Event, id: &str) => focus::reveal_chart;
}
