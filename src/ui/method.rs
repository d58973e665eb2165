//! "What actually happened" (final outcome figures) and "How we calculated this".

use yew::prelude::*;

use super::{Same, Ui, use_ui};
use crate::core::chart::num;
use crate::core::data::{Dataset, Unit};
use crate::core::decimal::within;
use crate::core::locale::fill;
use crate::core::state::{DataFile, FileStatus, Files};
use crate::core::text;

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Same<Dataset>,
}

/// How it ended: the promise, then each count of how much of it was bought, as a bar
/// list (share, what was counted, source), and every final figure behind a disclosure.
#[component]
pub fn Outcomes(props: &DataProps) -> Html {
    let ds = &props.data;
    let Ui { loc, s, f, .. } = use_ui();
    if ds.outcomes.is_empty() {
        return html! {};
    }
    let figure = |unit: Unit, v: f64| match unit {
        Unit::Percent => super::nb(&text::outcome_percent(loc, &f, v)),
        Unit::UsdBn => super::nb(&text::money(loc, &f, v)),
    };
    html! {
        <section class="p1-outcomes" data-testid="outcomes">
            <h2 class="p1-h2">{ s.outcome_heading }</h2>
            if let Some(r) = text::reconciliation(loc, &f, ds) {
                <div class="p1-reconciliation" data-testid="reconciliation">
                <p class="p1-reconcile">{ super::nb(&r.intro) }</p>
                <ul class="p1-counts" aria-label={s.reconcile_caption}>
                    for c in r.counts.iter() {
                        <li class="p1-tally" data-testid="count">
                            <p class="p1-tally-head">
                                <strong class="p1-fig">{ super::nb(&c.figure) }</strong>{ " " }
                                <span class="p1-scope">{ loc.scope(c.scope) }</span>
                            </p>
                            <svg class="p1-bar" viewBox="0 0 100 6" height="6"
                                 preserveAspectRatio="none" aria-hidden="true">
                                <rect class="p1-bar-track" width="100" height="6" />
                                <rect class="p1-bar-fill" height="6"
                                      width={num(within(c.share * 100.0, 0.0, 100.0))} />
                            </svg>
                            <p class="p1-tally-what">
                                { super::nb(&c.what) }{ " " }
                                if let Some(src) = c.source {
                                    <a class="p1-cite" href={src.url.clone()} target="_blank"
                                       rel="noopener noreferrer" title={src.title.clone()}
                                       data-testid="count-source">
                                        { super::citation_label(loc, &f, src) }
                                    </a>
                                } else {
                                    <span class="p1-cite">{ s.reconcile_own_source }</span>
                                    { " " }<span class="p1-tag">{ s.derived_label }</span>
                                }
                            </p>
                        </li>
                    }
                </ul>
                if let Some(missing) = r.missing {
                    <p class="p1-note" data-testid="reconcile-missing">{ super::nb(&missing) }</p>
                }
                </div>
            }
            <details class="p1-facts-box" data-testid="facts">
            <summary>{ s.outcome_facts }</summary>
            <ul class="p1-facts">
                for o in ds.outcomes.iter() {
                    <li data-testid="outcome" data-outcome={o.id.clone()}>
                        <span class="p1-scope" data-testid="outcome-scope">
                            { loc.scope(o.scope) }
                        </span>
                        <span>
                            <strong class="p1-fig">{ figure(o.unit, o.figure.value) }</strong>
                            { " " }{ o.figure.note.clone() }{ " " }
                            for src in o.figure.sources.iter().filter_map(|i| ds.source(*i)) {
                                <a class="p1-cite" href={src.cite.url.clone()} target="_blank"
                                   rel="noopener noreferrer" title={src.cite.title.clone()}
                                   data-testid="outcome-source">
                                    { super::citation_label(loc, &f, &src.cite) }
                                </a>{ " " }
                            }
                        </span>
                    </li>
                }
            </ul>
            </details>
        </section>
    }
}

/// The method, collapsed by default, with every source linked.
#[component]
pub fn Method(props: &MethodProps) -> Html {
    let ds = &props.data;
    let Ui { loc, s, f, env } = use_ui();
    html! {
        <details class="p1-method" id={env.id("method")} data-testid="method">
            <summary>{ s.method_heading }</summary>
            for p in text::method(loc, &f, ds) {
                <p>{ super::nb(&p) }</p>
            }
            <h3 class="p1-h3">{ s.method_sources }</h3>
            if let Some((n, cites)) = text::copy_only(ds) {
                <p class="p1-note" data-testid="copy-only">{
                    super::fill_html(s.copy_only, &[
                        ("n", Html::from(n.to_string())),
                        ("sources", cites.iter().enumerate().map(|(i, c)| html! { <>
                            if i > 0 { { "; " } }
                            { super::as_written(loc, &c.outlet, c.outlet_translated) }
                        </> }).collect::<Html>()),
                    ])
                }</p>
            }
            <ol class="p1-sources">
                for src in ds.sources.iter() {
                    <li data-testid="method-source">
                        <a href={src.cite.url.clone()} target="_blank" rel="noopener noreferrer">
                            { super::citation_full(loc, &f, &src.cite) }
                        </a>
                        if let Some(reason) = &src.cite.copy_reason {
                            <span class="p1-copy">
                                { " " }{ fill(s.copy_label, &[("reason", reason)]) }
                            </span>
                        }
                    </li>
                }
            </ol>
            // The files on screen: the publisher's, once loaded, or the built-in ones.
            <p class="p1-downloads">
                <a href={download(&props.files.purchases, &env.asset_base, "purchases.csv")}
                   download="" data-testid="download-purchases">
                    { s.method_download }
                </a>
                { " " }
                <a href={download(&props.files.timeline, &env.asset_base, "timeline.csv")}
                   download="" data-testid="download-timeline">
                    { s.method_download_timeline }
                </a>
            </p>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct MethodProps {
    pub data: Same<Dataset>,
    pub files: Files,
}

/// The address of a data file as shown: the publisher's once it is in use.
fn download(file: &Option<DataFile>, asset_base: &str, built_in: &str) -> String {
    match file {
        Some(f) if f.status == FileStatus::Loaded => f.url.clone(),
        _ => format!("{asset_base}data/{built_in}"),
    }
}
