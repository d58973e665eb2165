//! English (British spelling, as the newsroom style; numbers and dates in en-GB).

use super::Strings;

pub const STRINGS: Strings = Strings {
    page_title: "China promised {extra} more in US goods and services and bought none of the \
                 extra: the Phase One deal, and the TikTok and WeChat bans",
    page_description: "How China fell short of its 2020 Phase One purchase promises, month by \
                       month, beside a timeline of US and Chinese actions on TikTok and \
                       WeChat. Set the pace of purchases and see what it would have taken.",
    headline: "China promised to buy {extra} more in US goods and services. It bought none of \
               the extra.",
    headline_plain: "China's Phase One purchase promises, and the TikTok and WeChat bans",
    dek: "Over 2020–21 China bought {all} of the American goods and services it had promised \
          under the Phase One trade deal, by the count of the Peterson Institute for \
          International Economics (PIIE): {short} less than two years at its 2017 level. Of \
          the goods alone, it bought {goods}.",
    dek_plain: "The 2020 Phase One deal committed China to buy {total} more American goods and \
                services over two years than in 2017.",
    dek_apps: "Why TikTok and WeChat are here: by the end of {month} China had bought \
               {share} of that year's goods target, and in August 2020, as Washington \
               ordered bans on both apps, {link}.",
    dek_apps_link: "Beijing planned to bring the bans up at the deal's six-month review, \
                    Bloomberg reported",
    guess_question: "China promised to buy {promised} of these goods in 2020–21. What share \
                     do you think it bought?",
    guess_how: "These are the manufactured goods, farm goods and energy the deal covered \
                (services are left out). Drag the end of the line on the chart, or use the \
                slider, then press “Show me”.",
    guess_label: "Your guess: the share of the promise bought",
    guess_valuetext: "{share}, or {money}",
    guess_show: "Show me",
    guess_skip: "Skip",
    guess_result: "You guessed {guess}; China bought {answer}: the share {scope}.",
    guess_result_skipped: "China bought {answer}: the share {scope}.",
    guess_chart_title: "Goods bought since January 2020, added up, against the promise",
    guess_promise_label: "Promised: {money}",
    guess_your_label: "Your guess: {share}",
    guess_answer_label: "Bought: {share}",
    guess_bought_label: "Bought to {month}",
    guess_axis_note: "US$ billion, added up from January 2020",
    guess_chart_note: "The solid line is what China bought, by US export figures to \
                       {month}; the dot is the final count for the two years.",
    money: "${n}bn",
    money_words: "${n} billion",
    percent_exact: "{n}%",
    money_rate: "${n}bn a month",
    axis_tick: "${n}bn",
    rate_valuetext: "${n} billion a month",
    rate_unit: "US$ bn a month",
    rate_number_label: "{category} ({unit})",
    year_both: "2020–21",

    rewind: "Rewind to {month}: what pace would have met the targets?",
    rewind_end: "How the two years ended, by the figures to {month}",
    verdict_heading: "At your pace from {month}, by the end of each year",
    verdict_heading_end: "By the end of each year",
    verdict_missed: "{year}: {actual} of {target} — missed by {gap} ({share} of target)",
    verdict_missed_narrowly: "{year}: {actual} of {target} — missed by less than $0.1bn \
                              ({share} of target)",
    verdict_met: "{year}: {actual} of {target} — target met ({share})",
    verdict_compact: "{year}: {share}",
    verdict_partial: "{year}: {actual} of {target} by the end of {last} ({share} of target)",
    tag_partial: "actual to {month}",
    missing_one: "{month} is not in the data yet, so these figures stop at the end of {last}.",
    missing_many: "{first} to {end} are not in the data yet, so these figures stop at the \
                   end of {last}.",
    tag_actual: "actual",
    tag_projected: "projected",
    so_far: "By the end of {month} China had bought {actual} of goods covered by the deal, \
             {share} of the {year} target.",
    needed_heading: "To meet each target, China would need:",
    needed_line: "{year}: {pace} from {month}",
    needed_ratio: " ({ratio}× its best month)",
    needed_no_best: "No single month's figure on this basis has been published to compare \
                     it with.",
    already_met: "{year}: the target is already met",
    best_month: "Its best month so far: {money}, in {month}.",
    live_verdict: "{v2020}. {v2021}. {vboth}.",
    caveat_line: "Goods only; excludes civil aircraft. See {link}.",

    controls_heading: "Set the pace",
    basis_legend: "Whose figures",
    basis_us: "US exports",
    basis_us_note: "US figures for goods shipped to China, without civil aircraft, as the \
                    Peterson Institute (PIIE) first counted them.",
    basis_cn: "Chinese imports",
    basis_cn_note: "China's customs figures for goods bought, with shipping and insurance \
                    included, so they run higher.",
    total_only_note: "China's customs figures come as running totals for the year, not by \
                      kind of goods, so on this basis you set one pace for all of them.",
    asof_label: "Data known as of",
    asof_note_cn: "On this basis you can choose only the months for which a running total was \
                   published.",
    presets_legend: "Try a pace",
    preset_so_far: "Pace so far",
    preset_2017: "2017 pace",
    preset_needed: "Pace needed",
    preset_actual: "What actually happened",
    reset: "Reset",
    rates_over: "The figures end here, so there is no pace left to set. To try one, choose an \
                 earlier month under “Data known as of”.",
    compact_label: "At this pace",
    cat_manufactured: "Manufactured goods",
    cat_agriculture: "Agriculture",
    cat_energy: "Energy",
    cat_services: "Services",
    cat_total: "All covered goods",
    cat_chart_label: "{category}, year to date: actual purchases, your projection and the \
                      target path",
    cat_heading: "Each kind of goods against its own target",
    cat_year_met: "{year}: {share}, met",
    cat_year_missed: "{year}: {share}, missed",
    cat_year_partial: "{year}: {share} to {last}",
    cat_final_heading: "Final counts for 2020–21, as a share of each commitment:",
    cat_final: "{category} {share} ({source})",
    cat_final_none: "{category}: no figure of its own",
    cat_shared: "To meet {year}: {pace}",
    off_scale: "Off the scale: the slider stops at {max}.",
    rate_valuetext_off: "${n} billion a month, off the scale",
    pace_yours: "Your pace",
    pace_needed: "Needed for {year}, from {month}",
    pace_why_first: "Each year has its own target; {year}'s falls due first.",
    pace_why_only: "The {year} target is the only one still open.",
    pace_met: "Your pace meets it.",
    pace_short: "Your pace is {share} of it.",
    pace_done: "The {year} target is already met by the figures so far.",
    preset_note_so_far: "Each kind of goods at its average monthly pace from January to \
                         {month}.",
    preset_note_so_far_total: "The average monthly pace from January to {month}.",
    preset_note_2017: "The monthly average of 2017, the year the targets build on.",
    preset_note_needed: "The lowest steady pace for each kind of goods that meets every \
                         target still open. At that pace: {result}.",
    preset_note_needed_total: "The lowest steady pace that meets every target still open. \
                               At that pace: {result}.",
    preset_note_actual: "The figures to {month}, the latest in the data.",
    list_separator: "; ",
    two_sentences: "{first} {second}",
    basis_moved: "{basis}: no figure for {wanted}, so the figures run to {used}, the nearest \
                  month with one.",
    basis_rates_new: "The rates start at this basis's pace so far: the two sets of figures \
                      differ, so yours don't carry over.",
    basis_rates_total: "This basis has one pace for all goods, starting at its pace so far.",

    chart_title: "Purchases of the deal's goods, year to date",
    chart_axis_note: "US$ billion, added up from January each year",
    legend_actual: "Actual",
    legend_projection: "Your projection",
    legend_target: "Target path",
    legend_later: "What came next",
    legend_event: "TikTok/WeChat event",
    target_label: "{year} target",
    asof_marker: "as of {month}",
    path_seasonal: "The target path follows the 2017 monthly pattern (derived).",
    path_straight: "The target path is a straight line: no 2017 monthly figures on this \
                    basis (derived).",
    chart_summary: "By the end of {month} China had bought {actual}, {share} of the {year} \
                    target of {target}. At {rate} a month it would reach {projected} by \
                    December, {pshare} of the target.",
    marker_label: "{date}: {title}",
    marker_caption: "{date} · {title}",
    chart_moment: "{date}: {label}",
    moments_close: "Close",
    moments_timeline: "Read it in the timeline",
    show_data: "Show data",
    hide_data: "Hide data",
    table_caption: "Monthly purchases behind the chart, {basis}. Cumulative figures \
                    restart each January.",
    col_month: "Month",
    col_in_month: "In the month",
    col_cumulative: "Year to date",
    col_target: "Target path",
    col_status: "Status",
    status_actual: "reported",
    status_projected: "your projection",
    status_missing: "not reported",
    missing: "—",

    outcome_heading: "How it ended",
    outcome_facts: "Every final count, with its source",
    reconcile: "China promised {committed} of American goods and services over 2020–21: \
                twice its 2017 purchases, plus the extra {extra}. By PIIE's count it bought \
                {bought}, {share} of the promise. The share depends on what is counted:",
    reconcile_caption: "Share of the promise bought, by count",
    reconcile_col_share: "Bought",
    reconcile_col_what: "What was counted",
    reconcile_col_source: "Source",
    reconcile_own: "{actual} by the end of {last} of the {target} promised for the two years, \
                    in the goods the deal covers, in US export figures without civil \
                    aircraft: this widget's own figures, with December 2021 missing",
    reconcile_own_source: "Derived from the monthly figures above",
    reconcile_missing: "This widget's monthly figures stop at {last}: no published source \
                        found gives {month} month by month on this basis. The final counts, \
                        from PIIE and Bloomberg, cover all of 2021.",
    scope_goods_services: "Goods and services",
    scope_goods: "Goods",
    scope_manufactured: "Manufactured goods",
    scope_agriculture: "Farm goods",
    scope_energy: "Energy",
    scope_services: "Services",
    method_heading: "How we calculated this",
    method_intro: "Annex 6.1 of the agreement, signed on {signed} and in force from \
                   {in_force}, set the extra purchases over 2017 levels: {mfg20} and {mfg21} \
                   of manufactured goods, {ag20} and {ag21} of agriculture, {en20} and \
                   {en21} of energy, and {sv20} and {sv21} of services in 2020 and 2021. A \
                   year's target is the 2017 baseline plus that year's increment.",
    method_bases: "Article 6.2.6 says both official US and official Chinese trade data \
                   count, so there are two sets of figures. US exports (Census Bureau) leave \
                   out civil aircraft and follow the original tracker of the Peterson \
                   Institute for International Economics (PIIE): a 2017 baseline of \
                   {usbase}, so targets of {us20} for 2020 and {us21} for 2021. Chinese \
                   imports (China customs) are valued with shipping and insurance. PIIE's \
                   2020 target on that basis is {cn20} (as revised in October 2020); the \
                   2021 target, {cn21}, is our own: the 2017 baseline that PIIE's 2020 \
                   target implies, plus the 2021 increments.",
    method_path_seasonal: "The target path on the chart spreads each year's target across \
                           the months in the pattern of 2017 purchases, as PIIE does, \
                           because farm purchases are seasonal. PIIE cautions that \
                           prorating is illustrative: the deal only sets year-end targets.",
    method_prorating: "Projections use actual figures through the month you choose, then \
                       your rates for every month after it.",
    method_services: "Services, {sv20} in 2020 and {sv21} in 2021, are part of the {total} \
                      but are not reported monthly, so the simulator covers goods only.",
    method_aircraft: "Civil aircraft are excluded from the US-export figures, as in PIIE's \
                      original method; PIIE later counted them, which raised its US-export \
                      baseline and targets.",
    method_derived: "Some figures are derived rather than read in a source: US monthly \
                     figures from March to November 2021 are differences between successive \
                     year-to-date releases, taken at full precision, and the 2021 target on \
                     the Chinese-import basis is computed from PIIE's 2020 target. They are \
                     marked as derived in the data table and the data file. The 2020 US \
                     months are the Census Bureau's releases as Michael Waugh compiled them \
                     by February 2021, December as revised then; they add up to {us2020}. The \
                     Census Bureau's annual revision of June 2021 put 2020 at {us2020rev}, \
                     which this widget notes but does not use, because it gives no months.",
    method_missing: "December 2021 on the US-export basis, and most single months on the \
                     Chinese-import basis, have not been found in a published source; they \
                     are shown as missing, never filled in.",
    method_sources: "Sources",
    method_download: "Download the purchase data (CSV)",
    method_download_timeline: "Download the timeline (CSV)",
    source_label: "{outlet}, {date}",
    source_full: "{outlet}: {title}, {date}",
    copy_label: "A copy of the original: {reason}",
    copy_only: "{n} figures rest only on copies of their sources ({sources}); the reason for \
                each copy is in the list below and the data file.",
    derived_label: "derived",

    timeline_heading: "TikTok and WeChat: the app bans, step by step",
    timeline_intro: "What US and Chinese governments, courts and companies did while the \
                     deal ran, and after.",
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
    events_key: "Key moments",
    show_all: "Show all {n} events",
    show_key: "Show only the {n} key moments",
    skip_timeline: "Skip the timeline",
    back_to_chart: "Back to the chart",
    all_events_page: "Every event, listed on a page of its own",
    events_loading: "Loading every event…",
    notice_events: "The rest of the timeline could not be loaded ({reason}), so it lists the \
                    key moments. Try “Show all” again.",
    events_page_note: "Every event in the timeline, listed for reading without JavaScript.",
    events_page_back: "The interactive version, with the purchase simulator",
    marker_group: "{n} TikTok and WeChat events, {first} to {last}",
    link_copied: "Link copied",
    unverified: "Unverified",
    sources_label: "Source:",
    report_label: "Report:",
    instrument_label: "Document:",
    list_label: "Timeline events",
    all_actors: "All",
    app_tiktok: "TikTok",
    app_wechat: "WeChat",
    actor_white_house: "White House",
    actor_commerce: "Commerce Department",
    actor_treasury_cfius: "Treasury investment review",
    actor_congress: "Congress",
    actor_court: "Courts",
    actor_company: "Company",
    actor_china_government: "Chinese government",

    picture_sources: "Sources: {outlets}",
    picture_outcome: "{figure} {what}.",
    picture_verdict: "{verdict}, {tag}",
    picture_rate: "{category} {rate}",
    picture_preset: "{preset}: {note}",
    picture_rates: "The pace set from {month}: {rates}",
    picture_link: "See it, and set your own pace: {url}",
    picture_moment: "{date}: {title} ({source})",
    picture_moments_alt: "Key moments: {moments}.",
    picture_verdicts_alt: "{verdicts}.",
    download_image: "Download image",
    download_failed: "The image could not be made in this browser.",
    print_link: "Set your own pace, and see every event of the timeline, in the interactive \
                 version: {url}",

    share_heading: "Share",
    copy_link: "Copy link",
    embed_this: "Embed this",
    embed_iframe: "Iframe (auto-resizing; works with pym.js and AMP)",
    embed_script: "Script tag (renders in the page, in a Shadow DOM)",
    copy_code: "Copy code",
    copied: "Copied",
    copy_failed: "Not copied",
    copy_manual: "This browser did not allow copying. The link is selected below: press \
                  Ctrl+C (⌘C on a Mac) to copy it.",
    copy_manual_code: "This browser did not allow copying. The code is selected: press \
                       Ctrl+C (⌘C on a Mac) to copy it.",
    copy_manual_label: "Link",
    iframe_title: "China's Phase One purchases and the TikTok and WeChat bans",

    notice_failed: "The publisher's data file {file} could not be used, so the widget \
                    shows its built-in data. {count} problem(s):",
    notice_network: "The publisher's data file {file} could not be loaded ({reason}), so \
                     the widget shows its built-in data.",
    notice_refused: "This link asks for a data file from another site ({origin}, {file}). \
                     The widget reads data files only from this site, so it shows its \
                     built-in data.",
    notice_unknown_event: "This link points to an event the timeline doesn't have \
                           (“{id}”), so the timeline opens at its start. The link may be \
                           mistyped or out of date.",
    notice_refused_attr: "The data file {file} is not a web address this page can read, so \
                          the widget shows its built-in data.",
    file_purchases: "Purchase figures from the publisher's file {file}, in place of the \
                     widget's built-in data.",
    file_timeline: "Events from the publisher's file {file}, in place of the widget's \
                    built-in timeline.",
    file_loading: "Loading the publisher's file {file}…",
    load_failed: "The interactive widget could not start in this browser.",
    load_failed_scenario: "The view this link asks for ({params}) could not be shown.",
    load_failed_link: "Open it on its own page",
    no_script: "The sliders, filters and sharing need JavaScript, which is off or blocked \
                here. The figures show the pace so far, the timeline below lists the key \
                moments and links to every event, and a shared link's own view can't be \
                shown.",
    notice_more: "…and {n} more.",
    built_in_failed: "The widget's own data could not be read, so there is nothing to show. \
                      {count} problem(s):",
    fetch_network: "network error or blocked by the server's CORS settings",
    fetch_status: "HTTP {status}",
    fetch_not_text: "the response was not text",
    fetch_timeout: "no whole answer within {seconds} seconds",
    notice_redirected: "The data file {file} redirects to another site ({origin}), which this \
                        page doesn't read data from, so the widget shows its built-in data.",
    credit: "Data: US Census Bureau figures compiled by Michael Waugh; the Peterson Institute \
             for International Economics (PIIE); Bloomberg; the agreement's Annex 6.1.",

    problem_at_line: "{file}, line {line}",
    problem_field: ", field “{field}”",
    problem_colon: ": ",
    p_no_header: "the file is empty: no header row",
    p_ragged_row: "the row has {found} fields but the header has {expected}; check for a \
                   stray comma or an unclosed quote",
    p_column_twice: "the column {value} appears twice in the header",
    p_too_many_columns: "the header has {found} columns; a data file has at most {max}",
    p_too_many_problems: "checking stopped here, after 200 problems; fix these and check \
                          again",
    p_too_many_rows: "the file has {found} rows; this kind of file has at most {max}",
    p_file_too_large: "the file is {size} MB; the widget reads files of at most {max} MB",
    p_file_over_cap: "the file is larger than {max} MB, the most the widget reads; it \
        stopped reading there",
    p_no_column: "the header has no such column",
    p_source_no_id: "a source needs an id that rows can cite",
    p_source_id_twice: "the source id {value} is defined twice",
    p_not_https: "a source link must start with https://, found {value}",
    p_source_no_citation: "a source needs a citation in the note column",
    p_no_formula: "a derived figure must give its formula",
    p_bad_status: "status must be “seen” or “derived”, found {value}",
    p_bad_date: "expected a date as YYYY-MM-DD, found {value}",
    p_no_id: "a row of type {record} needs an id",
    p_id_twice: "the {record} {value} is listed twice",
    p_bad_unit: "unit must be one of {allowed}, found {value}",
    p_bad_number: "expected a plain number such as 4.25 (no currency signs, commas or \
                   units), found {value}",
    p_out_of_range: "{value} is out of range: expected 0 to {max}",
    p_bad_category: "category must be one of {allowed}, found {value}",
    p_bad_basis: "basis must be “us” (US exports) or “cn” (Chinese imports), found {value}",
    p_bad_commitment_period: "a commitment's period is 2020, 2021 or 2020-2021, found \
                              {value}",
    p_bad_baseline_year: "the baseline year is 2017, found {value}",
    p_bad_target_year: "a target's year is 2020 or 2021, found {value}",
    p_bad_month: "expected a month as YYYY-MM, found {value}",
    p_month_outside: "{value} is outside the months this file covers (2017 for the \
                      baseline pattern, {start} to {end} for purchases)",
    p_given_twice: "the figure “{what}” is given twice (also on line {other})",
    p_no_record: "the record column is empty; say what the row is ({allowed})",
    p_unknown_record: "unknown record type {value}; expected one of {allowed}",
    p_no_source_cited: "every figure must cite a source id",
    p_undefined_source: "cites {value}, but no source row has that id",
    p_missing_commitment: "missing the {key} commitment (a commitment row)",
    p_no_figures: "no purchase figures for 2020 or 2021 on either basis (monthly or ytd \
                   rows)",
    p_missing_target: "missing the {key} target (a target row)",
    p_missing_baseline: "missing the {key} 2017 baseline (a baseline row)",
    p_partial_month: "{key} has monthly figures for some categories but none for \
                      {category}; give all three or none",
    p_partial_pattern: "the 2017 {key} pattern has {n} of 12 months; give all twelve or \
                        none",
    p_sum_mismatch: "{key}: the categories add up to {parts} but the total is {total}",
    p_two_year_sum: "the two-year commitment: the 2020 and 2021 totals add up to {parts} \
                     but the total is {total}",
    p_target_mismatch: "the {key} target should be the 2017 baseline {base} plus the {year} \
                        increment {inc} = {sum}, but it is {total}",
    p_bad_slug: "an id uses only lower-case letters, digits and hyphens (it appears in \
                 links), found {value}",
    p_slug_twice: "the id {value} is already used on line {other}",
    p_bad_precision: "precision must be “day” or “month”, found {value}",
    p_bad_event_date: "expected a real date as {form} between {from} and {to}, found \
                       {value}",
    p_bad_title: "a title is needed, at most {max} characters",
    p_bad_annotation: "an annotation is needed, at most {max} characters",
    p_bad_apps: "apps must be tiktok, wechat or both, found {value}",
    p_bad_actor: "unknown actor {value}; expected one of {allowed}",
    p_no_event_source: "every event needs at least one source link",
    p_bad_verified: "verified must be yes or no, found {value}",
    p_bad_key: "key must be yes, no or empty, found {value}",
    p_no_events: "the file has no events",
    p_no_outlet: "a source needs an outlet: who published it (\u{201c}Federal Register\u{201d}, \
                  \u{201c}Reuters\u{201d})",
    p_no_source_title: "a source needs a title: the document's title, or what the report is",
    p_bad_source_date: "a source needs its date as YYYY-MM-DD, or YYYY-MM when only the month \
                        is known, found {value}",
    p_bad_tier: "tier must be one of {allowed}, found {value}",
    p_tracking_param: "the link carries a tracking parameter, {value}; remove it",
    p_copy_host: "{value} is on the list of mirrors and re-post sites (copy-hosts.txt): cite \
                  the original, or say why this copy in the {column} column",
    p_unknown_key: "unknown key {value}: the widget has no text by that name",
    p_no_text: "no text for {key}, so readers see the English in its place",
    p_placeholders: "the text must use the placeholders {expected}, as the English does; \
                     found {found}",
    p_unknown_event: "no event in the timeline has the id {value}",
    p_no_translation: "no translation for the event {value} ({source}, line {line})",
    p_bad_label: "a chart label has at most {max} characters, so that it fits beside its \
                  marker on a phone",
    p_label_outside_chart: "only events in 2020–21, the chart's months, can have a chart \
                            label",
    p_no_label: "the event {value} has a chart label in {source} (line {line}); give it \
                 here too, at most {max} characters",
    p_text_unused: "{source} gives this event no {column}, so this one would never be shown",
    p_bad_source_kind: "kind must be one of {allowed}, found {value}",
    p_unknown_source_key: "the built-in data files have no {kind} written {value}",
    p_utf16: "the file is saved as UTF-16 (“Unicode text”), not UTF-8: save it as CSV \
              (UTF-8) and try again",
    p_not_utf8: "the file is not UTF-8 text; it looks saved in an older encoding such as \
                 Windows-1252, which turns accented letters into others: save it as CSV \
                 (UTF-8) and try again",
    p_no_cutoff: "the {key} figures have no month, from January 2020 on, whose year-to-date \
                  totals are all known, so nothing can be shown on that basis: give whole \
                  months (every category), or year-to-date rows",
    p_bidi_control: "the text holds an invisible direction control ({value}), which can \
                     make it, or what follows it, read backwards; remove it",
    p_no_source_text: "no text for the {kind} {value} ({source}), so readers see it as the \
                       data file writes it",
};
