# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for tests/stats/rates (metroeval_stats_rates), computed with base R only.
# Run from this folder:  Rscript make_fixtures.R
# Numbers are written with 17 significant digits; fields that hold several numbers separate them
# with spaces. "NA" marks an undefined value. Re-running must reproduce the committed files.

fmt <- function(v) ifelse(is.na(v), "NA", ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"),
                                                 sprintf("%.17g", v)))
vec <- function(v) paste(fmt(v), collapse = " ")
put <- function(df, file) {
  write.table(df, file, sep = ",", row.names = FALSE, quote = FALSE)
  cat("wrote", file, "\n")
}
cat("R version:", R.version.string, "\n")

## 1. Single-proportion intervals -----------------------------------------------------------
# Wilson: prop.test(correct = FALSE)$conf.int; Clopper-Pearson: binom.test()$conf.int;
# Jeffreys: qbeta(alpha/2, x + 1/2, n - x + 1/2) with 0 / 1 at x = 0 / x = n (Brown, Cai &
# DasGupta 2001); Agresti-Coull: formula of Agresti & Coull (1998), clamped to [0, 1].
cases <- data.frame(x = c(0, 1, 5, 15, 81, 20, 3, 47, 999, 500),
                    n = c(10, 29, 5, 148, 263, 20, 7, 50, 1000, 1000),
                    level = c(0.95, 0.95, 0.99, 0.90, 0.95, 0.95, 0.998, 0.95, 0.99, 0.95))
rows <- lapply(seq_len(nrow(cases)), function(i) {
  x <- cases$x[i]; n <- cases$n[i]; lv <- cases$level[i]; a <- 1 - lv
  w <- suppressWarnings(prop.test(x, n, conf.level = lv, correct = FALSE)$conf.int)
  cp <- binom.test(x, n, conf.level = lv)$conf.int
  jl <- if (x == 0) 0 else qbeta(a / 2, x + 0.5, n - x + 0.5)
  ju <- if (x == n) 1 else qbeta(1 - a / 2, x + 0.5, n - x + 0.5)
  z <- qnorm(1 - a / 2); nt <- n + z^2; pt <- (x + z^2 / 2) / nt
  h <- z * sqrt(pt * (1 - pt) / nt)
  data.frame(x = x, n = n, level = lv, wilson_lo = fmt(w[1]), wilson_hi = fmt(w[2]),
             cp_lo = fmt(cp[1]), cp_hi = fmt(cp[2]), jeffreys_lo = fmt(jl), jeffreys_hi = fmt(ju),
             ac_lo = fmt(max(0, pt - h)), ac_hi = fmt(min(1, pt + h)))
})
put(do.call(rbind, rows), "proportion_intervals.csv")

## 2. Newcombe (1998) method 10 for p1 - p2, from the Wilson bounds of prop.test -------------
dcases <- data.frame(x1 = c(56, 9, 6, 5, 0, 0, 10, 10, 1, 40),
                     n1 = c(70, 10, 7, 56, 10, 10, 10, 10, 3, 200),
                     x2 = c(48, 3, 2, 0, 0, 0, 0, 9, 2, 31),
                     n2 = c(80, 10, 7, 29, 20, 10, 20, 10, 2, 210))
rows <- lapply(seq_len(nrow(dcases)), function(i) {
  with(dcases[i, ], {
    w1 <- suppressWarnings(prop.test(x1, n1, correct = FALSE)$conf.int)
    w2 <- suppressWarnings(prop.test(x2, n2, correct = FALSE)$conf.int)
    p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
    data.frame(x1 = x1, n1 = n1, x2 = x2, n2 = n2, estimate = fmt(d),
               lower = fmt(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)),
               upper = fmt(d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))
  })
})
put(do.call(rbind, rows), "newcombe_difference.csv")

## 3. Pearson chi-square, chisq.test -------------------------------------------------------------
tabs <- list(
  list(m = matrix(c(12, 5, 9, 7), 2, byrow = TRUE), correct = FALSE),
  list(m = matrix(c(12, 5, 9, 7), 2, byrow = TRUE), correct = TRUE),
  # Agresti (2002) Table 3.2
  list(m = matrix(c(762, 327, 468, 484, 239, 477), 2, byrow = TRUE), correct = FALSE),
  list(m = matrix(c(95, 5, 180, 20, 48, 2, 300, 9), 4, byrow = TRUE), correct = FALSE),
  list(m = matrix(c(3, 1, 2, 0, 4, 1, 5, 2, 2), 3, byrow = TRUE), correct = FALSE),
  list(m = matrix(c(2, 8, 1, 9), 2, byrow = TRUE), correct = TRUE))
rows <- lapply(tabs, function(t) {
  r <- suppressWarnings(chisq.test(t$m, correct = t$correct))
  data.frame(rows = nrow(t$m), cols = ncol(t$m), cells = vec(t(t$m)),
             correct = as.integer(t$correct),
             statistic = fmt(unname(r$statistic)), df = unname(r$parameter), p = fmt(r$p.value),
             min_expected = fmt(min(r$expected)), below5 = sum(r$expected < 5))
})
put(do.call(rbind, rows), "chisq.csv")

## 4. Fisher exact 2x2, fisher.test (p, conditional MLE, conditional CI) --------------------------
f2 <- data.frame(a = c(3, 12, 0, 10, 1, 7, 50, 2),
                 b = c(1, 5, 10, 0, 9, 3, 950, 3),
                 c = c(1, 9, 5, 3, 11, 7, 70, 3),
                 d = c(3, 7, 5, 7, 3, 3, 930, 2),
                 alt = c("two.sided", "two.sided", "two.sided", "two.sided", "less", "greater",
                         "two.sided", "two.sided"))
# fisher.test finds the estimate and bounds with uniroot at its default tolerance (~1.2e-4 on a
# (0, 1] scale, so bounds obtained as 1/root can be off by several %). The *_tight columns redo
# the same definitions (Agresti 2002 s.3.5.7) from dhyper with uniroot(tol = 1e-15) on log(theta).
tight <- function(a, b, c, d, alt, level = 0.95) {
  m <- a + c; n <- b + d; k <- a + b; x <- a
  lo <- max(0, k - n); hi <- min(k, m); s <- lo:hi
  ld <- dhyper(s, m, n, k, log = TRUE)
  dn <- function(lt) { e <- ld + lt * s; e <- exp(e - max(e)); e / sum(e) }
  mn <- function(lt) sum(s * dn(lt))
  pn <- function(lt, upper) if (upper) sum(dn(lt)[s >= x]) else sum(dn(lt)[s <= x])
  root <- function(f) exp(uniroot(f, c(-60, 60), tol = 1e-15)$root)
  est <- if (x == lo) 0 else if (x == hi) Inf else root(function(lt) mn(lt) - x)
  up <- function(al) if (x == hi) Inf else root(function(lt) pn(lt, FALSE) - al)
  low <- function(al) if (x == lo) 0 else root(function(lt) pn(lt, TRUE) - al)
  ci <- switch(alt, two.sided = c(low((1 - level) / 2), up((1 - level) / 2)),
               less = c(0, up(1 - level)), greater = c(low(1 - level), Inf))
  c(est, ci)
}
rows <- lapply(seq_len(nrow(f2)), function(i) {
  with(f2[i, ], {
    r <- fisher.test(matrix(c(a, b, c, d), 2, byrow = TRUE), alternative = alt)
    tt <- tight(a, b, c, d, alt)
    data.frame(a = a, b = b, c = c, d = d, alternative = alt, p = fmt(r$p.value),
               estimate = fmt(unname(r$estimate)), lower = fmt(r$conf.int[1]),
               upper = fmt(r$conf.int[2]), estimate_tight = fmt(tt[1]), lower_tight = fmt(tt[2]),
               upper_tight = fmt(tt[3]))
  })
})
put(do.call(rbind, rows), "fisher_2x2.csv")

## 5. Fisher-Freeman-Halton exact on r x 2, fisher.test ----------------------------------------
rx2 <- list(list(s = c(19, 15, 9, 20), f = c(1, 5, 6, 0)),
            list(s = c(48, 40, 37), f = c(2, 10, 3)),
            list(s = c(5, 3, 4, 6, 2), f = c(0, 2, 1, 0, 3)),
            list(s = c(30, 28, 25, 29, 27, 20), f = c(0, 2, 5, 1, 3, 10)))
rows <- lapply(rx2, function(t) {
  r <- fisher.test(cbind(t$s, t$f))
  data.frame(successes = vec(t$s), failures = vec(t$f), p = fmt(r$p.value))
})
put(do.call(rbind, rows), "fisher_rx2.csv")

## 6. Holm and Benjamini-Hochberg, p.adjust --------------------------------------------------
pv <- c(0.01, 0.04, 0.03, NA, 0.005, 0.2, 0.04, 0.9, 0.0001, 0.5)
put(data.frame(p = fmt(pv), holm = fmt(p.adjust(pv, "holm")), bh = fmt(p.adjust(pv, "BH"))),
    "p_adjust.csv")

## 7. Mann-Kendall: cor.test(time, y, method = "kendall", exact = FALSE, continuity = TRUE) -----
# With untied times, cor.test's variance reduces to the Mann-Kendall tie-corrected Var(S)
# (Hipel & McLeod 1994; Gilbert 1987 eq. 16.4); S and Var(S) are also computed directly here.
mkS <- function(y) { n <- length(y); s <- 0
  for (i in 1:(n - 1)) for (j in (i + 1):n) s <- s + sign(y[j] - y[i]); s }
mkVar <- function(y) { n <- length(y); t <- table(y)
  (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5))) / 18 }
series <- list(
  c(0.92, 0.95, 0.91, 0.94, 0.90, 0.88, 0.89, 0.86, 0.87, 0.85, 0.84, 0.86),
  c(5, 3, 3, 4, 7, 7, 7, 6, 9, 8, 9, 10, 12, 11),                         # ties in y
  c(1.2, 1.1, 1.4, 1.3, 1.2, 1.5, 1.1, 1.2, 1.3, 1.4),
  c(0.10, 0.10, 0.12, 0.10, 0.15, 0.12, 0.10, 0.18, 0.20, 0.20, 0.22, 0.25, 0.22, 0.30, 0.31),
  c(3, 1, 2))
rows <- lapply(series, function(y) {
  r <- cor.test(seq_along(y), y, method = "kendall", exact = FALSE, continuity = TRUE)
  data.frame(y = vec(y), s = mkS(y), var_s = fmt(mkVar(y)), z = fmt(unname(r$statistic)),
             p = fmt(r$p.value), tau = fmt(unname(r$estimate)))
})
put(do.call(rbind, rows), "mann_kendall.csv")

## 8. Sen slope and its interval (Gilbert 1987 s.16.5.2) in base R -----------------------------
senRef <- function(t, y, level) {
  n <- length(y); sl <- c()
  for (i in 1:(n - 1)) for (j in (i + 1):n)
    if (t[j] != t[i]) sl <- c(sl, (y[j] - y[i]) / (t[j] - t[i]))
  sl <- sort(sl); N <- length(sl)
  C <- qnorm(1 - (1 - level) / 2) * sqrt(mkVar(y))
  ost <- function(r) if (r < 1 || r > N) NA else approx(seq_len(N), sl, xout = r)$y
  b <- median(sl)
  c(b, median(y - b * t), ost((N - C) / 2), ost((N + C) / 2 + 1))
}
sen <- list(list(t = 0:11, y = series[[1]], level = 0.95),
            list(t = 0:13, y = series[[2]], level = 0.90),
            list(t = c(0, 1, 2.5, 3, 4.5, 6, 7, 9, 10, 12), y = series[[3]], level = 0.95),
            list(t = 0:14, y = series[[4]], level = 0.99),
            list(t = 0:2, y = series[[5]], level = 0.95))
rows <- lapply(sen, function(s) {
  r <- senRef(s$t, s$y, s$level)
  data.frame(t = vec(s$t), y = vec(s$y), level = s$level, slope = fmt(r[1]), intercept = fmt(r[2]),
             lower = fmt(r[3]), upper = fmt(r[4]))
})
put(do.call(rbind, rows), "sen_slope.csv")

## 9. Cochran-Armitage trend test, prop.trend.test -----------------------------------------
# first case: the smokers example of R's ?prop.test
ca <- list(list(x = c(83, 90, 129, 70), n = c(86, 93, 136, 82), score = NULL),
           list(x = c(48, 45, 44, 40, 38), n = c(50, 50, 50, 50, 50), score = NULL),
           list(x = c(10, 12, 30), n = c(100, 80, 150), score = c(0, 1, 4)),
           list(x = c(5, 0, 7, 9), n = c(10, 0, 10, 10), score = NULL))
rows <- lapply(ca, function(c) {
  keep <- c$n > 0
  sc <- if (is.null(c$score)) seq_along(c$x) else c$score
  r <- prop.trend.test(c$x[keep], c$n[keep], sc[keep])
  data.frame(x = vec(c$x), n = vec(c$n), score = if (is.null(c$score)) "default" else vec(c$score),
             chisq = fmt(unname(r$statistic)), p = fmt(r$p.value))
})
put(do.call(rbind, rows), "cochran_armitage.csv")

## 10. Exact binomial funnel limits, Spiegelhalter (2005) Appendix A.1.1, with qbinom/pbinom ----
funnel <- function(theta, n, P) {
  r <- qbinom(P, n, theta)
  a <- (pbinom(r, n, theta) - P) / (pbinom(r, n, theta) - pbinom(r - 1, n, theta))
  min(1, max(0, (r - a) / n))
}
fc <- expand.grid(theta = c(0.02, 0.1, 0.5, 0.93), n = c(1, 10, 57, 400, 5000))
rows <- lapply(seq_len(nrow(fc)), function(i) {
  th <- fc$theta[i]; n <- fc$n[i]
  data.frame(theta = th, n = n, lo95 = fmt(funnel(th, n, 0.025)), hi95 = fmt(funnel(th, n, 0.975)),
             lo998 = fmt(funnel(th, n, 0.001)), hi998 = fmt(funnel(th, n, 0.999)))
})
put(do.call(rbind, rows), "funnel_limits.csv")

## 11. Empirical-Bayes beta-binomial -------------------------------------------------------
# Moments: Kleinman (1973) weighted estimator written out below; MLE: optim (BFGS, reltol 1e-15)
# on the beta-binomial marginal log-likelihood in (logit mu, log M), then posterior Beta quantiles.
eb <- list(list(x = c(18, 45, 9, 97, 28, 3, 60, 41), n = c(20, 50, 12, 100, 35, 5, 70, 44)),
           list(x = c(1, 8, 15, 3, 22, 0, 5), n = c(30, 40, 60, 25, 70, 10, 45)))
ebRows <- lapply(seq_along(eb), function(k) {
  x <- eb[[k]]$x; n <- eb[[k]]$n; N <- sum(n); mu <- sum(x) / N
  S <- sum(n * (x / n - mu)^2)
  rho <- (S / (mu * (1 - mu)) - sum(1 - n / N)) / sum((1 - n / N) * (n - 1))
  Mm <- 1 / rho - 1
  nll <- function(p) { m <- plogis(p[1]); M <- exp(p[2]); a <- m * M; b <- (1 - m) * M
    -sum(lbeta(x + a, n - x + b) - lbeta(a, b)) }
  o <- optim(c(qlogis(mu), log(Mm)), nll, method = "BFGS",
             control = list(reltol = 1e-15, maxit = 1000))
  o <- optim(o$par, nll, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 5000))
  o <- optim(o$par, nll, method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))
  a <- plogis(o$par[1]) * exp(o$par[2]); b <- (1 - plogis(o$par[1])) * exp(o$par[2])
  data.frame(x = vec(x), n = vec(n), mom_alpha = fmt(mu * Mm), mom_beta = fmt((1 - mu) * Mm),
             mle_alpha = fmt(a), mle_beta = fmt(b), mle_rate = vec((x + a) / (n + a + b)),
             mle_lower = vec(qbeta(0.025, a + x, b + n - x)),
             mle_upper = vec(qbeta(0.975, a + x, b + n - x)), mle_negll = fmt(o$value))
})
put(do.call(rbind, ebRows), "beta_binomial.csv")

## 12. GM(1,1) in base R (Liu & Lin 2010 ch. 7; residuals over k = 1..n, 1/n deviations) -----
gm11 <- function(x) {
  n <- length(x); x1 <- cumsum(x); z <- (x1[-1] + x1[-n]) / 2
  B <- cbind(-z, 1); ab <- qr.solve(B, x[-1]); a <- ab[1]; b <- ab[2]
  x1hat <- (x[1] - b / a) * exp(-a * (0:(n + 2))) + b / a
  xhat <- c(x[1], diff(x1hat))
  fit <- xhat[1:n]; e <- x - fit
  sd1 <- function(v) sqrt(mean((v - mean(v))^2))
  S1 <- sd1(x); C <- sd1(e) / S1; P <- mean(abs(e - mean(e)) < 0.6745 * S1)
  list(a = a, b = b, fit = fit, fc = xhat[(n + 1):(n + 3)], C = C, P = P,
       mre = mean(abs(e[-1]) / x[-1]))
}
gs <- list(c(2.874, 3.278, 3.337, 3.390, 3.679),                       # Liu & Lin (2010) ch. 7
           c(0.962, 0.958, 0.951, 0.949, 0.940, 0.936),                # pass rates, slow decline
           c(12, 15, 14, 18, 21, 19, 24),                              # 14/18 fails the ratio test
           c(12, 14, 15, 17, 19, 20, 23),
           c(30, 27, 25, 26, 22))
# Class-ratio admissibility (Deng 2002): every x(k-1)/x(k) in (exp(-2/(n+1)), exp(2/(n+2))).
admissible <- function(x) { n <- length(x); r <- x[-n] / x[-1]
  all(r > exp(-2 / (n + 1)) & r < exp(2 / (n + 2))) }
rows <- lapply(gs, function(x) {
  if (!admissible(x))
    return(data.frame(x = vec(x), admissible = 0, a = "NA", b = "NA", fitted = "NA",
                      forecast3 = "NA", C = "NA", P = "NA", mre = "NA"))
  g <- gm11(x)
  data.frame(x = vec(x), admissible = 1, a = fmt(g$a), b = fmt(g$b), fitted = vec(g$fit),
             forecast3 = vec(g$fc), C = fmt(g$C), P = fmt(g$P), mre = fmt(g$mre))
})
put(do.call(rbind, rows), "gm11.csv")

## 13. Composite evaluation in base R -------------------------------------------------------
# 6 manufacturers x 4 indicators: pass rate (benefit), mean normalised error (cost),
# drift per year (cost), share near the limit e > 0.8 (cost).
D <- matrix(c(0.962, 0.41, 0.020, 0.05,
              0.915, 0.52, 0.035, 0.09,
              0.980, 0.38, 0.015, 0.03,
              0.890, 0.61, 0.050, 0.14,
              0.945, 0.47, 0.022, 0.06,
              0.930, 0.44, 0.041, 0.08), ncol = 4, byrow = TRUE)
cost <- c(FALSE, TRUE, TRUE, TRUE)
mm <- sapply(1:4, function(j) { x <- D[, j]; r <- max(x) - min(x)
  if (cost[j]) (max(x) - x) / r else (x - min(x)) / r })
ent <- sapply(1:4, function(j) { p <- mm[, j] / sum(mm[, j])
  -sum(ifelse(p > 0, p * log(p), 0)) / log(nrow(D)) })
w_entropy <- (1 - ent) / sum(1 - ent)
Cj <- apply(mm, 2, sd) * colSums(1 - cor(mm))
w_critic <- Cj / sum(Cj)
topsis <- function(X, w, cost) {
  V <- sweep(sweep(X, 2, sqrt(colSums(X^2)), "/"), 2, w / sum(w), "*")
  best <- ifelse(cost, apply(V, 2, min), apply(V, 2, max))
  worst <- ifelse(cost, apply(V, 2, max), apply(V, 2, min))
  dp <- sqrt(rowSums(sweep(V, 2, best)^2)); dm <- sqrt(rowSums(sweep(V, 2, worst)^2))
  dm / (dp + dm)
}
put(data.frame(matrix = vec(t(D)), w_entropy = vec(w_entropy), w_critic = vec(w_critic),
               topsis_entropy = vec(topsis(D, w_entropy, cost))), "composite.csv")
# AHP: principal eigenvector by eigen(); RI of Saaty (1980).
RI <- c(0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
ahp <- list(matrix(c(1, 3, 5, 1/3, 1, 2, 1/5, 1/2, 1), 3, byrow = TRUE),
            matrix(c(1, 2, 4, 7, 1/2, 1, 3, 5, 1/4, 1/3, 1, 2, 1/7, 1/5, 1/2, 1), 4, byrow = TRUE),
            matrix(c(1, 5, 1/3, 1/5, 1, 4, 3, 1/4, 1), 3, byrow = TRUE))          # inconsistent
rows <- lapply(ahp, function(A) {
  e <- eigen(A); k <- which.max(Re(e$values)); v <- Re(e$vectors[, k]); v <- v / sum(v)
  lm <- Re(e$values[k]); n <- nrow(A); CI <- (lm - n) / (n - 1)
  data.frame(n = n, matrix = vec(t(A)), weights = vec(v), lambda_max = fmt(lm), CI = fmt(CI),
             CR = fmt(CI / RI[n]))
})
put(do.call(rbind, rows), "ahp.csv")
