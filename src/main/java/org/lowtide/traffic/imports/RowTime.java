package org.lowtide.traffic.imports;

/**
 * Reads the timestamp of one split row from its {@link TimeColumns}, straight from the bytes. The
 * layout's detection and the reader use the same code, so that what the sample promised is what
 * the reading does.
 */
final class RowTime {

    private final TimestampParser parser;
    private final TimeColumns columns;
    private final boolean single;
    private final int singleColumn;

    RowTime(TimestampParser parser, TimeColumns columns) {
        this.parser = parser;
        this.columns = columns;
        this.single = columns instanceof TimeColumns.Single;
        this.singleColumn = columns.first();
    }

    TimestampParser parser() {
        return parser;
    }

    /**
     * @param previous the previous row's instant, or {@code Long.MIN_VALUE}; settles DST overlaps
     * @return epoch milliseconds, or {@link TimestampParser#FAIL}
     */
    long read(DelimitedLine split, long previous) {
        byte[] f = split.buffer();
        if (single) {
            if (split.isEmpty(singleColumn)) {
                return TimestampParser.FAIL;
            }
            return parser.tryParse(f, split.start(singleColumn), split.end(singleColumn), previous);
        }
        long local = local(split, f);
        return local == TimestampParser.FAIL ? TimestampParser.FAIL : parser.resolveLocal(local, previous);
    }

    /** @return local millis (as if UTC) of a row of several time columns, or {@link TimestampParser#FAIL} */
    private long local(DelimitedLine split, byte[] f) {
        if (columns instanceof TimeColumns.DateAndTime dt) {
            if (split.isEmpty(dt.date()) || split.isEmpty(dt.time())) {
                return TimestampParser.FAIL;
            }
            long day = parser.tryParseLocal(f, split.start(dt.date()), split.end(dt.date()));
            if (day == TimestampParser.FAIL) {
                return TimestampParser.FAIL;
            }
            int timeOfDay = dt.hourEnding() ? hourEnding(f, split.start(dt.time()), split.end(dt.time()))
                    : TimestampParser.tryParseTimeOfDay(f, split.start(dt.time()), split.end(dt.time()));
            return timeOfDay < 0 ? TimestampParser.FAIL : day + timeOfDay;
        }
        TimeColumns.Parts p = (TimeColumns.Parts) columns;
        int year = number(split, f, p.year());
        int month = number(split, f, p.month());
        int day = number(split, f, p.day());
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31
                || day > TimestampParser.daysInMonth(year, month)) {
            return TimestampParser.FAIL;
        }
        long millis = TimestampParser.epochDay(year, month, day) * 86_400_000L;
        if (p.hour() >= 0) {
            int hour = number(split, f, p.hour());
            if (p.hourEnding()) {
                hour--;
            }
            if (hour < 0 || hour > 23) {
                return TimestampParser.FAIL;
            }
            millis += hour * 3_600_000L;
        }
        if (p.minute() >= 0) {
            int minute = number(split, f, p.minute());
            if (minute < 0 || minute > 59) {
                return TimestampParser.FAIL;
            }
            millis += minute * 60_000L;
        }
        return millis;
    }

    /** @return the whole number in a field (a trailing ".0" allowed, as spreadsheets write), or -1 */
    static int number(DelimitedLine split, byte[] f, int column) {
        if (split.isEmpty(column)) {
            return -1;
        }
        return number(f, split.start(column), split.end(column));
    }

    /** @return the whole number in {@code b[from, to)} (a trailing ".0" allowed), or -1 */
    static int number(byte[] b, int from, int to) {
        int v = 0;
        int digits = 0;
        int i = from;
        for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
            if (++digits > 6) {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        if (digits == 0) {
            return -1;
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to && b[i] == '0'; i++) {
                // "2010.0": a whole number written by a spreadsheet
            }
        }
        return i == to ? v : -1;
    }

    /** @return the start of hour {@code h} of 1–24 (hour ending) in millis since midnight, or -1 */
    static int hourEnding(byte[] b, int from, int to) {
        int h = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                continue;
            }
            if (b[i] < '0' || b[i] > '9' || ++digits > 2) {
                return -1;
            }
            h = h * 10 + (b[i] - '0');
        }
        return digits == 0 || h < 1 || h > 24 ? -1 : (h - 1) * 3_600_000;
    }
}
