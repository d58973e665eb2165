//! Reader-facing sentences built from model results, strings and a formatter. Pure, so
//! the exact wording is tested natively.

use super::data::Dataset;
use super::format::{Format, MonthStyle};
use super::model::{Evaluation, Span, YearResult};
use super::strings::{Strings, fill};

pub fn money(s: &Strings, f: &dyn Format, v: f64) -> String {
    fill(s.money, &[("n", &f.number(v, 1))])
}

pub fn money_rate(s: &Strings, f: &dyn Format, v: f64) -> String {
    fill(s.money_rate, &[("n", &f.number(v, 1))])
}

pub fn rate_valuetext(s: &Strings, f: &dyn Format, v: f64) -> String {
    fill(s.rate_valuetext, &[("n", &f.number(v, 1))])
}

pub fn span_label(s: &Strings, span: Span) -> String {
    match span {
        Span::Year(y) => y.to_string(),
        Span::BothYears => s.year_both.to_string(),
    }
}

/// "2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)"
pub fn verdict(s: &Strings, f: &dyn Format, r: &YearResult) -> String {
    let year = span_label(s, r.span);
    let actual = money(s, f, r.projected);
    let target = money(s, f, r.target);
    let share = f.percent(r.share);
    let args = |gap: &str| {
        [
            ("year", year.clone()),
            ("actual", actual.clone()),
            ("target", target.clone()),
            ("share", share.clone()),
            ("gap", gap.to_string()),
        ]
    };
    let template = if r.met {
        s.verdict_met
    } else if r.shortfall < 0.05 {
        s.verdict_missed_narrowly
    } else {
        s.verdict_missed
    };
    let gap = money(s, f, r.shortfall.max(0.0));
    fill_owned(template, &args(&gap))
}

/// The needed-pace sentence for one span, or `None` when the span is over.
pub fn needed(s: &Strings, f: &dyn Format, e: &Evaluation, r: &YearResult) -> Option<String> {
    let needed = r.needed?;
    let year = span_label(s, r.span);
    if needed <= 0.0 {
        return Some(fill(s.already_met, &[("year", &year)]));
    }
    // Purchases count from the month after the cut-off, or from January of a later year.
    let from = match r.span {
        Span::Year(y) => e.scenario.asof.next().max(super::month::Month::january(y)),
        Span::BothYears => e.scenario.asof.next(),
    };
    let head = fill(
        s.needed,
        &[
            ("year", &year),
            ("pace", &money_rate(s, f, needed)),
            ("month", &f.month(from, MonthStyle::Long)),
        ],
    );
    let tail = match e.best_month {
        Some((m, best)) if best > 0.0 => fill(
            s.needed_vs_best,
            &[
                ("ratio", &f.number(needed / best, 1)),
                ("best", &money(s, f, best)),
                ("bestmonth", &f.month(m, MonthStyle::Short)),
            ],
        ),
        _ => s.needed_no_best.to_string(),
    };
    Some(head + &tail)
}

/// The cut-off year's progress, as template arguments: month, actual, share, year.
fn progress_args(s: &Strings, f: &dyn Format, e: &Evaluation) -> Vec<(&'static str, String)> {
    let asof = e.scenario.asof;
    let y = &e.years[if asof.year() == 2020 { 0 } else { 1 }];
    vec![
        ("month", f.month(asof, MonthStyle::Long)),
        ("actual", money(s, f, y.actual)),
        (
            "share",
            f.percent(y.actual / y.target.max(f64::MIN_POSITIVE)),
        ),
        ("year", asof.year().to_string()),
        ("target", money(s, f, y.target)),
        ("rate", money(s, f, e.total_rate)),
        ("projected", money(s, f, y.projected)),
        ("pshare", f.percent(y.share)),
    ]
}

fn fill_owned(template: &str, args: &[(&'static str, String)]) -> String {
    let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &refs)
}

/// "By the end of June 2020 China had bought $32.9bn …, 23% of the 2020 target."
pub fn so_far(s: &Strings, f: &dyn Format, e: &Evaluation) -> String {
    fill_owned(s.so_far, &progress_args(s, f, e))
}

/// The chart's one-sentence text alternative.
pub fn chart_summary(s: &Strings, f: &dyn Format, e: &Evaluation) -> String {
    fill_owned(s.chart_summary, &progress_args(s, f, e))
}

/// The headline commitment, "$200 billion", from the data.
pub fn headline_total(s: &Strings, f: &dyn Format, ds: &Dataset) -> String {
    use super::data::{Category, Period};
    let total = ds
        .commitments
        .get(&(Period::TwoYears, Category::Total))
        .map_or(0.0, |c| c.value);
    fill(s.money_words, &[("n", &f.number(total, 0))])
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
pub fn embed_snippets(asset_base: &str, query: &str, title: &str) -> (String, String) {
    let src = format!("{asset_base}index.html?{query}");
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"1600\" scrolling=\"no\" frameborder=\"0\" data-phase-one-frame></iframe>\n<script type=\"module\" src=\"{}resize.js\"></script>",
        escape_html(&src),
        escape_html(title),
        escape_html(asset_base)
    );
    let attrs: String = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "v")
        .map(|(k, v)| format!(" data-{}=\"{}\"", escape_html(&k), escape_html(&v)))
        .collect();
    let script = format!(
        "<div data-phase-one-widget{attrs}></div>\n<script type=\"module\" src=\"{}embed.js\"></script>",
        escape_html(asset_base)
    );
    (iframe, script)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::{self, Basis};
    use crate::core::format::Plain;
    use crate::core::model;
    use crate::core::strings::EN;

    fn eval(asof: &str, basis: Basis) -> Evaluation {
        let ds = data::parse(data::FILE_NAME, data::BUILT_IN).unwrap();
        let mut sc = model::with_basis(&ds, &model::default_scenario(&ds), basis);
        sc.asof = crate::core::month::Month::parse(asof).unwrap();
        let sc = model::apply_preset(&ds, &sc, model::Preset::PaceSoFar);
        model::evaluate(&ds, &sc).unwrap()
    }

    #[test]
    fn default_sentences() {
        let e = eval("2020-06", Basis::Us);
        assert_eq!(
            verdict(&EN, &Plain, &e.years[0]),
            "2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)"
        );
        assert_eq!(
            needed(&EN, &Plain, &e, &e.years[0]).unwrap(),
            "To meet the 2020 target, China would need $18.3bn a month from July 2020, 2.8× its best month so far ($6.4bn, May 2020)."
        );
        assert_eq!(
            so_far(&EN, &Plain, &e),
            "By the end of June 2020 China had bought $32.9bn of goods covered by the deal, 23% of the 2020 target."
        );
    }

    #[test]
    fn snippets_escape_and_carry_the_configuration() {
        let (iframe, script) = embed_snippets(
            "https://cdn.example/phase-one/",
            "v=1&basis=cn&asof=2020-06&total=9.5",
            "Title \"quoted\" <b>",
        );
        assert!(iframe.contains("src=\"https://cdn.example/phase-one/index.html?v=1&amp;basis=cn&amp;asof=2020-06&amp;total=9.5\""));
        assert!(iframe.contains("title=\"Title &quot;quoted&quot; &lt;b&gt;\""));
        assert!(iframe.contains("resize.js"));
        assert!(script.contains("data-basis=\"cn\" data-asof=\"2020-06\" data-total=\"9.5\""));
        assert!(script.ends_with("src=\"https://cdn.example/phase-one/embed.js\"></script>"));
    }

    #[test]
    fn cn_and_final_years() {
        let e = eval("2020-06", Basis::Cn);
        assert!(verdict(&EN, &Plain, &e.years[0]).starts_with("2020: $"));
        assert!(
            needed(&EN, &Plain, &e, &e.years[0])
                .unwrap()
                .contains("$22.1bn a month from July 2020")
        );
        let e = eval("2021-11", Basis::Us);
        assert_eq!(needed(&EN, &Plain, &e, &e.years[0]), None);
        assert_eq!(
            verdict(&EN, &Plain, &e.years[0]),
            "2020: $89.3bn of $142.7bn — missed by $53.4bn (63% of target)"
        );
    }
}
