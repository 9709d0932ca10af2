package org.lowtide.cost;

/** A scenario file cannot be read; the message names the file, line and column. */
public final class ScenarioFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long column;

    /**
     * @param source the file name
     * @param line   1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     * @param detail what is wrong and what was expected
     */
    public ScenarioFileException(String source, long line, long column, String detail) {
        super(source + (line > 0 ? ": line " + line + (column > 0 ? ", column " + column : "") : "") + ": " + detail);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
