//! The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005,
//! "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", Journal
//! of Marketing Research 42(4); Fader & Hardie, note 025 "The Gamma-Gamma
//! Model of Monetary Value"): a customer's purchases have mean ν with
//! ν ~ Gamma(q, v) across customers and spread p.
//!
//! Data conventions as lifetimes: fitted on repeat buyers only (x > 0), with
//! m = the mean spend of their *repeat* purchase days (the first purchase
//! excluded), x = the number of those days. On CDNOW this gives the published
//! p = 6.25, q = 3.74, v = 15.44.

use super::clv::{DegenerateReason, ModelError};
use super::optimise::{nelder_mead, within_limits, NelderMeadOptions};
use super::special::ln_gamma;
use serde::{Deserialize, Serialize};

/// One repeat buyer's spend summary.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SpendSummary {
    /// x: repeat purchase days.
    pub frequency: u32,
    /// m: mean net spend of those days, in major units (yuan).
    pub mean_spend: f64,
}

/// Fitted Gamma-Gamma parameters (v in major units).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

/// A fitted Gamma-Gamma model and how the fit went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaFit {
    pub params: GammaGammaParams,
    /// Total log-likelihood at the fitted parameters (major units).
    pub log_likelihood: f64,
    /// Repeat buyers with positive mean spend in the fit.
    pub customers: usize,
    pub iterations: usize,
    pub evaluations: usize,
}

impl GammaGammaParams {
    /// Total log-likelihood (note 025, eq. 1a; as lifetimes'
    /// `GammaGammaFitter._negative_log_likelihood`) of the usable summaries
    /// (x > 0, m > 0).
    pub fn log_likelihood(&self, data: &[SpendSummary]) -> f64 {
        SpendData::new(data, 1.0).log_likelihood(self, &mut Vec::new())
    }

    /// E(ν), the population mean spend per purchase v·p/(q−1); `None` when
    /// q ≤ 1, where the model's mean is infinite.
    pub fn population_mean(&self) -> Option<f64> {
        let mean = self.v * self.p / (self.q - 1.0);
        (self.q > 1.0 && mean.is_finite()).then_some(mean)
    }

    /// E[spend per purchase | x, m] (note 025, eq. 5): a weighted average of
    /// the customer's own mean and the population mean, with weight
    /// p·x/(p·x + q − 1) on their own. For x = 0 it is the population mean. A
    /// negative own mean (refunds) counts as 0.
    pub fn conditional_expected_spend(&self, frequency: u32, mean_spend: f64) -> Option<f64> {
        let population = self.population_mean()?;
        let px = self.p * f64::from(frequency);
        let own = if mean_spend.is_finite() {
            mean_spend.max(0.0)
        } else {
            0.0
        };
        let weight = px / (px + self.q - 1.0);
        let e = (1.0 - weight) * population + weight * own;
        e.is_finite().then_some(e)
    }
}

/// The usable summaries prepared for repeated likelihood evaluations: the
/// terms that depend only on x (the ln Γ ones) are computed once per distinct
/// x and evaluation, ln m once per customer and fit, so a customer costs one
/// `ln` per evaluation.
struct SpendData {
    /// Distinct frequencies, ascending.
    xs: Vec<u32>,
    /// Per customer: index into `xs`, x, m (scaled) and ln m.
    x_index: Vec<u32>,
    x: Vec<f64>,
    m: Vec<f64>,
    ln_m: Vec<f64>,
}

impl SpendData {
    fn new(data: &[SpendSummary], scale: f64) -> SpendData {
        let mut rows: Vec<(u32, f64)> = data
            .iter()
            .filter(|s| usable(s))
            .map(|s| (s.frequency, s.mean_spend / scale))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut out = SpendData {
            xs: Vec::new(),
            x_index: Vec::new(),
            x: Vec::new(),
            m: Vec::new(),
            ln_m: Vec::new(),
        };
        for (x, m) in rows {
            if out.xs.last() != Some(&x) {
                out.xs.push(x);
            }
            out.x_index.push((out.xs.len() - 1) as u32);
            out.x.push(f64::from(x));
            out.m.push(m);
            out.ln_m.push(m.ln());
        }
        out
    }

    /// Total log-likelihood at `params` (in the data's spend scale).
    fn log_likelihood(&self, params: &GammaGammaParams, per_x: &mut Vec<f64>) -> f64 {
        let GammaGammaParams { p, q, v } = *params;
        let (lg_q, ln_v) = (ln_gamma(q), v.ln());
        per_x.clear();
        per_x.extend(self.xs.iter().map(|&x| {
            let px = p * f64::from(x);
            ln_gamma(px + q) - ln_gamma(px) - lg_q + q * ln_v + px * f64::from(x).ln()
        }));
        let mut total = 0.0;
        for i in 0..self.x.len() {
            let (x, m) = (self.x[i], self.m[i]);
            let px = p * x;
            total += per_x[self.x_index[i] as usize] + (px - 1.0) * self.ln_m[i]
                - (px + q) * (x * m + v).ln();
        }
        total
    }
}

fn usable(s: &SpendSummary) -> bool {
    s.frequency > 0 && s.mean_spend > 0.0 && s.mean_spend.is_finite()
}

/// Fits Gamma-Gamma by maximum likelihood on the usable summaries.
///
/// Spends are divided by their mean before the fit (v scales with them, p and
/// q do not), so the start point suits yuan, dollars or cents alike.
pub fn fit(data: &[SpendSummary], min_customers: usize) -> Result<GammaGammaFit, ModelError> {
    let usable_data: Vec<SpendSummary> = data.iter().copied().filter(usable).collect();
    let n = usable_data.len();
    if n < min_customers.max(1) {
        return Err(ModelError::TooFewRepeatBuyers {
            found: n,
            needed: min_customers.max(1),
        });
    }
    let scale = usable_data.iter().map(|s| s.mean_spend).sum::<f64>() / n as f64;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ModelError::Degenerate {
            reason: DegenerateReason::ParametersRunAway,
        });
    }
    let prepared = SpendData::new(&usable_data, scale);
    let mut per_x = Vec::with_capacity(prepared.xs.len());
    let objective = |lp: &[f64; 3]| {
        if !within_limits(lp) {
            return f64::INFINITY;
        }
        let params = GammaGammaParams {
            p: lp[0].exp(),
            q: lp[1].exp(),
            v: lp[2].exp(),
        };
        -prepared.log_likelihood(&params, &mut per_x)
    };
    // Start at p = 1, q = e (a finite mean), v = 1 (the scaled mean's scale).
    let m = nelder_mead(objective, [0.0, 1.0, 0.0], &NelderMeadOptions::default());
    if !m.converged {
        return Err(ModelError::NotConverged {
            evaluations: m.evaluations,
        });
    }
    let params = GammaGammaParams {
        p: m.x[0].exp(),
        q: m.x[1].exp(),
        v: m.x[2].exp() * scale,
    };
    if [params.p, params.q, params.v]
        .iter()
        .any(|v| !v.is_finite() || *v <= 0.0)
    {
        return Err(ModelError::Degenerate {
            reason: DegenerateReason::ParametersRunAway,
        });
    }
    if params.population_mean().is_none() {
        return Err(ModelError::Degenerate {
            reason: DegenerateReason::NoFiniteMeanSpend,
        });
    }
    let log_likelihood = params.log_likelihood(&usable_data);
    Ok(GammaGammaFit {
        params,
        log_likelihood,
        customers: n,
        iterations: m.iterations,
        evaluations: m.evaluations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLISHED: GammaGammaParams = GammaGammaParams {
        p: 6.25,
        q: 3.74,
        v: 15.44,
    };

    #[test]
    fn the_conditional_expectation_shrinks_towards_the_population_mean() {
        let p = PUBLISHED;
        let mean = p.population_mean().unwrap();
        assert!((mean - 15.44 * 6.25 / 2.74).abs() < 1e-12);
        assert_eq!(p.conditional_expected_spend(0, 99.0), Some(mean));
        let one = p.conditional_expected_spend(1, 100.0).unwrap();
        let ten = p.conditional_expected_spend(10, 100.0).unwrap();
        // More purchases, more weight on the customer's own mean.
        assert!(mean < one && one < ten && ten < 100.0);
        // Refund-heavy customers are pulled up from 0, never negative.
        assert!(p.conditional_expected_spend(2, -50.0).unwrap() > 0.0);
        assert_eq!(
            GammaGammaParams { q: 0.9, ..p }.conditional_expected_spend(2, 10.0),
            None
        );
    }

    #[test]
    fn unusable_summaries_are_left_out_and_too_few_is_an_error() {
        let data = vec![
            SpendSummary {
                frequency: 0,
                mean_spend: 10.0,
            },
            SpendSummary {
                frequency: 2,
                mean_spend: 0.0,
            },
            SpendSummary {
                frequency: 2,
                mean_spend: f64::INFINITY,
            },
        ];
        assert_eq!(
            fit(&data, 5),
            Err(ModelError::TooFewRepeatBuyers {
                found: 0,
                needed: 5
            })
        );
        assert!(PUBLISHED.log_likelihood(&data) == 0.0);
    }

    #[test]
    fn identical_spends_do_not_break_the_fit() {
        // Everyone spends exactly 20 per purchase: the spread p runs away (no
        // variation within customers); the result must be an error or finite.
        let data: Vec<SpendSummary> = (1..=200)
            .map(|i| SpendSummary {
                frequency: 1 + i % 5,
                mean_spend: 20.0,
            })
            .collect();
        match fit(&data, 10) {
            Ok(f) => {
                // Whatever the parameters, the prediction is the one spend seen.
                let e = f.params.conditional_expected_spend(3, 20.0).unwrap();
                assert!((e - 20.0).abs() < 0.2, "{e} from {:?}", f.params);
                assert!(f.log_likelihood.is_finite());
            }
            Err(e) => assert!(matches!(
                e,
                ModelError::NotConverged { .. } | ModelError::Degenerate { .. }
            )),
        }
    }
}
