//! The shared configuration vocabulary: URL query parameters (standalone page and
//! iframe) and `data-` attributes (script embed) use the same names and values.
//!
//! Parsing never fails: unknown, malformed or out-of-range values are ignored (the
//! default applies) or clamped by the model, and the reader sees the scenario applied.

use super::data::{Basis, Category, Dataset};
use super::decimal::{decimal, parse_decimal};
use super::locale::Lang;
use super::model::{self, Rates, Scenario};
use super::month::Month;
use super::timeline::{Actor, App, Events, Filters, PeriodFilter};
use super::vocab::Set;

/// The current version of the link format (`v=`).
pub const VERSION: u32 = 1;

crate::codes! {
    /// Which parts of the widget show.
    #[derive(Default)]
    pub enum View {
        Simulator = "simulator",
        Timeline = "timeline",
        #[default]
        Both = "both",
    }
}

impl View {
    pub fn shows_simulator(self) -> bool {
        self != View::Timeline
    }
    pub fn shows_timeline(self) -> bool {
        self != View::Simulator
    }
}

crate::codes! {
    /// The colour theme; `auto` follows the reader's system setting.
    #[derive(Default)]
    pub enum Theme {
        Light = "light",
        Dark = "dark",
        #[default]
        Auto = "auto",
    }
}

/// How the widget presents itself: the options that are not scenario or filters.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Look {
    pub view: View,
    pub theme: Theme,
    pub lang: Lang,
}

/// Rate parameter names, in `Category` order.
pub const RATE_PARAMS: [(&str, Category); 4] = [
    ("mfg", Category::Manufactured),
    ("ag", Category::Agriculture),
    ("energy", Category::Energy),
    ("total", Category::Total),
];

/// Everything a link or an embed can ask for. `None` means "not given (or unusable)".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub version: Option<u32>,
    pub basis: Option<Basis>,
    pub asof: Option<Month>,
    /// In [`RATE_PARAMS`] order.
    pub rates: [Option<f64>; 4],
    pub view: Option<View>,
    pub theme: Option<Theme>,
    pub lang: Option<Lang>,
    pub apps: Option<Set<App>>,
    pub actors: Option<Set<Actor>>,
    pub period: Option<PeriodFilter>,
    pub events: Option<Events>,
    pub data_url: Option<String>,
    pub timeline_data_url: Option<String>,
    /// pym.js: the parent's id for this child frame.
    pub child_id: Option<String>,
    /// pym.js: the embedding article's URL.
    pub parent_url: Option<String>,
    /// Parameter names that were present but unusable.
    pub ignored: Vec<String>,
}

/// Parses a query string (with or without the leading `?`).
pub fn parse_query(query: &str) -> Params {
    let query = query.strip_prefix('?').unwrap_or(query);
    from_pairs(
        form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())),
    )
}

/// Builds parameters from name/value pairs: query pairs, or `data-` attribute names with
/// the `data-` prefix removed. Later pairs win.
pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Params {
    let mut p = Params::default();
    for (key, value) in pairs {
        let v = value.trim();
        let ok = match key.as_str() {
            "v" => set(&mut p.version, v.parse().ok().filter(|n| *n >= 1)),
            "basis" => set(&mut p.basis, Basis::from_code(v)),
            "asof" => set(&mut p.asof, Month::parse(v)),
            "view" => set(&mut p.view, View::from_code(v)),
            "theme" => set(&mut p.theme, Theme::from_code(v)),
            "lang" => set(&mut p.lang, Lang::from_code(v)),
            "apps" => set(&mut p.apps, Set::parse(v)),
            "actors" => set(&mut p.actors, Set::parse(v)),
            "period" => set(&mut p.period, PeriodFilter::from_code(v)),
            "events" => set(&mut p.events, Events::from_code(v)),
            "data" => set(&mut p.data_url, safe_fetch_url(v)),
            "timeline-data" => set(&mut p.timeline_data_url, safe_fetch_url(v)),
            "childId" => set(
                &mut p.child_id,
                Some(v.to_string()).filter(|s| {
                    !s.is_empty()
                        && s.len() <= 100
                        && s.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
                }),
            ),
            "parentUrl" => set(
                &mut p.parent_url,
                Some(v.to_string()).filter(|s| {
                    (s.starts_with("https://") || s.starts_with("http://"))
                        && s.len() <= 2000
                        && !s.chars().any(char::is_whitespace)
                }),
            ),
            k => match RATE_PARAMS.iter().position(|(name, _)| *name == k) {
                Some(i) => set(&mut p.rates[i], parse_decimal(v)),
                None => true, // unknown names are someone else's (e.g. pym's initialWidth)
            },
        };
        if !ok {
            p.ignored.push(key);
        }
    }
    p
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

/// A URL the widget may fetch data from: `https:`/`http:` or a relative path. Other
/// schemes (`javascript:`, `data:`, `file:`) are refused.
fn safe_fetch_url(v: &str) -> Option<String> {
    let scheme_end = v.find(':');
    let slash = v.find('/').unwrap_or(usize::MAX);
    let ok = match scheme_end {
        Some(i) if i < slash => v.starts_with("https://") || v.starts_with("http://"),
        _ => !v.is_empty() && !v.starts_with("//"),
    };
    (ok && v.len() <= 2000 && !v.chars().any(|c| c.is_whitespace() || c.is_control()))
        .then(|| v.to_string())
}

/// The scenario a link asks for, resolved against the data: the basis if the data have
/// it, the cut-off snapped to an available month, given rates clamped, and missing
/// rates at the pace so far.
pub fn scenario(ds: &Dataset, p: &Params) -> Scenario {
    let default = model::default_scenario(ds);
    let basis = p
        .basis
        .filter(|b| ds.bases().contains(b))
        .unwrap_or(default.basis);
    let asof = p
        .asof
        .and_then(|m| model::resolve_asof(ds, basis, m))
        .or_else(|| model::resolve_asof(ds, basis, default.asof))
        .unwrap_or(default.asof);
    let base = model::apply_preset(
        ds,
        &Scenario {
            basis,
            asof,
            rates: Rates::ZERO,
        },
        model::Preset::PaceSoFar,
    );
    let mut rates = base.rates;
    for (i, (_, c)) in RATE_PARAMS.iter().enumerate() {
        if let Some(v) = p.rates[i] {
            rates.set(*c, v);
        }
    }
    Scenario { basis, asof, rates }
}

/// The preset a link's rates come from: the pace so far unless it gives rates.
pub fn link_preset(p: &Params) -> Option<model::Preset> {
    p.rates
        .iter()
        .all(Option::is_none)
        .then_some(model::Preset::PaceSoFar)
}

pub fn look(p: &Params) -> Look {
    Look {
        view: p.view.unwrap_or_default(),
        theme: p.theme.unwrap_or_default(),
        lang: p.lang.unwrap_or_default(),
    }
}

pub fn filters(p: &Params) -> Filters {
    let d = Filters::default();
    Filters {
        events: p.events.unwrap_or(d.events),
        apps: p.apps.unwrap_or(d.apps),
        actors: p.actors.unwrap_or(d.actors),
        period: p.period.unwrap_or(d.period),
    }
}

/// The query string for a state, over-specified so a shared link keeps its meaning when
/// defaults change: version, basis, cut-off and every rate that applies, always.
pub fn to_query(ds: &Dataset, s: &Scenario, f: &Filters, look: &Look) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("v", &VERSION.to_string());
    q.append_pair("basis", s.basis.code());
    q.append_pair("asof", &s.asof.to_string());
    for (name, c) in RATE_PARAMS {
        if model::rate_categories(ds, s.basis).contains(&c) {
            q.append_pair(name, &decimal(s.rates.get(c), 2));
        }
    }
    if !f.apps.is_all() {
        q.append_pair("apps", &f.apps.to_code());
    }
    if !f.actors.is_all() {
        q.append_pair("actors", &f.actors.to_code());
    }
    q.append_pair("period", f.period.code());
    q.append_pair("events", f.events.code());
    if look.view != View::default() {
        q.append_pair("view", look.view.code());
    }
    if look.theme != Theme::default() {
        q.append_pair("theme", look.theme.code());
    }
    if look.lang != Lang::default() {
        q.append_pair("lang", look.lang.code());
    }
    q.finish()
}

/// The event id in a `#event-<id>` fragment.
pub fn event_from_hash(hash: &str) -> Option<String> {
    let id = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix("event-")?;
    (!id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
    .then(|| id.to_string())
}
