//! Every user-facing string, in one place, so a second language (Simplified Chinese is
//! planned) can be added without touching components: add a `Strings` value and select it.
//!
//! Templates use `{name}` placeholders, filled by [`fill`]; each language orders them as
//! its grammar needs. Numbers arrive already formatted (see `format.rs`).

use super::data::{Basis, Category};
use super::model::Preset;
use super::timeline::{Actor, App};

pub struct Strings {
    pub lang: &'static str,
    pub headline: &'static str,
    pub dek: &'static str,
    /// "$32.9bn"
    pub money: &'static str,
    /// "$200 billion"
    pub money_words: &'static str,
    /// "62.9%"
    pub percent_exact: &'static str,
    /// "$4.2bn a month"
    pub money_rate: &'static str,
    /// aria-valuetext: "$4.2 billion a month"
    pub rate_valuetext: &'static str,
    pub rate_unit: &'static str,
    pub year_both: &'static str,

    pub verdict_heading: &'static str,
    pub verdict_missed: &'static str,
    pub verdict_missed_narrowly: &'static str,
    pub verdict_met: &'static str,
    pub tag_actual: &'static str,
    pub tag_projected: &'static str,
    pub so_far: &'static str,
    pub needed: &'static str,
    pub needed_vs_best: &'static str,
    pub needed_no_best: &'static str,
    pub already_met: &'static str,
    pub live_verdict: &'static str,
    pub caveat_line: &'static str,

    pub controls_heading: &'static str,
    pub basis_legend: &'static str,
    pub basis_us: &'static str,
    pub basis_us_note: &'static str,
    pub basis_cn: &'static str,
    pub basis_cn_note: &'static str,
    pub total_only_note: &'static str,
    pub asof_label: &'static str,
    pub asof_note_cn: &'static str,
    pub presets_legend: &'static str,
    pub preset_so_far: &'static str,
    pub preset_2017: &'static str,
    pub preset_needed: &'static str,
    pub preset_actual: &'static str,
    pub reset: &'static str,
    pub cat_manufactured: &'static str,
    pub cat_agriculture: &'static str,
    pub cat_energy: &'static str,
    pub cat_services: &'static str,
    pub cat_total: &'static str,

    pub chart_title: &'static str,
    pub chart_axis_note: &'static str,
    pub legend_actual: &'static str,
    pub legend_projection: &'static str,
    pub legend_target: &'static str,
    pub legend_later: &'static str,
    pub legend_event: &'static str,
    pub target_label: &'static str,
    pub asof_marker: &'static str,
    pub path_seasonal: &'static str,
    pub path_straight: &'static str,
    pub chart_summary: &'static str,
    pub show_data: &'static str,
    pub hide_data: &'static str,
    pub table_caption: &'static str,
    pub col_month: &'static str,
    pub col_in_month: &'static str,
    pub col_cumulative: &'static str,
    pub col_target: &'static str,
    pub col_status: &'static str,
    pub status_actual: &'static str,
    pub status_projected: &'static str,
    pub status_missing: &'static str,
    pub status_derived: &'static str,
    pub missing: &'static str,

    pub outcome_heading: &'static str,
    pub method_heading: &'static str,
    pub method_intro: &'static str,
    pub method_bases: &'static str,
    pub method_path_seasonal: &'static str,
    pub method_prorating: &'static str,
    pub method_services: &'static str,
    pub method_aircraft: &'static str,
    pub method_derived: &'static str,
    pub method_missing: &'static str,
    pub method_sources: &'static str,
    pub method_download: &'static str,
    pub derived_label: &'static str,

    pub timeline_heading: &'static str,
    pub timeline_intro: &'static str,
    pub filters_label: &'static str,
    pub filter_apps: &'static str,
    pub filter_actors: &'static str,
    pub filter_period: &'static str,
    pub period_deal: &'static str,
    pub period_all: &'static str,
    pub showing: &'static str,
    pub no_events: &'static str,
    pub more: &'static str,
    pub less: &'static str,
    pub event_link: &'static str,
    pub link_copied: &'static str,
    pub unverified: &'static str,
    pub sources_label: &'static str,
    pub instrument_label: &'static str,
    pub list_label: &'static str,
    pub all_actors: &'static str,

    pub share_heading: &'static str,
    pub copy_link: &'static str,
    pub embed_this: &'static str,
    pub embed_iframe: &'static str,
    pub embed_script: &'static str,
    pub copy_code: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub iframe_title: &'static str,

    pub notice_failed: &'static str,
    pub notice_network: &'static str,
    pub notice_more: &'static str,
    pub credit: &'static str,
}

pub const EN: Strings = Strings {
    lang: "en-GB",
    headline: "Is China buying what it promised?",
    dek: "The 2020 Phase One deal committed China to buy {total} more American goods and services over two years than in 2017. Set the pace of purchases and see whether the targets are met.",
    money: "${n}bn",
    money_words: "${n} billion",
    percent_exact: "{n}%",
    money_rate: "${n}bn a month",
    rate_valuetext: "${n} billion a month",
    rate_unit: "US$ bn a month",
    year_both: "2020–21",

    verdict_heading: "At this pace, by the end of each year",
    verdict_missed: "{year}: {actual} of {target} — missed by {gap} ({share} of target)",
    verdict_missed_narrowly: "{year}: {actual} of {target} — missed by less than $0.1bn ({share} of target)",
    verdict_met: "{year}: {actual} of {target} — target met ({share})",
    tag_actual: "actual",
    tag_projected: "projected",
    so_far: "By the end of {month} China had bought {actual} of goods covered by the deal, {share} of the {year} target.",
    needed: "To meet the {year} target, China would need {pace} from {month}, ",
    needed_vs_best: "{ratio}× its best month so far ({best}, {bestmonth}).",
    needed_no_best: "a pace no single reported month on this basis can be compared with.",
    already_met: "The {year} target is already met.",
    live_verdict: "{v2020} {v2021} {vboth}",
    caveat_line: "Goods only; excludes civil aircraft. See How we calculated this.",

    controls_heading: "Set the pace",
    basis_legend: "Whose figures",
    basis_us: "US exports",
    basis_us_note: "What the US recorded shipping to China (Census), civil aircraft excluded: PIIE's original method.",
    basis_cn: "Chinese imports",
    basis_cn_note: "What China's customs recorded buying. Valued with shipping and insurance, so figures run higher.",
    total_only_note: "Chinese customs figures are published here only as year-to-date totals, so this basis has one rate for all covered goods.",
    asof_label: "Data known as of",
    asof_note_cn: "On this basis only months with a published year-to-date figure can be chosen.",
    presets_legend: "Try a pace",
    preset_so_far: "Pace so far this year",
    preset_2017: "2017 pace",
    preset_needed: "Pace needed to meet the targets",
    preset_actual: "What actually happened",
    reset: "Reset",
    cat_manufactured: "Manufactured goods",
    cat_agriculture: "Agriculture",
    cat_energy: "Energy",
    cat_services: "Services",
    cat_total: "All covered goods",

    chart_title: "Cumulative purchases of covered goods",
    chart_axis_note: "US$ bn, cumulative within each year",
    legend_actual: "Actual",
    legend_projection: "Your projection",
    legend_target: "Target path",
    legend_later: "Reported later",
    legend_event: "TikTok/WeChat event",
    target_label: "{year} target",
    asof_marker: "as of {month}",
    path_seasonal: "The target path follows the 2017 monthly pattern (derived).",
    path_straight: "The target path is a straight line: no 2017 monthly figures on this basis (derived).",
    chart_summary: "By the end of {month} China had bought {actual}, {share} of the {year} target of {target}. At {rate} a month it would reach {projected} by December, {pshare} of the target.",
    show_data: "Show data",
    hide_data: "Hide data",
    table_caption: "Monthly purchases behind the chart, {basis}. Cumulative figures restart each January.",
    col_month: "Month",
    col_in_month: "In the month",
    col_cumulative: "Year to date",
    col_target: "Target path",
    col_status: "Status",
    status_actual: "reported",
    status_projected: "your projection",
    status_missing: "not reported",
    status_derived: "derived",
    missing: "—",

    outcome_heading: "What actually happened",
    method_heading: "How we calculated this",
    method_intro: "Annex 6.1 of the agreement, signed on {signed} and in force from {in_force}, set the extra purchases over 2017 levels: {mfg20} and {mfg21} of manufactured goods, {ag20} and {ag21} of agriculture, {en20} and {en21} of energy, and {sv20} and {sv21} of services in 2020 and 2021. A year's target is the 2017 baseline plus that year's increment.",
    method_bases: "Article 6.2.6 says both official US and official Chinese trade data count, so there are two sets of figures. US exports (Census) exclude civil aircraft and follow PIIE's original tracker: a 2017 baseline of {usbase}, so targets of {us20} for 2020 and {us21} for 2021. Chinese imports (China customs) are valued with shipping and insurance; PIIE's targets on that basis are {cn20} for 2020 (as revised in October 2020) and {cn21} for 2021.",
    method_path_seasonal: "The target path on the chart spreads each year's target across the months in the pattern of 2017 purchases, as PIIE does, because farm purchases are seasonal. PIIE cautions that prorating is illustrative: the deal only sets year-end targets.",
    method_prorating: "Projections use actual figures through the month you choose, then your rates for every month after it.",
    method_services: "Services, {sv20} in 2020 and {sv21} in 2021, are part of the {total} but are not reported monthly, so the simulator covers goods only.",
    method_aircraft: "Civil aircraft are excluded from the US-export figures, as in PIIE's original method; PIIE later counted them, which raised its US-export baseline and targets.",
    method_derived: "Some figures are derived rather than read in a source: US monthly figures from March to November 2021 are differences between successive year-to-date releases, and targets on the Chinese-import basis are computed from PIIE's figures. They are marked as derived in the data table and the data file.",
    method_missing: "December 2021 on the US-export basis, and most single months on the Chinese-import basis, have not been found in a published source; they are shown as missing, never filled in.",
    method_sources: "Sources",
    method_download: "Download the data (CSV)",
    derived_label: "derived",

    timeline_heading: "TikTok and WeChat: the app bans, step by step",
    timeline_intro: "What US and Chinese governments, courts and companies did while the deal ran, and after.",
    filters_label: "Filter the events",
    filter_apps: "App",
    filter_actors: "Who acted",
    filter_period: "Period",
    period_deal: "Deal years, 2020–21",
    period_all: "Everything",
    showing: "Showing {n} of {total} events",
    no_events: "No events match these filters.",
    more: "More",
    less: "Less",
    event_link: "Link to this event",
    link_copied: "Link copied",
    unverified: "Unverified",
    sources_label: "Source",
    instrument_label: "Instrument",
    list_label: "Timeline events",
    all_actors: "All",

    share_heading: "Share",
    copy_link: "Copy link",
    embed_this: "Embed this",
    embed_iframe: "Iframe (auto-resizing; works with pym.js and AMP)",
    embed_script: "Script tag (renders in the page, in a Shadow DOM)",
    copy_code: "Copy code",
    copied: "Copied",
    copy_failed: "Select the text and copy it",
    iframe_title: "Is China buying what it promised? Phase One purchases and the TikTok/WeChat timeline",

    notice_failed: "The newsroom data file {file} could not be used, so the widget shows its built-in data. {count} problem(s):",
    notice_network: "The newsroom data file {file} could not be loaded ({reason}), so the widget shows its built-in data.",
    notice_more: "…and {n} more.",
    credit: "Data: US Census via M. Waugh; PIIE; Bloomberg; Annex 6.1 of the agreement.",
};

/// The strings for a language tag; English is the default and the fallback.
pub fn for_lang(_lang: &str) -> &'static Strings {
    &EN
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

impl Strings {
    pub fn category(&self, c: Category) -> &'static str {
        match c {
            Category::Manufactured => self.cat_manufactured,
            Category::Agriculture => self.cat_agriculture,
            Category::Energy => self.cat_energy,
            Category::Services => self.cat_services,
            Category::Total => self.cat_total,
        }
    }

    pub fn basis(&self, b: Basis) -> (&'static str, &'static str) {
        match b {
            Basis::Us => (self.basis_us, self.basis_us_note),
            Basis::Cn => (self.basis_cn, self.basis_cn_note),
        }
    }

    pub fn preset(&self, p: Preset) -> &'static str {
        match p {
            Preset::PaceSoFar => self.preset_so_far,
            Preset::Pace2017 => self.preset_2017,
            Preset::PaceNeeded => self.preset_needed,
            Preset::WhatHappened => self.preset_actual,
        }
    }

    pub fn app(&self, a: App) -> &'static str {
        match a {
            App::TikTok => "TikTok",
            App::WeChat => "WeChat",
        }
    }

    pub fn actor(&self, a: Actor) -> &'static str {
        match a {
            Actor::WhiteHouse => "White House",
            Actor::Commerce => "Commerce",
            Actor::TreasuryCfius => "Treasury/CFIUS",
            Actor::Congress => "Congress",
            Actor::Court => "Courts",
            Actor::Company => "Company",
            Actor::ChinaGovernment => "Chinese government",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(fill("${n}bn", &[("n", "3.2")]), "$3.2bn");
    }
}
