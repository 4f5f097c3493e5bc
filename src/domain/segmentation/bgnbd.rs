//! The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting
//! Your Customers the Easy Way: An Alternative to the Pareto/NBD Model",
//! Marketing Science 24(2)): while alive a customer buys as a Poisson process
//! with rate λ ~ Gamma(r, α); after each purchase they drop out with
//! probability p ~ Beta(a, b).
//!
//! Data conventions are exactly those of the paper and of the `lifetimes`
//! library (`summary_data_from_transaction_data`), in weeks:
//! - frequency x = repeat purchase days (distinct purchase days − 1),
//! - recency t_x = time from the first to the last purchase,
//! - age T = time from the first purchase to the end of calibration.
//!
//! Formulas: log-likelihood from section 7 of the paper / Hardie's note 004
//! (as in lifetimes' `BetaGeoFitter._negative_log_likelihood`), P(alive) from
//! Hardie's note 021, conditional expected purchases from the paper's eq. (10).

use super::clv::{DegenerateReason, ModelError};
use super::optimise::{nelder_mead, within_limits, NelderMeadOptions};
use super::special::ln_hyp2f1;
use serde::{Deserialize, Serialize};

/// One customer's calibration summary (x, t_x, T), times in weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RepeatSummary {
    /// x: repeat purchase days.
    pub frequency: u32,
    /// t_x: weeks from first to last purchase.
    pub recency: f64,
    /// T: weeks from first purchase to the end of calibration.
    pub age: f64,
}

/// Fitted BG/NBD parameters; α in weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// A fitted BG/NBD model and how the fit went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbdFit {
    pub params: BgNbdParams,
    /// Total log-likelihood at the fitted parameters (weeks, unscaled), the
    /// number the literature reports (−9582.4 on CDNOW).
    pub log_likelihood: f64,
    /// Customers in the fit, and how many of them bought again (x > 0).
    pub customers: usize,
    pub repeat_buyers: usize,
    pub iterations: usize,
    pub evaluations: usize,
}

/// Parameters below or above these are a fit running away, not an estimate.
/// The upper end is beyond the optimiser's bound on purpose: a and b → ∞
/// with a/(a+b) fixed is the legitimate limit of a dropout probability that
/// is the same for everyone (the Beta collapses to a point), the predictions
/// stay well defined there, and data with planted behaviour (our demo) sit
/// in that limit. A parameter at the lower bound (r → 0) is degenerate.
const PARAM_MIN: f64 = 1e-8;
const PARAM_MAX: f64 = 1e12;

/// Customers grouped by identical (x, t_x, T) with their counts: the
/// likelihood is evaluated once per pattern, not once per customer; the
/// terms that depend only on x once per distinct x, and ln(α + T) and
/// ln(α + t_x) once per distinct time (times come from whole days, so a few
/// thousand distinct values at most). A pattern then costs one `exp` and one
/// `ln_1p`.
struct Patterns {
    /// Distinct frequencies, ascending.
    xs: Vec<u32>,
    /// Distinct times (scaled), for both t_x and T.
    times: Vec<f64>,
    /// Per pattern: indices into `xs` and `times` (t_x, T), and the count.
    x_index: Vec<u32>,
    recency_index: Vec<u32>,
    age_index: Vec<u32>,
    weight: Vec<f64>,
}

/// Per-evaluation tables of [`Patterns::log_likelihood`], kept between calls
/// so an evaluation allocates nothing.
#[derive(Default)]
struct Scratch {
    /// Per distinct x: A1 + A2 and the x-only part of A4.
    per_x: Vec<(f64, f64)>,
    /// Per distinct time: ln(α + t).
    ln_alpha_t: Vec<f64>,
}

impl Patterns {
    fn new(data: &[RepeatSummary], scale: f64) -> Patterns {
        let mut rows: Vec<(u32, f64, f64)> = data
            .iter()
            .map(|s| (s.frequency, s.recency * scale, s.age * scale))
            .collect();
        rows.sort_by(|p, q| {
            p.0.cmp(&q.0)
                .then(p.1.total_cmp(&q.1))
                .then(p.2.total_cmp(&q.2))
        });
        let mut times: Vec<f64> = rows.iter().flat_map(|r| [r.1, r.2]).collect();
        times.sort_by(f64::total_cmp);
        times.dedup_by(|a, b| a.total_cmp(b).is_eq());
        let time_index = |t: f64| times.partition_point(|x| x.total_cmp(&t).is_lt()) as u32;
        let mut out = Patterns {
            xs: Vec::new(),
            times: Vec::new(),
            x_index: Vec::new(),
            recency_index: Vec::new(),
            age_index: Vec::new(),
            weight: Vec::new(),
        };
        let mut last: Option<(u32, f64, f64)> = None;
        for row in rows {
            if last == Some(row) {
                if let Some(w) = out.weight.last_mut() {
                    *w += 1.0;
                }
                continue;
            }
            if out.xs.last() != Some(&row.0) {
                out.xs.push(row.0);
            }
            out.x_index.push((out.xs.len() - 1) as u32);
            out.recency_index.push(time_index(row.1));
            out.age_index.push(time_index(row.2));
            out.weight.push(1.0);
            last = Some(row);
        }
        out.times = times;
        out
    }

    /// Total log-likelihood at `p` (in the patterns' time scale).
    ///
    /// The x-only terms A1 + A2 are ratios of Gamma functions at integer
    /// offsets, so they are computed as sums instead of ln Γ differences:
    /// `ln Γ(r+x) − ln Γ(r) = Σ_{k<x} ln(r+k)` and
    /// `ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x) + ln Γ(a+b) = Σ_{k<x} ln(1 − a/(a+b+k))`.
    /// Exact to rounding whatever the size of a and b, whereas the ln Γ
    /// differences lose digits when a and b are large (ln Γ(10⁷) ≈ 1.5·10⁸)
    /// and that noise stops the simplex from settling. One pass over
    /// k = 0..max x serves every distinct x.
    fn log_likelihood(&self, p: &BgNbdParams, scratch: &mut Scratch) -> f64 {
        let BgNbdParams { r, alpha, a, b } = *p;
        let (ln_alpha, ln_a) = (alpha.ln(), a.ln());
        scratch.per_x.clear();
        let (mut sum_r, mut sum_ab) = (0.0f64, 0.0f64);
        let mut k = 0u32;
        for &x in &self.xs {
            while k < x {
                let kf = f64::from(k);
                sum_r += (r + kf).ln();
                sum_ab += (-a / (a + b + kf)).ln_1p();
                k += 1;
            }
            // A1 + A2 (lifetimes' names) depend on x only.
            let a12 = sum_r + r * ln_alpha + sum_ab;
            // ln a − ln(b + x − 1), the x-only part of A4.
            let a4 = if x > 0 {
                ln_a - (b + f64::from(x) - 1.0).ln()
            } else {
                0.0
            };
            scratch.per_x.push((a12, a4));
        }
        scratch.ln_alpha_t.clear();
        scratch
            .ln_alpha_t
            .extend(self.times.iter().map(|t| (alpha + t).ln()));
        let mut total = 0.0;
        for i in 0..self.weight.len() {
            let xi = self.x_index[i] as usize;
            let x = f64::from(self.xs[xi]);
            let (a12, a4_x) = scratch.per_x[xi];
            let a3 = -(r + x) * scratch.ln_alpha_t[self.age_index[i] as usize];
            let ll = if x > 0.0 {
                let a4 = a4_x - (r + x) * scratch.ln_alpha_t[self.recency_index[i] as usize];
                a12 + log_add_exp(a3, a4)
            } else {
                a12 + a3
            };
            total += self.weight[i] * ll;
        }
        total
    }
}

/// ln(eᵃ + eᵇ) without overflow, with one `exp` and one `ln_1p`.
fn log_add_exp(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        return hi;
    }
    hi + (lo - hi).exp().ln_1p()
}

impl BgNbdParams {
    /// Total log-likelihood of `data` (weeks).
    pub fn log_likelihood(&self, data: &[RepeatSummary]) -> f64 {
        Patterns::new(data, 1.0).log_likelihood(self, &mut Scratch::default())
    }

    /// P(alive | x, t_x, T) (Hardie, note 021): 1 for x = 0, else
    /// 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)), computed in log form so
    /// it never overflows. Always in [0, 1].
    pub fn p_alive(&self, s: &RepeatSummary) -> f64 {
        if s.frequency == 0 {
            return 1.0;
        }
        let x = f64::from(s.frequency);
        let log_odds = (self.a / (self.b + x - 1.0)).ln()
            + (self.r + x) * ((self.alpha + s.age).ln() - (self.alpha + s.recency).ln());
        let p = logistic(-log_odds);
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// E[Y(t) | x, t_x, T]: expected repeat purchases in the next `t` weeks
    /// (the paper's eq. 10). `None` where the formula has no value (a+b+x ≤ 1,
    /// which only a degenerate fit produces) or does not evaluate finitely.
    ///
    /// Eq. 10 is P(alive) · (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ·
    /// ₂F₁(r+x, b+x; a+b+x−1; z)] with z = t/(α+T+t). The ₂F₁ here grows like
    /// (1−z)^−(r+x), beyond f64 for frequent customers, so it is summed in log
    /// form. Where its series converges slowly (large x, z near 1) we use
    /// Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z)
    /// instead, which turns the bracket into 1 − (1−z)^(a−1) ·
    /// ₂F₁(a+b−1−r, a−1; a+b+x−1; z), a series whose terms shrink fast unless
    /// a·z is large, which is exactly when the direct series is quick.
    /// (lifetimes switches between the same two forms when one overflows.)
    pub fn conditional_expected_purchases(&self, s: &RepeatSummary, t: f64) -> Option<f64> {
        let e = self.p_alive(s) * self.expected_purchases_if_alive(s, t)?;
        (e.is_finite() && e >= -1e-9).then_some(e.max(0.0))
    }

    /// Eq. 10 without its P(alive) factor, so a caller that needs several
    /// horizons for one customer (the CLV sum) computes P(alive) once.
    pub(crate) fn expected_purchases_if_alive(&self, s: &RepeatSummary, t: f64) -> Option<f64> {
        if t <= 0.0 {
            return Some(0.0);
        }
        let BgNbdParams { r, alpha, b, .. } = *self;
        // At a = 1 both (a−1) and the bracket vanish; the limit is smooth, so
        // step a hair aside rather than divide 0 by 0.
        let a = if (self.a - 1.0).abs() < 1e-7 {
            1.0 + 1e-7f64.copysign(self.a - 1.0)
        } else {
            self.a
        };
        let x = f64::from(s.frequency);
        let c = a + b + x - 1.0;
        if c <= 0.0 {
            return None;
        }
        let z = t / (alpha + s.age + t);
        let ln_1mz = (-z).ln_1p();
        // ln of (1−z)^(r+x) · ₂F₁(r+x, b+x; c; z), by either form.
        let ln_product = if a * z < 200.0 {
            (a - 1.0) * ln_1mz + ln_hyp2f1(a + b - 1.0 - r, a - 1.0, c, z)?
        } else {
            (r + x) * ln_1mz + ln_hyp2f1(r + x, b + x, c, z)?
        };
        let bracket = -ln_product.exp_m1();
        let e = c / (a - 1.0) * bracket;
        e.is_finite().then_some(e)
    }
}

fn logistic(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// The parameters at a point of the search space θ = (ln r, ln(r/α),
/// ln(a/b), ln(a+b)).
///
/// Why not simply (ln r, ln α, ln a, ln b): the likelihood often has long,
/// narrow ridges along which r and α (or a and b) grow together at a fixed
/// ratio (the limits of a purchase rate, or a dropout probability, that is
/// the same for everyone). Diagonal to the axes, such a ridge makes the
/// simplex zig-zag for tens of thousands of steps; along an axis, it walks
/// it in a few expansions. The maximum is the same point either way.
fn from_search_space(theta: &[f64; 4]) -> BgNbdParams {
    let r = theta[0].exp();
    let total = theta[3].exp();
    let share_a = 1.0 / (1.0 + (-theta[2]).exp());
    BgNbdParams {
        r,
        alpha: r * (-theta[1]).exp(),
        a: total * share_a,
        b: total * (1.0 - share_a),
    }
}

/// Fits BG/NBD by maximum likelihood.
///
/// As lifetimes does, time is rescaled so the oldest customer has T = 1
/// (α is scaled back afterwards): the four log-parameters are then of
/// similar size and the simplex moves well. The scaling changes the
/// likelihood only by a constant, so the estimate is the same.
pub fn fit(
    data: &[RepeatSummary],
    min_customers: usize,
    min_repeat_buyers: usize,
) -> Result<BgNbdFit, ModelError> {
    let customers = data.len();
    if customers < min_customers.max(1) {
        return Err(ModelError::TooFewCustomers {
            found: customers,
            needed: min_customers.max(1),
        });
    }
    let repeat_buyers = data.iter().filter(|s| s.frequency > 0).count();
    if repeat_buyers < min_repeat_buyers.max(1) {
        return Err(ModelError::TooFewRepeatBuyers {
            found: repeat_buyers,
            needed: min_repeat_buyers.max(1),
        });
    }
    let max_age = data
        .iter()
        .map(|s| s.age)
        .filter(|t| t.is_finite())
        .fold(0.0f64, f64::max);
    if max_age <= 0.0 {
        return Err(ModelError::NoHistory);
    }
    let scale = 1.0 / max_age;
    let patterns = Patterns::new(data, scale);
    let mut scratch = Scratch::default();
    let objective = |theta: &[f64; 4]| {
        if !within_limits(theta) {
            return f64::INFINITY;
        }
        -patterns.log_likelihood(&from_search_space(theta), &mut scratch)
    };
    // Start at r = α = a = b = 1 (in the scaled time).
    let start = [0.0, 0.0, 0.0, 2f64.ln()];
    let m = nelder_mead(objective, start, &NelderMeadOptions::default());
    if !m.converged {
        return Err(ModelError::NotConverged {
            evaluations: m.evaluations,
        });
    }
    let scaled = from_search_space(&m.x);
    let params = BgNbdParams {
        alpha: scaled.alpha / scale,
        ..scaled
    };
    let values = [params.r, params.alpha, params.a, params.b];
    if values
        .iter()
        .any(|v| !v.is_finite() || *v < PARAM_MIN || *v > PARAM_MAX)
    {
        return Err(ModelError::Degenerate {
            reason: DegenerateReason::ParametersRunAway,
        });
    }
    let log_likelihood = params.log_likelihood(data);
    if !log_likelihood.is_finite() {
        return Err(ModelError::Degenerate {
            reason: DegenerateReason::ParametersRunAway,
        });
    }
    Ok(BgNbdFit {
        params,
        log_likelihood,
        customers,
        repeat_buyers,
        iterations: m.iterations,
        evaluations: m.evaluations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segmentation::special::hyp2f1;

    const PUBLISHED: BgNbdParams = BgNbdParams {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
    };

    fn s(frequency: u32, recency: f64, age: f64) -> RepeatSummary {
        RepeatSummary {
            frequency,
            recency,
            age,
        }
    }

    /// Eq. 10 evaluated directly, without Euler's transformation.
    fn direct(p: &BgNbdParams, c: &RepeatSummary, t: f64) -> f64 {
        let x = f64::from(c.frequency);
        let z = t / (p.alpha + c.age + t);
        let f = hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1.0, z).unwrap();
        let bracket = 1.0 - ((p.alpha + c.age) / (p.alpha + c.age + t)).powf(p.r + x) * f;
        (p.a + p.b + x - 1.0) / (p.a - 1.0) * bracket * p.p_alive(c)
    }

    #[test]
    fn the_transformed_expectation_equals_the_direct_formula() {
        for c in [
            s(0, 0.0, 38.86),
            s(2, 30.43, 38.86),
            s(7, 35.0, 38.0),
            s(1, 1.71, 38.86),
        ] {
            for t in [1.0, 10.0, 39.0, 52.0] {
                let ours = PUBLISHED.conditional_expected_purchases(&c, t).unwrap();
                let theirs = direct(&PUBLISHED, &c, t);
                assert!(
                    (ours - theirs).abs() < 1e-9 * theirs.max(1.0),
                    "{c:?} t={t}: {ours} vs {theirs}"
                );
            }
        }
    }

    #[test]
    fn expectations_and_p_alive_behave_at_the_edges() {
        let p = PUBLISHED;
        // No time, no purchases; one-time buyers are "alive" by the model.
        assert_eq!(
            p.conditional_expected_purchases(&s(3, 10.0, 20.0), 0.0),
            Some(0.0)
        );
        assert_eq!(p.p_alive(&s(0, 0.0, 50.0)), 1.0);
        // A customer who bought often and long ago is probably gone.
        assert!(p.p_alive(&s(20, 1.0, 300.0)) < 1e-6);
        // Extreme inputs stay finite: x = 5000, z close to 1.
        let e = p
            .conditional_expected_purchases(&s(5000, 3000.0, 3000.5), 5000.0)
            .unwrap();
        assert!(e.is_finite() && e > 0.0);
        // Expected purchases grow with the horizon.
        let c = s(2, 30.43, 38.86);
        let e1 = p.conditional_expected_purchases(&c, 10.0).unwrap();
        let e2 = p.conditional_expected_purchases(&c, 20.0).unwrap();
        assert!(e2 > e1);
        // a = 1 exactly: the limit, not 0/0.
        let one = BgNbdParams { a: 1.0, ..p };
        let e = one.conditional_expected_purchases(&c, 10.0).unwrap();
        let near = BgNbdParams { a: 1.0 + 1e-4, ..p }
            .conditional_expected_purchases(&c, 10.0)
            .unwrap();
        assert!((e - near).abs() < 1e-3, "{e} vs {near}");
    }

    #[test]
    fn a_fit_without_enough_data_is_a_typed_error() {
        let none: Vec<RepeatSummary> = vec![];
        assert_eq!(
            fit(&none, 10, 1),
            Err(ModelError::TooFewCustomers {
                found: 0,
                needed: 10
            })
        );
        let one_timers = vec![s(0, 0.0, 10.0); 50];
        assert_eq!(
            fit(&one_timers, 10, 1),
            Err(ModelError::TooFewRepeatBuyers {
                found: 0,
                needed: 1
            })
        );
        let all_today = vec![s(1, 0.0, 0.0); 50];
        assert_eq!(fit(&all_today, 10, 1), Err(ModelError::NoHistory));
    }

    #[test]
    fn a_fit_on_simulated_data_recovers_its_parameters() {
        // Deterministic pseudo-random draws from the model itself.
        use rand::{Rng, SeedableRng};
        use rand_distr::{Beta, Distribution, Gamma};
        let truth = BgNbdParams {
            r: 0.5,
            alpha: 5.0,
            a: 0.8,
            b: 3.0,
        };
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let lambda = Gamma::new(truth.r, 1.0 / truth.alpha).unwrap();
        let drop = Beta::new(truth.a, truth.b).unwrap();
        let data: Vec<RepeatSummary> = (0..20_000)
            .map(|_| {
                let (l, p) = (lambda.sample(&mut rng), drop.sample(&mut rng));
                let age = 52.0;
                let (mut t, mut x, mut last) = (0.0, 0u32, 0.0);
                loop {
                    t += -rng.random::<f64>().ln() / l;
                    if t > age {
                        break;
                    }
                    x += 1;
                    last = t;
                    if rng.random::<f64>() < p {
                        break;
                    }
                }
                s(x, last, age)
            })
            .collect();
        let f = fit(&data, 10, 10).unwrap();
        let got = f.params;
        for (name, g, w) in [
            ("r", got.r, truth.r),
            ("alpha", got.alpha, truth.alpha),
            ("a", got.a, truth.a),
            ("b", got.b, truth.b),
        ] {
            assert!((g - w).abs() / w < 0.25, "{name}: fitted {g}, true {w}");
        }
        assert!(f.log_likelihood >= truth.log_likelihood(&data) - 1e-6);
    }
}
