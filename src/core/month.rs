//! Calendar months, and the months the deal covers.

use std::fmt;

/// A calendar month, stored as months since January of year 0, so months order and
/// subtract naturally.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

/// The first and last month of the deal's two purchase years.
pub const DEAL_START: Month = Month(2020 * 12);
pub const DEAL_END: Month = Month(2021 * 12 + 11);
/// The two purchase years.
pub const YEARS: [i32; 2] = [2020, 2021];

impl Month {
    /// `month` is 1-based (1 = January).
    pub const fn new(year: i32, month: u32) -> Option<Month> {
        if month >= 1 && month <= 12 && year >= 1900 && year <= 2100 {
            Some(Month(year * 12 + month as i32 - 1))
        } else {
            None
        }
    }

    pub const fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1-based month of the year.
    pub const fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// January of this month's year.
    pub const fn year_start(self) -> Month {
        Month(self.year() * 12)
    }

    pub const fn december(year: i32) -> Month {
        Month(year * 12 + 11)
    }

    pub const fn january(year: i32) -> Month {
        Month(year * 12)
    }

    pub const fn next(self) -> Month {
        Month(self.0 + 1)
    }

    pub const fn prev(self) -> Month {
        Month(self.0 - 1)
    }

    /// Months from `self` to `other` (positive when `other` is later).
    pub const fn until(self, other: Month) -> i32 {
        other.0 - self.0
    }

    /// Strictly `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let b = s.as_bytes();
        if b.len() != 7
            || b[4] != b'-'
            || !b
                .iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
        {
            return None;
        }
        let year = s[..4].parse().ok()?;
        let month = s[5..].parse().ok()?;
        Month::new(year, month)
    }

    /// Every month from `self` to `last`, inclusive.
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        (self.0..=last.0).map(Month)
    }

    pub fn in_deal(self) -> bool {
        self >= DEAL_START && self <= DEAL_END
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

/// Strictly `YYYY-MM-DD`, returning (year, month, day) for a real calendar date.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[7] != b'-' {
        return None;
    }
    let month = Month::parse(&s[..7])?;
    if !b[8..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let day: u32 = s[8..].parse().ok()?;
    (day >= 1 && day <= days_in_month(month)).then_some((month.year(), month.month(), day))
}

pub fn days_in_month(m: Month) -> u32 {
    match m.month() {
        4 | 6 | 9 | 11 => 30,
        2 if (m.year() % 4 == 0 && m.year() % 100 != 0) || m.year() % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

crate::codes! {
    /// How precisely a date is known (an event's, or a source's).
    pub enum Precision {
        Day = "day",
        Month = "month",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let m = Month::parse("2020-06").unwrap();
        assert_eq!((m.year(), m.month()), (2020, 6));
        assert_eq!(m.to_string(), "2020-06");
        assert_eq!(m.next().to_string(), "2020-07");
        assert_eq!(
            Month::parse("2020-12").unwrap().next().to_string(),
            "2021-01"
        );
        for bad in [
            "2020-13",
            "2020-00",
            "2020-6",
            "20-06",
            "2020/06",
            "２０２０-06",
            "",
            "2020-06x",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2020-02-29"), Some((2020, 2, 29)));
        assert_eq!(parse_date("2021-02-29"), None);
        assert_eq!(parse_date("2020-09-31"), None);
        assert_eq!(parse_date("2020-9-1"), None);
    }

    #[test]
    fn deal_span() {
        assert_eq!(DEAL_START.until(DEAL_END), 23);
        assert!(Month::parse("2021-12").unwrap().in_deal());
        assert!(!Month::parse("2022-01").unwrap().in_deal());
    }
}
