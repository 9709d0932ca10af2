package org.lowtide.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.traffic.Durations;

/**
 * Reads a fleet from what the user has: a folder of traffic files (one service each, named by the
 * file), one long-format CSV ({@code service,timestamp,value}: split in one streaming pass into a
 * file per service), or a fleet file in YAML or JSON naming every service with its settings, the
 * dependency groups and the fleet's rules (see the README's "Fleet" section for the format).
 */
public final class FleetFiles {

    /** The keys a service may have in a fleet file. */
    static final Set<String> SERVICE_KEYS = Set.of("name", "source", "column", "zone", "revenueShare", "window",
            "staffHours", "blackouts", "holidays", "changes", "minGap", "groups");
    static final Set<String> TOP_KEYS = Set.of("services", "groups", "rules", "defaults");
    static final Set<String> RULE_KEYS = Set.of("maxConcurrent", "minGap", "blackouts", "holidays");
    static final Set<String> GROUP_KEYS = Set.of("name", "kind", "members");

    private FleetFiles() {
    }

    /**
     * @param input       a folder, a long-format CSV or a fleet file
     * @param defaultZone the zone of blackout dates in a fleet file when it names none
     * @param workDir     where a long-format CSV is split into one file per service
     * @throws FleetFileException naming file and line
     */
    public static Fleet read(Path input, ZoneId defaultZone, Path workDir) throws IOException {
        if (Files.isDirectory(input)) {
            return folder(input);
        }
        if (!Files.isRegularFile(input)) {
            throw new FleetFileException(input.toString(), "no such file or folder");
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            return fleetFile(input, defaultZone);
        }
        return longFormat(input, workDir);
    }

    /**
     * Files kept beside traffic that are never traffic: notes, the fleet's own reports, calendars
     * and images, a fleet file. Each would otherwise be listed as a failed service.
     */
    private static final java.util.Set<String> NOT_TRAFFIC = java.util.Set.of("md", "markdown", "pdf", "ics",
            "png", "svg", "jpg", "jpeg", "html", "htm", "yaml", "yml", "log");

    /**
     * One service per regular, visible file of the folder, named by the file without its extension;
     * documents that are never traffic ({@link #NOT_TRAFFIC}: a README, a report, a calendar) are passed over.
     */
    static Fleet folder(Path dir) throws IOException {
        List<FleetMember> members = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.startsWith(".") || !Files.isRegularFile(f)) {
                    continue;
                }
                int dot = file.lastIndexOf('.');
                if (dot > 0 && NOT_TRAFFIC.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String service = dot > 0 ? file.substring(0, dot) : file;
                members.add(FleetMember.of(service, f, dir.getFileName() + "/" + file));
            }
        }
        if (members.isEmpty()) {
            throw new FleetFileException(dir.toString(), "the folder holds no traffic file (one file per service)");
        }
        return new Fleet(members, FleetRules.NONE, dir.toString());
    }

    // ---- long format -----------------------------------------------------------------------

    /**
     * Splits {@code service,timestamp,value} rows (header required; columns in any order; more
     * columns are ignored) into one {@code timestamp,value} file per service, streaming: memory
     * holds one line and one open writer per service, never a series.
     */
    static Fleet longFormat(Path csv, Path workDir) throws IOException {
        String file = csv.getFileName().toString();
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        Files.createDirectories(workDir);
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new FleetFileException(file + " line 1", "the file is empty");
            }
            header = header.replace("\uFEFF", "");
            char sep = header.contains(";") && !header.contains(",") ? ';' : header.contains("\t") && !header.contains(",")
                    ? '\t' : ',';
            String[] cols = split(header, sep);
            int s = find(cols, "service", "series", "name");
            int t = find(cols, "timestamp", "time", "date");
            int v = find(cols, "value", "requests", "count");
            if (s < 0 || t < 0 || v < 0) {
                throw new FleetFileException(file + " line 1", "a multi-series file has a header with the columns service, "
                        + "timestamp and value (found: " + header + ")");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line, sep);
                if (f.length <= Math.max(s, Math.max(t, v))) {
                    throw new FleetFileException(file + " line " + lineNo, "expected " + cols.length
                            + " columns (service, timestamp, value), found " + f.length);
                }
                String service = f[s].trim();
                if (service.isEmpty()) {
                    throw new FleetFileException(file + " line " + lineNo + " column " + (s + 1), "the service is empty");
                }
                BufferedWriter w = writers.get(service);
                if (w == null) {
                    Path p = workDir.resolve(String.format(Locale.ROOT, "%04d-%s.csv", writers.size(), safe(service)));
                    w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
                    w.write("timestamp,value\n");
                    writers.put(service, w);
                    paths.put(service, p);
                    firstLine.put(service, lineNo);
                }
                w.write(f[t].trim());
                w.write(',');
                w.write(f[v].trim());
                w.write('\n');
            }
        } finally {
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        if (paths.isEmpty()) {
            throw new FleetFileException(file, "the file has a header but no rows");
        }
        List<FleetMember> members = new ArrayList<>();
        paths.forEach((service, p) -> members.add(FleetMember.of(service, p, file + " line " + firstLine.get(service))));
        return new Fleet(members, FleetRules.NONE, file);
    }

    private static String safe(String service) {
        String s = service.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    private static String[] split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    private static int find(String[] cols, String... names) {
        for (String n : names) {
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].trim().equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    // ---- fleet file ---------------------------------------------------------------------------

    private record Located(JsonNode node, int line) {
    }

    static Fleet fleetFile(Path path, ZoneId defaultZone) throws IOException {
        String file = path.getFileName().toString();
        boolean yaml = !file.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        Map<String, List<Located>> lists = new LinkedHashMap<>();
        Map<String, Located> objects = new LinkedHashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(path.toFile())) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new FleetFileException(file + " line " + line(p.currentLocation()),
                        "a fleet file is a mapping with 'services' (and optionally 'groups', 'rules', 'defaults')");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p.currentLocation());
                if (!TOP_KEYS.contains(key)) {
                    throw new FleetFileException(file + " line " + keyLine, "unknown key '" + key + "'; a fleet file has "
                            + sorted(TOP_KEYS));
                }
                JsonToken value = p.nextToken();
                if (key.equals("services") || key.equals("groups")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new FleetFileException(file + " line " + keyLine, "'" + key + "' is a list");
                    }
                    List<Located> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int itemLine = line(p.currentLocation());
                        items.add(new Located(mapper.readTree(p), itemLine));
                    }
                    lists.put(key, items);
                } else {
                    if (value != JsonToken.START_OBJECT) {
                        throw new FleetFileException(file + " line " + keyLine, "'" + key + "' is a mapping");
                    }
                    objects.put(key, new Located(mapper.readTree(p), keyLine));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FleetFileException(file + (at == null ? "" : " line " + line(at)),
                    "not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        }
        List<Located> services = lists.getOrDefault("services", List.of());
        if (services.isEmpty()) {
            throw new FleetFileException(file, "the fleet file names no service (a list under 'services')");
        }
        Located defaults = objects.get("defaults");
        ZoneId fleetZone = defaultZone;
        Optional<Duration> defaultWindow = Optional.empty();
        Optional<String> defaultColumn = Optional.empty();
        if (defaults != null) {
            String where = file + " line " + defaults.line();
            for (Iterator<String> it = defaults.node().fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("zone", "window", "column").contains(k)) {
                    throw new FleetFileException(where, "unknown key 'defaults." + k + "'; defaults has column, window, zone");
                }
            }
            fleetZone = zone(defaults.node(), where).orElse(defaultZone);
            defaultWindow = duration(defaults.node(), "window", where);
            defaultColumn = text(defaults.node(), "column", where);
        }
        // Groups: declared with their kind (and optionally members); services may join them by name.
        Map<String, GroupKind> kinds = new LinkedHashMap<>();
        Map<String, List<String>> groupMembers = new LinkedHashMap<>();
        Map<String, Integer> groupLines = new LinkedHashMap<>();
        for (Located g : lists.getOrDefault("groups", List.of())) {
            String where = file + " line " + g.line();
            checkKeys(g.node(), GROUP_KEYS, "a group", where);
            String name = text(g.node(), "name", where).orElseThrow(() -> new FleetFileException(where, "a group needs a name"));
            String kind = text(g.node(), "kind", where).orElseThrow(() -> new FleetFileException(where,
                    "group " + name + " needs a kind: never-together or always-together"));
            try {
                kinds.put(name, GroupKind.parse(kind));
            } catch (IllegalArgumentException e) {
                throw new FleetFileException(where, e.getMessage());
            }
            groupLines.put(name, g.line());
            groupMembers.put(name, new ArrayList<>(strings(g.node(), "members", where)));
        }
        Located rulesNode = objects.get("rules");
        OptionalInt maxConcurrent = OptionalInt.empty();
        Duration minGap = FleetRules.NONE.minGap();
        List<Blackout> fleetBlackouts = new ArrayList<>();
        Optional<String> fleetHolidays = Optional.empty();
        if (rulesNode != null) {
            String where = file + " line " + rulesNode.line();
            checkKeys(rulesNode.node(), RULE_KEYS, "'rules'", where);
            JsonNode mc = rulesNode.node().get("maxConcurrent");
            if (mc != null && !mc.isNull()) {
                if (!mc.canConvertToInt() || mc.asInt() < 1 || !mc.isIntegralNumber()) {
                    throw new FleetFileException(where, "rules.maxConcurrent is a whole number ≥ 1, not " + mc);
                }
                maxConcurrent = OptionalInt.of(mc.asInt());
            }
            minGap = duration(rulesNode.node(), "minGap", where).orElse(minGap);
            fleetBlackouts.addAll(blackouts(rulesNode.node(), fleetZone, where));
            fleetHolidays = text(rulesNode.node(), "holidays", where);
        }
        List<FleetMember> members = new ArrayList<>();
        Path base = path.toAbsolutePath().getParent();
        for (Located s : services) {
            String where = file + " line " + s.line();
            checkKeys(s.node(), SERVICE_KEYS, "a service", where);
            String name = text(s.node(), "name", where).orElseThrow(() -> new FleetFileException(where,
                    "a service needs a name"));
            String source = text(s.node(), "source", where).orElseThrow(() -> new FleetFileException(where,
                    name + " needs a source (its traffic file, relative to the fleet file)"));
            Optional<ZoneId> zone = zone(s.node(), where);
            OptionalDouble share = OptionalDouble.empty();
            JsonNode sh = s.node().get("revenueShare");
            if (sh != null && !sh.isNull()) {
                if (!sh.isNumber()) {
                    throw new FleetFileException(where, name + ": revenueShare is a number from 0 to 1, not " + sh);
                }
                share = OptionalDouble.of(sh.asDouble());
            }
            List<AllowedHours> staff = new ArrayList<>();
            for (String a : strings(s.node(), "staffHours", where)) {
                try {
                    staff.add(AllowedHours.parse(a));
                } catch (IllegalArgumentException e) {
                    throw new FleetFileException(where, name + ": staffHours: " + e.getMessage());
                }
            }
            JsonNode ch = s.node().get("changes");
            int changes = 1;
            if (ch != null && !ch.isNull()) {
                if (!ch.isIntegralNumber()) {
                    throw new FleetFileException(where, name + ": changes is a whole number, not " + ch);
                }
                changes = ch.asInt();
            }
            for (String g : strings(s.node(), "groups", where)) {
                if (!kinds.containsKey(g)) {
                    throw new FleetFileException(where, name + " joins group '" + g + "', which 'groups' does not declare"
                            + (kinds.isEmpty() ? "" : " (declared: " + String.join(", ", kinds.keySet()) + ")"));
                }
                if (!groupMembers.get(g).contains(name)) {
                    groupMembers.get(g).add(name);
                }
            }
            Path src = Path.of(source);
            try {
                members.add(new FleetMember(name, src.isAbsolute() ? src : base.resolve(src),
                        text(s.node(), "column", where),
                        zone, share, duration(s.node(), "window", where), staff,
                        blackouts(s.node(), zone.orElse(fleetZone), where), text(s.node(), "holidays", where),
                        changes, duration(s.node(), "minGap", where), where));
            } catch (IllegalArgumentException e) {
                throw new FleetFileException(where, stripOrigin(e.getMessage(), where));
            }
        }
        List<DependencyGroup> groups = new ArrayList<>();
        for (Map.Entry<String, GroupKind> g : kinds.entrySet()) {
            String where = file + " line " + groupLines.get(g.getKey());
            try {
                groups.add(new DependencyGroup(g.getKey(), g.getValue(), groupMembers.get(g.getKey())));
            } catch (IllegalArgumentException e) {
                throw new FleetFileException(where, e.getMessage());
            }
        }
        // Defaults fill what services leave out (zone, window, column).
        Optional<ZoneId> zoneFallback = defaults != null && defaults.node().hasNonNull("zone") ? Optional.of(fleetZone)
                : Optional.empty();
        Optional<Duration> windowFallback = defaultWindow;
        Optional<String> columnFallback = defaultColumn;
        List<FleetMember> filled = new ArrayList<>();
        for (FleetMember m : members) {
            filled.add(new FleetMember(m.name(), m.traffic(), m.column().or(() -> columnFallback),
                    m.zone().or(() -> zoneFallback), m.revenueShare(), m.window().or(() -> windowFallback),
                    m.staffHours(), m.blackouts(), m.holidays(), m.changes(), m.minGap(), m.origin()));
        }
        try {
            return new Fleet(filled, new FleetRules(maxConcurrent, minGap, groups, fleetBlackouts, fleetHolidays), file);
        } catch (IllegalArgumentException e) {
            throw new FleetFileException(file, stripOrigin(e.getMessage(), file));
        }
    }

    private static String stripOrigin(String message, String where) {
        return message != null && message.startsWith(where + ": ") ? message.substring(where.length() + 2) : message;
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : l.getLineNr();
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String what, String where) throws FleetFileException {
        if (!node.isObject()) {
            throw new FleetFileException(where, what + " is a mapping of keys (" + sorted(allowed) + ")");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new FleetFileException(where, "unknown key '" + k + "' in " + what + "; known: " + sorted(allowed));
            }
        }
    }

    private static Optional<String> text(JsonNode node, String key, String where) throws FleetFileException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new FleetFileException(where, key + " is a word or a number, not " + v);
        }
        return Optional.of(v.asText().trim());
    }

    private static List<String> strings(JsonNode node, String key, String where) throws FleetFileException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isValueNode()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new FleetFileException(where, key + " is a list, not " + v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isValueNode()) {
                throw new FleetFileException(where, key + " lists words, not " + e);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static Optional<ZoneId> zone(JsonNode node, String where) throws FleetFileException {
        Optional<String> z = text(node, "zone", where);
        if (z.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(z.get()));
        } catch (java.time.DateTimeException e) {
            throw new FleetFileException(where, "unknown zone '" + z.get() + "' (a region such as Europe/Berlin, or UTC)");
        }
    }

    private static Optional<Duration> duration(JsonNode node, String key, String where) throws FleetFileException {
        Optional<String> d = text(node, key, where);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(d.get()));
        } catch (IllegalArgumentException e) {
            throw new FleetFileException(where, key + ": " + e.getMessage());
        }
    }

    private static List<Blackout> blackouts(JsonNode node, ZoneId zone, String where) throws FleetFileException {
        List<Blackout> out = new ArrayList<>();
        for (String b : strings(node, "blackouts", where)) {
            try {
                out.add(Blackout.parse(b, zone));
            } catch (IllegalArgumentException e) {
                throw new FleetFileException(where, "blackouts: " + e.getMessage());
            }
        }
        return out;
    }
}
