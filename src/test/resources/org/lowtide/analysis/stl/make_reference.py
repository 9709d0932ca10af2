#!/usr/bin/python3
"""Reference STL/MSTL outputs for Lowtide's tests, from statsmodels.

Made with Debian 12's python3-statsmodels 0.13.5 (numpy 1.24.2), run as /usr/bin/python3:
    cd src/test/resources/org/lowtide/analysis/stl && /usr/bin/python3 make_reference.py && Rscript make_reference.R
statsmodels 0.13.5 has STL but no MSTL: the MSTL here is the loop of Bandara, Hyndman and Bergmeir
(2021) as R's forecast::mstl runs it (periods ascending, seasonal windows 7 + 4i, 2 iterations,
trend from the last fit), over statsmodels' STL with R's parameters.

Inputs are generated here with a fixed linear congruential generator (no numpy RNG, so the bytes do
not depend on the numpy version) and written to input_*.csv; make_reference.R reads the same files.
"""
import math
import numpy as np
import statsmodels
from statsmodels.tsa.seasonal import STL


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def uniform(self):
        self.s = (6364136223846793005 * self.s + 1442695040888963407) % (1 << 64)
        return ((self.s >> 11) + 0.5) / float(1 << 53)

    def normal(self):
        u1, u2 = self.uniform(), self.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2 * math.pi * u2)


def monthly(n=203):
    """Odd length, period 12, trend with a kink, a few gross outliers."""
    g = Lcg(1)
    y = []
    for i in range(n):
        t = 50 + 0.3 * i + (0.5 * (i - 120) if i > 120 else 0)
        s = 10 * math.sin(2 * math.pi * i / 12) + 4 * math.cos(4 * math.pi * i / 12)
        y.append(t + s + 2.0 * g.normal())
    for i in (17, 60, 61, 150):
        y[i] += 40 if i != 60 else -45
    return y


def hourly(n=24 * 7 * 8):
    """Even length (8 weeks hourly), periods 24 and 168, an outage and spikes."""
    g = Lcg(7)
    y = []
    for i in range(n):
        hour = i % 24
        day = (i // 24) % 7
        daily = 400 * math.exp(-((hour - 14) ** 2) / 18.0) + 60 * math.sin(2 * math.pi * i / 24)
        weekly = -150 if day >= 5 else 30 * day
        y.append(1000 + 0.2 * i + daily + weekly + 25 * g.normal())
    for i in range(500, 506):
        y[i] = 10.0
    for i in (100, 900, 1201):
        y[i] += 600
    return y


def short_weekly(n=24 * 7 * 5):
    """Five weeks hourly: the weekly cycle-subseries (5 points) is shorter than the seasonal window."""
    g = Lcg(11)
    y = []
    for i in range(n):
        hour = i % 24
        day = (i // 24) % 7
        y.append(200 + 80 * math.sin(2 * math.pi * (hour - 6) / 24) + (-40 if day >= 5 else 0) + 5 * g.normal())
    return y


def write_input(name, y):
    with open("input_%s.csv" % name, "w") as f:
        f.write("y\n")
        for v in y:
            f.write(repr(float(v)) + "\n")


def write_out(name, cols):
    keys = list(cols.keys())
    n = len(cols[keys[0]])
    with open(name, "w") as f:
        f.write(",".join(keys) + "\n")
        for i in range(n):
            f.write(",".join(repr(float(cols[k][i])) for k in keys) + "\n")


def next_odd(x):
    n = int(math.ceil(x))
    return n + 1 if n % 2 == 0 else n


def r_stl(y, period, s_window, robust):
    """statsmodels STL with R's stl defaults."""
    s_window = s_window + 1 if s_window % 2 == 0 else s_window
    t_window = next_odd(math.ceil(1.5 * period / (1 - 1.5 / s_window)))
    l_window = next_odd(period)
    res = STL(np.asarray(y), period=period, seasonal=s_window, trend=t_window, low_pass=l_window,
              seasonal_deg=0, trend_deg=1, low_pass_deg=1, robust=robust,
              seasonal_jump=math.ceil(s_window / 10), trend_jump=math.ceil(t_window / 10),
              low_pass_jump=math.ceil(l_window / 10)).fit(inner_iter=1 if robust else 2,
                                                          outer_iter=15 if robust else 0)
    return res


def stl_cols(res):
    return {"seasonal": res.seasonal, "trend": res.trend, "remainder": res.resid, "weights": res.weights}


def mstl_r_params(y, periods, robust, iterate=2):
    periods = sorted(periods)
    windows = [7 + 4 * (i + 1) for i in range(len(periods))]
    y = np.asarray(y, dtype=float)
    seas = [np.zeros(len(y)) for _ in periods]
    deseas = y.copy()
    fit = None
    for _ in range(iterate):
        for i, p in enumerate(periods):
            deseas = deseas + seas[i]
            fit = r_stl(deseas, p, windows[i], robust)
            seas[i] = np.asarray(fit.seasonal)
            deseas = deseas - seas[i]
    trend = np.asarray(fit.trend)
    cols = {"trend": trend}
    for i, p in enumerate(periods):
        cols["seasonal_%d" % p] = seas[i]
    cols["remainder"] = deseas - trend
    return cols


def main():
    series = {"monthly": monthly(), "hourly": hourly(), "short": short_weekly()}
    for name, y in series.items():
        write_input(name, y)
    m = np.asarray(series["monthly"])
    h = np.asarray(series["hourly"])
    s = np.asarray(series["short"])
    # statsmodels' own defaults (degrees 1, jumps 1).
    write_out("sm_default_monthly_s7.csv", stl_cols(STL(m, period=12, seasonal=7).fit()))
    write_out("sm_default_monthly_s7_robust.csv", stl_cols(STL(m, period=12, seasonal=7, robust=True).fit()))
    write_out("sm_default_hourly_p24_s11.csv", stl_cols(STL(h, period=24, seasonal=11).fit()))
    write_out("sm_default_hourly_p24_s11_robust.csv", stl_cols(STL(h, period=24, seasonal=11, robust=True).fit()))
    # statsmodels with R's parameters.
    write_out("sm_rparams_monthly_s7.csv", stl_cols(r_stl(m, 12, 7, False)))
    write_out("sm_rparams_monthly_s7_robust.csv", stl_cols(r_stl(m, 12, 7, True)))
    write_out("sm_rparams_hourly_p168_s15.csv", stl_cols(r_stl(h, 168, 15, False)))
    write_out("sm_rparams_hourly_p168_s15_robust.csv", stl_cols(r_stl(h, 168, 15, True)))
    write_out("sm_rparams_short_p168_s15_robust.csv", stl_cols(r_stl(s, 168, 15, True)))
    # MSTL loop over statsmodels' STL with R's parameters.
    write_out("sm_mstl_hourly.csv", mstl_r_params(h, [24, 168], False))
    write_out("sm_mstl_hourly_robust.csv", mstl_r_params(h, [24, 168], True))
    with open("VERSIONS-python.txt", "w") as f:
        f.write("statsmodels %s\nnumpy %s\n" % (statsmodels.__version__, np.__version__))


if __name__ == "__main__":
    main()
