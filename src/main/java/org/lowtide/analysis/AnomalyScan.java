package org.lowtide.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The anomalies of a series and the steps they cover.
 *
 * @param anomalies in time order
 * @param masked    per grid step, whether an anomaly covers it (those values are not learned from)
 * @param expected  the robust expectation the residual test compared with, per step
 * @param scale     the robust scale of the residuals (1.4826·MAD)
 */
public record AnomalyScan(List<Anomaly> anomalies, boolean[] masked, double[] expected, double scale) {

    public AnomalyScan {
        anomalies = List.copyOf(anomalies);
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(expected, "expected");
    }

    /** @return a copy of {@code values} with every masked step set to {@code NaN} */
    public double[] mask(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (masked[i]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** @return how many steps are masked */
    public int maskedCount() {
        int c = 0;
        for (boolean m : masked) {
            if (m) {
                c++;
            }
        }
        return c;
    }
}
