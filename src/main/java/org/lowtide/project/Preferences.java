package org.lowtide.project;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.ZoneId;

/**
 * What the user told Lowtide once and wants kept between runs: the few answers money needs
 * (revenue, or traffic only; currency; the team's zone), the theme, the files opened lately and
 * where the window was. Saved by {@link PreferencesFiles} (versioned JSON, atomic, a damaged file
 * refused and kept), read through {@code service.PreferencesService}.
 *
 * @param revenue     the revenue per period, or empty to rank by traffic only
 * @param currency    the currency of the revenue and of every amount shown
 * @param zone        the team's time zone (plans follow its wall clock), or empty for the system's
 * @param themeName   the theme's name as the View menu stores it; empty for the default
 * @param recentFiles traffic files opened lately, newest first, at most {@link #MAX_RECENT}
 * @param window      where the main window was when it was last closed, if known
 * @param welcomed    whether the first-run questions were answered (or skipped)
 */
public record Preferences(Optional<Revenue> revenue, Currency currency, Optional<ZoneId> zone, String themeName,
                          List<String> recentFiles, Optional<WindowPlacement> window, boolean welcomed) {

    /** How many recent files are kept. */
    public static final int MAX_RECENT = 8;

    public Preferences {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(themeName, "themeName");
        recentFiles = List.copyOf(recentFiles.stream().filter(Objects::nonNull).distinct().limit(MAX_RECENT).toList());
        Objects.requireNonNull(window, "window");
    }

    /** A period revenue is stated over. */
    public enum Period {
        /** per year */
        YEAR(1),
        /** per month: a twelfth of a year */
        MONTH(12);

        private final int perYear;

        Period(int perYear) {
            this.perYear = perYear;
        }

        /** @return how many of these periods make a year */
        public int perYear() {
            return perYear;
        }
    }

    /**
     * Revenue over one period.
     *
     * @param amount how much, in the preferences' currency; 0 or more
     * @param period over which period
     */
    public record Revenue(double amount, Period period) {
        public Revenue {
            Objects.requireNonNull(period, "period");
            if (!Double.isFinite(amount) || amount < 0) {
                throw new IllegalArgumentException("revenue must be a finite amount from 0 up, not " + amount);
            }
        }

        /** @return the revenue per year */
        public double perYear() {
            return amount * period.perYear();
        }
    }

    /**
     * The main window's place on the desktop, in screen coordinates.
     *
     * @param maximized whether it was maximised (the bounds are then the ones before maximising)
     */
    public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
        public WindowPlacement {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                    || !Double.isFinite(width) || !Double.isFinite(height)) {
                throw new IllegalArgumentException("a window needs finite coordinates and a positive size");
            }
        }
    }

    /** @return the preferences of a first run: no revenue (traffic only), USD, the system zone, nothing recent */
    public static Preferences defaults() {
        return new Preferences(Optional.empty(), Currency.getInstance("USD"), Optional.empty(), "", List.of(),
                Optional.empty(), false);
    }

    /** @return these preferences with another revenue */
    public Preferences withRevenue(Optional<Revenue> newRevenue) {
        return new Preferences(newRevenue, currency, zone, themeName, recentFiles, window, welcomed);
    }

    /** @return these preferences with another currency */
    public Preferences withCurrency(Currency newCurrency) {
        return new Preferences(revenue, newCurrency, zone, themeName, recentFiles, window, welcomed);
    }

    /** @return these preferences with another zone (empty: the system's) */
    public Preferences withZone(Optional<ZoneId> newZone) {
        return new Preferences(revenue, currency, newZone, themeName, recentFiles, window, welcomed);
    }

    /** @return these preferences with another theme */
    public Preferences withThemeName(String newTheme) {
        return new Preferences(revenue, currency, zone, newTheme, recentFiles, window, welcomed);
    }

    /** @return these preferences with the window's placement */
    public Preferences withWindow(Optional<WindowPlacement> newWindow) {
        return new Preferences(revenue, currency, zone, themeName, recentFiles, newWindow, welcomed);
    }

    /** @return these preferences marked as having answered (or skipped) the first-run questions */
    public Preferences withWelcomed(boolean done) {
        return new Preferences(revenue, currency, zone, themeName, recentFiles, window, done);
    }

    /** @return these preferences with {@code file} first among the recent files (moved up if there already) */
    public Preferences withRecentFile(String file) {
        Objects.requireNonNull(file, "file");
        List<String> files = new java.util.ArrayList<>();
        files.add(file);
        recentFiles.stream().filter(f -> !f.equals(file)).forEach(files::add);
        return new Preferences(revenue, currency, zone, themeName, files, window, welcomed);
    }

    /** @return these preferences without {@code file} among the recent files */
    public Preferences withoutRecentFile(String file) {
        return new Preferences(revenue, currency, zone, themeName,
                recentFiles.stream().filter(f -> !f.equals(file)).toList(), window, welcomed);
    }
}
