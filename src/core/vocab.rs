//! One vocabulary for codes: every enum that crosses the URL, the data files or the
//! strings is declared with [`codes!`], which gives it `ALL`, `code`, `from_code` and
//! `index` with no run-time cost, and [`Set`] is a typed set of such values (the
//! timeline filters, an event's apps).

use std::marker::PhantomData;

/// An enum whose values have stable text codes (in links, data files and attributes).
pub trait Code: Copy + Eq + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(s: &str) -> Option<Self>;
    /// Position in [`Code::ALL`].
    fn index(self) -> usize;
}

/// Declares a fieldless enum with a code per variant (and optional aliases accepted when
/// reading): `codes! { pub enum View { Simulator = "simulator", Both = "both" | "all" } }`.
#[macro_export]
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            pub const ALL: [$name; $crate::codes!(@count $($variant)+)] = [$($name::$variant),+];

            pub const fn code(self) -> &'static str {
                match self { $( $name::$variant => $code ),+ }
            }

            pub fn from_code(s: &str) -> Option<$name> {
                match s { $( $code $(| $alias)* => Some($name::$variant), )+ _ => None }
            }

            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::core::vocab::Code for $name {
            const ALL: &'static [$name] = &$name::ALL;
            fn code(self) -> &'static str { $name::code(self) }
            fn from_code(s: &str) -> Option<$name> { $name::from_code(s) }
            fn index(self) -> usize { $name::index(self) }
        }
    };
    (@count) => { 0 };
    (@count $head:ident $($tail:ident)*) => { 1 + $crate::codes!(@count $($tail)*) };
}

/// A set of values of a [`Code`] enum (up to 64 values), stored as bits.
pub struct Set<T> {
    bits: u64,
    kind: PhantomData<T>,
}

// Manual impls: derives would demand the bounds of `T` itself, not of the bits.
impl<T> Clone for Set<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Set<T> {}
impl<T> PartialEq for Set<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<T> Eq for Set<T> {}

impl<T: Code> std::fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter().map(T::code)).finish()
    }
}

impl<T: Code> Default for Set<T> {
    /// Every value: filters start with everything shown.
    fn default() -> Self {
        Set::all()
    }
}

impl<T: Code> Set<T> {
    pub const fn none() -> Self {
        Set {
            bits: 0,
            kind: PhantomData,
        }
    }

    pub fn all() -> Self {
        T::ALL.iter().fold(Set::none(), |s, v| s.with(*v, true))
    }

    pub fn only(value: T) -> Self {
        Set::none().with(value, true)
    }

    pub fn contains(self, value: T) -> bool {
        self.bits & (1u64 << value.index()) != 0
    }

    /// This set with `value` added (`on`) or removed.
    #[must_use]
    pub fn with(self, value: T, on: bool) -> Self {
        const { assert!(T::ALL.len() <= 64, "a Set holds at most 64 kinds of value") };
        let bit = 1u64 << value.index();
        Set {
            bits: if on {
                self.bits | bit
            } else {
                self.bits & !bit
            },
            kind: PhantomData,
        }
    }

    pub fn is_all(self) -> bool {
        self == Set::all()
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub fn intersects(self, other: Set<T>) -> bool {
        self.bits & other.bits != 0
    }

    /// The members, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |v| self.contains(*v))
    }

    /// Reads a comma-separated list of codes; `all` is every value and `none` no value.
    /// Empty text, or any unknown code, gives `None` (the caller keeps its default).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "" => None,
            "all" => Some(Set::all()),
            "none" => Some(Set::none()),
            list => list
                .split(',')
                .map(|c| T::from_code(c.trim()))
                .try_fold(Set::none(), |s, v| Some(s.with(v?, true))),
        }
    }

    /// The inverse of [`Set::parse`]: `all`, `none`, or the codes joined by commas.
    pub fn to_code(self) -> String {
        if self.is_all() {
            return "all".into();
        }
        if self.is_empty() {
            return "none".into();
        }
        let mut out = String::new();
        for v in self.iter() {
            if !out.is_empty() {
                out.push(',');
            }
            out.push_str(v.code());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::codes! {
        #[derive(Default)]
        enum Fruit {
            Apple = "apple",
            #[default]
            Pear = "pear" | "poire",
            Fig = "fig",
        }
    }

    #[test]
    fn codes_round_trip_and_aliases_read() {
        for f in Fruit::ALL {
            assert_eq!(Fruit::from_code(f.code()), Some(f));
            assert_eq!(Fruit::ALL[f.index()], f);
        }
        assert_eq!(Fruit::from_code("poire"), Some(Fruit::Pear));
        assert_eq!(Fruit::from_code("Pear"), None);
        assert_eq!(Fruit::default(), Fruit::Pear);
        assert_eq!(Fruit::ALL.len(), 3);
    }

    #[test]
    fn sets_parse_and_print() {
        let s: Set<Fruit> = Set::parse("fig, apple").unwrap();
        assert!(s.contains(Fruit::Apple) && s.contains(Fruit::Fig) && !s.contains(Fruit::Pear));
        assert_eq!(s.to_code(), "apple,fig");
        assert_eq!(Set::<Fruit>::parse(&s.to_code()), Some(s));
        assert_eq!(Set::<Fruit>::parse("all"), Some(Set::all()));
        assert_eq!(Set::<Fruit>::parse("none"), Some(Set::none()));
        assert_eq!(
            Set::<Fruit>::parse(""),
            None,
            "empty is ignored, not 'none'"
        );
        assert_eq!(Set::<Fruit>::parse("apple,kiwi"), None);
        assert_eq!(Set::<Fruit>::all().to_code(), "all");
        assert_eq!(Set::<Fruit>::none().to_code(), "none");
        assert_eq!(Set::only(Fruit::Fig).with(Fruit::Fig, false), Set::none());
    }
}
