package org.lowtide.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes the preferences file ({@code preferences.json}) the way plan files are
 * ({@link PlanFiles}): versioned JSON read by {@link VersionedJson}, written atomically by
 * {@link AtomicFiles}. Reading never writes; a damaged or too-new file is refused with a message
 * and left as it is, and saving refuses to replace it unless the user confirmed ({@code force}).
 */
public final class PreferencesFiles {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The file's name in the configuration folder. */
    public static final String FILE_NAME = "preferences.json";

    /** Preferences are a few hundred bytes; anything larger than this is not ours. */
    static final long MAX_BYTES = 1L << 20;

    private static final VersionedJson.Kind KIND = new VersionedJson.Kind("preferences file", "preferences file",
            "preferences", SCHEMA_VERSION, MAX_BYTES);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The file as stored. Every field but the version may be missing (then its default applies),
     * so that a hand-edited file with a field removed still reads.
     */
    record Dto(int schemaVersion, String writtenBy, RevenueDto revenue, String currency, String zone,
               String theme, List<String> recentFiles, WindowDto window, Boolean welcomed) {
    }

    record RevenueDto(Double amount, String period) {
    }

    record WindowDto(Double x, Double y, Double width, Double height, Boolean maximized) {
    }

    private PreferencesFiles() {
    }

    /**
     * Writes the preferences to {@code target} atomically. An existing file is replaced only when it
     * is a preferences file this version reads, or when {@code force} is set (the user confirmed
     * replacing a damaged one); else an {@link OutputFileException} says why and the file stays.
     *
     * @param writtenBy e.g. "Lowtide 1.0.0", kept in the file for the messages of newer files
     */
    public static void save(Preferences prefs, Path target, String writtenBy, boolean force) throws IOException {
        Dto dto = toDto(prefs, writtenBy);
        AtomicFiles.write(target, out -> MAPPER.writeValue(out, dto), VersionedJson.replaceable(force, KIND, existing -> {
            try {
                load(existing);
                return null;
            } catch (PreferencesFileException e) {
                return e.getMessage();
            }
        }));
    }

    /** Reads a preferences file, migrating older schema versions in memory. */
    public static Preferences load(Path file) throws PreferencesFileException, IOException {
        String name = VersionedJson.name(file);
        try {
            ObjectNode root = VersionedJson.read(file, KIND, MAPPER);
            ObjectNode migrated = migrate(root, root.path("schemaVersion").intValue());
            return fromDto(VersionedJson.bind(file, KIND, MAPPER, migrated, Dto.class), name);
        } catch (VersionedJson.Refused e) {
            throw new PreferencesFileException(e.getMessage(), e.getCause());
        }
    }

    /** Brings an older document up to {@link #SCHEMA_VERSION}; each step is one version. */
    static ObjectNode migrate(ObjectNode root, int version) {
        // Schema 1 is the first; later versions add their steps here (1 → 2, 2 → 3, …).
        root.put("schemaVersion", SCHEMA_VERSION);
        return root;
    }

    private static Dto toDto(Preferences p, String writtenBy) {
        RevenueDto revenue = p.revenue().map(r -> new RevenueDto(r.amount(), r.period().name().toLowerCase(Locale.ROOT)))
                .orElse(null);
        WindowDto window = p.window().map(w -> new WindowDto(w.x(), w.y(), w.width(), w.height(), w.maximized()))
                .orElse(null);
        return new Dto(SCHEMA_VERSION, writtenBy, revenue, p.currency().getCurrencyCode(),
                p.zone().map(ZoneId::getId).orElse(null), p.themeName(), p.recentFiles(), window, p.welcomed());
    }

    private static Preferences fromDto(Dto d, String name) throws PreferencesFileException {
        Preferences defaults = Preferences.defaults();
        Optional<Preferences.Revenue> revenue = Optional.empty();
        if (d.revenue() != null) {
            Preferences.Period period;
            try {
                period = d.revenue().period() == null ? Preferences.Period.YEAR
                        : Preferences.Period.valueOf(d.revenue().period().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw damaged(name, "'revenue.period' is neither \"year\" nor \"month\"");
            }
            if (d.revenue().amount() == null || !Double.isFinite(d.revenue().amount()) || d.revenue().amount() < 0) {
                throw damaged(name, "'revenue.amount' is not an amount from 0 up");
            }
            revenue = Optional.of(new Preferences.Revenue(d.revenue().amount(), period));
        }
        Currency currency = defaults.currency();
        if (d.currency() != null) {
            try {
                currency = Currency.getInstance(d.currency().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw damaged(name, "'currency' is not an ISO 4217 code such as USD or EUR");
            }
        }
        Optional<ZoneId> zone = Optional.empty();
        if (d.zone() != null && !d.zone().isBlank()) {
            try {
                zone = Optional.of(ZoneId.of(d.zone().trim()));
            } catch (DateTimeException e) {
                throw damaged(name, "'zone' is not a time zone such as Europe/Berlin");
            }
        }
        Optional<Preferences.WindowPlacement> window = Optional.empty();
        WindowDto w = d.window();
        if (w != null && w.x() != null && w.y() != null && w.width() != null && w.height() != null) {
            try {
                window = Optional.of(new Preferences.WindowPlacement(w.x(), w.y(), w.width(), w.height(),
                        Boolean.TRUE.equals(w.maximized())));
            } catch (IllegalArgumentException e) {
                throw damaged(name, "'window' has no positive size");
            }
        }
        return new Preferences(revenue, currency, zone, d.theme() == null ? "" : d.theme(),
                d.recentFiles() == null ? List.of() : d.recentFiles(), window, Boolean.TRUE.equals(d.welcomed()));
    }

    private static PreferencesFileException damaged(String name, String what) {
        return new PreferencesFileException(name + ": damaged preferences file: " + what);
    }
}
