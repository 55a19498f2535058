# SPDX-License-Identifier: GPL-3.0-or-later
# Reference fixtures for tests/stats/life/*_test.cpp, computed once with R's survival package.
# Run from this directory:  Rscript make_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3 (Debian 12 packages r-base-core, r-cran-survival).
# Outputs: CSV files, 17 significant digits. Scalars are written as "name,value" rows.
suppressPackageStartupMessages(library(survival))
options(digits = 17)

wtab <- function(df, file) write.csv(df, file, row.names = FALSE, quote = FALSE, na = "NaN")
wkv <- function(lst, file) {
  df <- data.frame(name = names(lst), value = sprintf("%.17g", unlist(lst)))
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}

# ---- Kaplan-Meier, Greenwood, log-log CI, Nelson-Aalen: aml and lung ----------------------
km_table <- function(fit) data.frame(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event,
                                     n_censor = fit$n.censor, surv = fit$surv, std_err = fit$std.err,
                                     lower = fit$lower, upper = fit$upper, cumhaz = fit$cumhaz,
                                     std_chaz = fit$std.chaz)
wtab(data.frame(time = aml$time, status = aml$status, group = as.integer(aml$x) - 1L), "aml.csv")
wtab(km_table(survfit(Surv(time, status) ~ 1, data = aml, conf.type = "log-log")), "km_aml_loglog.csv")
lung2 <- data.frame(time = lung$time, status = lung$status - 1L, group = lung$sex - 1L)
wtab(lung2, "lung.csv")
wtab(km_table(survfit(Surv(time, status) ~ 1, data = lung2, conf.type = "log-log")), "km_lung_loglog.csv")
wtab(km_table(survfit(Surv(time, status) ~ 1, data = aml, conf.type = "log")), "km_aml_log.csv")

# ---- log-rank (survdiff, rho = 0) -------------------------------------------------------------
lr <- function(d) {
  s <- survdiff(Surv(time, status) ~ group, data = d)
  list(chisq = s$chisq, df = length(s$n) - 1, p = pchisq(s$chisq, length(s$n) - 1, lower.tail = FALSE),
       obs0 = s$obs[1], obs1 = s$obs[2], exp0 = s$exp[1], exp1 = s$exp[2], var00 = s$var[1, 1])
}
wkv(lr(read.csv("aml.csv")), "logrank_aml.csv")
wkv(lr(lung2), "logrank_lung.csv")

# ---- interval-censored instrument data (hand-made, deterministic) --------------------------
# 80 gauges, Weibull(shape 1.8, scale 900 d) drift-out times, verified every 180 d (+- up to 20 d);
# a failure is known only between the last pass and the first fail ("interval2": left, right).
# 10 % leave service unfailed (right-censored), 5 gauges failed at the first verification
# (left-censored, left = NA), 4 have exact times (a witnessed breakdown: left == right).
set.seed(20240601)
n <- 80
tfail <- rweibull(n, shape = 1.8, scale = 900)
left <- right <- numeric(n)
for (i in seq_len(n)) {
  visits <- cumsum(180 + round(runif(12, -20, 20)))
  k <- which(visits >= tfail[i])[1]
  if (is.na(k)) { left[i] <- visits[12]; right[i] <- NA }
  else { left[i] <- if (k == 1) NA else visits[k - 1]; right[i] <- visits[k] }
}
withdraw <- sample(which(!is.na(right) & !is.na(left)), 8)
for (i in withdraw) right[i] <- NA
exact <- sample(which(!is.na(right) & !is.na(left)), 4)
for (i in exact) { left[i] <- round(tfail[i]); right[i] <- left[i] }
ic <- data.frame(left = left, right = right)
wtab(ic, "interval_gauges.csv")

# Turnbull NPMLE (survfit on interval2 data runs the EM / Turnbull algorithm)
tb <- survfit(Surv(left, right, type = "interval2") ~ 1, data = ic)
wtab(data.frame(time = tb$time, surv = tb$surv), "turnbull_gauges.csv")
# Small textbook-style set with ties and a zero-length interval
small <- data.frame(left = c(0, 2, 3, 5, 5, NA, 4, 6, 1, 7), right = c(3, 6, 3, NA, 9, 4, 8, NA, 5, 10))
wtab(small, "interval_small.csv")
tbs <- survfit(Surv(left, right, type = "interval2") ~ 1, data = small)
wtab(data.frame(time = tbs$time, surv = tbs$surv), "turnbull_small.csv")

# ---- parametric life models (survreg) ---------------------------------------------------------
sr <- function(fit, prefix) {
  v <- fit$var
  q <- predict(fit, newdata = data.frame(one = 1)[1, , drop = FALSE], type = "quantile",
               p = c(0.1, 0.5), se.fit = TRUE)
  out <- list(mu = unname(coef(fit)[1]), loglik = fit$loglik[2], aic = AIC(fit),
              var_mu_mu = v[1, 1], b10 = q$fit[1], b10_se = q$se.fit[1], b50 = q$fit[2],
              b50_se = q$se.fit[2], iterations = fit$iter)
  if (nrow(v) > 1) out <- c(out, list(log_scale = log(fit$scale), var_mu_ls = v[1, 2],
                                      var_ls_ls = v[2, 2]))
  names(out) <- paste0(prefix, "_", names(out))
  out
}
res <- list()
for (d in c("weibull", "lognormal", "exponential")) {
  res <- c(res, sr(survreg(Surv(time, status) ~ 1, data = aml, dist = d), paste0("aml_", d)))
  res <- c(res, sr(survreg(Surv(time, status) ~ 1, data = lung2, dist = d), paste0("lung_", d)))
  res <- c(res, sr(survreg(Surv(left, right, type = "interval2") ~ 1, data = ic, dist = d),
                   paste0("gauges_", d)))
}
wkv(res, "survreg.csv")

# ---- OLS / WLS with confidence and prediction intervals (lm on R's cars) ----------------------
wtab(cars, "cars.csv")
lmfit <- function(fit, prefix) {
  nd <- data.frame(speed = 21)
  ci <- predict(fit, nd, interval = "confidence", level = 0.95)
  pi <- predict(fit, nd, interval = "prediction", level = 0.95, weights = 1)
  s <- summary(fit)
  out <- list(b0 = coef(fit)[1], b1 = coef(fit)[2], se0 = s$coefficients[1, 2],
              se1 = s$coefficients[2, 2], sigma = s$sigma, r2 = s$r.squared,
              fit21 = ci[1, 1], ci_lwr = ci[1, 2], ci_upr = ci[1, 3], pi_lwr = pi[1, 2],
              pi_upr = pi[1, 3])
  names(out) <- paste0(prefix, "_", names(out))
  lapply(out, unname)
}
wkv(c(lmfit(lm(dist ~ speed, data = cars), "ols"),
      lmfit(lm(dist ~ speed, data = cars, weights = 1 / speed), "wls")), "lm_cars.csv")
