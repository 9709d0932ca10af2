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
