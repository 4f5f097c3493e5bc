//! Seeded randomness helpers for the generator.
//!
//! Every stage draws from its own ChaCha8 stream (same seed, different stream
//! number), so adding a draw to one stage never shifts the numbers another
//! stage sees: the complaints stay the same when the survey code changes.
//! Integer ranges are sampled as `u32`, which `rand` maps identically on
//! 32-bit wasm and 64-bit native targets.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

pub(super) type DemoRng = ChaCha8Rng;

/// The independent random streams, one per generation stage.
#[derive(Debug, Clone, Copy)]
pub(super) enum Stage {
    Staff = 1,
    Plans = 2,
    Customers = 3,
    Transactions = 4,
    Complaints = 5,
    Surveys = 6,
    Loyalty = 7,
    Contacts = 8,
    Care = 9,
    Enrolment = 10,
}

pub(super) fn stream(seed: u64, stage: Stage) -> DemoRng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stage as u64);
    rng
}

/// A uniform integer in `0..n`; 0 when `n` is 0, so an empty range cannot panic.
pub(super) fn below(rng: &mut DemoRng, n: u32) -> u32 {
    if n == 0 {
        0
    } else {
        rng.random_range(0..n)
    }
}

/// A uniform integer in `lo..=hi` (`lo` when the range is empty).
pub(super) fn between(rng: &mut DemoRng, lo: u32, hi: u32) -> u32 {
    if hi <= lo {
        lo
    } else {
        rng.random_range(lo..=hi)
    }
}

/// A uniform float in `[0, 1)`.
pub(super) fn unit(rng: &mut DemoRng) -> f64 {
    rng.random::<f64>()
}

/// True with probability `p` (any `p`: below 0 never, above 1 always).
pub(super) fn chance(rng: &mut DemoRng, p: f64) -> bool {
    unit(rng) < p
}

/// A uniform float in `[lo, hi)`.
pub(super) fn uniform(rng: &mut DemoRng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * unit(rng)
}

/// A log-normal draw given its median and the sigma of its logarithm:
/// the long tail of spend and of purchase intervals.
pub(super) fn log_normal(rng: &mut DemoRng, median: f64, sigma: f64) -> f64 {
    let z: f64 = rng.sample(StandardNormal);
    median * (sigma * z).exp()
}

/// Picks from a constant table of `(value, weight)` in proportion to the
/// weights. The table cannot be empty (checked at compile time), so there is
/// always an answer.
pub(super) fn weighted<T: Copy, const N: usize>(rng: &mut DemoRng, table: &[(T, u32); N]) -> T {
    const { assert!(N > 0, "a weighted table needs at least one row") };
    let total: u32 = table.iter().map(|(_, w)| *w).sum();
    let mut ticket = below(rng, total);
    for (value, weight) in table {
        if ticket < *weight {
            return *value;
        }
        ticket -= weight;
    }
    table[N - 1].0
}

/// An index into `weights`, drawn in proportion to them (0 if all are zero).
pub(super) fn weighted_index(rng: &mut DemoRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut ticket = below(rng, total);
    for (i, weight) in weights.iter().enumerate() {
        if ticket < *weight {
            return i;
        }
        ticket -= weight;
    }
    0
}

/// A uniformly chosen element of a constant, non-empty table.
pub(super) fn pick<'a, T, const N: usize>(rng: &mut DemoRng, items: &'a [T; N]) -> &'a T {
    const { assert!(N > 0, "cannot pick from an empty table") };
    &items[below(rng, N as u32) as usize]
}

/// A uniformly chosen element of a slice built at run time, if it has any.
pub(super) fn pick_from<'a, T>(rng: &mut DemoRng, items: &'a [T]) -> Option<&'a T> {
    items.get(below(rng, items.len() as u32) as usize)
}
