# Reference values for Lowtide's forecast candidates (issue 18), from R (Debian 12: r-base-core
# 4.2.2, r-cran-forecast 8.20). Writes the input and the references next to this script:
#     Rscript make_reference.R
# The input is a seeded hourly series of 7 weeks plus one (held out) whose daily and weekly cycles
# are multiplicative (they scale with a rising level) and whose noise grows with the level: the
# case the log-scale candidate is for. Its length before the hold-out is odd (1175 steps), where
# R's robust MSTL agrees with statsmodels' (its median differs for some even lengths).
suppressMessages(library(forecast))
options(digits = 17)
set.seed(18)
n <- 1175; h <- 168; N <- n + h
t <- 0:(N - 1)
level <- log(1000) + 0.004 * t / 24
daily <- 0.6 * sin(2 * pi * (t %% 24) / 24) + 0.2 * cos(4 * pi * (t %% 24) / 24)
weekly <- ifelse((t %/% 24) %% 7 >= 5, -0.35, 0.05)
y <- exp(level + daily + weekly + rnorm(N, 0, 0.08))
y <- round(y, 6)
write.csv(data.frame(time = format(as.POSIXct("2026-01-05 00:00:00", tz = "UTC") + 3600 * t,
                                   "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
                     y = sprintf("%.6f", y)), "input_multiplicative_hourly.csv",
          row.names = FALSE, quote = FALSE)
train <- y[1:n]; test <- y[(n + 1):N]
f17 <- function(v) sprintf("%.17g", v)
# 1. The log-scale decomposition: robust MSTL of log(y), periods 24 and 168.
fit <- mstl(msts(log(train), seasonal.periods = c(24, 168)), robust = TRUE)
write.csv(data.frame(trend = f17(fit[, "Trend"]), seasonal_24 = f17(fit[, "Seasonal24"]),
                     seasonal_168 = f17(fit[, "Seasonal168"]), remainder = f17(fit[, "Remainder"])),
          "r_mstl_log_robust.csv", row.names = FALSE, quote = FALSE)
# 2. Baselines: seasonal naive (the week) and the median of the last 4 weeks per step of the week.
tw <- ts(train, frequency = 168)
sn <- snaive(tw, h = h)
med <- sapply(1:h, function(i) median(train[n - 168 * (1:4) + ((i - 1) %% 168) + 1]))
# 3. stlf on the log scale (lambda = 0: Box-Cox log, back-transformed median) with a damped
#    additive trend ETS for the seasonally adjusted part, and the additive stlf for comparison.
lg <- stlf(msts(train, seasonal.periods = c(24, 168)), h = h, lambda = 0, etsmodel = "AAN",
           damped = TRUE, robust = TRUE, level = c(80, 95))
ad <- stlf(msts(train, seasonal.periods = c(24, 168)), h = h, etsmodel = "AAN", damped = TRUE,
           robust = TRUE, level = c(80, 95))
# 4. MASE on the held-out week, scaled by the in-sample seasonal-naive (lag 168) MAE of the training
#    data, as forecast::accuracy computes it for a series of frequency 168. The held-out values must
#    be a ts aligned with the forecast: given a plain vector, accuracy scales by another frequency.
test_ts <- ts(test, start = start(sn$mean), frequency = 168)
mase <- function(mean) {
  fc <- sn
  fc$mean <- ts(mean, start = start(sn$mean), frequency = 168)
  accuracy(fc, test_ts)["Test set", "MASE"]
}
write.csv(data.frame(snaive = f17(as.numeric(sn$mean)), median4 = f17(med),
                     stlf_log = f17(as.numeric(lg$mean)), stlf_log_lo80 = f17(as.numeric(lg$lower[, 1])),
                     stlf_log_hi80 = f17(as.numeric(lg$upper[, 1])),
                     stlf_additive = f17(as.numeric(ad$mean))),
          "r_forecasts.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(method = c("snaive", "median4", "stlf_log", "stlf_additive"),
                     mase = f17(c(mase(as.numeric(sn$mean)), mase(med), mase(as.numeric(lg$mean)),
                                  mase(as.numeric(ad$mean)))),
                     scale = f17(mean(abs(diff(train, lag = 168))))),
          "r_mase.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("forecast", packageVersion("forecast"))), "VERSIONS-R.txt")
