//! Reader-facing number and date formatting, behind a trait: in the browser the shell
//! implements it with `Intl.NumberFormat` / `Intl.DateTimeFormat`; natively (prerender,
//! tests) [`Plain`] and [`PlainZh`] reproduce the same en-GB and zh-CN output, so
//! prerendered text matches.

use super::month::{Month, Precision};

pub trait Format {
    /// A number with exactly `places` decimals and grouping: "1,234.5".
    fn number(&self, v: f64, places: u32) -> String;
    /// A monthly rate as the reader set it, with `places.0` to `places.1` decimals: with
    /// (1, 2), 3.92 → "3.92", 3.9 → "3.9", 4 → "4.0". The slider's label and its spoken
    /// value show this.
    fn rate(&self, v: f64, places: (u32, u32)) -> String;
    /// A share as a whole percentage: 0.234 → "23%".
    fn percent(&self, share: f64) -> String;
    /// A month in the given style.
    fn month(&self, m: Month, style: MonthStyle) -> String;
    /// A timeline date: "6 Aug 2020", or "Dec 2019" at month precision.
    fn date(&self, date: (i32, u32, u32), precision: Precision) -> String;
    /// A day without its year, where the year is plain from the context (the chart's
    /// labels): "6 Aug", "8月6日".
    fn day_month(&self, date: (i32, u32, u32)) -> String;
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MonthStyle {
    /// "June 2020"
    Long,
    /// "Jun 2020"
    Short,
    /// "July"
    Name,
    /// "Jul"
    Abbrev,
}

const LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// en-GB abbreviations as current ICU (Chromium) prints them: note "Sept".
const SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// en-GB formatting without a browser.
#[derive(Copy, Clone, Debug, Default)]
pub struct Plain;

impl Format for Plain {
    fn number(&self, v: f64, places: u32) -> String {
        super::decimal::fixed(v, places)
    }

    fn rate(&self, v: f64, (min, max): (u32, u32)) -> String {
        let mut text = super::decimal::fixed(v, max);
        for _ in min..max {
            match text.strip_suffix('0') {
                Some(short) => text.truncate(short.len()),
                None => break,
            }
        }
        if let Some(short) = text.strip_suffix('.') {
            text.truncate(short.len());
        }
        text
    }

    fn percent(&self, share: f64) -> String {
        format!("{}%", super::decimal::fixed(share * 100.0, 0))
    }

    fn month(&self, m: Month, style: MonthStyle) -> String {
        let i = (m.month() - 1) as usize;
        match style {
            MonthStyle::Long => format!("{} {}", LONG[i], m.year()),
            MonthStyle::Short => format!("{} {}", SHORT[i], m.year()),
            MonthStyle::Name => LONG[i].to_string(),
            MonthStyle::Abbrev => SHORT[i].to_string(),
        }
    }

    fn date(&self, (y, m, d): (i32, u32, u32), precision: Precision) -> String {
        let i = (m.clamp(1, 12) - 1) as usize;
        match precision {
            Precision::Day => format!("{d} {} {y}", SHORT[i]),
            Precision::Month => format!("{} {y}", SHORT[i]),
        }
    }

    fn day_month(&self, (_, m, d): (i32, u32, u32)) -> String {
        format!("{d} {}", SHORT[(m.clamp(1, 12) - 1) as usize])
    }
}

/// zh-CN formatting without a browser: what `Intl` writes for zh-CN ("2020年8月6日",
/// "八月", "1,427", "63%").
#[derive(Copy, Clone, Debug, Default)]
pub struct PlainZh;

const ZH_MONTHS: [&str; 12] = [
    "一月",
    "二月",
    "三月",
    "四月",
    "五月",
    "六月",
    "七月",
    "八月",
    "九月",
    "十月",
    "十一月",
    "十二月",
];

impl Format for PlainZh {
    /// Grouped from five digits only, as Chinese business papers write figures (2000亿,
    /// 1427亿, 12,345亿) and as `Intl` does with `useGrouping: "min2"`.
    fn number(&self, v: f64, places: u32) -> String {
        min2(Plain.number(v, places))
    }

    fn rate(&self, v: f64, places: (u32, u32)) -> String {
        min2(Plain.rate(v, places))
    }

    fn percent(&self, share: f64) -> String {
        Plain.percent(share)
    }

    /// Glued (see [`glue`]), as the browser's `Fmt` glues `Intl`'s zh-CN dates.
    fn month(&self, m: Month, style: MonthStyle) -> String {
        glue(&match style {
            MonthStyle::Long | MonthStyle::Short => format!("{}年{}月", m.year(), m.month()),
            MonthStyle::Name => ZH_MONTHS[(m.month().clamp(1, 12) - 1) as usize].to_string(),
            MonthStyle::Abbrev => format!("{}月", m.month()),
        })
    }

    fn date(&self, (y, m, d): (i32, u32, u32), precision: Precision) -> String {
        glue(&match precision {
            Precision::Day => format!("{y}年{m}月{d}日"),
            Precision::Month => format!("{y}年{m}月"),
        })
    }

    fn day_month(&self, (_, m, d): (i32, u32, u32)) -> String {
        glue(&format!("{m}月{d}日"))
    }
}

/// A grouped number with its one separator dropped when the whole part has four digits
/// ("2,000" → "2000"; "12,345" keeps it): `Intl`'s `useGrouping: "min2"`.
fn min2(text: String) -> String {
    let whole = text
        .trim_start_matches('-')
        .split('.')
        .next()
        .unwrap_or_default();
    if whole.len() == 5 && whole.as_bytes().get(1) == Some(&b',') {
        text.replacen(',', "", 1)
    } else {
        text
    }
}

/// Joins every character that a line could break after or before in CJK text (a CJK
/// character and its neighbours) with U+2060 WORD JOINER, which is invisible and silent:
/// "2020年8月" then never breaks inside. Used on figures and dates, not on sentences.
pub fn glue(text: &str) -> String {
    const JOIN: char = '\u{2060}';
    let cjk = |c: char| c >= '\u{2E80}' && c != JOIN;
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev
            && (cjk(p) || cjk(c))
            && ![p, c].iter().any(|x| x.is_whitespace() || *x == JOIN)
        {
            out.push(JOIN);
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_joins_figures_to_cjk_units_only() {
        assert_eq!(glue("1,427亿美元"), "1,427\u{2060}亿\u{2060}美\u{2060}元");
        assert_eq!(glue("2020年8月"), "2020\u{2060}年\u{2060}8\u{2060}月");
        assert_eq!(glue("$32.9bn"), "$32.9bn");
        assert_eq!(glue(glue("8月").as_str()), glue("8月"));
    }
}
