//! Timeline data: parsing, validation and filtering.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::timeline::{self, Actor, App, Events, Filters, PeriodFilter, Precision};
use phase_one::core::vocab::Set;

fn built_in() -> timeline::Timeline {
    timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

const HEADER: &str = "id,date,precision,title,annotation,apps,actor,instrument,verified,\
                      source_url,source_outlet,source_title,source_date,source_tier\n";
/// A well-formed source, for rows whose source is not what a test is about.
const SRC: &str = "https://example.com/a,Example News,A report,2020-08-06,outlet";

#[test]
fn the_widget_embeds_exactly_the_key_moments_and_knows_how_many_events_there_are() {
    // build.rs copies the key moments' rows under the header; the widget fetches the rest.
    let all = built_in();
    let key = timeline::parse(timeline::FILE_NAME, timeline::KEY_MOMENTS)
        .expect("the key moments parse")
        .key_moments();
    let strip = |e: &timeline::TimelineEvent| timeline::TimelineEvent {
        line: 0,
        ..e.clone()
    };
    let want: Vec<_> = all.events.iter().filter(|e| e.key).map(strip).collect();
    let got: Vec<_> = key.events.iter().map(strip).collect();
    assert_eq!(got, want);
    assert_eq!(timeline::BUILT_IN_EVENTS, all.events.len());
    assert_eq!(key.total(), all.total());
    assert_eq!(key.omitted, all.events.len() - want.len());
    assert!(!want.is_empty() && key.omitted > 0);
    assert_eq!(all.omitted, 0);
}

#[test]
fn built_in_timeline_validates_and_is_sorted() {
    let t = built_in();
    assert_eq!(t.events.len(), 74);
    assert!(t.events.windows(2).all(|w| w[0].date <= w[1].date));
    let eo = t
        .events
        .iter()
        .find(|e| e.instrument.contains("Executive Order 13942"))
        .unwrap();
    assert_eq!(eo.date, (2020, 8, 6));
    assert!(eo.instrument.contains("85 FR 48637"));
    assert_eq!(eo.apps, Set::only(App::TikTok));
    assert_eq!(eo.actor, Actor::WhiteHouse);
    // The one unverified event is flagged, not hidden.
    let unverified: Vec<_> = t.events.iter().filter(|e| !e.verified).collect();
    assert_eq!(unverified.len(), 1);
    assert!(unverified[0].annotation.contains("Unverified"));
    // Month-precision events: only the Army and Navy bans (the WSJ report of March 2023
    // is dated to the day, 15 Mar).
    assert_eq!(
        t.events
            .iter()
            .filter(|e| e.precision == Precision::Month)
            .count(),
        1
    );
    let wsj = t
        .find("2023-03-biden-administration-reportedly-demands")
        .unwrap();
    assert_eq!(wsj.date, (2023, 3, 15));
    // Every executive order cites the Federal Register or govinfo, first.
    for e in t
        .events
        .iter()
        .filter(|e| e.instrument.starts_with("Executive Order"))
    {
        let host = phase_one::core::sources::host(&e.sources[0].url);
        assert!(
            host == "federalregister.gov" || host == "govinfo.gov",
            "{}: {host}",
            e.id
        );
    }
    // At most twelve citations rest on a copy, each with its reason.
    let copies: Vec<_> = t
        .events
        .iter()
        .flat_map(|e| e.sources.iter())
        .filter(|c| c.is_copy())
        .collect();
    assert!(copies.len() <= 12, "{} copies", copies.len());
    assert!(copies.iter().all(|c| c.copy_reason.is_some()));
    for e in &t.events {
        assert!(e.sources.iter().all(|s| s.url.starts_with("https://")));
        assert!(!e.sources.is_empty() && e.sources.len() <= 2);
        assert!(e.annotation.split(". ").count() <= 3, "{}: too long", e.id);
    }
}

#[test]
fn filters_and_counts() {
    let t = built_in();
    let all = Filters {
        events: Events::All,
        ..Filters::default()
    };
    assert_eq!(timeline::filtered(&t, &all).len(), 74);
    assert_eq!(all.count_app(&t, App::TikTok), 58 + 9);
    assert_eq!(all.count_app(&t, App::WeChat), 7 + 9);
    assert_eq!(all.count_actor(&t, Actor::Court), 15);
    let deal = Filters {
        period: PeriodFilter::Deal,
        ..all
    };
    let shown = timeline::filtered(&t, &deal);
    assert!(shown.iter().all(|e| e.date.0 == 2020 || e.date.0 == 2021));
    assert_eq!(all.count_period(&t, PeriodFilter::Deal), shown.len());
    let wechat_only = Filters {
        apps: Set::only(App::WeChat),
        ..all
    };
    let shown = timeline::filtered(&t, &wechat_only);
    assert_eq!(shown.len(), 16);
    assert!(shown.iter().all(|e| e.apps.contains(App::WeChat)));
    let courts = Filters {
        actors: Set::only(Actor::Court),
        ..wechat_only
    };
    assert!(
        timeline::filtered(&t, &courts)
            .iter()
            .all(|e| e.actor == Actor::Court && e.apps.contains(App::WeChat))
    );
    // Nothing selected shows nothing (and says so in the UI).
    let none = Filters {
        apps: Set::none(),
        ..all
    };
    assert!(timeline::filtered(&t, &none).is_empty());
}

#[test]
fn hostile_text_is_kept_as_text() {
    let text = format!(
        "{HEADER}x-1,2020-08-06,day,\"<script>alert(1)</script>\",\
         \"<img src=x onerror=alert(1)>\",tiktok,court,,yes,{SRC}\n"
    );
    let t = timeline::parse("t.csv", &text).unwrap();
    assert_eq!(t.events[0].annotation, "<img src=x onerror=alert(1)>");
    assert_eq!(t.events[0].title, "<script>alert(1)</script>");
}

#[test]
fn every_problem_is_reported_with_its_location() {
    let text = format!(
        "{HEADER}\
         ok-1,2020-08-06,day,T,A,tiktok,court,,yes,{SRC}\n\
         ok-1,2020-08-07,day,T,A,tiktok,court,,yes,{SRC}\n\
         Bad Id,2020-02-30,day,T,A,myspace,pentagon,,maybe,javascript:alert(1),X,T,2020-08-06,outlet\n\
         x-3,2020-08,day,,A,tiktok,court,,yes,,,,,\n\
         x-4,2020-08-09,day,T,A,tiktok,court,,yes,https://en.wikipedia.org/wiki/TikTok?utm_source=x,,T,someday,tabloid\n"
    );
    let problems = timeline::parse("t.csv", &text).unwrap_err();
    let has = |line: usize, field: &str| {
        assert!(
            problems
                .iter()
                .any(|p| p.line == line && p.field.as_deref() == Some(field)),
            "no problem at line {line} field {field}: {problems:#?}"
        )
    };
    has(3, "id"); // duplicate
    has(4, "id"); // not a slug
    has(4, "date"); // 30 Feb
    has(4, "apps");
    has(4, "actor");
    has(4, "source_url"); // not https
    has(4, "verified");
    has(5, "date"); // month-only date with day precision
    has(5, "title");
    has(5, "source_url"); // none
    // The source policy: a tracking parameter and a mirror without a reason (both in the
    // link), no outlet, no date, no known tier.
    has(6, "source_url");
    has(6, "source_outlet");
    has(6, "source_date");
    has(6, "source_tier");
    let on_url: Vec<_> = problems
        .iter()
        .filter(|p| p.line == 6 && p.field.as_deref() == Some("source_url"))
        .map(|p| p.to_string())
        .collect();
    assert!(
        on_url.iter().any(|p| p.contains("utm_source")),
        "{on_url:?}"
    );
    assert!(
        on_url.iter().any(|p| p.contains("wikipedia.org")),
        "{on_url:?}"
    );
    assert_eq!(problems.len(), 15, "{problems:#?}");
}

#[test]
fn the_timeline_opens_on_the_key_moments() {
    let t = built_in();
    let key = timeline::filtered(&t, &Filters::default());
    assert_eq!(key.len(), 12, "the editors' twelve");
    assert!(key.iter().all(|e| e.key));
    for id in [
        "2020-08-beijing-plans-raise-tiktok",
        "2020-08-delayed-phase-one-review",
        "2021-06-bidens-eo-14034-revokes",
        "2026-01-tiktok-usds-joint-venture",
    ] {
        assert!(key.iter().any(|e| e.id == id), "{id} is a key moment");
    }
    // The app, actor and period filters belong to the full list.
    let key_wechat = Filters {
        apps: Set::only(App::WeChat),
        ..Filters::default()
    };
    assert_eq!(timeline::filtered(&t, &key_wechat).len(), 12);
    // A file without key moments lists everything.
    let plain = timeline::parse(
        "t.csv",
        &format!("{HEADER}x-1,2020-08-06,day,T,A,tiktok,court,,yes,{SRC}\n"),
    )
    .unwrap();
    assert_eq!(timeline::filtered(&plain, &Filters::default()).len(), 1);
}
