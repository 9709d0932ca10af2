package org.lowtide.project;

import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lowtide.cost.Assumption;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.HoursOfDay;
import org.lowtide.cost.IncidentMode;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.WeeklyHours;

/**
 * Cost assumptions in a plan file: every value the user changed from Lowtide's defaults, as text
 * keyed by the assumption's key. Values left at their default are not stored, so a later Lowtide
 * with better-sourced defaults applies them; a value read back is the user's input again.
 */
public final class CostAssumptionsCodec {

    private CostAssumptionsCodec() {
    }

    /** @return the values that differ from {@link CostAssumptions#defaults()}, by key */
    public static Map<String, String> encode(CostAssumptions a) {
        CostAssumptions defaults = CostAssumptions.defaults();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < a.all().size(); i++) {
            Assumption<?> mine = a.all().get(i);
            Assumption<?> standard = defaults.all().get(i);
            if (!mine.value().equals(standard.value())) {
                out.put(mine.key(), text(mine.value()));
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value instanceof Currency) {
            return ((Currency) value).getCurrencyCode();
        }
        if (value instanceof RevenueBasis.Amount) {
            RevenueBasis.Amount r = (RevenueBasis.Amount) value;
            return "amount " + r.period().name().toLowerCase(Locale.ROOT) + " " + r.amount() + " "
                    + (r.spreadByTraffic() ? "spread" : "flat");
        }
        if (value instanceof RevenueBasis.Column) {
            return "column " + ((RevenueBasis.Column) value).column();
        }
        return value.toString();
    }

    /**
     * @throws IllegalArgumentException naming the key whose value cannot be read
     */
    public static CostAssumptions decode(Map<String, String> values) {
        CostAssumptions.Builder b = CostAssumptions.defaults().toBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue().trim();
            try {
                apply(b, e.getKey(), v);
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("cost assumption '" + e.getKey() + "' = '" + v + "': "
                        + ex.getMessage(), ex);
            }
        }
        return b.build();
    }

    private static void apply(CostAssumptions.Builder b, String key, String v) {
        switch (key) {
            case "currency": b.currency(Currency.getInstance(v)); break;
            case "revenue": b.revenue(revenue(v)); break;
            case "changeFailureRate": b.changeFailureRate(Double.parseDouble(v)); break;
            case "detect": b.detect(Duration.parse(v)); break;
            case "restoreMedian": b.restoreMedian(Duration.parse(v)); break;
            case "restoreP90": b.restoreP90(Duration.parse(v)); break;
            case "impact": b.impact(Double.parseDouble(v)); break;
            case "recovered": b.recovered(Double.parseDouble(v)); break;
            case "mode": b.mode(IncidentMode.valueOf(v)); break;
            case "extraLatencyMs": b.extraLatencyMs(Double.parseDouble(v)); break;
            case "latencyElasticity": b.latencyElasticity(Double.parseDouble(v)); break;
            case "churnPerOutageHour": b.churnPerOutageHour(Double.parseDouble(v)); break;
            case "customerLifetimeValue": b.customerLifetimeValue(Double.parseDouble(v)); break;
            case "slaCreditPerIncident": b.slaCreditPerIncident(Double.parseDouble(v)); break;
            case "slaCreditPerHour": b.slaCreditPerHour(Double.parseDouble(v)); break;
            case "nightMultiplier": b.nightMultiplier(Double.parseDouble(v)); break;
            case "nightHours": b.nightHours(HoursOfDay.parse(v)); break;
            case "plannedDowntime": b.plannedDowntime(Duration.parse(v)); break;
            case "plannedCountsAgainstBudget": b.plannedCountsAgainstBudget(Boolean.parseBoolean(v)); break;
            case "changesPerYear": b.changesPerYear(Double.parseDouble(v)); break;
            case "innovationPerChange": b.innovationPerChange(Double.parseDouble(v)); break;
            case "sloPercent": b.sloPercent(Double.parseDouble(v)); break;
            case "businessHours": b.businessHours(WeeklyHours.parse(v)); break;
            default: break; // a key from a newer Lowtide: ignored, like unknown fields
        }
    }

    private static RevenueBasis revenue(String v) {
        if (v.startsWith("column ")) {
            return new RevenueBasis.Column(v.substring("column ".length()));
        }
        String[] parts = v.split(" ");
        if (parts.length == 4 && parts[0].equals("amount")) {
            return new RevenueBasis.Amount(RevenueBasis.Period.valueOf(parts[1].toUpperCase(Locale.ROOT)),
                    Double.parseDouble(parts[2]), parts[3].equals("spread"));
        }
        throw new IllegalArgumentException("expected 'amount PERIOD X spread|flat' or 'column NAME'");
    }
}
