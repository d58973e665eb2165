//! Sharing: copy a link to the current scenario and filters, download a picture of it,
//! and ready-to-paste embed snippets for the current configuration.

use yew::prelude::*;

use super::{CopyStatus, Ui, use_derived, use_ui, use_widget};
use crate::core::locale::Strings;
use crate::core::text::embed_snippets;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The query string of the current state (for the embed snippets).
    pub query: String,
    /// The link to the current view (`share_url`).
    pub link: AttrValue,
}

/// The text a copy button shows for its status.
fn copy_label(s: &Strings, status: CopyStatus, idle: &'static str) -> &'static str {
    match status {
        CopyStatus::Idle => idle,
        CopyStatus::Copied => s.copied,
        CopyStatus::Failed => s.copy_failed,
    }
}

#[component]
pub fn Share(props: &ShareProps) -> Html {
    let Ui { loc, s, env, .. } = use_ui();
    // The snippets follow the state only while the panel is open; closed, they keep their
    // last text, so slider moves don't rewrite two hidden text areas.
    let open = use_state(|| false);
    let shown_query = use_mut_ref(|| props.query.clone());
    if *open {
        *shown_query.borrow_mut() = props.query.clone();
    }
    // Built afresh only when the query they show (or the language) changes, and shared
    // with the snippets by reference count rather than copied on every render.
    let snippets = use_memo(
        (
            shown_query.borrow().clone(),
            env.asset_base.clone(),
            loc.lang,
        ),
        |(query, base, lang)| {
            let (iframe, script) = embed_snippets(base, lang.page(), query, s.iframe_title);
            (AttrValue::from(iframe), AttrValue::from(script))
        },
    );
    let (iframe, script) = (*snippets).clone();
    let on_toggle = super::details_toggle(open.setter());
    // The click on the summary comes before the panel opens, so the snippets are
    // current by the time it is painted (the toggle event comes later).
    let on_summary = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // On paper, the address of this view takes the place of the buttons (shown only in
    // print, and only once it is absolute: the prerender knows no address).
    let url = &props.link;
    let print = crate::core::text::around(s.print_link, "url").map(|(before, after)| {
        html! {
            <p class="p1-print-link" data-testid="print-link">
                // An address, not words: no translation, left to right in any language.
                { before }<a href={url.clone()} translate="no" dir="ltr">{ url.clone() }</a>
                { after }
            </p>
        }
    });
    html! {
        <>
            <div class="p1-share" role="group" aria-label={s.share_heading}>
                <CopyLink url={url.clone()} testid="copy-link" />
                <DownloadImage url={url.clone()} />
                <details class="p1-embed" data-testid="embed-panel" ontoggle={on_toggle}>
                    <summary onclick={on_summary}>{ s.embed_this }</summary>
                    <Snippet label={s.embed_iframe} code={iframe} testid="embed-iframe" />
                    <Snippet label={s.embed_script} code={script} testid="embed-script" />
                </details>
            </div>
            { print.unwrap_or_default() }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The link to the current view (`share_url`).
    pub url: AttrValue,
    pub testid: &'static str,
    #[prop_or_default]
    pub quiet: bool,
}

/// "Copy link": the link to this view (the article's, for an embed), or, where the
/// browser refuses to copy, the link selected in a field to copy by hand. One at the top
/// of the widget, so it is in reach on a phone, and one at the foot.
#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let Ui { s, .. } = use_ui();
    let status = use_state(CopyStatus::default);
    let url = props.url.clone();
    let copy_link = {
        let setter = status.setter();
        let url = url.clone();
        Callback::from(move |_: MouseEvent| super::dom::copy_text(&url, setter.clone()))
    };
    html! {
        <>
            <button type="button" onclick={copy_link} data-testid={props.testid}
                    class={classes!("p1-button", props.quiet.then_some("p1-button-quiet"))}
                    data-url={url.clone()}>
                { copy_label(s, *status, s.copy_link) }
            </button>
            if *status == CopyStatus::Failed {
                <ManualCopy text={url.to_string()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadProps {
    /// The link to the current view, which the picture carries.
    pub url: AttrValue,
}

/// "Download image": the reader's view (verdicts at their pace, rates, cut-off, chart,
/// sources and the link to it) as a PNG made in the browser, named for what it shows.
#[component]
pub fn DownloadImage(props: &DownloadProps) -> Html {
    use crate::core::picture::{self, View};
    use crate::core::timeline;
    let Ui { loc, s, f, .. } = use_ui();
    let handle = use_widget();
    let derived = use_derived();
    let status = use_state(CopyStatus::default);
    let url = props.url.clone();
    let onclick = {
        let setter = status.setter();
        Callback::from(move |_: MouseEvent| {
            let state = &handle.0;
            let events = timeline::on_chart(&state.timeline, &state.filters);
            let view = View {
                loc,
                f: &f,
                ds: &state.data,
                derived: &derived,
                events,
                preset: state.preset,
                link: Some(&url),
            };
            match (picture::scenario(&view), derived.eval.as_ref()) {
                (Some(p), Some(e)) => {
                    let file = picture::file_name(e, loc.lang.code());
                    super::dom::download_png(&p, &file, setter.clone());
                }
                _ => setter.set(CopyStatus::Failed),
            }
        })
    };
    html! {
        <>
            <button type="button" class="p1-button" onclick={onclick}
                    data-testid="download-image">
                { s.download_image }
            </button>
            if *status == CopyStatus::Failed {
                <p class="p1-manual-note" role="status">{ s.download_failed }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetProps {
    label: &'static str,
    code: AttrValue,
    testid: &'static str,
}

#[component]
fn Snippet(props: &SnippetProps) -> Html {
    let Ui { s, env, .. } = use_ui();
    let status = use_state(CopyStatus::default);
    let area = use_node_ref();
    // Copying refused: the code is selected, for copying by hand.
    {
        let area = area.clone();
        use_effect_with(*status, move |status| {
            if *status == CopyStatus::Failed {
                super::dom::select_field(&area);
            }
        });
    }
    let id = env.id(props.testid);
    let copy = {
        let setter = status.setter();
        let code = props.code.clone();
        Callback::from(move |_: MouseEvent| super::dom::copy_text(&code, setter.clone()))
    };
    html! {
        <div class="p1-snippet">
            <label for={id.clone()}>{ props.label }</label>
            <textarea id={id} readonly=true rows="4" spellcheck="false" ref={area}
                      data-testid={props.testid} value={props.code.clone()} />
            <button type="button" class="p1-button p1-button-quiet" onclick={copy}
                    data-testid={format!("{}-copy", props.testid)}>
                { copy_label(s, *status, s.copy_code) }
            </button>
            if *status == CopyStatus::Failed {
                <p class="p1-manual-note" role="status">{ s.copy_manual_code }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ManualCopyProps {
    pub text: String,
}

/// When the browser refuses to copy: the text in a field, selected, and a line saying
/// how to copy it by hand.
#[component]
pub fn ManualCopy(props: &ManualCopyProps) -> Html {
    let Ui { s, env, .. } = use_ui();
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(props.text.clone(), move |_| {
            super::dom::select_field(&field)
        });
    }
    let id = env.id("manual-copy");
    html! {
        <div class="p1-manual" data-testid="manual-copy">
            <p class="p1-manual-note" role="status">{ s.copy_manual }</p>
            <label class="p1-sr" for={id.clone()}>{ s.copy_manual_label }</label>
            <input id={id} type="text" readonly=true ref={field} value={props.text.clone()}
                   spellcheck="false" />
        </div>
    }
}
