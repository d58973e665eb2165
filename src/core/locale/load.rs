//! A language's three files, read and checked like the data files: its strings
//! (`static/locale/<lang>.csv`: `key,text`), its texts for the built-in timeline's
//! events (`static/data/timeline.<lang>.csv`:
//! `id,title,annotation[,instrument][,label][,copy_reason]`), and the data files' other
//! reader-facing texts (`static/data/sources.<lang>.csv`: `kind,key,text`).
//!
//! A language is loaded once per page and kept for the page's life, so its texts are
//! leaked into `&'static str`, the type every [`Strings`] field has: one allocation per
//! text, once.

use super::{Lang, Locale, Strings, Unchecked, placeholders};
use crate::core::csv;
use crate::core::data::{self, Dataset};
use crate::core::problem::{Msg, Problem};
use crate::core::timeline::{self, Timeline};

/// The columns of a strings file.
pub const STRINGS_COLUMNS: [&str; 2] = ["key", "text"];
/// The columns every event-text file has; `instrument` is optional (an empty one keeps
/// the document's name as the timeline gives it), and so is `label`, except for an event
/// the chart names (see [`TimelineEvent::label`](crate::core::timeline::TimelineEvent)).
pub const EVENTS_COLUMNS: [&str; 3] = ["id", "title", "annotation"];

/// A built-in event's texts in another language.
#[derive(Clone, Debug, PartialEq)]
pub struct EventText {
    pub id: String,
    pub title: String,
    pub annotation: String,
    /// The document, glossed ("第13942号行政令"); empty to keep the timeline's.
    pub instrument: String,
    /// The chart's label for the event, where the timeline gives one.
    pub label: String,
    /// Why a copy of its source is cited, where the timeline says.
    pub copy_reason: Option<String>,
}

crate::codes! {
    /// What a row of a sources text file translates.
    pub enum SourceKind {
        /// An outlet's name, keyed by the name as either data file writes it; an empty
        /// text keeps the name as written (a name with no name in the language).
        Outlet = "outlet",
        /// An outcome's note, keyed by the outcome's id in `purchases.csv`.
        Note = "note",
        /// Why a copy is cited, keyed by a source's id in `purchases.csv`.
        SourceCopy = "source_copy",
    }
}

/// The columns of a sources text file.
pub const SOURCES_COLUMNS: [&str; 3] = ["kind", "key", "text"];

/// The data files' reader-facing texts in a language: (kind, key, text) rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceTexts(pub Vec<(SourceKind, String, String)>);

impl SourceTexts {
    pub const NONE: SourceTexts = SourceTexts(Vec::new());

    /// The text for a key, if the language has one (an empty outlet text is none).
    pub fn text(&self, kind: SourceKind, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, id, _)| *k == kind && id == key)
            .map(|(_, _, t)| t.as_str())
            .filter(|t| !t.is_empty())
    }

    /// Puts a citation's outlet in this language, where it has a name in it.
    pub fn outlet(&self, c: &mut crate::core::sources::Citation) {
        if let Some(name) = self.text(SourceKind::Outlet, &c.outlet) {
            c.outlet = name.to_string();
            c.outlet_translated = true;
        }
    }
}

/// A language other than English from its three files' text, checked against the
/// built-in timeline, with every problem the files have (English, compiled in, has none).
/// Against the key moments alone, the event and source files are kept, to be checked
/// again against every event when they come ([`Locale::translate_whole`]).
pub fn load(
    lang: Lang,
    [strings, events_text, sources]: [&str; 3],
    timeline: &Timeline,
    data: &Dataset,
) -> (Locale, Vec<Problem>) {
    let [strings_name, events_name, sources_name] = file_names(lang);
    let (strings, mut problems) = load_strings(strings_name, strings);
    let (events, more) = load_events(events_name, events_text, timeline);
    problems.extend(more);
    let (source_texts, more) = load_sources(sources_name, sources, timeline, data);
    problems.extend(more);
    let unchecked = (timeline.omitted > 0).then(|| {
        Box::new(Unchecked {
            events: events_text.to_string(),
            sources: sources.to_string(),
        })
    });
    let locale = Locale {
        lang,
        intl: lang.intl(),
        strings: Box::leak(Box::new(strings)),
        money: Locale::money_unit(lang),
        events,
        sources: source_texts,
        unchecked,
    };
    (locale, problems)
}

/// A language's three files' names, as its problems name them (English has none).
fn file_names(lang: Lang) -> [&'static str; 3] {
    let name = |path: &'static str| path.rsplit('/').next().unwrap_or(path);
    lang.files().map_or([""; 3], |f| f.all().map(name))
}

impl Locale {
    /// The whole built-in timeline in this language, once it has come. Texts checked
    /// against the key moments only are checked again, against every event: a row with a
    /// problem is left out (its event keeps the English) and the problems are given back,
    /// for the console. Otherwise (texts checked against every event already, or a
    /// timeline that still leaves events out) as [`Locale::translate`].
    pub fn translate_whole(&self, whole: &Timeline, data: &Dataset) -> (Timeline, Vec<Problem>) {
        let Some(unchecked) = self.unchecked.as_ref().filter(|_| whole.omitted == 0) else {
            return (self.translate(whole), Vec::new());
        };
        let [_, events_name, sources_name] = file_names(self.lang);
        let (events, mut problems) = load_events(events_name, &unchecked.events, whole);
        let (sources, more) = load_sources(sources_name, &unchecked.sources, whole, data);
        problems.extend(more);
        let checked = Locale {
            events,
            sources,
            unchecked: None,
            ..*self
        };
        (checked.translate(whole), problems)
    }
}

/// The data files' other texts in a language, checked against the built-in files: every
/// outlet either file names, every outcome's note and every source's copy reason has a
/// row, and every row names one of them, once. A row with a problem is left out (that
/// text stays as the data file writes it). Against the key moments alone, a row for an
/// outlet they don't name is kept (see [`load_events`]).
pub fn load_sources(
    file: &str,
    text: &str,
    timeline: &Timeline,
    data: &Dataset,
) -> (SourceTexts, Vec<Problem>) {
    let (table, mut problems) = match csv::read_capped(file, text) {
        Ok(read) => read,
        Err(problems) => return (SourceTexts::NONE, problems),
    };
    if !table.require_columns(&SOURCES_COLUMNS, &mut problems) || !problems.is_empty() {
        return (SourceTexts::NONE, problems);
    }
    // What needs a text: (kind, key, where the data file has it).
    let in_timeline = |line: usize| format!("{}, line {line}", timeline::FILE_NAME);
    let mut needed: Vec<(SourceKind, String, String)> = Vec::new();
    let mut need = |kind: SourceKind, key: &str, at: String| {
        if !needed.iter().any(|(k, id, _)| *k == kind && id == key) {
            needed.push((kind, key.to_string(), at));
        }
    };
    for s in &data.sources {
        need(
            SourceKind::Outlet,
            &s.cite.outlet,
            data::FILE_NAME.to_string(),
        );
        if s.cite.copy_reason.is_some() {
            need(SourceKind::SourceCopy, &s.id, data::FILE_NAME.to_string());
        }
    }
    for o in &data.outcomes {
        need(SourceKind::Note, &o.id, data::FILE_NAME.to_string());
    }
    for e in &timeline.events {
        for c in &e.sources {
            need(SourceKind::Outlet, &c.outlet, in_timeline(e.line));
        }
    }
    let mut seen = vec![0usize; needed.len()];
    // Outlets kept for events the key moments leave out: at most as many as a timeline
    // may have events (the file has no cap of its own on its rows).
    let mut kept = 0usize;
    let mut out = Vec::new();
    for row in &table.rows {
        if csv::stop_at_limit(file, row.line, &mut problems) {
            break;
        }
        let at = |field: &str, msg: Msg| Problem::new(file, row.line, Some(field), msg);
        let (kind, key, text) = (
            table.get(row, "kind"),
            table.get(row, "key"),
            table.get_raw(row, "text").trim(),
        );
        let Some(kind) = SourceKind::from_code(kind) else {
            let allowed = SourceKind::ALL.map(SourceKind::code).join(", ");
            problems.push(
                at("kind", Msg::BadSourceKind)
                    .value(kind)
                    .arg("allowed", allowed),
            );
            continue;
        };
        let i = match needed.iter().position(|(k, id, _)| *k == kind && id == key) {
            Some(i) => i,
            // An outlet that only events left out of the key moments may name (see
            // `load_events`): kept for when they come.
            None if kind == SourceKind::Outlet
                && timeline.omitted > 0
                && !key.is_empty()
                && kept < timeline::MAX_EVENTS =>
            {
                kept += 1;
                needed.push((kind, key.to_string(), String::new()));
                seen.push(0);
                needed.len() - 1
            }
            None => {
                problems.push(
                    at("key", Msg::UnknownSourceKey)
                        .value(key)
                        .arg("kind", kind.code()),
                );
                continue;
            }
        };
        if let Some(p) = given_again(&mut seen[i], row.line, || {
            at("key", Msg::SlugTwice).value(key)
        }) {
            problems.push(p);
            continue;
        }
        // An outlet may keep its name as written; a note or a reason needs a text.
        if text.is_empty() && kind != SourceKind::Outlet {
            problems.push(at("text", Msg::NoText).arg("key", key));
            continue;
        }
        out.push((kind, key.to_string(), text.to_string()));
    }
    for ((kind, key, source), line) in needed.iter().zip(&seen) {
        if *line == 0 && !csv::stop_at_limit(file, 0, &mut problems) {
            problems.push(
                Problem::new(file, 0, Some("key"), Msg::NoSourceText)
                    .value(key)
                    .arg("kind", kind.code())
                    .arg("source", source.clone()),
            );
        }
    }
    (SourceTexts(out), problems)
}

/// Records that an item (a key, an event) was given on `line`; if it had been given
/// before, the problem saying so, with the line it was first given on.
fn given_again(
    seen: &mut usize,
    line: usize,
    problem: impl FnOnce() -> Problem,
) -> Option<Problem> {
    let before = std::mem::replace(seen, line);
    (before != 0).then(|| problem().arg("other", before.to_string()))
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

/// A language's strings: English's keys, each with this file's text. Every problem is
/// reported with line and field; a key the file lacks, or whose text can't be used (empty,
/// or with other placeholders than the English), keeps the English text, so the widget
/// never shows a hole or a raw `{placeholder}`.
pub fn load_strings(file: &str, text: &str) -> (Strings, Vec<Problem>) {
    let mut out = super::EN.strings.clone();
    let (table, mut problems) = match csv::read_capped(file, text) {
        Ok(read) => read,
        Err(problems) => return (out, problems),
    };
    if !table.require_columns(&STRINGS_COLUMNS, &mut problems) {
        return (out, problems);
    }
    // The line each key was given on (0: not yet), by position.
    let mut seen = vec![0usize; Strings::KEYS.len()];
    for row in &table.rows {
        if csv::stop_at_limit(file, row.line, &mut problems) {
            break;
        }
        let key = table.get(row, "key");
        let value = table.get_raw(row, "text");
        let at = |field: &str, msg: Msg| Problem::new(file, row.line, Some(field), msg);
        let Some(i) = Strings::KEYS.iter().position(|k| *k == key) else {
            problems.push(at("key", Msg::UnknownKey).value(key));
            continue;
        };
        if let Some(p) = given_again(&mut seen[i], row.line, || {
            at("key", Msg::SlugTwice).value(key)
        }) {
            problems.push(p);
            continue;
        }
        // Still the English: a key is set at most once, and this is its first row.
        let english = *out.fields_mut()[i];
        if value.trim().is_empty() {
            problems.push(at("text", Msg::NoText).arg("key", key));
            continue;
        }
        let (want, have) = (placeholders(english), placeholders(value));
        // The same names, in any order (a language orders them as its grammar needs).
        let covers = |a: &[&str], b: &[&str]| a.iter().all(|n| b.contains(n));
        if !covers(&want, &have) || !covers(&have, &want) {
            let list = |names: &[&str]| {
                let mut out = String::new();
                for n in names {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push('{');
                    out.push_str(n);
                    out.push('}');
                }
                if out.is_empty() {
                    out.push('–');
                }
                out
            };
            problems.push(
                at("text", Msg::Placeholders)
                    .arg("expected", list(&want))
                    .arg("found", list(&have)),
            );
            continue;
        }
        *out.fields_mut()[i] = leak(value);
    }
    for (key, line) in Strings::KEYS.iter().zip(&seen) {
        if *line == 0 && !csv::stop_at_limit(file, 0, &mut problems) {
            problems.push(Problem::new(file, 0, None, Msg::NoText).arg("key", *key));
        }
    }
    (out, problems)
}

/// A language's texts for the built-in timeline's events, checked against the timeline:
/// every event has a title and an annotation (within the timeline's limits), and every
/// row names an event. Rows with a problem are left out (their events keep the English).
///
/// Against the key moments alone (`events.omitted > 0`: the widget starts with them and
/// fetches the rest when a reader needs it), a row naming an event they don't have is
/// kept, its title and annotation checked, for when the whole timeline comes; what it
/// must agree with in its event (label, copy reason) is checked by the build, against
/// every event (`postbuild`, `validate`), which fails on any problem.
pub fn load_events(file: &str, text: &str, events: &Timeline) -> (Vec<EventText>, Vec<Problem>) {
    let (table, mut problems) = match csv::read_capped(file, text) {
        Ok(read) => read,
        Err(problems) => return (Vec::new(), problems),
    };
    problems.extend(csv::too_many_rows(&table, timeline::MAX_EVENTS));
    if !table.require_columns(&EVENTS_COLUMNS, &mut problems) || !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let mut out: Vec<EventText> = Vec::new();
    let mut seen = vec![0usize; events.events.len()];
    // Rows for events the timeline leaves out, by id: the line each was first given on.
    let mut held: Vec<(&str, usize)> = Vec::new();
    for row in &table.rows {
        if csv::stop_at_limit(file, row.line, &mut problems) {
            break;
        }
        let id = table.get(row, "id");
        let at = |field: &str, msg: Msg| Problem::new(file, row.line, Some(field), msg);
        let at_event = events.events.iter().position(|e| e.id == id);
        if at_event.is_none() && events.omitted == 0 {
            problems.push(at("id", Msg::UnknownEvent).value(id));
            continue;
        }
        // The line each row was first given on: an event of the timeline's, or one it
        // leaves out.
        let first = match at_event {
            Some(i) => &mut seen[i],
            None => {
                let i = held.iter().position(|h| h.0 == id).unwrap_or(held.len());
                if i == held.len() {
                    held.push((id, 0));
                }
                &mut held[i].1
            }
        };
        if let Some(p) = given_again(first, row.line, || at("id", Msg::SlugTwice).value(id)) {
            problems.push(p);
            continue;
        }
        let title = table.get(row, "title");
        let annotation = table.get(row, "annotation");
        let label = table.get(row, "label");
        let reason = table.get(row, "copy_reason");
        let text = || EventText {
            id: id.to_string(),
            title: title.to_string(),
            annotation: annotation.to_string(),
            instrument: table.get(row, "instrument").to_string(),
            label: label.to_string(),
            copy_reason: (!reason.is_empty()).then(|| reason.to_string()),
        };
        let mut ok = true;
        if title.is_empty() || title.chars().count() > timeline::MAX_TITLE {
            problems.push(at("title", Msg::BadTitle).arg("max", timeline::MAX_TITLE.to_string()));
            ok = false;
        }
        if annotation.is_empty() || annotation.chars().count() > timeline::MAX_ANNOTATION {
            problems.push(
                at("annotation", Msg::BadAnnotation)
                    .arg("max", timeline::MAX_ANNOTATION.to_string()),
            );
            ok = false;
        }
        let Some(i) = at_event else {
            if ok {
                out.push(text());
            }
            continue;
        };
        let english = &events.events[i];
        let english_reason = english.sources.iter().any(|c| c.copy_reason.is_some());
        if english_reason && reason.is_empty() {
            let key = format!("{id} copy_reason");
            problems.push(at("copy_reason", Msg::NoText).arg("key", key));
            ok = false;
        } else if !english_reason && !reason.is_empty() {
            problems.push(
                at("copy_reason", Msg::TextUnused)
                    .arg("source", timeline::FILE_NAME)
                    .arg("column", "copy_reason"),
            );
            ok = false;
        }
        let label_ok = if english.label.is_empty() {
            label.is_empty()
        } else {
            !label.is_empty() && label.chars().count() <= timeline::MAX_LABEL
        };
        if !label_ok {
            let p = if english.label.is_empty() {
                at("label", Msg::TextUnused)
                    .arg("source", timeline::FILE_NAME)
                    .arg("column", "label")
            } else {
                at("label", Msg::NoLabel)
                    .value(id)
                    .arg("source", timeline::FILE_NAME)
                    .arg("line", english.line.to_string())
                    .arg("max", timeline::MAX_LABEL.to_string())
            };
            problems.push(p);
            ok = false;
        }
        if ok {
            out.push(text());
        }
    }
    for (e, line) in events.events.iter().zip(&seen) {
        if *line == 0 && !csv::stop_at_limit(file, 0, &mut problems) {
            problems.push(
                Problem::new(file, 0, Some("id"), Msg::NoTranslation)
                    .value(&e.id)
                    .arg("source", timeline::FILE_NAME)
                    .arg("line", e.line.to_string()),
            );
        }
    }
    (out, problems)
}
