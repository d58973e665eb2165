//! The formatter for this target: `Intl` in the browser, [`Plain`] natively.

use crate::core::format::Format;
#[cfg(not(target_arch = "wasm32"))]
use crate::core::format::Plain;

#[cfg(target_arch = "wasm32")]
pub fn fmt() -> &'static dyn Format {
    &intl::Intl
}

#[cfg(not(target_arch = "wasm32"))]
pub fn fmt() -> &'static dyn Format {
    &Plain
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! `Intl.NumberFormat` and `Intl.DateTimeFormat` through js-sys, cached per style.

    use std::cell::RefCell;
    use std::collections::BTreeMap;

    use js_sys::{Array, Date, Function, Object, Reflect};
    use wasm_bindgen::JsValue;

    use crate::core::format::{Format, MonthStyle};
    use crate::core::month::Month;
    use crate::core::timeline::Precision;

    pub struct Intl;

    thread_local! {
        static CACHE: RefCell<BTreeMap<&'static str, Function>> = const { RefCell::new(BTreeMap::new()) };
        /// Month names are few and asked for often (chart axis, table, select).
        static MONTHS: RefCell<BTreeMap<(Month, u8), String>> = const { RefCell::new(BTreeMap::new()) };
        /// Timeline dates: a few dozen, shown on cards and chart markers.
        static DATES: RefCell<BTreeMap<(i32, u32, u32), String>> = const { RefCell::new(BTreeMap::new()) };
    }

    const LOCALE: &str = "en-GB";

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o
    }

    /// The cached `format` function for a style key.
    fn formatter(key: &'static str, make: impl FnOnce(&Array) -> Function) -> Function {
        CACHE.with(|c| {
            c.borrow_mut()
                .entry(key)
                .or_insert_with(|| make(&Array::of1(&JsValue::from_str(LOCALE))))
                .clone()
        })
    }

    fn number_fn(key: &'static str, opts: &[(&str, JsValue)]) -> Function {
        formatter(key, |loc| {
            js_sys::Intl::NumberFormat::new(loc, &options(opts)).format()
        })
    }

    fn date_fn(key: &'static str, opts: &[(&str, JsValue)]) -> Function {
        formatter(key, |loc| {
            js_sys::Intl::DateTimeFormat::new(loc, &options(opts)).format()
        })
    }

    fn call(f: &Function, v: &JsValue) -> String {
        f.call1(&JsValue::NULL, v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    fn date(y: i32, m: u32, d: u32) -> JsValue {
        Date::new_with_year_month_day(y as u32, m as i32 - 1, d as i32).into()
    }

    impl Format for Intl {
        fn number(&self, v: f64, places: u32) -> String {
            let p = JsValue::from(places.min(4));
            let f = match places {
                0 => number_fn("n0", &[("maximumFractionDigits", p)]),
                1 => number_fn(
                    "n1",
                    &[
                        ("minimumFractionDigits", p.clone()),
                        ("maximumFractionDigits", p),
                    ],
                ),
                _ => number_fn(
                    "n2",
                    &[
                        ("minimumFractionDigits", p.clone()),
                        ("maximumFractionDigits", p),
                    ],
                ),
            };
            call(&f, &JsValue::from(v))
        }

        fn percent(&self, share: f64) -> String {
            let f = number_fn(
                "pct",
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", 0.into()),
                ],
            );
            call(&f, &JsValue::from(share))
        }

        fn month(&self, m: Month, style: MonthStyle) -> String {
            let key = (m, style as u8);
            if let Some(hit) = MONTHS.with(|c| c.borrow().get(&key).cloned()) {
                return hit;
            }
            let f = match style {
                MonthStyle::Long => date_fn(
                    "mL",
                    &[("month", "long".into()), ("year", "numeric".into())],
                ),
                MonthStyle::Short => date_fn(
                    "mS",
                    &[("month", "short".into()), ("year", "numeric".into())],
                ),
                MonthStyle::Name => date_fn("mN", &[("month", "long".into())]),
                MonthStyle::Abbrev => date_fn("mA", &[("month", "short".into())]),
            };
            let text = call(&f, &date(m.year(), m.month(), 1));
            MONTHS.with(|c| c.borrow_mut().insert(key, text.clone()));
            text
        }

        fn date(&self, (y, m, d): (i32, u32, u32), precision: Precision) -> String {
            match precision {
                Precision::Day => call(
                    &date_fn(
                        "dD",
                        &[
                            ("day", "numeric".into()),
                            ("month", "short".into()),
                            ("year", "numeric".into()),
                        ],
                    ),
                    &date(y, m, d),
                ),
                Precision::Month => self.month(
                    Month::new(y, m).unwrap_or(crate::core::month::DEAL_START),
                    MonthStyle::Short,
                ),
            }
        }
    }
}
