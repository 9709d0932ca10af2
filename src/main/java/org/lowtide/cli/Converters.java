package org.lowtide.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/** Option converters with messages that say what was expected. */
final class Converters {

    private Converters() {
    }

    /** An IANA zone such as {@code Europe/Berlin} (or {@code UTC}). */
    static final class Zone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (DateTimeException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a time zone; use a region id such as Europe/Berlin, America/New_York or UTC");
            }
        }
    }

    /** A positive duration as people write it ({@code 2h}, {@code 90 min}, {@code 1h30m}, {@code 1 d}) or ISO-8601. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = duration(value);
            if (d.isNegative() || d.isZero()) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration, e.g. 2h");
            }
            return d;
        }
    }

    /** Reads a duration as people write it, or says what is accepted. */
    static Duration duration(String value) {
        try {
            return org.lowtide.traffic.Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use "
                    + org.lowtide.traffic.Durations.ACCEPTED);
        }
    }

    /** A format id such as {@code prometheus}. */
    static final class Format implements ITypeConverter<org.lowtide.traffic.imports.ImportFormat> {
        @Override
        public org.lowtide.traffic.imports.ImportFormat convert(String value) {
            try {
                return org.lowtide.traffic.imports.ImportFormat.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code dmy}, {@code mdy} or {@code ymd}. */
    static final class Order implements ITypeConverter<org.lowtide.traffic.imports.DateOrder> {
        @Override
        public org.lowtide.traffic.imports.DateOrder convert(String value) {
            for (org.lowtide.traffic.imports.DateOrder o : org.lowtide.traffic.imports.DateOrder.values()) {
                if (o.id().equalsIgnoreCase(value.trim())) {
                    return o;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date order; use dmy, mdy or ymd");
        }
    }

    /** {@code count} or {@code gauge}. */
    static final class Kind implements ITypeConverter<org.lowtide.traffic.imports.MetricKind> {
        @Override
        public org.lowtide.traffic.imports.MetricKind convert(String value) {
            for (org.lowtide.traffic.imports.MetricKind k : org.lowtide.traffic.imports.MetricKind.values()) {
                if (k.id().equalsIgnoreCase(value.trim())) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a metric kind; use count or gauge");
        }
    }

    /** A duration of zero or more, such as {@code 5 min}, {@code 0} or {@code PT5M}. */
    static final class NonNegativeDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = duration(value);
            if (d.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' must not be negative");
            }
            return d;
        }
    }

    /** An ISO 4217 currency code such as {@code EUR}. */
    static final class CurrencyCode implements ITypeConverter<java.util.Currency> {
        @Override
        public java.util.Currency convert(String value) {
            try {
                return java.util.Currency.getInstance(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not an ISO 4217 currency code; use e.g. USD, EUR, GBP or JPY");
            }
        }
    }
}
