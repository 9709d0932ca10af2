package org.lowtide.bench;

import java.util.concurrent.TimeUnit;
import org.lowtide.analysis.stl.Mstl;
import org.lowtide.analysis.stl.MstlParameters;
import org.lowtide.analysis.stl.MstlResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Robust MSTL (daily + weekly, R's {@code forecast::mstl(robust = TRUE)} parameters) on one year of
 * 5-minute data (105,120 points) and one hourly year, on the same series that
 * {@code src/test/resources/org/lowtide/bench/mstl_side_by_side.sh} gives statsmodels and R.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MstlBench {

    private double[] fiveMinutes;
    private double[] hourly;

    /** The script's series: the same LCG, the same shape. */
    static double[] series(int n, int period) {
        double[] y = new double[n];
        long s = 12345;
        for (int i = 0; i < n; i++) {
            s = 6364136223846793005L * s + 1442695040888963407L;
            double u = ((s >>> 11) + 0.5) / (double) (1L << 53);
            int day = (i / period) % 7;
            y[i] = 100 + 80 * Math.sin(2 * Math.PI * i / period) + (day >= 5 ? -30 : 10) + 10 * u;
        }
        return y;
    }

    @Setup
    public void setUp() {
        fiveMinutes = series(105_120, 288);
        hourly = series(8_760, 24);
    }

    @Benchmark
    public MstlResult robustMstlFiveMinuteYear() {
        return Mstl.decompose(fiveMinutes, MstlParameters.defaults(true, 288, 2016));
    }

    @Benchmark
    public MstlResult robustMstlHourlyYear() {
        return Mstl.decompose(hourly, MstlParameters.defaults(true, 24, 168));
    }
}
