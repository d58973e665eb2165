//! Reader-facing sentences built from model results, a locale and a formatter. Pure, so
//! the exact wording is tested natively.
//!
//! # The story first
//! The head says what happened: the headline and dek are filled from the data (the extra promised,
//! PIIE's shares with their scope; without those outcome rows they fall back to wording that claims
//! nothing), and one sentence says why the apps are here, with the share bought by the default
//! cut-off and a link to the event it rests on (`text::APPS_EVENT`). The simulator is a rewind
//! (`text::rewind`): its verdicts are the result of the reader's pace from the cut-off, never the
//! outcome, which "How it ended" gives as a bar list of counts (`text::reconciliation`: this
//! widget's share, derived, then every final share of goods or goods and services in the data, each
//! with its source).

use super::data::{Basis, Category, Dataset, Period};
use super::format::{Format, MonthStyle};
use super::guess;
use super::locale::{Locale, fill};
use super::model::{Evaluation, Preset, YearResult};
use super::month::{DEAL_END, Month, YEARS};
use super::pace::{Focus, Why};
use super::sources::Citation;
use super::state::{BasisChange, BasisRates};
use super::timeline::{Precision, TimelineEvent};

/// A sum in US$ billions, in the locale's unit: "$32.9bn", "329亿美元".
pub fn money(loc: &Locale, f: &dyn Format, v: f64) -> String {
    figure(loc, fill(loc.strings.money, &[("n", &amount(loc, f, v))]))
}

/// A figure with its unit, unbreakable where the language needs it (see `format::glue`).
fn figure(loc: &Locale, text: String) -> String {
    if loc.money.glue {
        super::format::glue(&text)
    } else {
        text
    }
}

/// The number alone, in the locale's unit and precision: "32.9", "329".
fn amount(loc: &Locale, f: &dyn Format, v: f64) -> String {
    f.number(v * loc.money.per_billion, loc.money.places)
}

pub fn money_rate(loc: &Locale, f: &dyn Format, v: f64) -> String {
    figure(
        loc,
        fill(loc.strings.money_rate, &[("n", &amount(loc, f, v))]),
    )
}

/// A rate the reader set (US$ billions a month), in the locale's unit, to its finest
/// step: "3.92" (bn), "39.2" (亿).
pub fn rate_figure(loc: &Locale, f: &dyn Format, v: f64) -> String {
    f.rate(v * loc.money.per_billion, loc.money.rate_places)
}

/// The slider's label: "$3.92bn a month", "每月39.2亿美元".
pub fn rate_label(loc: &Locale, f: &dyn Format, v: f64) -> String {
    figure(
        loc,
        fill(loc.strings.money_rate, &[("n", &rate_figure(loc, f, v))]),
    )
}

pub fn rate_valuetext(loc: &Locale, f: &dyn Format, v: f64) -> String {
    fill(
        loc.strings.rate_valuetext,
        &[("n", &rate_figure(loc, f, v))],
    )
}

/// A y-axis label: whole units ("$40bn"; "400", under an axis note naming 亿美元).
pub fn tick(loc: &Locale, f: &dyn Format, v: f64) -> String {
    fill(
        loc.strings.axis_tick,
        &[("n", &f.number(v * loc.money.per_billion, 0))],
    )
}

/// "2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)". A finished span
/// whose last months are missing from the data says what was bought by when, without
/// calling it a miss: "2021: $100.9bn of $177.0bn by the end of November 2021 (57% …)".
pub fn verdict(loc: &Locale, f: &dyn Format, e: &Evaluation, r: &YearResult) -> String {
    let s = loc.strings;
    let template = if r.missing > 0 {
        s.verdict_partial
    } else if r.met {
        s.verdict_met
    } else if r.shortfall < 0.05 {
        s.verdict_missed_narrowly
    } else {
        s.verdict_missed
    };
    fill(
        template,
        &[
            ("year", &loc.period(r.span)),
            ("actual", &money(loc, f, r.projected)),
            ("target", &money(loc, f, r.target)),
            ("share", &f.percent(r.share)),
            ("gap", &money(loc, f, r.shortfall.max(0.0))),
            ("last", &f.month(e.scenario.asof, MonthStyle::Long)),
        ],
    )
}

/// The tag after a verdict: actual, actual to a month (the rest is missing), projected.
pub fn verdict_tag(loc: &Locale, f: &dyn Format, e: &Evaluation, r: &YearResult) -> String {
    let s = loc.strings;
    if r.missing > 0 {
        let month = f.month(e.scenario.asof, MonthStyle::Short);
        fill(s.tag_partial, &[("month", &month)])
    } else if r.is_final() {
        s.tag_actual.to_string()
    } else {
        s.tag_projected.to_string()
    }
}

/// When the data end before the deal did: which months are missing, in words.
pub fn missing_note(loc: &Locale, f: &dyn Format, e: &Evaluation) -> Option<String> {
    (e.over && e.both.missing > 0).then(|| {
        let s = loc.strings;
        let first = e.scenario.asof.next();
        let last = f.month(e.scenario.asof, MonthStyle::Long);
        if first == DEAL_END {
            let month = f.month(first, MonthStyle::Long);
            fill(s.missing_one, &[("month", &month), ("last", &last)])
        } else {
            let (a, b) = (
                f.month(first, MonthStyle::Long),
                f.month(DEAL_END, MonthStyle::Long),
            );
            fill(
                s.missing_many,
                &[("first", &a), ("end", &b), ("last", &last)],
            )
        }
    })
}

/// "2020: $65.8bn (46%)", for the compact verdict beside the sliders.
pub fn verdict_compact(loc: &Locale, f: &dyn Format, r: &YearResult) -> String {
    fill(
        loc.strings.verdict_compact,
        &[
            ("year", &loc.period(r.span)),
            ("actual", &money(loc, f, r.projected)),
            ("share", &f.percent(r.share)),
        ],
    )
}

/// What the live region announces once the reader pauses: the three verdicts.
pub fn live_verdict(loc: &Locale, f: &dyn Format, e: &Evaluation) -> String {
    fill(
        loc.strings.live_verdict,
        &[
            ("v2020", &verdict(loc, f, e, &e.years[0])),
            ("v2021", &verdict(loc, f, e, &e.years[1])),
            ("vboth", &verdict(loc, f, e, &e.both)),
        ],
    )
}

/// The pace still needed, from the cut-off: a line per span still open, and the best
/// month so far to compare it with. `None` when every span is over.
#[derive(Clone, Debug, PartialEq)]
pub struct NeededPace {
    pub heading: String,
    pub lines: Vec<String>,
    pub best: String,
}

pub fn needed_pace(loc: &Locale, f: &dyn Format, e: &Evaluation) -> Option<NeededPace> {
    let s = loc.strings;
    let best = e.best_month.filter(|(_, b)| *b > 0.0);
    let lines: Vec<String> = [&e.years[0], &e.years[1], &e.both]
        .iter()
        .filter_map(|r| {
            let needed = r.needed?;
            let year = loc.period(r.span);
            if needed <= 0.0 {
                return Some(fill(s.already_met, &[("year", &year)]));
            }
            // Purchases count from the month after the cut-off, or from January of a later
            // year.
            let from = match r.span {
                Period::Year(y) => e.scenario.asof.next().max(Month::january(y)),
                Period::TwoYears => e.scenario.asof.next(),
            };
            let mut line = fill(
                s.needed_line,
                &[
                    ("year", &year),
                    ("pace", &money_rate(loc, f, needed)),
                    ("month", &f.month(from, MonthStyle::Long)),
                ],
            );
            if let Some((_, b)) = best {
                line.push_str(&fill(
                    s.needed_ratio,
                    &[("ratio", &f.number(needed / b, 1))],
                ));
            }
            Some(line)
        })
        .collect();
    if lines.is_empty() {
        return None;
    }
    let best = match best {
        Some((m, b)) => fill(
            s.best_month,
            &[
                ("money", &money(loc, f, b)),
                ("month", &f.month(m, MonthStyle::Long)),
            ],
        ),
        None => s.needed_no_best.to_string(),
    };
    Some(NeededPace {
        heading: s.needed_heading.to_string(),
        lines,
        best,
    })
}

/// The cut-off year's progress, as template arguments.
fn progress_args(loc: &Locale, f: &dyn Format, e: &Evaluation) -> Vec<(&'static str, String)> {
    let asof = e.scenario.asof;
    let y = &e.years[usize::from(asof.year() != YEARS[0])];
    vec![
        ("month", f.month(asof, MonthStyle::Long)),
        ("actual", money(loc, f, y.actual)),
        (
            "share",
            f.percent(y.actual / y.target.max(f64::MIN_POSITIVE)),
        ),
        ("year", asof.year().to_string()),
        ("target", money(loc, f, y.target)),
        ("rate", money(loc, f, e.total_rate)),
        ("projected", money(loc, f, y.projected)),
        ("pshare", f.percent(y.share)),
    ]
}

fn fill_owned(template: &str, args: &[(&'static str, String)]) -> String {
    let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &refs)
}

/// "By the end of June 2020 China had bought $32.9bn …, 23% of the 2020 target."
pub fn so_far(loc: &Locale, f: &dyn Format, e: &Evaluation) -> String {
    fill_owned(loc.strings.so_far, &progress_args(loc, f, e))
}

/// The chart's one-sentence text alternative.
pub fn chart_summary(loc: &Locale, f: &dyn Format, e: &Evaluation) -> String {
    fill_owned(loc.strings.chart_summary, &progress_args(loc, f, e))
}

/// The headline commitment, "$200 billion", from the data.
pub fn headline_total(loc: &Locale, f: &dyn Format, ds: &Dataset) -> String {
    let total = ds
        .commitment(Period::TwoYears, Category::Total)
        .unwrap_or(0.0);
    figure(
        loc,
        fill(
            loc.strings.money_words,
            &[("n", &f.number(total * loc.money.per_billion, 0))],
        ),
    )
}

/// A final outcome's value, by its id in the data.
fn outcome(ds: &Dataset, id: &str) -> Option<f64> {
    ds.outcome(id).map(|o| o.figure.value)
}

/// A percentage from the data (57 → "57%"), to one decimal where it has one ("62.9%").
pub fn outcome_percent(loc: &Locale, f: &dyn Format, v: f64) -> String {
    if v.fract() == 0.0 {
        f.percent(v / 100.0)
    } else {
        fill(loc.strings.percent_exact, &[("n", &f.number(v, 1))])
    }
}

/// The extra purchases promised ("$200bn"), for headlines.
fn extra_promised(loc: &Locale, f: &dyn Format, ds: &Dataset) -> Option<String> {
    let total = ds.commitment(Period::TwoYears, Category::Total)?;
    Some(figure(
        loc,
        fill(
            loc.strings.money,
            &[("n", &f.number(total * loc.money.per_billion, 0))],
        ),
    ))
}

/// The headline: the promise and what came of it, when the data hold PIIE's finding that
/// none of the extra was bought (of goods and services together: purchases fell short of
/// two years at the 2017 level); otherwise a headline that claims nothing.
pub fn headline(loc: &Locale, f: &dyn Format, ds: &Dataset) -> String {
    match (extra_promised(loc, f, ds), outcome(ds, "below-2017")) {
        (Some(extra), Some(_)) => fill(loc.strings.headline, &[("extra", &extra)]),
        _ => loc.strings.headline_plain.to_string(),
    }
}

/// The page's `<title>` (and `og:title`), with the promise from the data: plain text to
/// tabs, search engines and social sites, so without the word joiners that keep figures
/// whole on the page.
pub fn page_title(loc: &Locale, f: &dyn Format, ds: &Dataset) -> String {
    let extra = extra_promised(loc, f, ds).unwrap_or_default();
    fill(loc.strings.page_title, &[("extra", &extra)]).replace('\u{2060}', "")
}

/// The dek under the headline: the shares bought, each with its scope, and how far short
/// of the 2017 level, from the data's final counts; without them, the promise alone.
pub fn dek(loc: &Locale, f: &dyn Format, ds: &Dataset) -> String {
    match (
        outcome(ds, "share-goods-only"),
        outcome(ds, "share-goods-services"),
        outcome(ds, "below-2017"),
    ) {
        (Some(goods), Some(all), Some(short)) => fill(
            loc.strings.dek,
            &[
                ("goods", &outcome_percent(loc, f, goods)),
                ("all", &outcome_percent(loc, f, all)),
                ("short", &money(loc, f, short)),
            ],
        ),
        _ => dek_plain(loc, f, ds),
    }
}

/// The dek that states no outcome: the promise alone (data without the final counts, or
/// guess first before the reader has guessed).
pub fn dek_plain(loc: &Locale, f: &dyn Format, ds: &Dataset) -> String {
    fill(
        loc.strings.dek_plain,
        &[("total", &headline_total(loc, f, ds))],
    )
}

/// The event the dek's sentence on the apps links to: Beijing's plan to raise the bans at
/// the deal's review.
pub const APPS_EVENT: &str = "2020-08-beijing-plans-raise-tiktok";

/// Why the apps are on the page, split around its link: the text before, the link's
/// text and the text after. The share bought by the default cut-off comes from the data.
pub fn dek_apps(loc: &Locale, f: &dyn Format, ds: &Dataset) -> Option<[String; 3]> {
    let sc = super::model::default_scenario(ds);
    let e = super::model::evaluate(ds, &sc)?;
    let args = progress_args(loc, f, &e);
    let text = fill_owned(loc.strings.dek_apps, &args);
    let (before, after) = around(&text, "link")?;
    Some([
        before.to_string(),
        loc.strings.dek_apps_link.to_string(),
        after.to_string(),
    ])
}

/// The simulator's question, set at the cut-off: "Rewind to June 2020: what pace…?"
pub fn rewind(loc: &Locale, f: &dyn Format, e: &Evaluation) -> String {
    let s = loc.strings;
    let template = if e.over { s.rewind_end } else { s.rewind };
    fill(
        template,
        &[("month", &f.month(e.scenario.asof, MonthStyle::Long))],
    )
}

/// Over the verdicts: from which month the reader's pace applies.
pub fn verdict_heading(loc: &Locale, f: &dyn Format, e: &Evaluation) -> String {
    let s = loc.strings;
    if e.over {
        return s.verdict_heading_end.to_string();
    }
    let from = f.month(e.scenario.asof.next(), MonthStyle::Long);
    fill(s.verdict_heading, &[("month", &from)])
}

/// A text with one link in it, split around the link's placeholder: the text before and
/// the text after (`None` when the text has no such placeholder).
pub fn around<'a>(text: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    text.split_once(&format!("{{{name}}}"))
}

/// A timeline event's date as the reader's locale writes it.
pub fn event_date(f: &dyn Format, e: &TimelineEvent) -> String {
    f.date(e.date, e.precision)
}

/// The method's warning about figures that rest only on a copy of their source.
/// How many figures rest only on copies of their sources, and those sources (one per
/// outlet); `None` when none do.
pub fn copy_only(ds: &Dataset) -> Option<(usize, Vec<&Citation>)> {
    let figures = ds.copy_only();
    if figures.is_empty() {
        return None;
    }
    let mut cites: Vec<&Citation> = Vec::new();
    for c in figures.iter().flat_map(|(_, s)| s.iter().map(|s| &s.cite)) {
        if !cites.iter().any(|seen| seen.outlet == c.outlet) {
            cites.push(c);
        }
    }
    Some((figures.len(), cites))
}

/// A chart marker's accessible name: date and title.
pub fn marker_label(loc: &Locale, f: &dyn Format, e: &TimelineEvent) -> String {
    fill(
        loc.strings.marker_label,
        &[("date", &event_date(f, e)), ("title", &e.title)],
    )
}

/// One count in the reconciliation: what share of the promise it finds bought, what it
/// counts and who counted (a source in the data; none for this widget's own figures).
#[derive(Clone, Debug, PartialEq)]
pub struct Count<'a> {
    pub share: f64,
    /// What kind of purchases it counts: goods, or goods and services.
    pub scope: super::data::Scope,
    pub figure: String,
    pub what: String,
    pub source: Option<&'a Citation>,
    /// The id of the data's final count (`outcomes.csv`), or `None` for the share derived
    /// here from the monthly figures, which no source states.
    pub outcome: Option<&'a str>,
}

/// "How it ended": the promise, then each count of how much of it was bought (every final
/// share of goods, or of goods and services, that the data hold, each with its scope and
/// source, then this widget's own goods share), and what the widget's figures lack.
#[derive(Clone, Debug, PartialEq)]
pub struct Reconciliation<'a> {
    pub intro: String,
    pub counts: Vec<Count<'a>>,
    pub missing: Option<String>,
}

/// The reconciliation, from the data files. `None` when the data lack the US-export
/// figures or the promise (a newsroom file, say).
pub fn reconciliation<'a>(
    loc: &Locale,
    f: &dyn Format,
    ds: &'a Dataset,
) -> Option<Reconciliation<'a>> {
    use super::data::{Scope, Unit};
    use super::model;
    let basis = Basis::Us;
    let last = *model::cutoffs(ds, basis).last()?;
    let target: f64 = YEARS
        .iter()
        .map(|y| ds.target(basis, *y, Category::Total).map(|t| t.value))
        .sum::<Option<f64>>()?;
    let actual: f64 = YEARS
        .iter()
        .filter(|y| **y <= last.year())
        .map(|y| model::ytd(ds, basis, Category::Total, last.min(Month::december(*y))))
        .sum::<Option<f64>>()?;
    let committed = money(loc, f, outcome(ds, "committed")?);
    let extra = extra_promised(loc, f, ds)?;
    let bought = outcome(ds, "bought")?;
    let promised = outcome(ds, "committed")?;
    let intro = fill(
        loc.strings.reconcile,
        &[
            ("committed", &committed),
            ("extra", &extra),
            ("bought", &money(loc, f, bought)),
            ("share", &f.percent(bought / promised)),
        ],
    );
    let last_name = f.month(last, MonthStyle::Long);
    let share = actual / target;
    // The final counts first, as the data give them, then this widget's own share.
    let mut counts: Vec<Count> = ds
        .outcomes
        .iter()
        .filter(|o| {
            o.unit == Unit::Percent && matches!(o.scope, Scope::Goods | Scope::GoodsServices)
        })
        .map(|o| Count {
            share: o.figure.value / 100.0,
            scope: o.scope,
            figure: outcome_percent(loc, f, o.figure.value),
            what: o.figure.note.clone(),
            source: o
                .figure
                .sources
                .iter()
                .find_map(|i| ds.source(*i))
                .map(|s| &s.cite),
            outcome: Some(o.id.as_str()),
        })
        .collect();
    counts.push(Count {
        share,
        scope: Scope::Goods,
        figure: f.percent(share),
        what: fill(
            loc.strings.reconcile_own,
            &[
                ("actual", &money(loc, f, actual)),
                ("target", &money(loc, f, target)),
                ("last", &last_name),
            ],
        ),
        source: None,
        outcome: None,
    });
    let missing = (last < DEAL_END).then(|| {
        let month = f.month(last.next(), MonthStyle::Long);
        fill(
            loc.strings.reconcile_missing,
            &[("last", &last_name), ("month", &month)],
        )
    });
    Some(Reconciliation {
        intro,
        counts,
        missing,
    })
}

/// The sentences of "How we calculated this", from the data.
pub fn method(loc: &Locale, f: &dyn Format, ds: &Dataset) -> Vec<String> {
    let s = loc.strings;
    let bn = |v: Option<f64>| v.map_or_else(|| s.missing.to_string(), |v| money(loc, f, v));
    let inc = |y: i32, c: Category| bn(ds.commitment(Period::Year(y), c));
    let tgt = |b: Basis, y: i32| bn(ds.target(b, y, Category::Total).map(|x| x.value));
    let date = |id: &str| {
        ds.milestone(id)
            .map(|m| f.date(m.date, Precision::Day))
            .unwrap_or_default()
    };
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
    let us_base = ds.baselines.get(&(Basis::Us, Category::Total));
    let bases = fill(
        s.method_bases,
        &[
            ("usbase", &bn(us_base.map(|x| x.value))),
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
            ("total", &headline_total(loc, f, ds)),
        ],
    );
    let us2020 = super::model::ytd(ds, Basis::Us, Category::Total, Month::december(2020));
    let revised = ds.outcome("us-2020-revised").map(|o| o.figure.value);
    let derived = fill(
        s.method_derived,
        &[("us2020", &bn(us2020)), ("us2020rev", &bn(revised))],
    );
    vec![
        intro,
        bases,
        s.method_prorating.to_string(),
        s.method_path_seasonal.to_string(),
        services,
        s.method_aircraft.to_string(),
        derived,
        s.method_missing.to_string(),
    ]
}

/// Words that end in a full stop without ending a sentence ("Sen. Hawley", "D.C."). The
/// data write dates without stops ("15 Sept"), so month names are not among them.
const ABBREVIATIONS: [&str; 25] = [
    "Sen", "Rep", "Gov", "Gen", "Sec", "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Mr", "Mrs", "Ms",
    "Dr", "St", "No", "Nos", "vs", "etc", "Dept", "Cir", "Cal", "Pa", "Supp",
];

/// Whether the full stop at byte `i` of `text` ends a sentence: a space and a capital
/// letter or digit follow, and the word before it is not an abbreviation or an initial
/// ("D.C.", "U.S.", "J.").
fn ends_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let next_starts = after
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '\u{201c}');
    let word = text[..i]
        .rsplit([' ', '(', '\u{201c}'])
        .next()
        .unwrap_or("");
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    next_starts && !initial && !word.contains('.') && !ABBREVIATIONS.contains(&word)
}

/// Annotations longer than this show their first sentence, with the rest behind "More"
/// (in the timeline) or in the timeline (from the chart's panel).
pub const TEASER: usize = 140;

/// An annotation's teaser: the whole text when it is short, else its first sentence and
/// the rest (behind "More"). Never cuts at an abbreviation; no sentence end, no cut.
pub fn split_teaser(text: &str, max: usize) -> (String, Option<String>) {
    if text.chars().count() <= max {
        return (text.to_string(), None);
    }
    let cut = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | '?' | '!'))
        .map(|(i, _)| i)
        .find(|&i| ends_sentence(text, i));
    match cut {
        Some(i) if i + 2 < text.len() => (text[..=i].to_string(), Some(text[i + 2..].to_string())),
        _ => (text.to_string(), None),
    }
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Ready-to-paste embed snippets for a configuration: an auto-resizing iframe (with a
/// `title`) and a script embed with the same options as `data-` attributes.
pub fn embed_snippets(asset_base: &str, page: &str, query: &str, title: &str) -> (String, String) {
    let src = format!("{asset_base}{page}?{query}");
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"1600\" scrolling=\"no\" \
         frameborder=\"0\" loading=\"lazy\" allow=\"clipboard-write\" \
         data-phase-one-frame></iframe>\n\
         <script type=\"module\" src=\"{}resize.js\"></script>",
        escape_html(&src),
        escape_html(title),
        escape_html(asset_base)
    );
    let attrs: String = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "v")
        .map(|(k, v)| format!(" data-{}=\"{}\"", escape_html(&k), escape_html(&v)))
        .collect();
    // The link inside the div is what a reader sees if the script can't run.
    let script = format!(
        "<div data-phase-one-widget{attrs}><a href=\"{}\">{}</a></div>\n\
         <script type=\"module\" src=\"{}embed.js\"></script>",
        escape_html(&src),
        escape_html(title),
        escape_html(asset_base)
    );
    (iframe, script)
}

/// A category's line for a year: "2020: 46%, missed", or, for a span whose last months
/// are missing from the data, what it reached by then.
pub fn category_year(loc: &Locale, f: &dyn Format, e: &Evaluation, r: &YearResult) -> String {
    let s = loc.strings;
    let template = if r.missing > 0 {
        s.cat_year_partial
    } else if r.met {
        s.cat_year_met
    } else {
        s.cat_year_missed
    };
    fill(
        template,
        &[
            ("year", &loc.period(r.span)),
            ("share", &f.percent(r.share)),
            ("last", &f.month(e.scenario.asof, MonthStyle::Short)),
        ],
    )
}

/// What a slider says when its rate is beyond its range.
pub fn rate_valuetext_off(loc: &Locale, f: &dyn Format, v: f64) -> String {
    fill(
        loc.strings.rate_valuetext_off,
        &[("n", &rate_figure(loc, f, v))],
    )
}

/// The reader's pace against the pace needed for the target that matters.
#[derive(Clone, Debug, PartialEq)]
pub struct PaceText {
    pub yours: String,
    /// "Needed for 2020, from July 2020".
    pub needed_label: String,
    /// "$18.3bn a month", or nothing when the target is already met.
    pub needed: Option<String>,
    /// Why this target (it falls due first, or it is the only one open), then whether the
    /// reader's pace meets it, or what share of it it is.
    pub why: String,
}

pub fn pace(loc: &Locale, f: &dyn Format, p: &Focus) -> PaceText {
    let s = loc.strings;
    let year = loc.period(Period::Year(p.year));
    let why = match p.why {
        Why::FirstDue => s.pace_why_first,
        Why::OnlyOpen => s.pace_why_only,
    };
    let done = p.needed <= 0.0;
    let verdict = if done {
        fill(s.pace_done, &[("year", &year)])
    } else if p.met() {
        s.pace_met.to_string()
    } else {
        fill(s.pace_short, &[("share", &f.percent(p.yours / p.needed))])
    };
    PaceText {
        yours: money_rate(loc, f, p.yours),
        needed_label: fill(
            s.pace_needed,
            &[
                ("year", &year),
                ("month", &f.month(p.from, MonthStyle::Long)),
            ],
        ),
        needed: (!done).then(|| money_rate(loc, f, p.needed)),
        why: fill(
            s.two_sentences,
            &[
                ("first", &fill(why, &[("year", &year)])),
                ("second", &verdict),
            ],
        ),
    }
}

/// What the preset in use does, and for "pace needed" what it comes to in each open year.
pub fn preset_note(
    loc: &Locale,
    f: &dyn Format,
    ds: &Dataset,
    e: &Evaluation,
    preset: Preset,
) -> String {
    let s = loc.strings;
    let split = ds.has_split(e.scenario.basis);
    let month = f.month(e.scenario.asof, MonthStyle::Long);
    match preset {
        Preset::PaceSoFar if split => fill(s.preset_note_so_far, &[("month", &month)]),
        Preset::PaceSoFar => fill(s.preset_note_so_far_total, &[("month", &month)]),
        Preset::Pace2017 => s.preset_note_2017.to_string(),
        Preset::PaceNeeded => {
            let result = e
                .years
                .iter()
                .filter(|r| r.remaining > 0)
                .map(|r| verdict_compact(loc, f, r))
                .collect::<Vec<_>>()
                .join(s.list_separator);
            let template = if split {
                s.preset_note_needed
            } else {
                s.preset_note_needed_total
            };
            fill(template, &[("result", &result)])
        }
        Preset::WhatHappened => fill(s.preset_note_actual, &[("month", &month)]),
    }
}

/// What a basis switch changed that the reader didn't ask for, a sentence for each.
pub fn basis_change(loc: &Locale, f: &dyn Format, c: &BasisChange) -> Vec<String> {
    let s = loc.strings;
    let mut lines = Vec::new();
    if let Some((wanted, used)) = c.asof {
        lines.push(fill(
            s.basis_moved,
            &[
                ("basis", loc.basis(c.basis).0),
                ("wanted", &f.month(wanted, MonthStyle::Long)),
                ("used", &f.month(used, MonthStyle::Long)),
            ],
        ));
    }
    match c.rates {
        BasisRates::Restored => {}
        BasisRates::PaceSoFar => lines.push(s.basis_rates_new.to_string()),
        BasisRates::OneTotal => lines.push(s.basis_rates_total.to_string()),
    }
    lines
}

/// Guess first: the question, with the promise for the goods counted.
pub fn guess_question(loc: &Locale, f: &dyn Format, q: &guess::Question) -> String {
    fill(
        loc.strings.guess_question,
        &[("promised", &money(loc, f, q.promised))],
    )
}

/// A guess, as a whole percentage ("75%").
pub fn guess_share(f: &dyn Format, share: f64) -> String {
    f.percent((share * 100.0).round() / 100.0)
}

/// The guess slider's spoken value: "75%, or $239.7bn".
pub fn guess_valuetext(loc: &Locale, f: &dyn Format, q: &guess::Question, share: f64) -> String {
    fill(
        loc.strings.guess_valuetext,
        &[
            ("share", &guess_share(f, share)),
            ("money", &money(loc, f, share * q.promised)),
        ],
    )
}

/// Once the outcome is shown: how close the guess was, in one sentence ("You guessed 75%;
/// China bought 60%: the share of the goods…"), with the final count's own scope.
pub fn guess_result(
    loc: &Locale,
    f: &dyn Format,
    ds: &Dataset,
    q: &guess::Question,
    quiz: guess::Quiz,
) -> Option<String> {
    let guess::Quiz::Shown { guessed } = quiz else {
        return None;
    };
    let scope = ds.outcome(guess::ANSWER_OUTCOME)?.figure.note.trim();
    let answer = outcome_percent(loc, f, q.answer_pct);
    Some(match guessed {
        Some(g) => fill(
            loc.strings.guess_result,
            &[
                ("guess", &guess_share(f, g)),
                ("answer", &answer),
                ("scope", scope),
            ],
        ),
        None => fill(
            loc.strings.guess_result_skipped,
            &[("answer", &answer), ("scope", scope)],
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data;
    use crate::core::format::Plain;
    use crate::core::locale::EN;
    use crate::core::model;

    fn eval(asof: &str, basis: Basis) -> Evaluation {
        let ds = data::parse(data::FILE_NAME, data::BUILT_IN).unwrap();
        let mut sc = model::with_basis(&ds, &model::default_scenario(&ds), basis);
        sc.asof = crate::core::month::Month::parse(asof).unwrap();
        let sc = model::apply_preset(&ds, &sc, model::Preset::PaceSoFar);
        model::evaluate(&ds, &sc).unwrap()
    }

    #[test]
    fn guess_first_asks_and_answers_from_the_data() {
        use crate::core::guess::{self, Quiz};
        let ds = data::parse(data::FILE_NAME, data::BUILT_IN).unwrap();
        let q = guess::question(&ds).unwrap();
        assert_eq!(
            guess_question(&EN, &Plain, &q),
            "China promised to buy $319.6bn of these goods in 2020–21. What share do you \
             think it bought?"
        );
        assert_eq!(guess_valuetext(&EN, &Plain, &q, 0.75), "75%, or $239.7bn");
        let asking = Quiz::Asking { share: None }.set(0.75);
        assert_eq!(guess_result(&EN, &Plain, &ds, &q, asking), None);
        assert_eq!(
            guess_result(&EN, &Plain, &ds, &q, asking.reveal(true)).as_deref(),
            Some(
                "You guessed 75%; China bought 60%: the share of the goods China promised over \
                 2020–21, services left out, by PIIE’s count (Chad Bown)."
            )
        );
        let skipped = guess_result(&EN, &Plain, &ds, &q, asking.reveal(false)).unwrap();
        assert!(
            skipped.starts_with("China bought 60%: the share of"),
            "{skipped}"
        );
    }

    #[test]
    fn default_sentences() {
        let e = eval("2020-06", Basis::Us);
        assert_eq!(
            verdict(&EN, &Plain, &e, &e.years[0]),
            "2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)"
        );
        let n = needed_pace(&EN, &Plain, &e).unwrap();
        assert_eq!(n.heading, "To meet each target, China would need:");
        assert_eq!(
            n.lines,
            [
                "2020: $18.3bn a month from July 2020 (2.8× its best month)",
                "2021: $14.7bn a month from January 2021 (2.3× its best month)",
                "2020–21: $15.9bn a month from July 2020 (2.5× its best month)",
            ]
        );
        assert_eq!(n.best, "Its best month so far: $6.4bn, in May 2020.");
        assert_eq!(
            so_far(&EN, &Plain, &e),
            "By the end of June 2020 China had bought $32.9bn of goods covered by the deal, \
             23% of the 2020 target."
        );
    }

    #[test]
    fn teasers_end_at_sentences_not_abbreviations() {
        let t = "The Senate passed Sen. Hawley's bill in Washington, D.C. on 6 August. It \
                 became law in December 2022 after a long wait in the other chamber.";
        let (lead, rest) = split_teaser(t, 20);
        assert_eq!(
            lead,
            "The Senate passed Sen. Hawley's bill in Washington, D.C. on 6 August."
        );
        assert!(rest.unwrap().starts_with("It became"));
        assert_eq!(split_teaser("Short.", 20), ("Short.".into(), None));
        let no_end = "A long text with U.S. and D.C. and no sentence end anywhere at all";
        assert_eq!(split_teaser(no_end, 10), (no_end.into(), None));
        // Every built-in annotation: the teaser never ends on an abbreviation.
        let tl = crate::core::timeline::parse("t.csv", crate::core::timeline::BUILT_IN);
        for e in tl.unwrap().events {
            let (lead, rest) = split_teaser(&e.annotation, 170);
            if rest.is_some() {
                let last = lead.trim_end_matches('.').rsplit(' ').next().unwrap_or("");
                assert!(
                    !ABBREVIATIONS.contains(&last) && !last.contains('.') && last.len() > 1,
                    "{}: teaser ends at {last:?}",
                    e.id
                );
            }
        }
    }

    #[test]
    fn snippets_escape_and_carry_the_configuration() {
        let (iframe, script) = embed_snippets(
            "https://cdn.example/phase-one/",
            "index.html",
            "v=1&basis=cn&asof=2020-06&total=9.5",
            "Title \"quoted\" <b>",
        );
        assert!(iframe.contains(
            "src=\"https://cdn.example/phase-one/index.html?v=1&amp;basis=cn&amp;\
             asof=2020-06&amp;total=9.5\""
        ));
        assert!(iframe.contains("title=\"Title &quot;quoted&quot; &lt;b&gt;\""));
        assert!(iframe.contains("resize.js"));
        assert!(script.contains("data-basis=\"cn\" data-asof=\"2020-06\" data-total=\"9.5\""));
        assert!(script.ends_with("src=\"https://cdn.example/phase-one/embed.js\"></script>"));
        // A language's snippets point at its own prerendered page and carry the option.
        let (iframe, script) =
            embed_snippets("./", "index.zh-Hans.html", "v=1&lang=zh-Hans", "标题");
        assert!(iframe.contains("src=\"./index.zh-Hans.html?v=1&amp;lang=zh-Hans\""));
        assert!(script.contains("data-lang=\"zh-Hans\""));
    }

    #[test]
    fn cn_and_final_years() {
        let e = eval("2020-06", Basis::Cn);
        assert!(verdict(&EN, &Plain, &e, &e.years[0]).starts_with("2020: $"));
        assert!(
            needed_pace(&EN, &Plain, &e).unwrap().lines[0]
                .contains("$22.1bn a month from July 2020")
        );
        let e = eval("2021-11", Basis::Us);
        assert_eq!(
            needed_pace(&EN, &Plain, &e),
            None,
            "the deal is over: nothing is needed"
        );
        assert_eq!(
            verdict(&EN, &Plain, &e, &e.years[0]),
            "2020: $89.3bn of $142.7bn — missed by $53.4bn (63% of target)"
        );
    }
}
