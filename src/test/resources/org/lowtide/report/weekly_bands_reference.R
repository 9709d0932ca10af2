# Reference values for WeeklyBandsTest (R 4.2.2, quantile type 7, R's default).
# Run: Rscript weekly_bands_reference.R
x <- c(12, 3, 7, 25, 9, 14, 1, 30)
print(sprintf("%.10f", quantile(x, c(0.1, 0.9), type = 7)))
# [1] "2.4000000000"  "26.5000000000"
