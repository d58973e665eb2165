//! Small multiples, right under the sliders (and the one-line verdict): a chart for each
//! kind of goods, side by side in the sliders' order and colours, so that each slider's
//! own chart is in view while it moves, and the three can be compared at a glance. Each
//! shows the category's purchases year to date, the reader's projection at that slider's
//! pace and its own target path, on the big chart's months; under it, its share of each
//! year's target in words and its part of the pace needed. Then the final counts by
//! category, each cited, or that a count gives no figure.

use yew::prelude::*;

use super::{Ui, use_derived, use_ui, use_widget};
use crate::core::chart::{self, MINI_HEIGHT, num};
use crate::core::data::{Category, Period};
use crate::core::derived::CategoryView;
use crate::core::locale::fill;
use crate::core::text;

#[component]
pub fn CategoryCharts() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let ui = use_ui();
    let Ui { s, env, .. } = &ui;
    if derived.categories.is_empty() || derived.eval.is_none() {
        return html! {};
    }
    let ds = &handle.0.data;
    let heading_id = env.id("categories");
    html! {
        <section class="p1-cats" data-p1-role="categories" aria-labelledby={heading_id.clone()}
                 data-testid="categories">
            <h3 class="p1-cats-heading" id={heading_id}>{ s.cat_heading }</h3>
            <div class="p1-cats-row">
                for v in derived.categories.iter() {
                    <CategoryChart category={v.result.category} />
                }
            </div>
            <p class="p1-note p1-cats-final" data-testid="category-finals">
                { s.cat_final_heading }{ " " }
                for (i, v) in derived.categories.iter().enumerate() {
                    if i > 0 { { s.list_separator } }
                    <span data-testid={format!("category-final-{}", v.result.category.code())}>
                        { final_count(&ui, ds, v) }
                    </span>
                }
            </p>
        </section>
    }
}

/// One category's final count, with its citations, or a line saying no count gives one.
fn final_count(ui: &Ui, ds: &crate::core::data::Dataset, v: &CategoryView) -> Html {
    let Ui { loc, s, f, .. } = ui;
    let category = v.result.category;
    let Some(o) = v.final_share.and_then(|i| ds.outcomes.get(i)) else {
        return Html::from(fill(
            s.cat_final_none,
            &[("category", loc.category(category))],
        ));
    };
    let sources = html! {
        for src in o.figure.sources.iter().filter_map(|i| ds.source(*i)) {
            <a class="p1-cite" href={src.cite.url.clone()} target="_blank"
               rel="noopener noreferrer" title={src.cite.title.clone()}>
                { super::citation_label(loc, f, &src.cite) }
            </a>
        }
    };
    super::fill_html(
        s.cat_final,
        &[
            ("category", Html::from(loc.category(category))),
            (
                "share",
                super::nb(&text::outcome_percent(loc, f, o.figure.value)),
            ),
            ("source", sources),
        ],
    )
}

#[derive(Properties, PartialEq)]
pub struct CategoryProps {
    pub category: Category,
}

/// One category's small chart and words.
#[component]
pub fn CategoryChart(props: &CategoryProps) -> Html {
    let derived = use_derived();
    let Ui { loc, s, f, env } = use_ui();
    let width = use_state(|| chart::DEFAULT_WIDTH / 4.0);
    let node = use_node_ref();
    super::dom::use_width(&node, width.setter(), chart::MINI_MIN_WIDTH);
    let c = props.category;
    let code = c.code();
    let (Some(view), Some(e)) = (derived.category(c), derived.eval.as_ref()) else {
        return html! {};
    };
    let mini = chart::mini(&view.result.series, e.scenario.asof, *width, view.top);
    let fr = mini.frame;
    let label = fill(s.cat_chart_label, &[("category", loc.category(c))]);
    html! {
        <figure class={classes!("p1-cat", format!("p1-cat-{code}"))}
                data-testid={format!("category-chart-{code}")}>
            <figcaption class="p1-cat-name">
                <span class="p1-chip" aria-hidden="true"></span>{ loc.category(c) }
            </figcaption>
            <div class="p1-cat-box" ref={node}>
                // The scale's top, in HTML over the drawing (which stretches to its box).
                <span class="p1-mini-top" aria-hidden="true"
                      data-testid={format!("category-top-{code}")}>{
                    super::nb(&text::tick(loc, &f, mini.scale.max))
                }</span>
                <svg class="p1-mini" viewBox={format!("0 0 {} {}", num(fr.w), num(MINI_HEIGHT))}
                     width="100%" height={num(MINI_HEIGHT)} role="img" aria-label={label}
                     preserveAspectRatio="none">
                    <line class="p1-mini-grid" x1={num(fr.x0)} x2={num(fr.x1)}
                          y1={num(fr.y0)} y2={num(fr.y0)} />
                    <line class="p1-axis" x1={num(fr.x0)} x2={num(fr.x1)}
                          y1={num(fr.y1)} y2={num(fr.y1)} />
                    <line class="p1-year-divider" x1={num(mini.divider_x)}
                          x2={num(mini.divider_x)} y1={num(fr.y0)} y2={num(fr.y1)} />
                    <line class="p1-asof" x1={num(mini.asof_x)} x2={num(mini.asof_x)}
                          y1={num(fr.y0)} y2={num(fr.y1)} />
                    for l in mini.lines.iter() {
                        <path class="p1-line-target" d={chart::path(&l.target)} />
                        <path class="p1-line-later" d={chart::path(&l.later)} />
                        <path class="p1-line-projection" d={chart::path(&l.projected)}
                              data-testid={format!("category-projection-{code}-{}", l.year)} />
                        <path class="p1-line-actual" d={chart::path(&l.actual)} />
                    }
                    for (x, y) in mini.off_scale.iter().copied() {
                        <path class="p1-off-scale"
                              data-testid={format!("category-off-scale-{code}")}
                              d={format!("M{},{}l-5,8h10z", num(x), num(y - 6.0))} />
                    }
                </svg>
            </div>
            <ul class="p1-cat-words">
                for r in view.result.years.iter() {
                    <li class={classes!("p1-cat-year", super::verdict::met_class(r))}
                        data-testid={format!("category-year-{code}")}>
                        <span class="p1-verdict-dot" aria-hidden="true"></span>
                        { super::nb(&text::category_year(loc, &f, e, r)) }
                    </li>
                }
                if let (Some(n), Some(focus)) = (view.shared_need, derived.focus) {
                    <li class="p1-cat-need" id={env.id(&format!("rate-{code}-need"))}
                        data-testid={format!("category-need-{code}")}>
                        <span class="p1-need-key" aria-hidden="true"></span>
                        // The figure holds together, so the line breaks before it.
                        <span>{ super::fill_html(s.cat_shared, &[
                            ("year", Html::from(loc.period(Period::Year(focus.year)))),
                            ("pace", html! {
                                <span class="p1-nb">
                                    { super::nb(&text::money_rate(loc, &f, n)) }
                                </span>
                            }),
                        ]) }</span>
                    </li>
                }
            </ul>
        </figure>
    }
}
