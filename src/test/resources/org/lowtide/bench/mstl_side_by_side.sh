#!/bin/bash
# Robust MSTL (daily + weekly, R's parameters) side by side on the same files, one session:
# Lowtide (JMH, MstlBench), statsmodels 0.13.5 (MSTL loop over its STL) and R forecast::mstl(robust=TRUE).
#   bash src/test/resources/org/lowtide/bench/mstl_side_by_side.sh   (from the project root)
set -eu
dir=$(mktemp -d)
/usr/bin/python3 - "$dir" <<'PY'
import math, sys
d = sys.argv[1]
for name, n, p in (("5min", 105120, 288), ("hourly", 8760, 24)):
    with open("%s/%s.csv" % (d, name), "w") as f:
        f.write("y\n")
        s = 12345
        for i in range(n):
            s = (6364136223846793005 * s + 1442695040888963407) % (1 << 64)
            u = ((s >> 11) + 0.5) / float(1 << 53)
            day = (i // p) % 7
            v = 100 + 80 * math.sin(2 * math.pi * i / p) + (-30 if day >= 5 else 10) + 10 * u
            f.write(repr(v) + "\n")
PY
echo "== statsmodels (robust, R's parameters)"
/usr/bin/python3 - "$dir" <<'PY'
import math, sys, time
import numpy as np
from statsmodels.tsa.seasonal import STL
def nxt(x):
    n = int(math.ceil(x)); return n + 1 if n % 2 == 0 else n
def rstl(y, p, s):
    t = nxt(math.ceil(1.5 * p / (1 - 1.5 / s))); l = nxt(p)
    return STL(y, period=p, seasonal=s, trend=t, low_pass=l, seasonal_deg=0, trend_deg=1, low_pass_deg=1,
               robust=True, seasonal_jump=math.ceil(s / 10), trend_jump=math.ceil(t / 10),
               low_pass_jump=math.ceil(l / 10)).fit(inner_iter=1, outer_iter=15)
def mstl(y, periods):
    seas = [np.zeros(len(y)) for _ in periods]; de = y.copy()
    for _ in range(2):
        for i, p in enumerate(periods):
            de = de + seas[i]; fit = rstl(de, p, 7 + 4 * (i + 1)); seas[i] = np.asarray(fit.seasonal); de = de - seas[i]
    return fit
for name, periods in (("5min", [288, 2016]), ("hourly", [24, 168])):
    y = np.loadtxt("%s/%s.csv" % (sys.argv[1], name), skiprows=1)
    ts = []
    for _ in range(3):
        t0 = time.perf_counter(); mstl(y, periods); ts.append(time.perf_counter() - t0)
    print("%s: median %.3f s of %s" % (name, sorted(ts)[1], ["%.3f" % t for t in ts]))
PY
echo "== R forecast::mstl(robust = TRUE)"
Rscript -e '
suppressMessages(library(forecast)); d <- commandArgs(TRUE)[1]
for (c in list(list("5min", c(288, 2016)), list("hourly", c(24, 168)))) {
  y <- msts(read.csv(file.path(d, paste0(c[[1]], ".csv")))$y, seasonal.periods = c[[2]])
  ts <- sapply(1:3, function(i) system.time(mstl(y, robust = TRUE))[["elapsed"]])
  cat(sprintf("%s: median %.3f s of %s\n", c[[1]], median(ts), paste(sprintf("%.3f", ts), collapse = " ")))
}' "$dir"
echo "== Lowtide (JMH)"
flock /tmp/mvn.lock mvn -B -q -Pbench verify -Dbench='org.lowtide.bench.MstlBench.*' 2>&1 | grep -E "^Benchmark|MstlBench"
rm -rf "$dir"
