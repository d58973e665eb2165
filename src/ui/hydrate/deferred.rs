//! Parts rendered live only after the page's first render: the chart, the small charts
//! and the as-of month's options ([`Part`]). The prerendered page carries their HTML raw
//! (from the prerender's first pass); hydrating, the widget adopts that HTML as it is (no
//! per-node work in the hydrating task, the longest one), and renders each part live in a
//! task of its own once `Intl` formats (so it is drawn once, with `Intl`, rather than
//! plain and then again).
//! Unlike an [`Island`] (which hydrates later against the prerendered markup), a part may
//! meanwhile have changed (a link's view, a slider moved): it is rendered afresh, never
//! matched.
//!
//! [`Island`]: super::Island

use yew::prelude::*;

use super::{IntlReady, Islands, Part};

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    pub part: Part,
    #[prop_or_default]
    pub children: Html,
}

/// `<Deferred part={Part::Chart}><Chart /></Deferred>`: the children, except while the
/// page hydrates (the raw HTML adopted) and in the prerender's second pass (the part's
/// raw HTML written). Focus on the adopted markup goes to its twin once the part is live.
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    let islands = use_context::<Islands>().unwrap_or_default();
    let intl = use_context::<IntlReady>().is_none_or(|ready| ready.0);
    let adopting = islands.hydrating();
    let raw = islands.prerendered().map(|p| p.part(props.part).to_owned());
    let live = use_state(|| !adopting);
    {
        let live = live.clone();
        use_effect_with((*live, intl), move |&(now, intl)| {
            if !adopting {
                return;
            }
            if now {
                islands.restore_focus();
                return;
            }
            islands.watch_focus();
            #[cfg(target_arch = "wasm32")]
            if intl {
                super::wake::in_a_later_task(move || live.set(true));
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (live, intl);
        });
    }
    match raw {
        Some(raw) => Html::from_html_unchecked(raw.into()),
        None if !*live => Html::from_html_unchecked(AttrValue::Static("")),
        None => props.children.clone(),
    }
}
