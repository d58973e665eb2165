//! Citations and the source policy both data files follow: every citation names its
//! outlet, date and tier; no link carries a tracking parameter or user-info; and a link
//! to a known mirror or aggregator (`static/data/copy-hosts.txt`) needs a stated reason.

use super::month::{Month, Precision, parse_date};
use super::problem::{Msg, Problem};

crate::codes! {
    /// What kind of publisher a source is.
    pub enum Tier {
        /// A government's own document or statement.
        Official = "official",
        /// A court's own filing or order (or a docket service's copy of it).
        Court = "court",
        /// A company's own statement or filing.
        Company = "company",
        /// The researchers who did the work (PIIE, Michael Waugh).
        Research = "research",
        /// A news outlet's own reporting.
        Outlet = "outlet",
        /// Anything else: a secondary report, a blog, a law firm's summary.
        Other = "other",
    }
}

/// The hosts the policy treats as copies: mirrors, aggregators and re-post sites.
pub const COPY_HOSTS: &str = include_str!("../../static/data/copy-hosts.txt");

/// Query parameters that only track readers.
const TRACKING: [&str; 12] = [
    "utm_", "fbclid", "gclid", "ref", "ref_src", "ocid", "cmpid", "smid", "mc_cid", "mc_eid",
    "icid", "cmp",
];

/// One cited source.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// Always `https:`, with a host and no user-info.
    pub url: String,
    /// Who published it: "Federal Register", "Reuters", "PIIE (Chad Bown)".
    pub outlet: String,
    /// The document's title, or for a news report a short description of it.
    pub title: String,
    /// Its date (year, month, day); month precision when only the month is known.
    pub date: (i32, u32, u32),
    pub precision: Precision,
    pub tier: Tier,
    /// Why a copy is cited, when the host is on the copy list.
    pub copy_reason: Option<String>,
    /// The outlet's name is in the reader's language, translated from the data file's
    /// (otherwise it is shown as written, marked as the file's language).
    pub outlet_translated: bool,
}

impl Citation {
    /// Whether the host is on the policy's copy list.
    pub fn is_copy(&self) -> bool {
        is_copy_host(host(&self.url))
    }
}

/// The host of an `https:` link, lower-cased, without `www.`; "" for anything else.
pub fn host(url: &str) -> &str {
    let Some(rest) = url.strip_prefix("https://") else {
        return "";
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    host.strip_prefix("www.").unwrap_or(host)
}

/// A well-formed `https:` link with a dotted host, no user-info (`user@`), no port and
/// no characters that could break out of an attribute. Anything else is never a link.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    !authority.is_empty()
        && authority.contains('.')
        && !authority.contains(['@', ':', '\\'])
        && authority
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')
        })
}

/// Whether a host (as [`host`] gives it) is on the copy list, or under one that is.
pub fn is_copy_host(host: &str) -> bool {
    // The list, read once: every citation of every file is checked against it.
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let list = LIST.get_or_init(|| {
        COPY_HOSTS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect()
    });
    let host = host.to_ascii_lowercase();
    list.iter().any(|h| {
        host.strip_suffix(h)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
    })
}

/// The tracking parameter a link carries, if any.
pub fn tracking_param(url: &str) -> Option<&str> {
    let query = url.split_once('?')?.1.split('#').next().unwrap_or("");
    query.split('&').find(|pair| {
        let name = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
        TRACKING
            .iter()
            .any(|t| name == *t || (t.ends_with('_') && name.starts_with(t)))
    })
}

/// A source date: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
pub fn parse_source_date(text: &str) -> Option<((i32, u32, u32), Precision)> {
    if let Some(d) = parse_date(text) {
        return Some((d, Precision::Day));
    }
    Month::parse(text).map(|m| ((m.year(), m.month(), 1), Precision::Month))
}

/// The fields of a citation, as read from a row, with the names of their columns.
pub struct Fields<'a> {
    pub url: (&'a str, &'a str),
    pub outlet: (&'a str, &'a str),
    pub title: (&'a str, &'a str),
    pub date: (&'a str, &'a str),
    pub tier: (&'a str, &'a str),
    /// The reason a copy is cited (its column may serve several citations of a row).
    pub copy_reason: (&'a str, &'a str),
}

/// Reads and checks one citation against the policy, reporting every problem with its
/// line and field. `None` when it can't be used.
pub fn citation(
    file: &str,
    line: usize,
    f: Fields<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Citation> {
    let before = problems.len();
    let at = |field: &str, msg: Msg| Problem::new(file, line, Some(field), msg);
    let (url_field, url) = f.url;
    if !is_https_url(url) {
        problems.push(at(url_field, Msg::NotHttps).value(url));
    } else if let Some(param) = tracking_param(url) {
        problems.push(at(url_field, Msg::TrackingParam).value(param));
    }
    let reason = f.copy_reason.1.trim();
    if is_https_url(url) && is_copy_host(host(url)) && reason.is_empty() {
        let p = at(url_field, Msg::CopyHost).value(host(url));
        problems.push(p.arg("column", f.copy_reason.0));
    }
    for (field, text, msg) in [
        (f.outlet.0, f.outlet.1, Msg::NoOutlet),
        (f.title.0, f.title.1, Msg::NoSourceTitle),
    ] {
        if text.trim().is_empty() {
            problems.push(at(field, msg));
        }
    }
    let date = parse_source_date(f.date.1.trim());
    if date.is_none() {
        problems.push(at(f.date.0, Msg::BadSourceDate).value(f.date.1));
    }
    let tier = Tier::from_code(f.tier.1.trim());
    if tier.is_none() {
        let list = Tier::ALL.map(Tier::code).join(", ");
        let p = at(f.tier.0, Msg::BadTier).value(f.tier.1);
        problems.push(p.arg("allowed", list));
    }
    if problems.len() != before {
        return None;
    }
    let (date, precision) = date?;
    Some(Citation {
        url: url.to_string(),
        outlet: f.outlet.1.trim().to_string(),
        title: f.title.1.trim().to_string(),
        date,
        precision,
        tier: tier?,
        copy_reason: (!reason.is_empty()).then(|| reason.to_string()),
        outlet_translated: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_hosts_and_trackers() {
        assert!(is_https_url("https://www.federalregister.gov/d/2020-17699"));
        for bad in [
            "http://example.com/a",
            "https://www.reuters.com:x@127.0.0.1/phish",
            "https://user@example.com/",
            "https://example.com:8443/",
            "https://localhost/",
            "https://exa\\mple.com/",
            "javascript:alert(1)",
            "https://example.com/a b",
            "https://example.com/\"onmouseover=\"",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
        assert_eq!(host("https://www.Reuters.com/x"), "Reuters.com");
        assert_eq!(host("https://reuters.com:x@127.0.0.1/p"), "127.0.0.1");
        assert_eq!(
            tracking_param("https://a.com/x?utm_source=rss&id=1"),
            Some("utm_source=rss")
        );
        assert_eq!(
            tracking_param("https://a.com/x?fbclid=abc"),
            Some("fbclid=abc")
        );
        assert_eq!(tracking_param("https://a.com/x?id=1&reference=2"), None);
        assert!(is_copy_host("en.wikipedia.org") && is_copy_host("wikipedia.org"));
        assert!(is_copy_host("regulations.justia.com"));
        assert!(!is_copy_host("federalregister.gov") && !is_copy_host("law.justia.com"));
        assert!(!is_copy_host("notwikipedia.org") && !is_copy_host("wikipedia.org.example"));
    }

    #[test]
    fn source_dates() {
        assert_eq!(
            parse_source_date("2020-08-11"),
            Some(((2020, 8, 11), Precision::Day))
        );
        assert_eq!(
            parse_source_date("2021-06"),
            Some(((2021, 6, 1), Precision::Month))
        );
        assert_eq!(parse_source_date("June 2021"), None);
    }
}
