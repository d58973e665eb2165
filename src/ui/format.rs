//! The formatter for this target: `Intl` in the browser, the language's plain twin
//! ([`Plain`] for en-GB, [`PlainZh`] for zh-CN) natively. Both take the locale from the
//! reader's [`Locale`].
//!
//! In the browser the first render (the one that hydrates the prerendered page) formats
//! with the plain twin too, which writes what `Intl` writes for its locale: creating the
//! first `Intl` formatters loads the browser's locale data (about 25 ms, 100 ms at 4×
//! CPU), which then happens in a task of its own, after the page has become interactive.

use crate::core::format::{Format, MonthStyle, Plain, PlainZh};
use crate::core::locale::{Lang, Locale};
use crate::core::month::{Month, Precision};

/// A locale's formatter: a small value, cheap to copy into callbacks.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Fmt {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    intl: &'static str,
    /// Format with the language's plain twin ([`Plain`], [`PlainZh`]) even in the browser.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    plain: bool,
    lang: Lang,
    /// Join dates to their CJK units, as the locale's figures are (`MoneyUnit::glue`).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    glue: bool,
}

impl Fmt {
    /// `intl_ready`: whether `Intl` may be used yet (see the module docs).
    pub fn new(loc: &'static Locale, intl_ready: bool) -> Fmt {
        Fmt {
            intl: loc.intl,
            plain: !intl_ready,
            lang: loc.lang,
            glue: loc.money.glue,
        }
    }

    /// Dates joined as the plain twin joins them (see `format::glue`).
    #[cfg(target_arch = "wasm32")]
    fn glued(&self, text: String) -> String {
        if self.glue {
            crate::core::format::glue(&text)
        } else {
            text
        }
    }

    /// The language's formatter without a browser.
    fn twin(&self) -> &'static dyn Format {
        match self.lang {
            Lang::En => &Plain,
            Lang::ZhHans => &PlainZh,
        }
    }
}

/// `Plain` natively and while `plain`; `Intl` otherwise.
impl Format for Fmt {
    fn number(&self, v: f64, places: u32) -> String {
        #[cfg(target_arch = "wasm32")]
        if !self.plain {
            return intl::number(self.intl, v, places);
        }
        self.twin().number(v, places)
    }
    fn rate(&self, v: f64, places: (u32, u32)) -> String {
        #[cfg(target_arch = "wasm32")]
        if !self.plain {
            return intl::rate(self.intl, v, places);
        }
        self.twin().rate(v, places)
    }
    fn percent(&self, share: f64) -> String {
        #[cfg(target_arch = "wasm32")]
        if !self.plain {
            return intl::percent(self.intl, share);
        }
        self.twin().percent(share)
    }
    fn month(&self, m: Month, style: MonthStyle) -> String {
        #[cfg(target_arch = "wasm32")]
        if !self.plain {
            return self.glued(intl::month(self.intl, m, style));
        }
        self.twin().month(m, style)
    }
    fn date(&self, date: (i32, u32, u32), precision: Precision) -> String {
        #[cfg(target_arch = "wasm32")]
        if !self.plain {
            return match precision {
                Precision::Day => self.glued(intl::day(self.intl, date)),
                Precision::Month => self.month(
                    Month::new(date.0, date.1).unwrap_or(crate::core::month::DEAL_START),
                    MonthStyle::Short,
                ),
            };
        }
        self.twin().date(date, precision)
    }
    fn day_month(&self, date: (i32, u32, u32)) -> String {
        #[cfg(target_arch = "wasm32")]
        if !self.plain {
            return self.glued(intl::day_month(self.intl, date));
        }
        self.twin().day_month(date)
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! `Intl.NumberFormat` and `Intl.DateTimeFormat` through js-sys, one formatter per
    //! locale and style, cached.

    use std::cell::RefCell;

    use js_sys::{Array, Date, Function, Object, Reflect};
    use wasm_bindgen::JsValue;

    use crate::core::format::MonthStyle;
    use crate::core::month::Month;
    use crate::core::sorted::SortedMap;

    /// A formatter's style: which `Intl` class, and its options.
    #[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
    enum Style {
        Fixed(u32),
        Rate(u32, u32),
        Percent,
        Month(MonthStyle),
        Day,
        DayMonth,
    }

    thread_local! {
        static CACHE: RefCell<SortedMap<(&'static str, Style), Function>> =
            const { RefCell::new(SortedMap::new()) };
        /// Month names are few and asked for often (chart axis, table, select).
        static MONTHS: RefCell<SortedMap<(&'static str, Month, MonthStyle), String>> =
            const { RefCell::new(SortedMap::new()) };
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o
    }

    /// The cached `format` function for a locale and style.
    fn formatter(tag: &'static str, style: Style) -> Function {
        CACHE.with(|c| {
            c.borrow_mut()
                .get_or_insert_with((tag, style), || {
                    let loc = Array::of1(&JsValue::from_str(tag));
                    let month = |m: &str, year: bool| {
                        let mut o = vec![("month", JsValue::from_str(m))];
                        if year {
                            o.push(("year", "numeric".into()));
                        }
                        o
                    };
                    // Chinese figures are grouped from five digits only (2000亿), as
                    // the plain twin writes them.
                    let min2 = tag.starts_with("zh");
                    let num = |o: &[(&str, JsValue)]| {
                        let mut o = o.to_vec();
                        if min2 {
                            o.push(("useGrouping", "min2".into()));
                        }
                        js_sys::Intl::NumberFormat::new(&loc, &options(&o)).format()
                    };
                    let date = |o: &[(&str, JsValue)]| {
                        js_sys::Intl::DateTimeFormat::new(&loc, &options(o)).format()
                    };
                    match style {
                        Style::Fixed(p) => num(&[
                            ("minimumFractionDigits", p.into()),
                            ("maximumFractionDigits", p.into()),
                        ]),
                        Style::Rate(min, max) => num(&[
                            ("minimumFractionDigits", min.into()),
                            ("maximumFractionDigits", max.into()),
                        ]),
                        Style::Percent => num(&[
                            ("style", "percent".into()),
                            ("maximumFractionDigits", 0.into()),
                        ]),
                        Style::Month(MonthStyle::Long) => date(&month("long", true)),
                        Style::Month(MonthStyle::Short) => date(&month("short", true)),
                        Style::Month(MonthStyle::Name) => date(&month("long", false)),
                        Style::Month(MonthStyle::Abbrev) => date(&month("short", false)),
                        Style::Day => date(&[
                            ("day", "numeric".into()),
                            ("month", "short".into()),
                            ("year", "numeric".into()),
                        ]),
                        Style::DayMonth => {
                            date(&[("day", "numeric".into()), ("month", "short".into())])
                        }
                    }
                })
                .clone()
        })
    }

    fn call(f: &Function, v: &JsValue) -> String {
        f.call1(&JsValue::NULL, v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    fn js_date(y: i32, m: u32, d: u32) -> JsValue {
        Date::new_with_year_month_day(y as u32, m as i32 - 1, d as i32).into()
    }

    pub fn number(tag: &'static str, v: f64, places: u32) -> String {
        call(
            &formatter(tag, Style::Fixed(places.min(4))),
            &JsValue::from(v),
        )
    }

    pub fn rate(tag: &'static str, v: f64, (min, max): (u32, u32)) -> String {
        call(
            &formatter(tag, Style::Rate(min.min(4), max.min(4))),
            &JsValue::from(v),
        )
    }

    pub fn percent(tag: &'static str, share: f64) -> String {
        call(&formatter(tag, Style::Percent), &JsValue::from(share))
    }

    pub fn month(tag: &'static str, m: Month, style: MonthStyle) -> String {
        let key = (tag, m, style);
        if let Some(hit) = MONTHS.with(|c| c.borrow().get(&key).cloned()) {
            return hit;
        }
        let text = call(
            &formatter(tag, Style::Month(style)),
            &js_date(m.year(), m.month(), 1),
        );
        MONTHS.with(|c| c.borrow_mut().insert(key, text.clone()));
        text
    }

    pub fn day(tag: &'static str, (y, m, d): (i32, u32, u32)) -> String {
        call(&formatter(tag, Style::Day), &js_date(y, m, d))
    }

    pub fn day_month(tag: &'static str, (y, m, d): (i32, u32, u32)) -> String {
        call(&formatter(tag, Style::DayMonth), &js_date(y, m, d))
    }
}
