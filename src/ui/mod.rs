//! The UI shell: Yew components that render state and dispatch actions. Browser-only
//! code (DOM access, Intl, postMessage) lives in `dom/`, `hydrate/wake.rs`, `embed.rs`,
//! `mount.rs` and the Intl half of `format.rs`; `dom` declares each function components
//! call once and generates its native twin, so every component also renders natively
//! (SSR prerender, native tests).
//!
//! Imports run one way: `mount` → `widget` → components → `dom`/`format` → this module →
//! `hydrate` → core.

pub mod category;
pub mod chart;
pub mod controls;
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod format;
pub mod guess;
pub mod hydrate;
pub mod method;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod notice;
pub mod share;
pub mod timeline_view;
pub mod verdict;
pub mod widget;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::derived::Derived;
use crate::core::format::Format;
use crate::core::locale::Locale;
use crate::core::sources::Citation;
use crate::core::state::{Action, State};
use crate::core::url_state::Params;
use hydrate::{Extras, IntlReady};

/// The reducer's state, wrapped for `use_reducer`.
#[derive(Clone, Debug)]
pub struct Store(pub State);

/// The same state when it is the same value in memory: every action makes a new one, so
/// the widget's context compares a pointer per render, not the data and the timeline.
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

pub type Handle = UseReducerHandle<Store>;
/// The reducer's dispatcher: stable across renders, so components that only dispatch
/// don't re-render when the state changes.
pub type Dispatch = UseReducerDispatcher<Store>;

/// Shared data in props, equal when it is the same allocation. The state replaces its
/// data and timeline, never changes them in place, so the pointer says whether they
/// changed; comparing 74 events or every figure by value on each slider input cost more
/// than the render it saved.
#[derive(Debug, Default)]
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> yew::html::IntoPropValue<Same<T>> for Rc<T> {
    fn into_prop_value(self) -> Same<T> {
        Same(self)
    }
}

/// How an instance starts.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Init {
    /// The link or embed parameters.
    pub params: Params,
    /// A deep-linked event (`#event-<id>`).
    pub selected: Option<String>,
    pub env: Env,
    /// Hydrating prerendered HTML: render the default view first (it matches the
    /// prerender), then apply `params`.
    pub hydrate: bool,
    /// The built-in data files' text, in place of the ones compiled in (tests).
    pub built_in: Option<(&'static str, &'static str)>,
    /// How the timeline's hidden events (those beyond the key moments) are rendered.
    pub extras: Extras,
    /// The reader's language, loaded before the widget starts; English when `None`.
    pub locale: Option<&'static Locale>,
}

/// The latest query string, read when a link is built (on click), so the timeline need
/// not re-render on every slider change. One cell for the widget's life: its context
/// never changes.
pub type Latest = Same<std::cell::RefCell<String>>;

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
    /// That address's query and fragment when the widget started: a shared link keeps
    /// every parameter that isn't the widget's, and the fragment.
    pub share_query: String,
    pub share_hash: String,
    /// The prefix of the widget's parameters in that address: "" on its own page,
    /// `p1.` in an article.
    pub prefix: &'static str,
    /// The origins a link may load data files from: the page's, the widget's own, and
    /// any the host page allows (`data-phase-one-data-origins`).
    pub data_origins: Vec<String>,
    /// Where the widget's own files live (for embed snippets), with a trailing slash.
    pub asset_base: String,
    /// A prefix that makes element ids unique per instance on a page.
    pub id_prefix: String,
    /// On the widget's own page, the language the page was written in (its
    /// `data-lang`): a link in another language gives the page that language's
    /// `lang` and title. `None` in a host's page, which keeps its own.
    pub page_lang: Option<crate::core::locale::Lang>,
}

impl Env {
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.id_prefix)
    }
}

#[hook]
pub fn use_widget() -> Handle {
    use_context::<Handle>().expect("components are rendered inside Widget")
}

#[hook]
pub fn use_env() -> Rc<Env> {
    use_context::<Rc<Env>>().unwrap_or_default()
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside Widget")
}

#[hook]
pub fn use_derived() -> Rc<Derived> {
    use_context::<Rc<Derived>>().expect("components are rendered inside Widget")
}

#[hook]
pub fn use_latest() -> Latest {
    use_context::<Latest>().unwrap_or_default()
}

/// The reader's language: every word a component shows comes from here.
#[hook]
pub fn use_locale() -> &'static Locale {
    use_context::<&'static Locale>().unwrap_or(&crate::core::locale::EN)
}

/// What nearly every component reads: the reader's language (`loc`, and its strings
/// `s`), its formatter `f`, and where this instance runs (`env`).
pub struct Ui {
    pub loc: &'static Locale,
    pub s: &'static crate::core::locale::Strings,
    pub f: format::Fmt,
    pub env: Rc<Env>,
}

#[hook]
pub fn use_ui() -> Ui {
    let loc = use_locale();
    let intl_ready = use_context::<IntlReady>().is_none_or(|c| c.0);
    Ui {
        loc,
        s: loc.strings,
        f: format::Fmt::new(loc, intl_ready),
        env: use_env(),
    }
}

/// Text with figures and dates held together: each run of characters the core joined
/// with U+2060 (a figure and its CJK unit, "1427亿美元", "2020年6月") becomes a
/// `white-space: nowrap` span, without the joiners, so a reader who copies it gets the
/// figure and nothing invisible. Text with no joiner (English) is a plain text node.
pub fn nb(text: &str) -> Html {
    const JOIN: char = '\u{2060}';
    if !text.contains(JOIN) {
        return Html::from(text.to_string());
    }
    let mut parts: Vec<Html> = Vec::new();
    let mut loose = String::new();
    let (mut group, mut group_len, mut joined) = (String::new(), 0usize, false);
    let flush = |group: &mut String, len: usize, loose: &mut String, parts: &mut Vec<Html>| {
        if len > 1 {
            // The whole figure: the digits before the joined run belong to it ("2000亿").
            let figure = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '$');
            let cut = loose
                .char_indices()
                .rev()
                .take_while(|(_, c)| figure(*c))
                .last()
                .map_or(loose.len(), |(i, _)| i);
            group.insert_str(0, &loose[cut..]);
            loose.truncate(cut);
            if !loose.is_empty() {
                parts.push(Html::from(std::mem::take(loose)));
            }
            parts.push(html! { <span class="p1-nb">{ std::mem::take(group) }</span> });
        } else {
            loose.push_str(group);
            group.clear();
        }
    };
    for c in text.chars() {
        if c == JOIN {
            joined = true;
            continue;
        }
        if !joined && group_len > 0 {
            flush(&mut group, group_len, &mut loose, &mut parts);
            group_len = 0;
        }
        group.push(c);
        group_len += 1;
        joined = false;
    }
    flush(&mut group, group_len, &mut loose, &mut parts);
    if !loose.is_empty() {
        parts.push(Html::from(loose));
    }
    parts.into_iter().collect::<Html>()
}

/// Text for an attribute or an SVG text (which never wraps): without the joiners.
pub fn plain(text: &str) -> String {
    text.replace('\u{2060}', "")
}

/// A template filled with rendered parts: text between the placeholders as text, each
/// `{name}` given as the part of that name (an unknown one is left as written).
pub fn fill_html(template: &str, parts: &[(&str, Html)]) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 1..start + len];
        if let Some((_, part)) = parts.iter().find(|(n, _)| *n == name) {
            out.push(Html::from(rest[..start].to_string()));
            out.push(part.clone());
        } else {
            out.push(Html::from(rest[..start + len + 1].to_string()));
        }
        rest = &rest[start + len + 1..];
    }
    out.push(Html::from(rest.to_string()));
    out.into_iter().collect::<Html>()
}

/// A name from a data file (an outlet, a title), set apart from the widget's own words:
/// in `<bdi>`, so a right-to-left name can't reorder what follows it, and marked
/// `lang="en"` when it keeps the files' language on a page in another, so a screen reader
/// speaks it as English.
pub fn as_written(loc: &Locale, text: &str, translated: bool) -> Html {
    let english = !translated && loc.lang != crate::core::locale::Lang::En;
    html! { <bdi lang={english.then_some("en")}>{ text.to_string() }</bdi> }
}

/// How a source is shown to readers: "Federal Register, 11 Aug 2020", the outlet in the
/// reader's language where it has a name in it.
pub fn citation_label(loc: &Locale, f: &dyn Format, c: &Citation) -> Html {
    fill_html(
        loc.strings.source_label,
        &[
            ("outlet", as_written(loc, &c.outlet, c.outlet_translated)),
            ("date", nb(&f.date(c.date, c.precision))),
        ],
    )
}

/// A source in full, for the method's list: outlet, title (as the document has it) and
/// date.
pub fn citation_full(loc: &Locale, f: &dyn Format, c: &Citation) -> Html {
    fill_html(
        loc.strings.source_full,
        &[
            ("outlet", as_written(loc, &c.outlet, c.outlet_translated)),
            ("title", as_written(loc, &c.title, false)),
            ("date", nb(&f.date(c.date, c.precision))),
        ],
    )
}

/// The link that shares a state: the page (or the embedding article), with its own
/// parameters and fragment kept and the widget's replaced; `event` links to an event.
pub fn share_url(env: &Env, query: &str, event: Option<&str>) -> String {
    use crate::core::url_state::{merge_fragment, merge_query};
    let query = merge_query(&env.share_query, query, env.prefix);
    let hash = merge_fragment(&env.share_hash, event);
    format!("{}?{query}{hash}", env.share_base)
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
        .and_then(|el| el.get_attribute("data-p1-role"))
        .is_some_and(|v| v == "event")
}

/// Whether the `<details>` an event came from is open.
pub fn dom_open(ev: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
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

/// What a copy button shows after a click.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum CopyStatus {
    #[default]
    Idle,
    Copied,
    /// The clipboard refused (no permission, no Clipboard API): say so.
    Failed,
}
