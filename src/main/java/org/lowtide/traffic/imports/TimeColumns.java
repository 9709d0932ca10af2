package org.lowtide.traffic.imports;

import java.util.List;

/**
 * Which columns of a table make up a row's timestamp. One of three shapes, chosen by the layout
 * ({@link CsvLayout}) and read by {@link RowTime}:
 * <ul>
 *   <li>{@link Single}: one column holds the whole timestamp (or a date alone, for daily data);</li>
 *   <li>{@link DateAndTime}: a date column plus a time-of-day column ({@code 13}, {@code 13:00},
 *       {@code 1:00 PM}), the hour counted 0–23 or, in an hour-ending column, 1–24;</li>
 *   <li>{@link Parts}: whole numbers for year, month, day and optionally hour and minute.</li>
 * </ul>
 */
sealed interface TimeColumns {

    /** @return every column the timestamp is read from, in reading order */
    int[] columns();

    /** @return the column that problems with a row's timestamp point to (the date, or the year) */
    default int first() {
        return columns()[0];
    }

    /** @return whether {@code column} is one of the time columns */
    default boolean uses(int column) {
        for (int c : columns()) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    /** @return the columns' names joined with " + ", as the summary shows them */
    default String names(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int c : columns()) {
            sb.append(sb.length() > 0 ? " + " : "").append(c < names.size() ? names.get(c) : "column" + (c + 1));
        }
        return sb.toString();
    }

    /** One column with the whole timestamp. */
    record Single(int column) implements TimeColumns {
        public Single {
            if (column < 0) {
                throw new IllegalArgumentException("column must be ≥ 0, was " + column);
            }
        }

        @Override
        public int[] columns() {
            return new int[] {column};
        }
    }

    /**
     * A date column and a time-of-day column.
     *
     * @param hourEnding whether whole hours count 1–24 (hour 1 is 00:00–01:00) rather than 0–23
     */
    record DateAndTime(int date, int time, boolean hourEnding) implements TimeColumns {
        public DateAndTime {
            if (date < 0 || time < 0 || date == time) {
                throw new IllegalArgumentException("date and time must be two columns, were " + date + ", " + time);
            }
        }

        @Override
        public int[] columns() {
            return new int[] {date, time};
        }
    }

    /**
     * Whole numbers in separate columns; {@code hour} and {@code minute} are -1 when absent.
     *
     * @param hourEnding whether hours count 1–24 rather than 0–23
     */
    record Parts(int year, int month, int day, int hour, int minute, boolean hourEnding) implements TimeColumns {
        public Parts {
            if (year < 0 || month < 0 || day < 0 || (minute >= 0 && hour < 0)) {
                throw new IllegalArgumentException("year, month and day columns are needed (and an hour before a"
                        + " minute)");
            }
        }

        @Override
        public int[] columns() {
            return hour < 0 ? new int[] {year, month, day} : minute < 0 ? new int[] {year, month, day, hour}
                    : new int[] {year, month, day, hour, minute};
        }
    }
}
