//! "What actually happened" (final outcome figures) and "How we calculated this".

use yew::prelude::*;

use std::rc::Rc;

use super::{strings, use_env};
use crate::core::data::{Basis, Category, Dataset, Period, Unit};
use crate::core::strings::fill;
use crate::core::text;

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub data: Rc<Dataset>,
}

fn bn(v: Option<f64>) -> String {
    v.map_or_else(
        || strings().missing.to_string(),
        |v| text::money(strings(), super::format::fmt(), v),
    )
}

/// Final outcome figures, each with its source.
#[component]
pub fn Outcomes(props: &DataProps) -> Html {
    let ds = &props.data;
    let s = strings();
    let f = super::format::fmt();
    if ds.outcomes.is_empty() {
        return html! {};
    }
    html! {
        <section class="p1-outcomes" data-testid="outcomes">
            <h2 class="p1-h2">{ s.outcome_heading }</h2>
            <ul>
                for o in ds.outcomes.iter() {
                    <li>
                        <strong class="p1-fig">{
                            match o.unit {
                                Unit::Percent if o.figure.value.fract() == 0.0 => f.percent(o.figure.value / 100.0),
                                Unit::Percent => crate::core::strings::fill(s.percent_exact, &[("n", &f.number(o.figure.value, 1))]),
                                Unit::UsdBn => text::money(s, f, o.figure.value),
                            }
                        }</strong>
                        { " " }{ o.figure.note.clone() }{ " " }
                        for i in o.figure.sources.iter() {
                            if let Some(src) = ds.source(*i) {
                                <a class="p1-cite" href={src.url.clone()} target="_blank" rel="noopener noreferrer" title={src.label.clone()}>
                                    { crate::core::timeline::host(&src.url).to_string() }
                                </a>
                            }
                        }
                    </li>
                }
            </ul>
        </section>
    }
}

/// The method, collapsed by default, with every source linked.
#[component]
pub fn Method(props: &DataProps) -> Html {
    let ds = &props.data;
    let env = use_env();
    let s = strings();
    let f = super::format::fmt();
    let inc = |y: i32, c: Category| bn(ds.commitments.get(&(Period::Year(y), c)).map(|x| x.value));
    let tgt = |b: Basis, y: i32| bn(ds.target(b, y, Category::Total).map(|x| x.value));
    let date = |id: &str| {
        ds.events
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| crate::core::month::parse_date(&e.date))
            .map(|d| f.date(d, crate::core::timeline::Precision::Day))
            .unwrap_or_default()
    };
    let total = text::headline_total(s, f, ds);
    let intro = fill(
        s.method_intro,
        &[
            ("signed", &date("signed")),
            ("in_force", &date("in-force")),
            ("mfg20", &inc(2020, Category::Manufactured)),
            ("mfg21", &inc(2021, Category::Manufactured)),
            ("ag20", &inc(2020, Category::Agriculture)),
            ("ag21", &inc(2021, Category::Agriculture)),
            ("en20", &inc(2020, Category::Energy)),
            ("en21", &inc(2021, Category::Energy)),
            ("sv20", &inc(2020, Category::Services)),
            ("sv21", &inc(2021, Category::Services)),
        ],
    );
    let bases = fill(
        s.method_bases,
        &[
            (
                "usbase",
                &bn(ds
                    .baselines
                    .get(&(Basis::Us, Category::Total))
                    .map(|x| x.value)),
            ),
            ("us20", &tgt(Basis::Us, 2020)),
            ("us21", &tgt(Basis::Us, 2021)),
            ("cn20", &tgt(Basis::Cn, 2020)),
            ("cn21", &tgt(Basis::Cn, 2021)),
        ],
    );
    let services = fill(
        s.method_services,
        &[
            ("sv20", &inc(2020, Category::Services)),
            ("sv21", &inc(2021, Category::Services)),
            ("total", &total),
        ],
    );
    html! {
        <details class="p1-method" data-testid="method">
            <summary>{ s.method_heading }</summary>
            <p>{ intro }</p>
            <p>{ bases }</p>
            <p>{ s.method_prorating }</p>
            <p>{ s.method_path_seasonal }</p>
            <p>{ services }</p>
            <p>{ s.method_aircraft }</p>
            <p>{ s.method_derived }</p>
            <p>{ s.method_missing }</p>
            <h3 class="p1-h3">{ s.method_sources }</h3>
            <ol class="p1-sources">
                for src in ds.sources.iter() {
                    <li><a href={src.url.clone()} target="_blank" rel="noopener noreferrer">{ src.label.clone() }</a></li>
                }
            </ol>
            <p><a href={format!("{}data/purchases.csv", env.asset_base)} download="">{ s.method_download }</a></p>
        </details>
    }
}
