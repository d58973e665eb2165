//! The UI shell: Yew components that render state and dispatch actions. Browser-only
//! code (DOM access, Intl, postMessage) is confined to effects and callbacks, so every
//! component also renders natively (SSR prerender, native tests).

pub mod app;
pub mod chart;
pub mod controls;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(not(target_arch = "wasm32"))]
#[path = "dom_stub.rs"]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod format;
pub mod method;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod notice;
pub mod share;
pub mod timeline_view;
pub mod verdict;

use std::rc::Rc;

use yew::prelude::*;

pub use app::{App, AppProps};

use crate::core::state::{Action, State};
use crate::core::strings::Strings;

/// The reducer's state, wrapped for `use_reducer`.
#[derive(Clone, Debug, PartialEq)]
pub struct Model(pub State);

impl Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Model(self.0.reduce(action)))
    }
}

pub type Handle = UseReducerHandle<Model>;
/// The reducer's dispatcher: stable across renders, so components that only dispatch
/// don't re-render when the state changes.
pub type Dispatch = UseReducerDispatcher<Model>;

/// Results derived from the state once per change (memoised in `App`), shared by the
/// components that show them.
#[derive(Debug, PartialEq)]
pub struct Derived {
    pub eval: Option<crate::core::model::Evaluation>,
    pub series: Vec<crate::core::model::SeriesPoint>,
    pub cutoffs: Vec<crate::core::month::Month>,
}

/// The latest query string, read when a link is built (on click), so the timeline need
/// not re-render on every slider change.
#[derive(Clone, Default, Debug)]
pub struct Latest(pub Rc<std::cell::RefCell<String>>);

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// How the widget is being shown.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Its own page.
    #[default]
    Standalone,
    /// Its own page, inside someone else's iframe.
    Iframe,
    /// Rendered into a host page by the script embed (Shadow DOM).
    Script,
}

/// Facts about where this instance runs; fixed for its lifetime.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Env {
    pub mode: Mode,
    /// The URL a shared link should point at, without query or fragment: the page, or
    /// the embedding article (pym's `parentUrl`) inside an iframe.
    pub share_base: String,
    /// Where the widget's own files live (for embed snippets), with a trailing slash.
    pub asset_base: String,
    /// A prefix that makes element ids unique per instance on a page.
    pub id_prefix: String,
}

impl Env {
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.id_prefix)
    }
}

/// The strings for this instance.
pub fn strings() -> &'static Strings {
    crate::core::strings::for_lang("en")
}

#[hook]
pub fn use_widget() -> Handle {
    use_context::<Handle>().expect("components are rendered inside App")
}

#[hook]
pub fn use_env() -> Rc<Env> {
    use_context::<Rc<Env>>().unwrap_or_default()
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
}

#[hook]
pub fn use_derived() -> Rc<Derived> {
    use_context::<Rc<Derived>>().expect("components are rendered inside App")
}

#[hook]
pub fn use_latest() -> Latest {
    use_context::<Latest>().unwrap_or_default()
}

/// The link that shares a state: the page (or, in an iframe, the embedding article).
pub fn share_url(env: &Env, query: &str) -> String {
    format!("{}?{query}", env.share_base)
}

/// The value of the input or select an event came from.
pub fn dom_value(ev: &web_sys::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?;
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(i.value());
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

/// Whether the checkbox an event came from is checked.
pub fn dom_checked(ev: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// Whether a keyboard event happened on a timeline event card itself (not a control in it).
pub fn target_is_event(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.get_attribute("data-testid"))
        .is_some_and(|v| v == "timeline-event")
}

/// Keeps an "is open" flag in step with a `<details>` element's `toggle` events.
pub fn details_toggle(set: UseStateSetter<bool>) -> Callback<web_sys::Event> {
    use wasm_bindgen::JsCast;
    Callback::from(move |ev: web_sys::Event| {
        if let Some(d) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            set.set(d.open());
        }
    })
}
