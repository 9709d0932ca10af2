package org.lowtide.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lowtide.traffic.imports.ImportWarning;

/** JSON pieces several commands print the same way. */
final class CliJson {

    private CliJson() {
    }

    /**
     * The last guard of "never NaN or Infinity in an output" (issue #14): a non-finite number,
     * which no valid JSON can hold, becomes {@code null} (unknown). The import's value policy keeps
     * such numbers from arising; this keeps a slip from reaching a script.
     *
     * @return {@code node}, changed in place
     */
    static <T extends com.fasterxml.jackson.databind.JsonNode> T finite(T node) {
        if (node instanceof ObjectNode object) {
            java.util.List<String> bad = new java.util.ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber() && !Double.isFinite(e.getValue().doubleValue())) {
                    bad.add(e.getKey());
                } else {
                    finite(e.getValue());
                }
            });
            bad.forEach(object::putNull);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                com.fasterxml.jackson.databind.JsonNode item = array.get(i);
                if (item.isNumber() && !Double.isFinite(item.doubleValue())) {
                    array.set(i, com.fasterxml.jackson.databind.node.NullNode.getInstance());
                } else {
                    finite(item);
                }
            }
        }
        return node;
    }

    /**
     * Adds {@code warnings}: the import's warnings with their line and column, then the notes of
     * the analysis, which concern the whole file (line and column 0).
     */
    static void addWarnings(ObjectNode root, List<ImportWarning> warnings, List<String> notes) {
        ArrayNode array = root.putArray("warnings");
        for (ImportWarning w : warnings) {
            array.addObject().put("line", w.line()).put("column", w.column()).put("message", w.message());
        }
        for (String note : notes) {
            array.addObject().put("line", 0).put("column", 0).put("message", note);
        }
    }
}
