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

crate::codes! {
    /// Guess first (an editor's choice): the reader guesses what share China bought
    /// before the widget shows what happened.
    #[derive(Default)]
    pub enum Guess {
        #[default]
        Off = "off",
        On = "on",
    }
}

/// How the widget presents itself: the options that are not scenario or filters.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Look {
    pub view: View,
    pub theme: Theme,
    pub lang: Lang,
    pub guess: Guess,
}

/// Rate parameter names, in `Category` order.
pub const RATE_PARAMS: [(&str, Category); 4] = [
    ("mfg", Category::Manufactured),
    ("ag", Category::Agriculture),
    ("energy", Category::Energy),
    ("total", Category::Total),
];

/// Who wins when a reader's link and the publisher's page both give an option.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LinkRule {
    /// The link sets the view: its value wins.
    LinkWins,
    /// A shared link can't swap what an article was published with: the publisher's
    /// value (an embed's attribute, an iframe's address) stays.
    PublisherWins,
}

/// One option as the table declares it: its name (the same in a query, a `data-`
/// attribute and an article's `p1.` parameters), what its values are, its default, an
/// example value, and who wins between a link and the page.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    pub name: &'static str,
    pub values: &'static str,
    pub default: &'static str,
    pub example: &'static str,
    pub link: LinkRule,
}

/// The options, each declared once: from this come `Params`, reading (`from_pairs`),
/// merging (`overlay`, `overlay_link`), the names this widget owns in an address
/// (`is_own_name`, `own_names`) and, checked by a test, README's table of options.
macro_rules! options {
    ($(
        $(#[$doc:meta])*
        $field:ident: $ty:ty = $name:literal {
            values: $values:literal, default: $default:literal, example: $example:literal,
            link: $link:ident, read: $read:expr $(,)?
        }
    )*) => {
        /// Everything a link or an embed can ask for. `None` means "not given (or
        /// unusable)".
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Params {
            $( $(#[$doc])* pub $field: Option<$ty>, )*
            /// The rates (`mfg`, `ag`, `energy`, `total`), in [`RATE_PARAMS`] order.
            pub rates: [Option<f64>; 4],
            /// pym.js: the parent's id for this child frame.
            pub child_id: Option<String>,
            /// pym.js: the embedding article's URL.
            pub parent_url: Option<String>,
            /// Parameter names that were present but unusable.
            pub ignored: Vec<String>,
        }

        /// Every option's name, in the table's order (what the widget needs at run time;
        /// the rest of the table is for tests and docs, and stays out of the wasm).
        pub const OPTION_NAMES: &[&str] = &[$( $name, )*];

        /// Every option but the rates (see [`RATE_PARAMS`]), in the table's order.
        pub const OPTIONS: &[OptionSpec] = &[$(
            OptionSpec {
                name: $name,
                values: $values,
                default: $default,
                example: $example,
                link: LinkRule::$link,
            },
        )*];

        /// Reads one option's value into `p`: `Some(usable)` for a name in the table.
        fn read_option(p: &mut Params, key: &str, v: &str) -> Option<bool> {
            let read = match key {
                $( $name => set(&mut p.$field, ($read)(v)), )*
                _ => return None,
            };
            Some(read)
        }

        /// `base` with every option `over` gives taken from `over`; where `publisher`
        /// is set, options whose rule is `PublisherWins` keep `base`'s value if it has
        /// one.
        fn overlay_options(base: &mut Params, over: &mut Params, publisher: bool) {
            $(
                let keep = publisher && LinkRule::$link == LinkRule::PublisherWins;
                base.$field = if keep {
                    base.$field.take().or(over.$field.take())
                } else {
                    over.$field.take().or(base.$field.take())
                };
            )*
        }
    };
}

options! {
    view: View = "view" {
        values: "`simulator`, `timeline`, `both`", default: "`both`", example: "timeline",
        link: LinkWins, read: View::from_code,
    }
    basis: Basis = "basis" {
        values: "`us` (US exports), `cn` (Chinese imports)", default: "`us`", example: "cn",
        link: LinkWins, read: Basis::from_code,
    }
    asof: Month = "asof" {
        values: "`YYYY-MM`, snapped to the latest month with data", default: "`2020-06`",
        example: "2020-12", link: LinkWins, read: Month::parse,
    }
    apps: Set<App> = "apps" {
        values: "`tiktok`, `wechat` (comma list), `all`, `none`", default: "all",
        example: "wechat", link: LinkWins, read: Set::parse,
    }
    actors: Set<Actor> = "actors" {
        values: "`white_house`, `commerce`, `treasury_cfius`, `congress`, `court`, \
                 `company`, `china_government` (comma list), `all`",
        default: "all", example: "court,congress", link: LinkWins, read: Set::parse,
    }
    period: PeriodFilter = "period" {
        values: "`deal` (2020–21), `all`", default: "`all`", example: "deal",
        link: LinkWins, read: PeriodFilter::from_code,
    }
    events: Events = "events" {
        values: "`key` (the 12 key moments), `all` (every event, with the filters)",
        default: "`key`", example: "all", link: LinkWins, read: Events::from_code,
    }
    theme: Theme = "theme" {
        values: "`light`, `dark`, `auto` (follows `prefers-color-scheme`)",
        default: "`auto`", example: "dark", link: LinkWins, read: Theme::from_code,
    }
    guess: Guess = "guess" {
        values: "`on` (the reader guesses the share bought before the outcome shows), `off`",
        default: "`off`", example: "on", link: LinkWins, read: Guess::from_code,
    }
    lang: Lang = "lang" {
        values: "`en`, `zh-Hans` (Simplified Chinese)",
        default: "`en` (on `index.zh-Hans.html`, `zh-Hans`)", example: "zh-Hans",
        link: LinkWins, read: Lang::from_tag,
    }
    /// A newsroom's purchase data file.
    data_url: DataRef = "data" {
        values: "URL of a purchases CSV in the built-in format", default: "built-in",
        example: "/newsroom/purchases.csv", link: PublisherWins,
        read: |v: &str| data_address(v).map(DataRef::from_link),
    }
    /// A newsroom's timeline file.
    timeline_data_url: DataRef = "timeline-data" {
        values: "URL of a timeline CSV in the built-in format", default: "built-in",
        example: "/newsroom/timeline.csv", link: PublisherWins,
        read: |v: &str| data_address(v).map(DataRef::from_link),
    }
    /// The link format's version.
    version: u32 = "v" {
        values: "link format version (`1`)", default: "`1`", example: "1", link: LinkWins,
        read: |v: &str| v.parse().ok().filter(|n| *n >= 1),
    }
}

/// Parses a query string (with or without the leading `?`).
/// A query string with its `lang` parameter set to `lang` (dropped for the default),
/// every other parameter kept in order: the language switch's link.
pub fn with_lang(query: &str, lang: Lang) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k != "lang" {
            out.append_pair(&k, &v);
        }
    }
    if lang != Lang::default() {
        out.append_pair("lang", lang.code());
    }
    out.finish()
}

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
            k => match read_option(&mut p, k, v) {
                Some(ok) => ok,
                None => match RATE_PARAMS.iter().position(|(name, _)| *name == k) {
                    Some(i) => set(&mut p.rates[i], parse_decimal(v)),
                    None => true, // someone else's name (e.g. pym's initialWidth)
                },
            },
        };
        if !ok {
            p.ignored.push(key);
        }
    }
    p
}

/// Where a data file comes from. A file named in a link is fetched only from the page's
/// own origin (or one the host page allows); a host page's own `data-` attributes are
/// trusted, since the page's author wrote them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataRef {
    pub url: String,
    pub trusted: bool,
}

impl DataRef {
    pub fn from_link(url: String) -> Self {
        DataRef {
            url,
            trusted: false,
        }
    }
}

/// Whether `name` is one of this widget's parameters (an option or a rate). Any other
/// name in an address is someone else's (the article's, pym's, analytics') and is kept
/// as it is.
pub fn is_own_name(name: &str) -> bool {
    OPTION_NAMES.contains(&name) || RATE_PARAMS.iter().any(|(n, _)| *n == name)
}

/// Every parameter name this widget owns: the options, then the rates.
pub fn own_names() -> impl Iterator<Item = &'static str> {
    OPTION_NAMES
        .iter()
        .copied()
        .chain(RATE_PARAMS.iter().map(|(n, _)| *n))
}

/// The prefix of a script embed's parameters in the article's own address
/// (`p1.basis=cn`), so they never clash with the article's.
pub const ARTICLE_PREFIX: &str = "p1.";

impl Params {
    /// These parameters with every one that `over` gives replaced by its value.
    #[must_use]
    pub fn overlay(self, over: Params) -> Params {
        self.merge(over, false)
    }

    /// These parameters (the publisher's: an embed's attributes, an iframe's address)
    /// under a reader's link (`over`, the article's `p1.` parameters): the link sets the
    /// view, but an option whose rule is `PublisherWins` (a data file) stays as the
    /// publisher gave it. A shared link can't swap the figures an article was published
    /// with.
    #[must_use]
    pub fn overlay_link(self, over: Params) -> Params {
        self.merge(over, true)
    }

    fn merge(mut self, mut over: Params, publisher: bool) -> Params {
        overlay_options(&mut self, &mut over, publisher);
        for (r, o) in self.rates.iter_mut().zip(over.rates) {
            *r = o.or(*r);
        }
        self.child_id = over.child_id.or(self.child_id);
        self.parent_url = over.parent_url.or(self.parent_url);
        self.ignored.extend(over.ignored);
        self
    }

    /// The same parameters, with data files marked as the host page's own choice.
    #[must_use]
    pub fn trusting_data(mut self) -> Params {
        for r in [&mut self.data_url, &mut self.timeline_data_url]
            .into_iter()
            .flatten()
        {
            r.trusted = true;
        }
        self
    }
}

/// The widget's parameters in an article's query string: those named `p1.<name>`.
pub fn parse_prefixed(query: &str, prefix: &str) -> Params {
    let query = query.strip_prefix('?').unwrap_or(query);
    from_pairs(
        form_urlencoded::parse(query.as_bytes())
            .filter_map(|(k, v)| Some((k.strip_prefix(prefix)?.to_string(), v.into_owned()))),
    )
}

/// An address's query with this widget's parameters replaced by `ours`, and every other
/// parameter kept exactly as it was written, in its place. `prefix` is "" for the
/// widget's own page, or [`ARTICLE_PREFIX`] in an article.
pub fn merge_query(existing: &str, ours: &str, prefix: &str) -> String {
    let existing = existing.strip_prefix('?').unwrap_or(existing);
    let owned = |segment: &str| {
        let name = segment.split('=').next().unwrap_or("");
        let name: String = form_urlencoded::parse(name.as_bytes())
            .next()
            .map(|(k, _)| k.into_owned())
            .unwrap_or_default();
        name.strip_prefix(prefix).is_some_and(is_own_name)
    };
    let mut parts: Vec<String> = existing
        .split('&')
        .filter(|seg| !seg.is_empty() && !owned(seg))
        .map(str::to_string)
        .collect();
    parts.extend(form_urlencoded::parse(ours.as_bytes()).map(|(k, v)| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair(&format!("{prefix}{k}"), &v)
            .finish()
    }));
    parts.join("&")
}

/// The fragment an address should end with: the selected event's, or else whatever the
/// address had that is not an event link (an article's `#comments`).
pub fn merge_fragment(existing: &str, event: Option<&str>) -> String {
    match event {
        Some(id) => format!("#event-{id}"),
        None if existing.len() > 1 && event_from_hash(existing).is_none() => existing.to_string(),
        None => String::new(),
    }
}

/// A short name for a data file, for notices and labels: the last part of its path (or
/// its host), decoded, at most 40 characters (longer names keep their start and end).
pub fn file_label(url: &str) -> String {
    const MAX: usize = 40;
    let path = url.split(['?', '#']).next().unwrap_or("");
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let decoded: String = form_urlencoded::parse(format!("x={last}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let host = url.split_once("://").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    });
    let decoded = if decoded.trim().is_empty() {
        host.to_string()
    } else {
        decoded
    };
    let name: Vec<char> = decoded
        .chars()
        .map(|c| match c {
            c if c.is_control() => ' ',
            // A direction control in a file's name would turn the sentence around it.
            c if super::problem::is_bidi_control(c) => '\u{FFFD}',
            c => c,
        })
        .collect();
    if name.len() > MAX {
        let head: String = name[..MAX / 2].iter().collect();
        let tail: String = name[name.len() - (MAX / 2 - 1)..].iter().collect();
        format!("{head}\u{2026}{tail}")
    } else {
        name.into_iter().collect()
    }
}

/// An address's base, query (with its `?`) and fragment (with its `#`).
pub fn split_address(url: &str) -> (String, String, String) {
    let (rest, hash) = match url.split_once('#') {
        Some((r, h)) => (r, format!("#{h}")),
        None => (url, String::new()),
    };
    let (base, query) = match rest.split_once('?') {
        Some((b, q)) => (b.to_string(), format!("?{q}")),
        None => (rest.to_string(), String::new()),
    };
    (base, query, hash)
}

/// The address up to and including its last `/`, without query or fragment.
pub fn directory(url: &str) -> String {
    let (base, _, _) = split_address(url);
    base.rsplit_once('/')
        .map(|(dir, _)| format!("{dir}/"))
        .unwrap_or_default()
}

/// The origins a host page allows data from, from its `data-phase-one-data-origins`
/// attribute: space-separated `https://host[:port]` origins; anything else is dropped.
pub fn parse_origins(attr: &str) -> Vec<String> {
    attr.split_whitespace()
        .filter_map(|o| {
            let o = o.trim_end_matches('/').to_ascii_lowercase();
            let rest = o
                .strip_prefix("https://")
                .or_else(|| o.strip_prefix("http://"))?;
            let ok = !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
            ok.then_some(o)
        })
        .collect()
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

/// A data file's address as given: any non-empty text up to 2,000 characters. Whether
/// the widget may fetch it (a web address on an allowed origin) is decided in the browser,
/// with its URL parser, so that every refusal gets a notice.
fn data_address(v: &str) -> Option<String> {
    (!v.is_empty() && v.len() <= 2000 && !v.chars().any(char::is_control)).then(|| v.to_string())
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
    // Only the rates that apply on this basis: a link's `total` on the US-export basis
    // (or `mfg` on the Chinese-import one) means nothing and is not kept.
    let applies = model::rate_categories(ds, basis);
    for (i, (_, c)) in RATE_PARAMS.iter().enumerate() {
        if let Some(v) = p.rates[i].filter(|_| applies.contains(c)) {
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
        guess: p.guess.unwrap_or_default(),
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
pub fn to_query(
    ds: &Dataset,
    s: &Scenario,
    f: &Filters,
    look: &Look,
    files: [Option<&str>; 2],
) -> String {
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
    if look.guess != Guess::default() {
        q.append_pair("guess", look.guess.code());
    }
    if look.lang != Lang::default() {
        q.append_pair("lang", look.lang.code());
    }
    for (name, url) in ["data", "timeline-data"].into_iter().zip(files) {
        if let Some(url) = url {
            q.append_pair(name, url);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_tag_in_any_case() {
        for tag in ["zh-Hans", "ZH-HANS", "zh-hans", " Zh-Hans "] {
            assert_eq!(
                parse_query(&format!("?lang={tag}")).lang,
                Some(Lang::ZhHans),
                "{tag}"
            );
        }
        assert_eq!(parse_query("?lang=zh").lang, None);
    }

    #[test]
    fn merging_keeps_what_is_not_ours() {
        let merged = merge_query(
            "?utm_source=news&id=42&basis=cn&childId=g1&parentUrl=https%3A%2F%2Fa.example%2F",
            "v=1&basis=us&mfg=3",
            "",
        );
        assert_eq!(
            merged,
            "utm_source=news&id=42&childId=g1&parentUrl=https%3A%2F%2Fa.example%2F\
             &v=1&basis=us&mfg=3"
        );
        // In an article: only `p1.` names are ours; the article's own `basis` stays.
        let merged = merge_query("?id=42&basis=x&p1.basis=cn&p1.mfg=2", "v=1&basis=us", "p1.");
        assert_eq!(merged, "id=42&basis=x&p1.v=1&p1.basis=us");
        // Odd segments are kept as written.
        assert_eq!(merge_query("?a&&b=%zz&=1", "v=1", ""), "a&b=%zz&=1&v=1");
        assert_eq!(merge_fragment("#comments", None), "#comments");
        assert_eq!(merge_fragment("#comments", Some("x")), "#event-x");
        assert_eq!(merge_fragment("#event-old", None), "");
        assert_eq!(merge_fragment("#", None), "");
    }

    #[test]
    fn article_parameters_are_namespaced_and_overlay_the_host_s() {
        let host = from_pairs([("basis".to_string(), "us".to_string())]).trusting_data();
        let article = parse_prefixed("?basis=cn&p1.asof=2020-10&p1.data=/x.csv&p1.mfg=", "p1.");
        assert_eq!(article.basis, None, "the article's own basis is not ours");
        let p = host.overlay(article);
        assert_eq!(p.basis, Some(Basis::Us));
        assert_eq!(p.asof.map(|m| m.to_string()).as_deref(), Some("2020-10"));
        assert_eq!(p.data_url, Some(DataRef::from_link("/x.csv".into())));
        assert_eq!(p.ignored, ["mfg"]);
        let trusted = from_pairs([("data".to_string(), "/y.csv".to_string())]).trusting_data();
        // The publisher's file stays under a link that names another; the link's own
        // file is used where the publisher named none.
        let link = from_pairs([
            ("data".to_string(), "/x.csv".to_string()),
            ("timeline-data".to_string(), "/t.csv".to_string()),
            ("basis".to_string(), "cn".to_string()),
        ]);
        let kept = trusted.clone().overlay_link(link.clone());
        assert_eq!(
            kept.data_url.as_ref().map(|d| (d.url.as_str(), d.trusted)),
            Some(("/y.csv", true))
        );
        assert_eq!(
            kept.timeline_data_url.map(|d| d.url),
            Some("/t.csv".to_string())
        );
        assert_eq!(kept.basis, link.basis);
        assert!(trusted.data_url.is_some_and(|d| d.trusted));
    }

    #[test]
    fn empty_filter_values_are_ignored() {
        let p = parse_query("?apps=&actors=&events=&period=");
        assert_eq!(filters(&p), Filters::default());
        assert_eq!(p.ignored, ["apps", "actors", "events", "period"]);
    }

    #[test]
    fn file_labels_are_short_and_plain() {
        assert_eq!(
            file_label("https://a.example/d/prices%202020.csv?x=1"),
            "prices 2020.csv"
        );
        assert_eq!(file_label("https://a.example/"), "a.example");
        let long = format!("https://a.example/{}.csv", "x".repeat(1900));
        let label = file_label(&long);
        assert_eq!(label.chars().count(), 40);
        assert!(label.contains('\u{2026}') && label.ends_with(".csv"));
        assert_eq!(file_label("https://a.example/a%0Ab.csv"), "a b.csv");
    }

    #[test]
    fn addresses_and_origins() {
        assert_eq!(
            split_address("https://a.example/p/index.html?x=1#event-y"),
            (
                "https://a.example/p/index.html".to_string(),
                "?x=1".to_string(),
                "#event-y".to_string()
            )
        );
        assert_eq!(
            directory("https://a.example/p/index.html?x=/y/"),
            "https://a.example/p/"
        );
        assert_eq!(directory("https://a.example/p/"), "https://a.example/p/");
        assert_eq!(
            parse_origins(
                "https://Data.Example/ http://b.example:8080 javascript:x https:// ftp://c"
            ),
            ["https://data.example", "http://b.example:8080"]
        );
    }
}
