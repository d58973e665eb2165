//! Machine-facing decimal text (URL parameters, data-file messages), with integer
//! arithmetic only, so the wasm build needs no float-formatting machinery. Reader-facing
//! numbers go through the formatter (`Intl.NumberFormat` in the browser).

/// `v` rounded to `places` decimals (0–4), trailing zeros dropped: 3.920 → "3.92",
/// 5.0 → "5". Non-finite values give "0".
pub fn decimal(v: f64, places: u32) -> String {
    let places = places.min(4);
    if !v.is_finite() {
        return "0".into();
    }
    let scale = 10i64.pow(places);
    let scaled = (v * scale as f64).round();
    if scaled.abs() >= 9e15 {
        return "0".into();
    }
    let scaled = scaled as i64;
    let abs = scaled.unsigned_abs();
    let mut frac = abs % scale as u64;
    let mut digits = places;
    while digits > 0 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    let mut out = String::new();
    if scaled < 0 {
        out.push('-');
    }
    push_digits(&mut out, abs / scale as u64, 0, false);
    if digits > 0 {
        out.push('.');
        push_digits(&mut out, frac, digits as usize, false);
    }
    out
}

/// `v` with exactly `places` decimals (0–4) and comma thousands separators, as en-US/GB
/// `Intl.NumberFormat` prints it: 1234.5 → "1,234.5" (1 place), 32.0 → "32.0". Like ICU,
/// it rounds the shortest decimal form of the double half away from zero, so prerendered
/// text matches the browser's. Used natively, and in the browser while hydrating (then `Intl`).
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(4);
    let v = if v.is_finite() { v } else { 0.0 };
    let scaled = scaled_shortest(v.abs(), places);
    let scale = POW10[places as usize];
    let mut out = String::new();
    if v < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_digits(&mut out, scaled / scale, 0, true);
    if places > 0 {
        out.push('.');
        push_digits(&mut out, scaled % scale, places as usize, false);
    }
    out
}

const POW10: [u64; 6] = [1, 10, 100, 1_000, 10_000, 100_000];

/// `a` (finite, not negative) times 10^`places` as a whole number, rounded as ICU rounds:
/// the shortest decimal that reads back as `a`, half away from zero. Found with integer
/// arithmetic and exact comparisons (a division of two exactly held integers is the
/// correctly rounded double, just as reading the decimal is). Exact below 10^9, where two
/// decimals of up to five places can't read back as the same double; above it, rounds
/// `a × 10^places` as a double.
fn scaled_shortest(a: f64, places: u32) -> u64 {
    let places = places as usize;
    if a >= 1e9 {
        return (a * POW10[places] as f64).round() as u64;
    }
    // The shortest form has at most places + 1 decimals: it is the one that reads back.
    for (j, &scale) in POW10.iter().enumerate().take(places + 2) {
        let near = (a * scale as f64).round() as u64;
        for d in [near.saturating_sub(1), near, near + 1] {
            if d as f64 / scale as f64 == a {
                return if j <= places {
                    d * POW10[places - j]
                } else {
                    d / 10 + u64::from(d % 10 >= 5)
                };
            }
        }
    }
    // Longer: it lies on a's side of every halfway point with places + 1 decimals (one
    // between them would be a shorter form that reads back), and no halfway point reads
    // back as `a`. So round `a` to the nearest, comparing it with the halfway points.
    let scale = POW10[places] as f64;
    let half_above = |k: u64| (2 * k + 1) as f64 / (2.0 * scale);
    let mut k = (a * scale).floor() as u64;
    while k > 0 && a < half_above(k - 1) {
        k -= 1;
    }
    while a > half_above(k) {
        k += 1;
    }
    k
}

/// Appends `n` in decimal digits, zero-padded to `width`, with comma thousands separators
/// if `grouped`.
fn push_digits(out: &mut String, mut n: u64, width: usize, grouped: bool) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    while n > 0 || len == 0 || len < width {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    for i in (0..len).rev() {
        out.push(char::from(digits[i]));
        if grouped && i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

/// `v` held to `lo..=hi`: NaN gives `lo`, and if `lo > hi`, `hi` wins. Unlike `f64::clamp`
/// it has no panic (whose message would bring float formatting into the wasm).
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// Parses a plain decimal number ("4", "4.25", "-1", ".5"); no exponents, signs other
/// than a leading minus, spaces or separators. Returns `None` for anything else. With
/// integer arithmetic and one division, so the wasm build needs no float-parsing
/// machinery: for up to 15 significant digits the result is the correctly rounded double,
/// exactly what `str::parse::<f64>` gives; digits beyond the 18th are ignored.
pub fn parse_decimal(s: &str) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if body.is_empty() || body.len() > 24 {
        return None;
    }
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut used = 0u32;
    let mut shift: i32 = 0;
    for (i, part) in [int, frac].into_iter().enumerate() {
        for b in part.bytes() {
            let d = match b {
                b'0'..=b'9' => u64::from(b - b'0'),
                _ => return None,
            };
            if mantissa == 0 && d == 0 && i == 0 {
                continue;
            }
            if used < 18 {
                mantissa = mantissa * 10 + d;
                used += 1;
                if i == 1 {
                    shift -= 1;
                }
            } else if i == 0 {
                shift += 1;
            }
        }
    }
    let scale = *POW10.get(shift.unsigned_abs() as usize)?;
    let v = if shift >= 0 {
        mantissa as f64 * scale
    } else {
        mantissa as f64 / scale
    };
    Some(if negative { -v } else { v })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn parses_as_std_does(
            int in 0u64..1_000_000_000,
            frac in 0u32..1_000_000,
            places in 0usize..7,
            neg: bool,
        ) {
            let frac = format!("{frac:06}");
            let text = format!("{}{int}.{}", if neg { "-" } else { "" }, &frac[..places]);
            let std: f64 = text.parse().unwrap();
            prop_assert_eq!(parse_decimal(&text), Some(std), "{}", text);
        }
    }

    #[test]
    fn parses_plain_decimals_only() {
        for (text, want) in [
            ("4", Some(4.0)),
            ("4.25", Some(4.25)),
            ("-1", Some(-1.0)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("0.356", Some(0.356)),
            ("007", Some(7.0)),
            ("", None),
            (".", None),
            ("-", None),
            ("1e5", None),
            ("1.2.3", None),
            ("+1", None),
            (" 1", None),
            ("1,000", None),
            ("NaN", None),
            ("inf", None),
        ] {
            assert_eq!(parse_decimal(text), want, "{text}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(decimal(3.92, 2), "3.92");
        assert_eq!(decimal(3.9200000000000004, 2), "3.92");
        assert_eq!(decimal(5.0, 2), "5");
        assert_eq!(decimal(1.1, 2), "1.1");
        assert_eq!(decimal(0.476, 2), "0.48");
        assert_eq!(decimal(-2.5, 1), "-2.5");
        assert_eq!(decimal(142.67, 1), "142.7");
        assert_eq!(decimal(0.0005, 3), "0.001");
        assert_eq!(decimal(f64::NAN, 2), "0");
        assert_eq!(decimal(12.0, 0), "12");
        assert_eq!(decimal(1234.5, 1), "1234.5");
        assert_eq!(decimal(0.05, 2), "0.05");
        assert_eq!(decimal(-0.004, 2), "0");
        assert_eq!(decimal(-10.0, 2), "-10");
    }

    proptest! {
        /// Integer digits and the zero-padded fraction, as `format!` wrote them before.
        #[test]
        fn decimal_matches_format(cents in -10_000_000_000i64..10_000_000_000, places in 0u32..5) {
            let v = cents as f64 / 997.0;
            let scale = 10i64.pow(places);
            let scaled = (v * scale as f64).round() as i64;
            let abs = scaled.unsigned_abs();
            let (mut frac, mut digits) = (abs % scale as u64, places);
            while digits > 0 && frac % 10 == 0 {
                frac /= 10;
                digits -= 1;
            }
            let sign = if scaled < 0 { "-" } else { "" };
            let int = abs / scale as u64;
            let want = if digits == 0 {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac:0width$}", width = digits as usize)
            };
            prop_assert_eq!(decimal(v, places), want);
        }
    }

    /// The former `fixed`, by std's shortest float formatting: the reference.
    fn fixed_by_std(v: f64, places: u32) -> String {
        let places = places.min(4) as usize;
        let v = if v.is_finite() { v } else { 0.0 };
        let shortest = format!("{}", v.abs());
        let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
        let mut digits: Vec<u8> = int
            .bytes()
            .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(places))
            .collect();
        if frac.as_bytes().get(places).is_some_and(|d| *d >= b'5') {
            let mut i = digits.len();
            loop {
                if i == 0 {
                    digits.insert(0, b'1');
                    break;
                }
                i -= 1;
                if digits[i] == b'9' {
                    digits[i] = b'0';
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
        let split = digits.len() - places;
        let int: String = digits[..split].iter().map(|d| *d as char).collect();
        let frac: String = digits[split..].iter().map(|d| *d as char).collect();
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let zero = digits.iter().all(|d| *d == b'0');
        let sign = if v < 0.0 && !zero { "-" } else { "" };
        if places == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}.{frac}")
        }
    }

    /// Doubles that test rounding hardest: short decimals, the halfway points between
    /// them and their neighbours a few units in the last place away, and anything at all.
    fn hard_doubles() -> impl Strategy<Value = f64> {
        prop_oneof![
            (-1_000_000_000i64..1_000_000_000, 0u32..7)
                .prop_map(|(n, j)| n as f64 / 10f64.powi(j as i32)),
            (0u64..1_000_000_000, 1u32..6, -3i64..=3).prop_map(|(n, j, ulps)| {
                let v = (2 * n + 1) as f64 / (2.0 * 10f64.powi(j as i32));
                f64::from_bits((v.to_bits() as i64 + ulps) as u64)
            }),
            (0.0..1e9f64),
            (0.0..1.0f64),
            (-1e7..1e7f64).prop_map(|v| v * 100.0),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn fixed_matches_std_shortest_rounding(v in hard_doubles(), places in 0u32..6) {
            prop_assume!(v.abs() < 1e9);
            prop_assert_eq!(fixed(v, places), fixed_by_std(v, places), "{:?} to {}", v, places);
        }
    }

    #[test]
    fn within_holds_to_range() {
        assert_eq!(within(5.0, 0.0, 3.0), 3.0);
        assert_eq!(within(-1.0, 0.0, 3.0), 0.0);
        assert_eq!(within(2.0, 0.0, 3.0), 2.0);
        assert_eq!(within(f64::NAN, 1.0, 3.0), 1.0);
        assert_eq!(within(2.0, 5.0, 3.0), 3.0, "an empty range gives its top");
        assert_eq!(within(f64::INFINITY, 0.0, 3.0), 3.0);
    }

    #[test]
    fn fixed_places() {
        assert_eq!(fixed(32.0, 1), "32.0");
        assert_eq!(fixed(1234.56, 1), "1,234.6");
        assert_eq!(fixed(1234567.0, 0), "1,234,567");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(
            fixed(22.15, 1),
            "22.2",
            "ties round away from zero, as ICU does"
        );
        assert_eq!(fixed(0.235 * 100.0, 0), "24");
        assert_eq!(fixed(99.96, 1), "100.0");
        assert_eq!(fixed(999.95, 1), "1,000.0");
    }

    #[test]
    fn parses() {
        assert_eq!(parse_decimal("4.25"), Some(4.25));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("-1"), Some(-1.0));
        for bad in [
            "", ".", "1e3", "NaN", "inf", "1,5", " 1", "+1", "1.2.3", "--1", "0x10",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn round_trips_cents(cents in -1_000_000i64..1_000_000) {
            let v = cents as f64 / 100.0;
            let text = decimal(v, 2);
            prop_assert_eq!(parse_decimal(&text), Some(v));
        }
    }
}
