//! Work done a bounded step at a time, for a caller that pauses between
//! steps: on a chain, some analyses take longer than the 50 ms a page may
//! hold its thread, and the page runs them with a pause for the browser
//! before each step (`pause::in_steps` in the app).

/// A job cut into steps; each step does a bounded amount of work.
pub trait Steps {
    /// What the job makes.
    type Output;

    /// Does the next step; true once every step is done.
    fn step(&mut self) -> bool;

    /// The result, after running whatever steps are left.
    fn finish(self) -> Self::Output;
}
