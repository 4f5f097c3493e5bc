//! Derivative-free minimisation (Nelder–Mead) for the maximum-likelihood fits
//! of the CLV models.
//!
//! Why our own and why Nelder–Mead: the models have 3 or 4 parameters, fitted
//! on their logarithms (so they stay positive without constraints), and their
//! likelihoods are smooth but awkward to differentiate by hand (ln Γ, log-sum-
//! exp). Nelder–Mead needs only function values, converges reliably in a few
//! hundred evaluations at this size, and is sixty lines; an optimisation crate
//! (argmin and friends) would add a large dependency to the WebAssembly bundle
//! for no gain here. The simplex is restarted around the best point after it
//! collapses (the standard cure for Nelder–Mead stalling on a degenerate
//! simplex), until a restart no longer improves the minimum.
//!
//! Reference: Lagarias, Reeds, Wright & Wright (1998), "Convergence properties
//! of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9(1).

/// Bound on the log-parameters of the likelihood fits (e^±20 ≈ 2e-9..5e8).
/// Some data sets have their maximum "at infinity": when every customer drops
/// out with the same probability, BG/NBD's a and b grow without end at a
/// fixed ratio, and the likelihood creeps up forever along that ridge, so
/// the simplex would never settle. The objectives return +∞ beyond this
/// bound, the simplex settles against it, and the estimate is the limit
/// (which predicts just as well).
pub const LOG_PARAM_LIMIT: f64 = 20.0;

/// Whether every log-parameter is within [`LOG_PARAM_LIMIT`].
pub fn within_limits(log_params: &[f64]) -> bool {
    log_params.iter().all(|v| v.abs() <= LOG_PARAM_LIMIT)
}

/// When to stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NelderMeadOptions {
    /// Edge of the starting simplex (in the units of x; log-units for the fits).
    pub initial_step: f64,
    /// Converged when every vertex is within this of the best one (max norm)…
    pub x_tolerance: f64,
    /// …and every value within this (relative to max(1, |f|)) of the best one.
    pub f_tolerance: f64,
    /// Give up (not converged) after this many evaluations in total.
    pub max_evaluations: usize,
    /// Restarts after the first convergence.
    pub max_restarts: usize,
}

impl Default for NelderMeadOptions {
    fn default() -> Self {
        NelderMeadOptions {
            initial_step: 0.5,
            x_tolerance: 1e-7,
            f_tolerance: 1e-10,
            max_evaluations: 20_000,
            max_restarts: 5,
        }
    }
}

/// The result of a minimisation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Minimum<const N: usize> {
    pub x: [f64; N],
    pub value: f64,
    pub evaluations: usize,
    pub iterations: usize,
    pub converged: bool,
}

/// Minimises `f` from `start`. Non-finite values of `f` are treated as +∞, so
/// the simplex simply moves away from regions where a likelihood breaks down.
pub fn nelder_mead<const N: usize>(
    mut f: impl FnMut(&[f64; N]) -> f64,
    start: [f64; N],
    options: &NelderMeadOptions,
) -> Minimum<N> {
    let mut eval = |x: &[f64; N]| -> f64 {
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::INFINITY
        }
    };
    let mut best_x = start;
    let mut best_f = eval(&start);
    let mut evaluations = 1usize;
    let mut iterations = 0usize;
    let mut converged = false;
    for restart in 0..=options.max_restarts {
        let budget = options.max_evaluations.saturating_sub(evaluations);
        let run = run(&mut eval, best_x, best_f, options, budget);
        evaluations += run.evaluations;
        iterations += run.iterations;
        let improved = run.value < best_f - options.f_tolerance * best_f.abs().max(1.0);
        if run.value <= best_f {
            best_x = run.x;
            best_f = run.value;
        }
        converged = run.converged;
        if !run.converged || (restart > 0 && !improved) {
            break;
        }
    }
    Minimum {
        x: best_x,
        value: best_f,
        evaluations,
        iterations,
        converged: converged && best_f.is_finite(),
    }
}

/// One Nelder–Mead run from a fresh simplex around `x0`, within `budget`
/// evaluations.
fn run<const N: usize>(
    eval: &mut impl FnMut(&[f64; N]) -> f64,
    x0: [f64; N],
    f0: f64,
    options: &NelderMeadOptions,
    budget: usize,
) -> Minimum<N> {
    // Simplex of N + 1 vertices with their values, kept sorted best first.
    let mut simplex: Vec<([f64; N], f64)> = Vec::with_capacity(N + 1);
    simplex.push((x0, f0));
    for i in 0..N {
        let mut x = x0;
        x[i] += options.initial_step;
        let fx = eval(&x);
        simplex.push((x, fx));
    }
    let mut used = N;
    let mut iterations = 0usize;
    loop {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (best, f_best) = simplex[0];
        let f_worst = simplex[N].1;
        let x_spread = simplex[1..]
            .iter()
            .flat_map(|(x, _)| x.iter().zip(best.iter()).map(|(a, b)| (a - b).abs()))
            .fold(0.0f64, f64::max);
        let f_spread = f_worst - f_best;
        let done = f_best.is_finite()
            && x_spread <= options.x_tolerance
            && f_spread <= options.f_tolerance * f_best.abs().max(1.0);
        if done || used >= budget {
            return Minimum {
                x: best,
                value: f_best,
                evaluations: used,
                iterations,
                converged: done,
            };
        }
        iterations += 1;

        let mut centroid = [0.0; N];
        for (x, _) in &simplex[..N] {
            for (c, xi) in centroid.iter_mut().zip(x.iter()) {
                *c += xi / N as f64;
            }
        }
        let worst = simplex[N].0;
        // The point c + t·(c − worst): t = 1 reflects, 2 expands, ±½ contracts.
        let along = |t: f64| -> [f64; N] {
            let mut p = [0.0; N];
            for i in 0..N {
                p[i] = centroid[i] + t * (centroid[i] - worst[i]);
            }
            p
        };
        let f_second_worst = simplex[N - 1].1;

        let reflected = along(1.0);
        let f_reflected = eval(&reflected);
        used += 1;
        if f_reflected < f_best {
            let expanded = along(2.0);
            let f_expanded = eval(&expanded);
            used += 1;
            simplex[N] = if f_expanded < f_reflected {
                (expanded, f_expanded)
            } else {
                (reflected, f_reflected)
            };
            continue;
        }
        if f_reflected < f_second_worst {
            simplex[N] = (reflected, f_reflected);
            continue;
        }
        // Contract: outside when the reflection beat the worst, inside otherwise.
        let outside = f_reflected < f_worst;
        let contracted = along(if outside { 0.5 } else { -0.5 });
        let f_contracted = eval(&contracted);
        used += 1;
        let accept = if outside {
            f_contracted <= f_reflected
        } else {
            f_contracted < f_worst
        };
        if accept {
            simplex[N] = (contracted, f_contracted);
            continue;
        }
        // Shrink towards the best vertex.
        for vertex in simplex.iter_mut().skip(1) {
            let mut x = vertex.0;
            for i in 0..N {
                x[i] = best[i] + 0.5 * (x[i] - best[i]);
            }
            vertex.0 = x;
            vertex.1 = eval(&x);
            used += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_rosenbrock() {
        let rosenbrock = |x: &[f64; 2]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let m = nelder_mead(rosenbrock, [-1.2, 1.0], &NelderMeadOptions::default());
        assert!(m.converged);
        assert!(
            (m.x[0] - 1.0).abs() < 1e-6 && (m.x[1] - 1.0).abs() < 1e-6,
            "{:?}",
            m.x
        );
        assert!(m.value < 1e-12);
    }

    #[test]
    fn a_four_dimensional_quadratic_is_solved_to_tolerance() {
        let target = [0.3, -2.0, 5.0, 1e-3];
        let f = |x: &[f64; 4]| {
            x.iter()
                .zip(target.iter())
                .enumerate()
                .map(|(i, (a, b))| (i + 1) as f64 * (a - b).powi(2))
                .sum::<f64>()
        };
        let m = nelder_mead(f, [0.0; 4], &NelderMeadOptions::default());
        assert!(m.converged);
        for (got, want) in m.x.iter().zip(target) {
            assert!((got - want).abs() < 1e-7, "{:?}", m.x);
        }
    }

    #[test]
    fn non_finite_regions_are_avoided_and_a_budget_is_respected() {
        // NaN for x < 0: the minimum at x = 0.5 is still found.
        let f = |x: &[f64; 1]| {
            if x[0] < 0.0 {
                f64::NAN
            } else {
                (x[0] - 0.5).powi(2)
            }
        };
        let m = nelder_mead(f, [3.0], &NelderMeadOptions::default());
        assert!(m.converged && (m.x[0] - 0.5).abs() < 1e-8);
        // A function without a minimum runs out of evaluations: not converged.
        let options = NelderMeadOptions {
            max_evaluations: 200,
            ..NelderMeadOptions::default()
        };
        let m = nelder_mead(|x: &[f64; 1]| -x[0], [0.0], &options);
        assert!(!m.converged);
        assert!(m.evaluations <= 200 + 4);
    }
}
