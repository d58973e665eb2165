//! Sharing: copy a link to the current scenario and filters, and ready-to-paste embed
//! snippets for the current configuration.

use yew::prelude::*;

use super::{share_url, strings, use_env, use_latest, use_widget};
use crate::core::text::embed_snippets;

#[component]
pub fn Share() -> Html {
    // Subscribed to the state so the link follows it; the query itself is built once per
    // render by `App` and read from `Latest`.
    let _state = use_widget();
    let latest = use_latest();
    let env = use_env();
    let s = strings();
    let status = use_state(|| false);
    let query = latest.0.borrow().clone();
    let url = share_url(&env, &query);
    let copy_link = {
        let status = status.clone();
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            super::dom::copy_text(&url, status.setter());
            let _ = (&url, &status);
        })
    };
    // The snippets follow the state only while the panel is open; closed, they keep their
    // last text, so slider moves don't rewrite two hidden text areas.
    let open = use_state(|| false);
    let shown_query = use_mut_ref(|| query.clone());
    if *open {
        *shown_query.borrow_mut() = query.clone();
    }
    let (iframe, script) = embed_snippets(&env.asset_base, &shown_query.borrow(), s.iframe_title);
    let on_toggle = super::details_toggle(open.setter());
    // The click on the summary comes before the panel opens, so the snippets are
    // current by the time it is painted (the toggle event comes later).
    let on_summary = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class="p1-share">
            <button type="button" class="p1-button" onclick={copy_link} data-testid="copy-link" data-url={url}>
                { if *status { s.copied } else { s.copy_link } }
            </button>
            <details class="p1-embed" data-testid="embed-panel" ontoggle={on_toggle}>
                <summary onclick={on_summary}>{ s.embed_this }</summary>
                <Snippet label={s.embed_iframe} code={iframe} testid="embed-iframe" />
                <Snippet label={s.embed_script} code={script} testid="embed-script" />
            </details>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetProps {
    label: &'static str,
    code: String,
    testid: &'static str,
}

#[component]
fn Snippet(props: &SnippetProps) -> Html {
    let env = use_env();
    let s = strings();
    let copied = use_state(|| false);
    let id = env.id(props.testid);
    let copy = {
        let copied = copied.clone();
        let code = props.code.clone();
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            super::dom::copy_text(&code, copied.setter());
            let _ = (&code, &copied);
        })
    };
    html! {
        <div class="p1-snippet">
            <label for={id.clone()}>{ props.label }</label>
            <textarea id={id} readonly=true rows="4" spellcheck="false" data-testid={props.testid} value={props.code.clone()} />
            <button type="button" class="p1-button p1-button-quiet" onclick={copy} data-testid={format!("{}-copy", props.testid)}>
                { if *copied { s.copied } else { s.copy_code } }
            </button>
        </div>
    }
}
