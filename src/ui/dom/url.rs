//! The page's address: what a link asks for, and the address bar kept in step with the
//! state.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::core::state::FileKind;
use crate::core::url_state;
use crate::ui::{Handle, Init, Mode};

/// How long the state must be still before the address bar is updated.
const URL_SETTLE_MS: u32 = 150;

/// What the address asks for and keeping it in step: the data files a link names, the
/// address bar following the state, and a deep-linked event scrolled into view.
#[hook]
pub fn use_browser_effects(handle: &Handle, init: &Rc<Init>, query: &str, live: bool) {
    // The data files a link or the publisher names.
    {
        let handle = handle.clone();
        let init = init.clone();
        use_effect_with((), move |_| {
            let files = [
                (init.params.data_url.clone(), FileKind::Purchases),
                (init.params.timeline_data_url.clone(), FileKind::Timeline),
            ];
            for (r, kind) in files {
                if let Some(r) = r {
                    super::files::load(handle.clone(), &init.env.data_origins, r, kind);
                }
            }
        });
    }
    // Keep the address bar in step with the state (not in a host page's address bar),
    // once a control settles: a dragged slider would otherwise call replaceState dozens
    // of times a second, which browsers throttle.
    {
        let query = query.to_string();
        let selected = handle.0.linked_event().map(str::to_string);
        let mode = init.env.mode;
        let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
        use_effect_with((query, selected), move |(query, selected)| {
            if mode != Mode::Script {
                let (query, selected) = (query.clone(), selected.clone());
                *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
                    URL_SETTLE_MS,
                    move || replace_url(&query, selected.as_deref()),
                ));
            }
        });
    }
    // Scroll a deep-linked event into view once the list is live (on the prerendered
    // page, once its island has hydrated), and again when it arrives with a publisher's
    // timeline.
    {
        let selected = handle.0.selected.clone();
        let linked = init.selected.is_some();
        use_effect_with((handle.0.reveal, live), move |(reveal, live)| {
            if let Some(id) = selected.filter(|_| *live && (linked || *reveal > 0)) {
                gloo_timers::callback::Timeout::new(50, move || {
                    if let Some(el) = super::focus::find_event_anywhere(&id) {
                        super::focus::scroll_into_view(&el);
                    }
                })
                .forget();
            }
        });
    }
}

/// Writes the state into the page's own address: only the widget's parameters change;
/// every other parameter (pym's `childId` and `parentUrl`, an analytics tag) and any
/// fragment that isn't an event link stay as they were.
fn replace_url(query: &str, selected: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let location = w.location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!(
        "?{}{}",
        url_state::merge_query(&search, query, ""),
        url_state::merge_fragment(&hash, selected)
    );
    if search + &hash != url {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
