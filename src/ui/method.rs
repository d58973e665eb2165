//! "What actually happened" (final outcome figures) and "How we calculated this".

use yew::prelude::*;

use super::{Same, Ui, use_ui};
use crate::core::data::{Dataset, Unit};
use crate::core::format::Format;
use crate::core::locale::fill;
use crate::core::state::{DataFile, FileStatus, Files};
use crate::core::text;

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Same<Dataset>,
}

/// Final outcome figures, each with its source.
#[component]
pub fn Outcomes(props: &DataProps) -> Html {
    let ds = &props.data;
    let Ui { loc, s, f, .. } = use_ui();
    if ds.outcomes.is_empty() {
        return html! {};
    }
    let figure = |unit: Unit, v: f64| match unit {
        Unit::Percent if v.fract() == 0.0 => f.percent(v / 100.0),
        Unit::Percent => fill(s.percent_exact, &[("n", &f.number(v, 1))]),
        Unit::UsdBn => text::money(loc, &f, v),
    };
    html! {
        <section class="p1-outcomes" data-testid="outcomes">
            <h2 class="p1-h2">{ s.outcome_heading }</h2>
            if let Some(text) = text::reconciliation(loc, &f, ds) {
                <h3 class="p1-h3">{ s.reconcile_heading }</h3>
                <p class="p1-reconcile" data-testid="reconciliation">{ text }</p>
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
                                    { text::citation_label(loc, &f, &src.cite) }
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
        <details class="p1-method" data-testid="method">
            <summary>{ s.method_heading }</summary>
            for p in text::method(loc, &f, ds) {
                <p>{ p }</p>
            }
            <h3 class="p1-h3">{ s.method_sources }</h3>
            if let Some(note) = text::copy_only_note(loc, ds) {
                <p class="p1-note" data-testid="copy-only">{ note }</p>
            }
            <ol class="p1-sources">
                for src in ds.sources.iter() {
                    <li data-testid="method-source">
                        <a href={src.cite.url.clone()} target="_blank" rel="noopener noreferrer">
                            { text::citation_full(loc, &f, &src.cite) }
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
