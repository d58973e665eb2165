//! Work done a slice at a time, so the browser can paint and take input between slices:
//! reading a newsroom's data file is a CSV [`Reader`](super::csv::Reader) followed by a
//! [`Steps`] job over its rows. Natively everything runs to completion in one go.

/// A job that makes progress in bounded steps.
pub trait Steps {
    type Output;
    /// Does up to `budget` units of work (rows). Returns true when nothing is left.
    fn step(&mut self, budget: usize) -> bool;
    /// The result, once `step` has returned true.
    fn finish(self) -> Self::Output;
}

/// Runs a job to the end in one go (natively, and for the built-in files).
pub fn run<S: Steps>(mut job: S) -> S::Output {
    while !job.step(usize::MAX) {}
    job.finish()
}
