//! Parts rendered live only after the page's first render: the chart, the small charts,
//! the as-of month's options, the verdicts and the outlook ([`Part`]). The prerendered
//! page carries their HTML raw (from the prerender's first pass); hydrating, the widget
//! adopts that HTML as it is (no per-node work in the hydrating task, the longest one),
//! and renders each part live once `Intl` formats (so it is drawn once, with `Intl`,
//! rather than plain and then again), one part a task, each after the one before has
//! rendered ([`Islands::in_turn`]), so that no one long task holds them all.
//! Unlike an [`Island`] (which hydrates later against the prerendered markup), a part may
//! meanwhile have changed (a link's view, a slider moved): it is rendered afresh, never
//! matched.
//!
//! [`Island`]: super::Island
//! [`Islands::in_turn`]: super::Islands::in_turn

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
    // Still in the page: a part gone before its turn (a link's other view) hands the turn
    // on rather than hold up the parts after it.
    let here = use_mut_ref(|| true);
    {
        let here = here.clone();
        use_effect_with((), move |_| move || *here.borrow_mut() = false);
    }
    {
        let live = live.clone();
        use_effect_with((*live, intl), move |&(now, intl)| {
            if !adopting {
                return;
            }
            if now {
                islands.restore_focus();
                islands.part_done();
                return;
            }
            islands.watch_focus();
            #[cfg(target_arch = "wasm32")]
            if intl {
                let next = islands.clone();
                islands.in_turn(move || {
                    if *here.borrow() {
                        live.set(true);
                    } else {
                        next.part_done();
                    }
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (live, intl, here);
        });
    }
    match raw {
        Some(raw) => Html::from_html_unchecked(raw.into()),
        None if !*live => Html::from_html_unchecked(AttrValue::Static("")),
        None => props.children.clone(),
    }
}
