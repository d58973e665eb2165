//! Every word the reader sees or hears comes from a [`Locale`]: its [`Strings`] (templates
//! with `{name}` placeholders, which each language orders as its grammar needs) and the
//! `Intl` locale that formats its numbers and dates.
//!
//! English is compiled in (`en.rs`); another language is read from its files
//! ([`Lang::files`], `load.rs`) by `ui::mount` before the widget starts, so English readers
//! never download it. ARCHITECTURE.md has the recipe for adding one. Components never
//! hold a word of their own (`tests/ssr.rs` checks).
//!
//! # Text from the data in another language
//! The data files are English. A language translates their reader-facing texts in its own files
//! (event titles, annotations, labels and copy reasons in `timeline.<lang>.csv`; outlets, outcome
//! notes and the copy reasons of purchase sources in `sources.<lang>.csv`); whatever keeps its
//! English (a document's title, an outlet with no name in the language) is rendered in `<span
//! lang="en">` (`ui::as_written`), so screen readers speak it as English. A publisher's own file is
//! shown as its publisher wrote it.

mod en;
mod load;

use crate::core::data::{Basis, Category, Period, Scope};
use crate::core::model::Preset;
use crate::core::problem::{Msg, Problem};
use crate::core::timeline::{Actor, App, PeriodFilter};

pub use en::STRINGS as EN_STRINGS;
pub use load::{
    EVENTS_COLUMNS, EventText, SOURCES_COLUMNS, STRINGS_COLUMNS, SourceKind, SourceTexts, load,
    load_events, load_sources, load_strings,
};

crate::codes! {
    /// The languages the widget speaks (the `lang` option), as BCP 47 tags.
    #[derive(Default)]
    pub enum Lang {
        #[default]
        En = "en",
        ZhHans = "zh-Hans" | "zh-hans" | "zh",
    }
}

impl Lang {
    /// The language a tag names, in any case (language tags are case-insensitive:
    /// `ZH-HANS` is `zh-Hans`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(tag.trim()))
    }

    /// The files a language other than English is read from, relative to the widget's
    /// assets: its strings, and its texts for the built-in timeline's events. English is
    /// compiled in; the others are fetched only by readers who ask for them.
    pub const fn files(self) -> Option<LangFiles> {
        match self {
            Lang::En => None,
            Lang::ZhHans => Some(LangFiles {
                strings: "locale/zh-Hans.csv",
                events: "data/timeline.zh-Hans.csv",
                sources: "data/sources.zh-Hans.csv",
            }),
        }
    }

    /// The `Intl` locale for numbers and dates.
    pub const fn intl(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::ZhHans => "zh-CN",
        }
    }

    /// The language's name in itself, as the language switch shows it.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "中文",
        }
    }

    /// The page the release build prerenders this language to.
    pub const fn page(self) -> &'static str {
        match self {
            Lang::En => "index.html",
            Lang::ZhHans => "index.zh-Hans.html",
        }
    }

    /// Its page of every event, for readers without JavaScript (the widget's own page
    /// lists the key moments; "Show all" links here when it can't list them itself).
    pub const fn events_page(self) -> &'static str {
        match self {
            Lang::En => "events.html",
            Lang::ZhHans => "events.zh-Hans.html",
        }
    }
}

/// A language's files, beside the widget's assets (English has none: it is compiled in).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LangFiles {
    /// Every interface string (`key,text`).
    pub strings: &'static str,
    /// The built-in events' texts (`id,title,annotation[,instrument][,label][,copy_reason]`).
    pub events: &'static str,
    /// The data files' other reader-facing texts (`kind,key,text`): outlets' names,
    /// outcomes' notes, the reasons a copy is cited.
    pub sources: &'static str,
}

impl LangFiles {
    /// All three, in the order above.
    pub const fn all(self) -> [&'static str; 3] {
        [self.strings, self.events, self.sources]
    }
}

/// How a language writes sums of money: the unit its templates name ("bn", 亿) and how
/// precisely. Read from the locale, so nothing assumes billions.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct MoneyUnit {
    /// How many of the unit make one US$ billion: 1 for "$4.2bn", 10 for 42亿美元.
    pub per_billion: f64,
    /// Decimals of a sum: "$32.9bn", "329亿美元".
    pub places: u32,
    /// Decimals of a rate the reader set, at least and at most: "3.92" bn, "39.2" 亿.
    pub rate_places: (u32, u32),
    /// Join each figure to its unit with U+2060 WORD JOINER (`format::glue`): Chinese text may
    /// break between any two characters, and "1,427亿美元" must not.
    pub glue: bool,
}

/// A language: its strings, the `Intl` locale for numbers and dates, its money unit, and
/// its texts for the built-in timeline's events.
#[derive(Debug)]
pub struct Locale {
    pub lang: Lang,
    /// The locale `Intl.NumberFormat` and `Intl.DateTimeFormat` use.
    pub intl: &'static str,
    pub strings: &'static Strings,
    pub money: MoneyUnit,
    /// The built-in events' title, annotation and document in this language, by id
    /// (empty for English, the files' own language).
    pub events: Vec<EventText>,
    /// The data files' outlets, notes and copy reasons in this language (empty for
    /// English).
    pub sources: SourceTexts,
    /// The language's event and source files as given, while they have been checked
    /// against the key moments only: checked again when every event has come
    /// ([`Locale::translate_whole`]).
    pub unchecked: Option<Box<Unchecked>>,
}

/// A language's event and source files, kept to be checked against every event.
#[derive(Debug)]
pub struct Unchecked {
    pub events: String,
    pub sources: String,
}

/// Two locales are the same when their language is: comparing every string (the derived
/// equality) cost 8 KB of wasm and a few hundred comparisons per render of a context.
impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

pub static EN: Locale = Locale {
    lang: Lang::En,
    intl: Lang::En.intl(),
    strings: &en::STRINGS,
    money: MoneyUnit {
        per_billion: 1.0,
        places: 1,
        rate_places: (1, 2),
        glue: false,
    },
    events: Vec::new(),
    sources: SourceTexts::NONE,
    unchecked: None,
};

impl Locale {
    /// A language's money unit.
    pub const fn money_unit(lang: Lang) -> MoneyUnit {
        match lang {
            Lang::En => EN.money,
            Lang::ZhHans => MoneyUnit {
                per_billion: 10.0,
                places: 0,
                rate_places: (0, 1),
                glue: true,
            },
        }
    }

    /// The translated text of a built-in event, if this language has one.
    pub fn event(&self, id: &str) -> Option<&EventText> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The built-in timeline in this language: each event's title, annotation and
    /// document replaced by its translation where there is one.
    pub fn translate(
        &self,
        timeline: &crate::core::timeline::Timeline,
    ) -> crate::core::timeline::Timeline {
        let mut out = timeline.clone();
        for e in &mut out.events {
            if let Some(t) = self.event(&e.id) {
                e.title.clone_from(&t.title);
                e.annotation.clone_from(&t.annotation);
                if !t.instrument.is_empty() {
                    e.instrument.clone_from(&t.instrument);
                }
                if !t.label.is_empty() {
                    e.label.clone_from(&t.label);
                }
                if let Some(reason) = &t.copy_reason {
                    for c in e.sources.iter_mut().filter(|c| c.copy_reason.is_some()) {
                        c.copy_reason = Some(reason.clone());
                    }
                }
            }
            for c in &mut e.sources {
                self.sources.outlet(c);
            }
        }
        out
    }

    /// The built-in purchase data in this language: outcomes' notes, sources' outlets
    /// and copy reasons where there is a translation (document titles stay as written).
    pub fn translate_data(&self, ds: &crate::core::data::Dataset) -> crate::core::data::Dataset {
        let mut out = ds.clone();
        for o in &mut out.outcomes {
            if let Some(note) = self.sources.text(SourceKind::Note, &o.id) {
                o.figure.note = note.to_string();
            }
        }
        for s in &mut out.sources {
            if let Some(reason) = self.sources.text(SourceKind::SourceCopy, &s.id) {
                s.cite.copy_reason = Some(reason.to_string());
            }
            self.sources.outlet(&mut s.cite);
        }
        out
    }
}

/// Declares [`Strings`]: one `&'static str` per key, and the list of keys.
macro_rules! strings {
    ($( $(#[$meta:meta])* $key:ident ),+ $(,)?) => {
        /// Every reader-facing text of one language.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Strings {
            $( $(#[$meta])* pub $key: &'static str, )+
        }

        impl Strings {
            /// Every key, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),+];

            /// The text for a key, by name.
            pub fn get(&self, key: &str) -> Option<&'static str> {
                let i = Self::KEYS.iter().position(|k| *k == key)?;
                let mut copy = self.clone();
                let fields = copy.fields_mut();
                Some(*fields[i])
            }

            /// Every field, in the order of [`Self::KEYS`], to read or set by position (a
            /// match on the names cost the wasm several KB). Not inlined: one copy.
            #[inline(never)]
            fn fields_mut(&mut self) -> [&mut &'static str; Self::KEYS.len()] {
                [$(&mut self.$key),+]
            }
        }
    };
}

strings! {
    /// The page's `<title>` and description (the prerendered pages).
    page_title, page_description,
    /// The headline, with the outcome from the data ("{extra}": the extra promised).
    headline,
    /// The headline when the data lack the outcome it states (a publisher's file).
    headline_plain,
    /// The dek: the outcome's shares, each with its scope.
    dek,
    /// The dek when the data lack those shares.
    dek_plain,
    /// Why the apps are on the page; "{link}" is `dek_apps_link`, linked to the event.
    dek_apps, dek_apps_link,
    /// Guess first (`guess=on`): the question ("{promised}": the two years' promise for the
    /// goods counted), how to answer, the slider's label and spoken value ("{share}",
    /// "{money}"), the buttons, the result ("{guess}", "{answer}", "{scope}": the final
    /// count's own note from the data) and the chart's title and labels.
    guess_question, guess_how, guess_label, guess_valuetext, guess_show, guess_skip,
    guess_result, guess_result_skipped, guess_chart_title, guess_promise_label,
    guess_your_label, guess_answer_label, guess_bought_label, guess_chart_note,
    guess_axis_note,
    /// "$32.9bn"
    money,
    /// "$200 billion"
    money_words,
    /// "62.9%"
    percent_exact,
    /// "$4.2bn a month"
    money_rate,
    /// A y-axis label: "$40bn"; where the unit is long, the number alone (the axis note
    /// names the unit).
    axis_tick,
    /// aria-valuetext: "$4.2 billion a month"
    rate_valuetext,
    rate_unit,
    /// The label of a rate's number box: "Manufactured goods (US$ bn a month)"
    rate_number_label,
    year_both,

    /// The simulator's question: "Rewind to June 2020: what pace…?"
    rewind, rewind_end,
    verdict_heading, verdict_heading_end, verdict_missed, verdict_missed_narrowly, verdict_met,
    /// A finished span with months missing from the data: what was bought, no verdict.
    verdict_partial,
    /// The tag of such a span: "actual to Nov 2021"
    tag_partial,
    /// Below the verdicts when the data end: "December 2021 is not in the data yet…"
    missing_one, missing_many,
    /// One item of the compact verdict beside the sliders: "2020: 46%"
    verdict_compact,
    tag_actual, tag_projected, so_far, needed_heading, needed_line, needed_ratio,
    needed_no_best, already_met,
    /// "$6.4bn, May 2020"
    best_month,
    /// What the live region announces: the three verdicts.
    live_verdict,
    /// "{link}" is the method's heading, linked to it.
    caveat_line,

    controls_heading, basis_legend, basis_us, basis_us_note, basis_cn, basis_cn_note,
    total_only_note, asof_label, asof_note_cn, presets_legend, preset_so_far, preset_2017,
    preset_needed, preset_actual, reset,
    /// Beside disabled sliders, when the cut-off is the last month with data.
    rates_over,
    /// The one-line result between the chart and the sliders.
    compact_label,
    cat_manufactured, cat_agriculture, cat_energy, cat_services, cat_total,
    /// A category's small chart: its accessible name, its year lines, its final count.
    cat_heading, cat_chart_label, cat_year_met, cat_year_missed, cat_year_partial,
    cat_final_heading, cat_final, cat_final_none,
    /// Its part of the pace needed, marked on its slider.
    cat_shared,
    /// A rate typed beyond the slider's range: the cue, and what the slider says.
    off_scale, rate_valuetext_off,
    /// The reader's pace against the pace needed for the target that matters.
    pace_yours, pace_needed, pace_why_first, pace_why_only, pace_met, pace_short,
    pace_done,
    /// What the preset in use does.
    preset_note_so_far, preset_note_so_far_total, preset_note_2017, preset_note_needed,
    preset_note_needed_total, preset_note_actual,
    /// Between the items of a list in a sentence: "; "
    list_separator, two_sentences,
    /// What a basis switch changed.
    basis_moved, basis_rates_new, basis_rates_total,

    chart_title, chart_axis_note, legend_actual, legend_projection, legend_target,
    legend_later, legend_event, target_label, asof_marker, path_seasonal, path_straight,
    chart_summary,
    /// A chart marker's accessible name: "6 Aug 2020: Trump signs…"
    marker_label,
    /// The caption over the chart for the active marker: "6 Aug 2020 · Trump signs…"
    marker_caption,
    /// A named moment on the chart: "6 Aug: Trump orders app bans"
    chart_moment,
    /// The panel of a marker's events, by the chart.
    moments_close, moments_timeline,
    show_data, hide_data, table_caption, col_month, col_in_month, col_cumulative, col_target,
    col_status, status_actual, status_projected, status_missing, missing,

    outcome_heading, outcome_facts, reconcile, reconcile_caption, reconcile_col_share,
    reconcile_col_what, reconcile_col_source, reconcile_own, reconcile_own_source,
    reconcile_missing,
    scope_goods_services, scope_goods, scope_manufactured, scope_agriculture, scope_energy,
    scope_services, method_heading, method_intro, method_bases, method_path_seasonal,
    method_prorating, method_services, method_aircraft, method_derived, method_missing,
    method_sources, method_download, method_download_timeline,
    /// A source as readers see it: "Federal Register, 11 Aug 2020"
    source_label,
    /// A source in the method's list: outlet, title, date
    source_full,
    /// "A copy of the original: {reason}"
    copy_label,
    /// The warning about figures resting only on copies.
    copy_only,
    /// Marks a derived figure or series.
    derived_label,

    timeline_heading, timeline_intro, filters_label, filter_apps, filter_actors,
    filter_period, period_deal, period_all, showing, no_events, more, less, event_link,
    events_key, show_all, show_key, skip_timeline, back_to_chart,
    /// "Show all" without JavaScript: the link to the page of every event.
    all_events_page,
    /// Every event asked for, on its way; and why it could not come ("{reason}").
    events_loading, notice_events,
    /// That page's line above the widget, and its link back to the interactive page.
    events_page_note, events_page_back,
    /// A chart marker that stands for several events close together.
    marker_group,
    link_copied, unverified, sources_label, report_label, instrument_label, list_label, all_actors,
    app_tiktok, app_wechat,
    actor_white_house, actor_commerce, actor_treasury_cfius, actor_congress, actor_court,
    actor_company, actor_china_government,

    /// Pictures (`core::picture`): the sources' line ("{outlets}"); the outcome in the alt
    /// text ("{figure}", "{what}": its note, which names whose count it is); a verdict line
    /// ("{tag}", "{verdict}"); a rate ("{category}", "{rate}"); the preset the rates come
    /// from ("{preset}", "{note}"); the pace set ("{month}", "{rates}"); the link
    /// ("{url}"); a key moment ("{date}", "{title}", "{source}"); the key moments and the
    /// verdicts in the alt text ("{moments}", "{verdicts}"); the "Download image" button
    /// and its failure.
    picture_sources, picture_outcome, picture_verdict, picture_rate, picture_preset,
    picture_rates, picture_link, picture_moment, picture_moments_alt, picture_verdicts_alt,
    download_image, download_failed,
    /// In print only: where the interactive version is ("{url}").
    print_link,

    share_heading, copy_link, embed_this, embed_iframe, embed_script, copy_code, copied,
    copy_failed, copy_manual, copy_manual_code, copy_manual_label, iframe_title,

    notice_failed, notice_network, notice_refused, notice_refused_attr, notice_unknown_event,
    file_purchases,
    file_timeline, file_loading, no_script, load_failed, load_failed_scenario, load_failed_link,
    notice_more,
    /// The built-in data could not be read: the widget has nothing to show.
    built_in_failed,
    fetch_network, fetch_status, fetch_not_text, fetch_timeout, notice_redirected,
    credit,

    /// Where a problem is: "purchases.csv, line 4"
    problem_at_line,
    /// ", field “value”"
    problem_field,
    /// Between where and what: ": "
    problem_colon,
    p_no_header, p_ragged_row, p_column_twice, p_too_many_columns, p_too_many_problems,
    p_file_too_large, p_file_over_cap, p_too_many_rows, p_no_column, p_source_no_id,
    p_source_id_twice, p_not_https, p_source_no_citation, p_no_formula, p_bad_status,
    p_bad_date, p_no_id, p_id_twice, p_bad_unit, p_bad_number, p_out_of_range,
    p_bad_category, p_bad_basis, p_bad_commitment_period, p_bad_baseline_year,
    p_bad_target_year, p_bad_month, p_month_outside, p_given_twice, p_no_record,
    p_unknown_record, p_no_source_cited, p_undefined_source, p_missing_commitment,
    p_no_figures, p_missing_target, p_missing_baseline, p_partial_month, p_partial_pattern,
    p_sum_mismatch, p_two_year_sum, p_target_mismatch, p_bad_slug, p_slug_twice,
    p_bad_precision, p_bad_event_date, p_bad_title, p_bad_annotation, p_bad_apps,
    p_bad_actor, p_no_event_source, p_bad_verified, p_bad_key, p_no_events, p_no_outlet,
    p_no_source_title, p_bad_source_date, p_bad_tier, p_tracking_param, p_copy_host,
    p_unknown_key, p_no_text, p_placeholders, p_unknown_event, p_no_translation,
    p_bad_label, p_label_outside_chart, p_no_label, p_text_unused, p_bad_source_kind,
    p_unknown_source_key, p_no_source_text, p_bidi_control, p_no_cutoff, p_utf16,
    p_not_utf8,
}

impl Locale {
    /// A problem's message alone, in this locale's words.
    pub fn message(&self, p: &Problem) -> String {
        let args: Vec<(&str, &str)> = p.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(self.problem(p.msg), &args)
    }

    /// Where and what: "purchases.csv, line 3, field “value”: …".
    pub fn describe(&self, p: &Problem) -> String {
        let s = self.strings;
        let line = p.line.to_string();
        let mut out = if p.line > 0 {
            fill(s.problem_at_line, &[("file", &p.file), ("line", &line)])
        } else {
            p.file.clone()
        };
        if let Some(field) = &p.field {
            out.push_str(&fill(s.problem_field, &[("field", field)]));
        }
        out.push_str(s.problem_colon);
        out.push_str(&self.message(p));
        out
    }

    /// The template for a kind of data-file problem.
    pub fn problem(&self, m: Msg) -> &'static str {
        let s = self.strings;
        match m {
            Msg::NoHeader => s.p_no_header,
            Msg::BidiControl => s.p_bidi_control,
            Msg::RaggedRow => s.p_ragged_row,
            Msg::ColumnTwice => s.p_column_twice,
            Msg::TooManyColumns => s.p_too_many_columns,
            Msg::TooManyProblems => s.p_too_many_problems,
            Msg::FileTooLarge => s.p_file_too_large,
            Msg::FileOverCap => s.p_file_over_cap,
            Msg::TooManyRows => s.p_too_many_rows,
            Msg::NoColumn => s.p_no_column,
            Msg::SourceNoId => s.p_source_no_id,
            Msg::SourceIdTwice => s.p_source_id_twice,
            Msg::NotHttps => s.p_not_https,
            Msg::SourceNoCitation => s.p_source_no_citation,
            Msg::NoFormula => s.p_no_formula,
            Msg::BadStatus => s.p_bad_status,
            Msg::BadDate => s.p_bad_date,
            Msg::NoId => s.p_no_id,
            Msg::IdTwice => s.p_id_twice,
            Msg::BadUnit => s.p_bad_unit,
            Msg::BadNumber => s.p_bad_number,
            Msg::OutOfRange => s.p_out_of_range,
            Msg::BadCategory => s.p_bad_category,
            Msg::BadBasis => s.p_bad_basis,
            Msg::BadCommitmentPeriod => s.p_bad_commitment_period,
            Msg::BadBaselineYear => s.p_bad_baseline_year,
            Msg::BadTargetYear => s.p_bad_target_year,
            Msg::BadMonth => s.p_bad_month,
            Msg::MonthOutside => s.p_month_outside,
            Msg::GivenTwice => s.p_given_twice,
            Msg::NoRecord => s.p_no_record,
            Msg::UnknownRecord => s.p_unknown_record,
            Msg::NoSourceCited => s.p_no_source_cited,
            Msg::UndefinedSource => s.p_undefined_source,
            Msg::MissingCommitment => s.p_missing_commitment,
            Msg::NoFigures => s.p_no_figures,
            Msg::NoCutoff => s.p_no_cutoff,
            Msg::Utf16 => s.p_utf16,
            Msg::NotUtf8 => s.p_not_utf8,
            Msg::MissingTarget => s.p_missing_target,
            Msg::MissingBaseline => s.p_missing_baseline,
            Msg::PartialMonth => s.p_partial_month,
            Msg::PartialPattern => s.p_partial_pattern,
            Msg::SumMismatch => s.p_sum_mismatch,
            Msg::TwoYearSum => s.p_two_year_sum,
            Msg::TargetMismatch => s.p_target_mismatch,
            Msg::BadSlug => s.p_bad_slug,
            Msg::SlugTwice => s.p_slug_twice,
            Msg::BadPrecision => s.p_bad_precision,
            Msg::BadEventDate => s.p_bad_event_date,
            Msg::BadTitle => s.p_bad_title,
            Msg::BadAnnotation => s.p_bad_annotation,
            Msg::BadApps => s.p_bad_apps,
            Msg::BadActor => s.p_bad_actor,
            Msg::NoEventSource => s.p_no_event_source,
            Msg::BadVerified => s.p_bad_verified,
            Msg::BadKey => s.p_bad_key,
            Msg::BadLabel => s.p_bad_label,
            Msg::LabelOutsideChart => s.p_label_outside_chart,
            Msg::NoOutlet => s.p_no_outlet,
            Msg::NoSourceTitle => s.p_no_source_title,
            Msg::BadSourceDate => s.p_bad_source_date,
            Msg::BadTier => s.p_bad_tier,
            Msg::TrackingParam => s.p_tracking_param,
            Msg::CopyHost => s.p_copy_host,
            Msg::NoEvents => s.p_no_events,
            Msg::UnknownKey => s.p_unknown_key,
            Msg::NoText => s.p_no_text,
            Msg::Placeholders => s.p_placeholders,
            Msg::UnknownEvent => s.p_unknown_event,
            Msg::NoTranslation => s.p_no_translation,
            Msg::NoLabel => s.p_no_label,
            Msg::TextUnused => s.p_text_unused,
            Msg::BadSourceKind => s.p_bad_source_kind,
            Msg::UnknownSourceKey => s.p_unknown_source_key,
            Msg::NoSourceText => s.p_no_source_text,
        }
    }

    pub fn category(&self, c: Category) -> &'static str {
        let s = self.strings;
        match c {
            Category::Manufactured => s.cat_manufactured,
            Category::Agriculture => s.cat_agriculture,
            Category::Energy => s.cat_energy,
            Category::Services => s.cat_services,
            Category::Total => s.cat_total,
        }
    }

    /// A basis's name and its one-line explanation.
    pub fn basis(&self, b: Basis) -> (&'static str, &'static str) {
        let s = self.strings;
        match b {
            Basis::Us => (s.basis_us, s.basis_us_note),
            Basis::Cn => (s.basis_cn, s.basis_cn_note),
        }
    }

    pub fn preset(&self, p: Preset) -> &'static str {
        let s = self.strings;
        match p {
            Preset::PaceSoFar => s.preset_so_far,
            Preset::Pace2017 => s.preset_2017,
            Preset::PaceNeeded => s.preset_needed,
            Preset::WhatHappened => s.preset_actual,
        }
    }

    pub fn app(&self, a: App) -> &'static str {
        match a {
            App::TikTok => self.strings.app_tiktok,
            App::WeChat => self.strings.app_wechat,
        }
    }

    pub fn actor(&self, a: Actor) -> &'static str {
        let s = self.strings;
        match a {
            Actor::WhiteHouse => s.actor_white_house,
            Actor::Commerce => s.actor_commerce,
            Actor::TreasuryCfius => s.actor_treasury_cfius,
            Actor::Congress => s.actor_congress,
            Actor::Court => s.actor_court,
            Actor::Company => s.actor_company,
            Actor::ChinaGovernment => s.actor_china_government,
        }
    }

    pub fn scope(&self, sc: Scope) -> &'static str {
        let s = self.strings;
        match sc {
            Scope::GoodsServices => s.scope_goods_services,
            Scope::Goods => s.scope_goods,
            Scope::Manufactured => s.scope_manufactured,
            Scope::Agriculture => s.scope_agriculture,
            Scope::Energy => s.scope_energy,
            Scope::Services => s.scope_services,
        }
    }

    pub fn period_filter(&self, p: PeriodFilter) -> &'static str {
        match p {
            PeriodFilter::Deal => self.strings.period_deal,
            PeriodFilter::All => self.strings.period_all,
        }
    }

    /// "2020", "2021" or "2020–21".
    pub fn period(&self, p: Period) -> String {
        match p {
            Period::Year(y) => y.to_string(),
            Period::TwoYears => self.strings.year_both.to_string(),
        }
    }
}

/// English, for the command-line validator and test messages.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&EN.describe(self))
    }
}

/// Fills `{name}` placeholders. Unknown placeholders are left as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders a template uses, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(fill("${n}bn", &[("n", "3.2")]), "$3.2bn");
        assert_eq!(placeholders("{a} of {b}"), ["a", "b"]);
    }

    #[test]
    fn every_key_has_text_and_every_problem_a_template() {
        for key in Strings::KEYS {
            let text = EN.strings.get(key).unwrap_or_default();
            assert!(!text.trim().is_empty(), "{key} is empty");
        }
        for m in Msg::ALL {
            assert!(!EN.problem(m).is_empty(), "{m:?}");
        }
        assert_eq!(Locale::money_unit(Lang::En), EN.money);
    }
}
