# Reference STL/MSTL outputs for Lowtide's tests, from R (Debian 12: r-base-core 4.2.2,
# r-cran-forecast 8.20). Run after make_reference.py, which writes the input_*.csv files:
#     Rscript make_reference.R
suppressMessages(library(forecast))
rd <- function(name) read.csv(paste0("input_", name, ".csv"))$y
wr <- function(df, file) write.csv(df, file, row.names = FALSE, quote = FALSE)
opts <- options(digits = 17)
stl_df <- function(fit) {
  data.frame(seasonal = sprintf("%.17g", fit$time.series[, "seasonal"]),
             trend = sprintf("%.17g", fit$time.series[, "trend"]),
             remainder = sprintf("%.17g", fit$time.series[, "remainder"]),
             weights = sprintf("%.17g", fit$weights))
}
m <- rd("monthly"); h <- rd("hourly")
wr(stl_df(stl(ts(m, frequency = 12), s.window = 7)), "r_stl_monthly_s7.csv")
wr(stl_df(stl(ts(m, frequency = 12), s.window = 7, robust = TRUE)), "r_stl_monthly_s7_robust.csv")
wr(stl_df(stl(ts(h, frequency = 168), s.window = 15)), "r_stl_hourly_p168_s15.csv")
mstl_df <- function(fit) {
  data.frame(trend = sprintf("%.17g", fit[, "Trend"]),
             seasonal_24 = sprintf("%.17g", fit[, "Seasonal24"]),
             seasonal_168 = sprintf("%.17g", fit[, "Seasonal168"]),
             remainder = sprintf("%.17g", fit[, "Remainder"]))
}
hx <- msts(h, seasonal.periods = c(24, 168))
wr(mstl_df(mstl(hx)), "r_mstl_hourly.csv")
wr(mstl_df(mstl(hx, robust = TRUE)), "r_mstl_hourly_robust.csv")
writeLines(c(R.version.string, paste("forecast", packageVersion("forecast"))), "VERSIONS-R.txt")
