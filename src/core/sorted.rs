//! A small ordered map: pairs kept sorted by key in one `Vec`, found by binary search.
//!
//! The data's figures (a few hundred a file) and the formatters' caches (a few dozen) are
//! looked up far more often than they are added. `BTreeMap` did the same job, but its node
//! code, made once for each key and value type, cost the wasm 26 KB (9 KB gzip); this is a
//! binary search and a `Vec::insert`. Iteration is in key order, as `BTreeMap`'s was.
//!
//! [`sort_by`] and [`sort_by_key`] sort as the slice methods do, for the same reason: the
//! slice methods are made anew for every element type, and the wasm carried five copies
//! (19 KB); these sort positions, in one routine for every caller.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order), as `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    permute(items, &order);
}

/// Sorts `items` by `key`, stably, as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the order `cmp` sorts them, stably: std's one sort, made once.
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves `items[order[i]]` to `i` for every `i`, in place (`order` is a permutation).
/// The element meant for `i` may have been swapped away already; it is then where the
/// swap at its old position sent it, and following `order` from there finds it.
fn permute<T>(items: &mut [T], order: &[usize]) {
    for i in 0..order.len() {
        let mut j = order[i];
        while j < i {
            j = order[j];
        }
        items.swap(i, j);
    }
}

/// Values of type `V` under keys of type `K`, one value a key, in key order.
#[derive(Clone, Debug, PartialEq)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub const fn new() -> Self {
        SortedMap(Vec::new())
    }

    /// Where `key` is (`Ok`), or where it would go (`Err`).
    fn find(&self, key: &K) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(key))
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_ok()
    }

    /// Puts `value` under `key`, and gives back the value it replaced, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// The value under `key`, made by `make` first if there is none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, make()));
                i
            }
        };
        &mut self.0[i].1
    }

    /// Takes the value under `key` out, if there is one.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Keeps only the pairs `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// `map[&key]`, as `BTreeMap` has it: panics if the key is not there (tests use it).
impl<K: Ord, V> std::ops::Index<&K> for SortedMap<K, V> {
    type Output = V;
    fn index(&self, key: &K) -> &V {
        self.get(key).expect("no such key in the map")
    }
}

type Pair<'a, K, V> = fn(&'a (K, V)) -> (&'a K, &'a V);

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, Pair<'a, K, V>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Any run of inserts, lookups and removals answers as `BTreeMap` does, and iterates in the
        /// same order.
        #[test]
        fn behaves_as_a_btree_map(
            ops in proptest::collection::vec((0u8..40, any::<u16>(), any::<bool>()), 0..200)
        ) {
            let (mut t, mut b) = (SortedMap::new(), BTreeMap::new());
            for (k, v, by_default) in ops {
                if by_default {
                    let x = t.get_or_insert_with(k, || v);
                    *x = x.wrapping_add(1);
                    let y = b.entry(k).or_insert(v);
                    *y = y.wrapping_add(1);
                } else {
                    prop_assert_eq!(t.insert(k, v), b.insert(k, v));
                }
                prop_assert_eq!(t.get(&k), b.get(&k));
                prop_assert_eq!(t.contains_key(&(k + 1)), b.contains_key(&(k + 1)));
                if v % 7 == 0 {
                    prop_assert_eq!(t.remove(&k), b.remove(&k));
                }
            }
            t.retain(|k, _| k % 3 != 0);
            b.retain(|k, _| k % 3 != 0);
            prop_assert_eq!(t.len(), b.len());
            prop_assert!(t.iter().eq(b.iter()));
            prop_assert!((&t).into_iter().eq(&b));
            prop_assert!(t.clone().into_iter().eq(b.clone()));
            prop_assert!(t.keys().eq(b.keys()));
            prop_assert!(t.values().rev().eq(b.values().rev()));
        }

        /// The sorts give what the slice methods give, equal keys in their first order.
        #[test]
        fn sorts_as_the_slice_methods(keys in proptest::collection::vec(0u8..12, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std);
            let (mut ours, mut std) = (items.clone(), items);
            sort_by(&mut ours, |a, b| (a.0 % 5).cmp(&(b.0 % 5)).reverse());
            std.sort_by(|a, b| (a.0 % 5).cmp(&(b.0 % 5)).reverse());
            prop_assert_eq!(ours, std);
        }
    }
}
