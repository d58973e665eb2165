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
    /// Changes with what the part shows (say, the address of the derived figures): a
    /// change before the part's turn (a reader's input, a link's view) makes it live at
    /// once, so that the input is answered there without waiting. Left at 0, the part
    /// waits for its turn whatever changes (the charts: a slider is answered beside them).
    #[prop_or_default]
    pub view: usize,
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
    // Only a part in the page the widget hydrates waits; one that comes later (the
    // simulator shown after a guess) renders at once.
    let adopting = *use_memo((), |_| islands.adopting());
    let raw = islands.prerendered().map(|p| p.part(props.part).to_owned());
    let live = use_state(|| !adopting);
    // A change of `view` is latched as it is rendered: an address compared later may be
    // the first one's again (a freed allocation reused).
    let first_view = *use_memo((), |_| props.view);
    let changed = use_mut_ref(|| false);
    if adopting && props.view != first_view {
        *changed.borrow_mut() = true;
    }
    let now_live = *live || *changed.borrow();
    // Still waiting for its turn: a part gone before it (a link's other view), or live by
    // then, hands the turn on rather than hold up the parts after it.
    let waiting = use_mut_ref(|| true);
    // Went live by its turn (which its effect then ends).
    let by_turn = use_mut_ref(|| false);
    {
        let (waiting, by_turn, islands) = (waiting.clone(), by_turn.clone(), islands.clone());
        use_effect_with((), move |_| {
            move || {
                *waiting.borrow_mut() = false;
                // Gone during its turn, before it rendered: the turn ends here.
                if std::mem::take(&mut *by_turn.borrow_mut()) {
                    islands.part_done();
                }
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with((now_live, intl), move |&(now, intl)| {
            if !adopting {
                return;
            }
            if now {
                // Live by a change: it stays live.
                if !*live {
                    live.set(true);
                }
                *waiting.borrow_mut() = false;
                islands.restore_focus();
                if std::mem::take(&mut *by_turn.borrow_mut()) {
                    islands.part_done();
                }
                return;
            }
            islands.watch_focus();
            #[cfg(target_arch = "wasm32")]
            if intl {
                let next = islands.clone();
                islands.in_turn(move || {
                    if *waiting.borrow() {
                        *by_turn.borrow_mut() = true;
                        live.set(true);
                    } else {
                        next.part_done();
                    }
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (live, intl, waiting, by_turn);
        });
    }
    match raw {
        Some(raw) => Html::from_html_unchecked(raw.into()),
        None if !now_live => Html::from_html_unchecked(AttrValue::Static("")),
        None => props.children.clone(),
    }
}
