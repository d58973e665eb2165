//! Reader-facing number and date formatting, behind a trait: in the browser the shell
//! implements it with `Intl.NumberFormat` / `Intl.DateTimeFormat`; natively (prerender,
//! tests) [`Plain`] reproduces the same en-GB output, so prerendered text matches.

use super::month::{Month, Precision};

pub trait Format {
    /// A number with exactly `places` decimals and grouping: "1,234.5".
    fn number(&self, v: f64, places: u32) -> String;
    /// A monthly rate as the reader set it, to the cent: 3.92 → "3.92", 3.9 → "3.9",
    /// 4 → "4.0". The slider, its number box and its spoken value all show this.
    fn rate(&self, v: f64) -> String;
    /// A share as a whole percentage: 0.234 → "23%".
    fn percent(&self, share: f64) -> String;
    /// A month in the given style.
    fn month(&self, m: Month, style: MonthStyle) -> String;
    /// A timeline date: "6 Aug 2020", or "Dec 2019" at month precision.
    fn date(&self, date: (i32, u32, u32), precision: Precision) -> String;
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

    fn rate(&self, v: f64) -> String {
        let text = super::decimal::fixed(v, 2);
        match text.strip_suffix('0') {
            Some(short) => short.to_string(),
            None => text,
        }
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
}
