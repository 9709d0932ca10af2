"""Reference values for LognormalFitTest: scipy's lognormal maximum likelihood fit with the location
fixed at 0 (the two-parameter lognormal), on restore times in minutes.

Run: python3 make_lognormal_reference.py   (scipy 1.17.1, numpy on Debian 12 here)
"""
import numpy as np
import scipy
from scipy import stats

print("# scipy", scipy.__version__, "numpy", np.__version__)
samples = {
    # a hand-written set of restore times in minutes, as an incident export gives them
    "hand": [12, 18, 25, 31, 33, 41, 45, 52, 60, 75, 90, 118, 140, 230, 410],
    # 40 draws from a lognormal with median 45 and sigma 0.8, seed 7 (numpy default_rng)
    "drawn": list(np.round(np.random.default_rng(7).lognormal(np.log(45), 0.8, 40), 3)),
}
for name, x in samples.items():
    s, loc, scale = stats.lognorm.fit(x, floc=0)
    median = stats.lognorm.median(s, loc=0, scale=scale)
    p90 = stats.lognorm.ppf(0.9, s, loc=0, scale=scale)
    print(name, "data", ",".join(repr(float(v)) for v in x))
    print(name, "sigma %.12g mu %.12g median %.12g p90 %.12g" % (s, np.log(scale), median, p90))
