package org.lowtide.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a k/h scenario file (JSON). Every problem names the file, line and column: syntax and type
 * errors from Jackson's {@link JsonLocation}, meaning errors (a negative multiplier, an unknown
 * lever) by finding the offending value's JSON pointer again in the text.
 *
 * <pre>
 * {
 *   "changesPerYear": 250,                 // optional: the baseline's changes per year
 *   "innovationPerChange": 1,              // optional: the baseline's k
 *   "levers": {                            // optional: change a built-in lever or add one
 *     "better-alerting": {"detect": 0.3},
 *     "feature-flags": {"name": "Feature flags", "restore": 0.5, "failureRate": 0.9}
 *   },
 *   "scenarios": [                         // optional: default Today / Lower h / Raise k / All levers
 *     {"name": "Today"},
 *     {"name": "Flags and alerting", "levers": ["feature-flags", "better-alerting"], "changesPerYear": 400}
 *   ]
 * }
 * </pre>
 * Lever fields are multipliers: {@code innovation} (k), {@code changes}, {@code failureRate},
 * {@code detect}, {@code restore}, {@code impact}; a field left out keeps the built-in value (1
 * for a new lever).
 */
public final class ScenarioFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScenarioFile() {
    }

    /** The file's shape, for Jackson. */
    record FileDto(Double changesPerYear, Double innovationPerChange, LinkedHashMap<String, LeverDto> levers,
                   List<ScenarioDto> scenarios) {
    }

    /** One lever's effects. */
    record LeverDto(String name, Double innovation, Double changes, Double failureRate, Double detect, Double restore,
                    Double impact) {
    }

    /** One scenario. */
    record ScenarioDto(String name, List<String> levers, Double changesPerYear, Double innovationPerChange) {
    }

    /** Reads a scenario file. */
    public static ScenarioSet read(Path file) throws ScenarioFileException, IOException {
        Path name = file.getFileName();
        return read(Files.readString(file, StandardCharsets.UTF_8), name == null ? file.toString() : name.toString());
    }

    /**
     * Reads scenario JSON.
     *
     * @param json   the text
     * @param source the file name for messages
     */
    public static ScenarioSet read(String json, String source) throws ScenarioFileException {
        Problems problems = new Problems(json, source);
        FileDto dto;
        try {
            dto = MAPPER.readValue(json, FileDto.class);
        } catch (JsonMappingException e) {
            // Jackson buffers creator properties, so its own location can be the object's end:
            // find the offending value by its path instead.
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                pointer.append('/').append(r.getFieldName() != null ? escape(r.getFieldName())
                        : String.valueOf(r.getIndex()));
            }
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
                List<String> known = new ArrayList<>();
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
                java.util.Collections.sort(known);
                message = "unknown field \"" + u.getPropertyName() + "\"; known fields here: " + String.join(", ", known);
            } else {
                message = clean(e.getOriginalMessage());
            }
            ScenarioFileException located = pointer.length() > 0 ? problems.at(pointer.toString(), message) : null;
            if (located != null && located.line() > 0) {
                throw located;
            }
            throw atLocation(source, e.getLocation(), message);
        } catch (JsonProcessingException e) {
            throw atLocation(source, e.getLocation(), clean(e.getOriginalMessage()));
        }
        if (dto == null) {
            throw new ScenarioFileException(source, 1, 1, "the file is empty; expected a JSON object");
        }
        Map<String, Lever> levers = new LinkedHashMap<>();
        for (Lever l : Lever.builtIn()) {
            levers.put(l.id(), l);
        }
        if (dto.levers() != null) {
            for (Map.Entry<String, LeverDto> e : dto.levers().entrySet()) {
                String id = e.getKey();
                LeverDto l = e.getValue();
                String pointer = "/levers/" + escape(id);
                if (l == null) {
                    throw problems.at(pointer, "lever " + id + " needs an object of multipliers, e.g. {\"detect\": 0.5}");
                }
                Lever base = levers.getOrDefault(id, new Lever(safeId(id, problems, pointer), id, 1, 1, 1, 1, 1, 1,
                        Source.user()));
                for (String field : new String[] {"innovation", "changes", "failureRate", "detect", "restore", "impact"}) {
                    Double v = field(l, field);
                    if (v != null && (!Double.isFinite(v) || v < 0 || (field.equals("restore") && v == 0))) {
                        throw problems.at(pointer + "/" + field, "the " + field + " multiplier of lever " + id
                                + " must be " + (field.equals("restore") ? "more than zero" : "zero or more")
                                + ", was " + CostLimits.number(v));
                    }
                }
                levers.put(id, new Lever(id, l.name() != null ? l.name() : base.name(),
                        or(l.innovation(), base.innovation()), or(l.changes(), base.changes()),
                        or(l.failureRate(), base.failureRate()), or(l.detect(), base.detect()),
                        or(l.restore(), base.restore()), or(l.impact(), base.impact()),
                        Source.published("your scenario file " + source)));
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (dto.scenarios() == null) {
            for (Scenario s : Scenario.defaults()) {
                List<Lever> resolved = new ArrayList<>();
                s.levers().forEach(l -> resolved.add(levers.get(l.id())));
                scenarios.add(new Scenario(s.name(), resolved, s.changesPerYear(), s.innovationPerChange()));
            }
        } else {
            if (dto.scenarios().isEmpty()) {
                throw problems.at("/scenarios", "list at least one scenario, e.g. [{\"name\": \"Today\"}]");
            }
            for (int i = 0; i < dto.scenarios().size(); i++) {
                ScenarioDto s = dto.scenarios().get(i);
                String pointer = "/scenarios/" + i;
                if (s == null || s.name() == null || s.name().isBlank()) {
                    throw problems.at(pointer, "scenario " + (i + 1) + " needs a \"name\"");
                }
                List<Lever> pulled = new ArrayList<>();
                if (s.levers() != null) {
                    for (int j = 0; j < s.levers().size(); j++) {
                        Lever lever = levers.get(s.levers().get(j));
                        if (lever == null) {
                            throw problems.at(pointer + "/levers/" + j, "scenario '" + s.name() + "' pulls lever '"
                                    + s.levers().get(j) + "', which is neither built in nor defined under \"levers\"; known: "
                                    + String.join(", ", levers.keySet()));
                        }
                        pulled.add(lever);
                    }
                }
                checkCount(problems, pointer + "/changesPerYear", "changes per year", s.changesPerYear());
                checkCount(problems, pointer + "/innovationPerChange", "innovation per change", s.innovationPerChange());
                scenarios.add(new Scenario(s.name(), pulled, optional(s.changesPerYear()),
                        optional(s.innovationPerChange())));
            }
        }
        checkCount(problems, "/changesPerYear", "changes per year", dto.changesPerYear());
        checkCount(problems, "/innovationPerChange", "innovation per change", dto.innovationPerChange());
        return new ScenarioSet(optional(dto.changesPerYear()), optional(dto.innovationPerChange()),
                new ArrayList<>(levers.values()), scenarios);
    }

    private static ScenarioFileException atLocation(String source, JsonLocation at, String message) {
        return new ScenarioFileException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                message);
    }

    /** Jackson's message without class names and the source excerpt. */
    private static String clean(String message) {
        return message.replaceAll("\\s*\\(class [^)]*\\)", "").replaceAll("`org\\.lowtide\\.[\\w.$]+`", "value")
                .replaceAll("(?s)\\s*\\n.*", "");
    }

    private static String safeId(String id, Problems problems, String pointer) throws ScenarioFileException {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw problems.at(pointer, "a lever id is lower-case letters, digits and dashes, e.g. feature-flags; was '"
                    + id + "'");
        }
        return id;
    }

    private static void checkCount(Problems problems, String pointer, String what, Double v)
            throws ScenarioFileException {
        if (v != null && (!Double.isFinite(v) || v < 0)) {
            throw problems.at(pointer, what + " must be zero or more, was " + CostLimits.number(v));
        }
    }

    private static Double field(LeverDto l, String name) {
        switch (name) {
            case "innovation":
                return l.innovation();
            case "changes":
                return l.changes();
            case "failureRate":
                return l.failureRate();
            case "detect":
                return l.detect();
            case "restore":
                return l.restore();
            default:
                return l.impact();
        }
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Finds where a JSON pointer's value starts in the text, for messages. */
    private static final class Problems {
        private final String json;
        private final String source;

        Problems(String json, String source) {
            this.json = json;
            this.source = source;
        }

        ScenarioFileException at(String pointer, String message) {
            JsonLocation at = locate(pointer);
            return new ScenarioFileException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    message);
        }

        private JsonLocation locate(String pointer) {
            JsonPointer target = JsonPointer.compile(pointer);
            try (JsonParser p = new JsonFactory().createParser(json)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        continue;
                    }
                    if (p.getParsingContext().pathAsPointer().equals(target)) {
                        return p.currentTokenLocation();
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        }
    }
}
