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

const HEADER: &str = "id,date,precision,title,annotation,apps,actor,instrument,sources,verified\n";

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
    // Month-precision events.
    assert_eq!(
        t.events
            .iter()
            .filter(|e| e.precision == Precision::Month)
            .count(),
        2
    );
    for e in &t.events {
        assert!(e.sources.iter().all(|s| s.starts_with("https://")));
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
        "{HEADER}x-1,2020-08-06,day,\"<script>alert(1)</script>\",\"<img src=x onerror=alert(1)>\",tiktok,court,,https://example.com/a,yes\n"
    );
    let t = timeline::parse("t.csv", &text).unwrap();
    assert_eq!(t.events[0].annotation, "<img src=x onerror=alert(1)>");
    assert_eq!(t.events[0].title, "<script>alert(1)</script>");
}

#[test]
fn every_problem_is_reported_with_its_location() {
    let text = format!(
        "{HEADER}\
         ok-1,2020-08-06,day,T,A,tiktok,court,,https://example.com/a,yes\n\
         ok-1,2020-08-07,day,T,A,tiktok,court,,https://example.com/a,yes\n\
         Bad Id,2020-02-30,day,T,A,myspace,pentagon,,javascript:alert(1),maybe\n\
         x-3,2020-08,day,,A,tiktok,court,,,yes\n"
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
    has(4, "sources"); // not https
    has(4, "verified");
    has(5, "date"); // month-only date with day precision
    has(5, "title");
    has(5, "sources"); // none
    assert_eq!(problems.len(), 10, "{problems:#?}");
}

#[test]
fn hosts_for_link_text() {
    assert_eq!(
        timeline::host("https://www.reuters.com/article/x"),
        "reuters.com"
    );
    assert_eq!(
        timeline::host("https://law.justia.com/cases"),
        "law.justia.com"
    );
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
        &format!("{HEADER}x-1,2020-08-06,day,T,A,tiktok,court,,https://example.com/a,yes\n"),
    )
    .unwrap();
    assert_eq!(timeline::filtered(&plain, &Filters::default()).len(), 1);
}
