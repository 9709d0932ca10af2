# Reference values for ChangeCostModelReferenceTest (Lowtide issue #5).
# Run: Rscript lognormal_reference.R > lognormal_reference.csv   (R 4.2.2, Debian 12)
# Restore time X ~ lognormal with median 45 min and p90 120 min; incident D = m * (5 + X).
# 1) limited expectation E[min(X, c)] by numerical integration of the survival function;
# 2) expected revenue E[R(t, D)] over a piecewise-constant weekly revenue curve (168 hourly
#    slots) from the start of slot s, by integrating r(t + tau) * P(D > tau) over tau hour by hour.
options(digits = 17)
mu <- log(45)
s <- log(120 / 45) / qnorm(0.9)
cat("kind,a,b,c,value\n")
for (c in c(1, 10, 45, 60, 120, 600, 5000)) {
  v <- integrate(function(x) plnorm(x, mu, s, lower.tail = FALSE), 0, c, rel.tol = 1e-13, abs.tol = 0)$value
  cat(sprintf("limited,%d,0,0,%.17g\n", c, v))
}
rate <- function(k) { h <- k %% 168; 10 + 5 * sin(2 * pi * h / 24) - ifelse(h >= 120, 4, 0) }
survD <- function(tau, m) ifelse(tau < m * 5, 1, plnorm(tau / m - 5, mu, s, lower.tail = FALSE))
for (m in c(1, 1.5)) {
  for (start in c(0, 3, 100, 167)) {
    total <- 0
    for (k in 0:3000) {
      seg <- integrate(function(tau) survD(tau, m), 60 * k, 60 * (k + 1), rel.tol = 1e-12, abs.tol = 0)$value
      total <- total + rate(start + k) * seg
    }
    cat(sprintf("revenue,%d,%g,0,%.17g\n", start, m, total))
  }
}
