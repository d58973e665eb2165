use std::rc::Rc;

use yew::prelude::*;

use super::chart::Chart;
use super::controls::Controls;
use super::method::{Method, Outcomes};
use super::notice::Notices;
use super::share::Share;
use super::timeline_view::TimelineView;
use super::verdict::Verdict;
use super::{Derived, Dispatch, Env, Handle, Latest, Model, strings};
use crate::core::data::{self, Dataset};
use crate::core::state::State;
use crate::core::text;
use crate::core::timeline::{self, Timeline};
use crate::core::url_state::{Params, Theme};

/// How an instance starts.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Init {
    /// The link or embed parameters.
    pub params: Params,
    /// A deep-linked event (`#event-<id>`).
    pub selected: Option<String>,
    pub env: Env,
    /// Hydrating prerendered HTML: render the default view first (it matches the
    /// prerender), then apply `params`.
    pub hydrate: bool,
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    #[prop_or_default]
    pub init: Rc<Init>,
}

thread_local! {
    static BUILT_IN: (Rc<Dataset>, Rc<Timeline>) = (
        Rc::new(data::parse(data::FILE_NAME, data::BUILT_IN).unwrap_or_default()),
        Rc::new(timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap_or_default()),
    );
}

/// The built-in data, parsed once per page and shared by every instance.
pub fn built_in() -> (Rc<Dataset>, Rc<Timeline>) {
    BUILT_IN.with(|b| b.clone())
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let init = props.init.clone();
    let handle: Handle = use_reducer({
        let init = init.clone();
        move || {
            let (ds, tl) = built_in();
            if init.hydrate {
                Model(State::new(ds, tl, Params::default(), None))
            } else {
                Model(State::new(
                    ds,
                    tl,
                    init.params.clone(),
                    init.selected.clone(),
                ))
            }
        }
    });

    // The query string for this state, built once per render: the address bar, shared
    // links and embed snippets all read it (through `Latest`).
    let query = handle.0.query();
    super::dom::use_browser_effects(&handle, &init, &query);
    // Set once the client has taken over (after hydration): tests and host pages can
    // wait for `.p1[data-ready]`.
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| ready.set(true));
    }

    let env: Rc<Env> = use_memo((), {
        let env = init.env.clone();
        move |_| env
    });
    let state = &handle.0;
    // Derived results, computed once per change of the scenario or the data.
    let derived: Rc<Derived> = use_memo((state.scenario, Rc::as_ptr(&state.data) as usize), {
        let data = state.data.clone();
        move |(scenario, _)| Derived {
            eval: crate::core::model::evaluate(&data, scenario),
            series: crate::core::model::series(&data, scenario),
            cutoffs: crate::core::model::cutoffs(&data, scenario.basis),
        }
    });
    let dispatch: Dispatch = handle.dispatcher();
    let latest = use_memo((), |_| Latest::default());
    *latest.0.borrow_mut() = query;
    let s = strings();
    let f = super::format::fmt();
    let view = state.view;
    let theme = match state.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    };
    let dek = crate::core::strings::fill(
        s.dek,
        &[("total", &text::headline_total(s, f, &state.data))],
    );
    let heading_id = env.id("headline");

    html! {
        <ContextProvider<Handle> context={handle.clone()}>
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Rc<Derived>> context={derived}>
        <ContextProvider<Latest> context={(*latest).clone()}>
        <ContextProvider<Rc<Env>> context={env.clone()}>
            <div class="p1" data-theme={theme} data-view={view.code()} lang={s.lang} data-ready={ready.then_some("true")}>
                <Notices notices={state.notices.clone()} />
                <header class="p1-head">
                    <h1 class="p1-headline" id={heading_id.clone()}>{ s.headline }</h1>
                    <p class="p1-dek">{ dek }</p>
                </header>
                <div class="p1-grid">
                    if view.shows_simulator() {
                        <section class="p1-sim" aria-labelledby={heading_id}>
                            <Verdict />
                            <Chart />
                            <Controls />
                            <Outcomes data={state.data.clone()} />
                            <Method data={state.data.clone()} />
                        </section>
                    }
                    if view.shows_timeline() {
                        <TimelineView timeline={state.timeline.clone()} filters={state.filters.clone()}
                                      selected={state.selected.clone()} highlighted={state.highlighted.clone()} />
                    }
                </div>
                <footer class="p1-foot">
                    <Share />
                    <p class="p1-credit">{ s.credit }</p>
                </footer>
            </div>
        </ContextProvider<Rc<Env>>>
        </ContextProvider<Latest>>
        </ContextProvider<Rc<Derived>>>
        </ContextProvider<Dispatch>>
        </ContextProvider<Handle>>
    }
}
