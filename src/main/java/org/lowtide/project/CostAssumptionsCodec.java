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
import org.lowtide.cost.Source;
import org.lowtide.cost.WeeklyHours;

/**
 * Cost assumptions in a plan file: every value the user changed from Lowtide's defaults, as text
 * keyed by the assumption's key. Values left at their default are not stored, so a later Lowtide
 * with better-sourced defaults applies them; a value read back is the user's input again.
 */
public final class CostAssumptionsCodec {

    /**
     * A key ending in this holds the source of a value learned from the team's history (issue #21),
     * e.g. {@code changeFailureRate.source}; older Lowtides ignore it like any unknown key.
     */
    static final String SOURCE_SUFFIX = ".source";

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
                if (mine.source().kind() == Source.Kind.DATA) {
                    out.put(mine.key() + SOURCE_SUFFIX, mine.source().citation()); // what it was learned from (#21)
                }
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
            if (e.getKey().endsWith(SOURCE_SUFFIX)) {
                continue;
            }
            String v = e.getValue().trim();
            try {
                apply(b, e.getKey(), v);
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("cost assumption '" + e.getKey() + "' = '" + v + "': "
                        + ex.getMessage(), ex);
            }
        }
        return withSources(b.build(), values);
    }

    /** Values learned from the team's history keep their source ("from your data: your incidents: …"). */
    private static CostAssumptions withSources(CostAssumptions a, Map<String, String> values) {
        CostAssumptions.Builder b = a.toBuilder();
        boolean any = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getKey().endsWith(SOURCE_SUFFIX) || e.getValue().isBlank()) {
                continue;
            }
            String key = e.getKey().substring(0, e.getKey().length() - SOURCE_SUFFIX.length());
            Source source = Source.data(e.getValue());
            any = true;
            switch (key) {
                case "changeFailureRate": b.changeFailureRate(a.changeFailureRate().value(), source); break;
                case "detect": b.detect(a.detect().value(), source); break;
                case "restoreMedian": b.restoreMedian(a.restoreMedian().value(), source); break;
                case "restoreP90": b.restoreP90(a.restoreP90().value(), source); break;
                case "changesPerYear": b.changesPerYear(a.changesPerYear().value(), source); break;
                default: break;
            }
        }
        return any ? b.build() : a;
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
