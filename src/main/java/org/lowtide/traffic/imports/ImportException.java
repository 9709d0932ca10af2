package org.lowtide.traffic.imports;

/**
 * The input cannot be read as traffic. The message names the file, the line and column where
 * the problem is, and what was expected there.
 */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;
    private final String detail;

    /**
     * @param source file name (or other source description)
     * @param line   1-based line, 0 when the problem is not on one line
     * @param column 1-based column, 0 when the problem is not in one column
     * @param detail what is wrong and what was expected
     */
    public ImportException(String source, long line, int column, String detail) {
        super(format(source, line, column, detail));
        this.source = source;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    private static String format(String source, long line, int column, String detail) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(": line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        return sb.append(": ").append(detail).toString();
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** @return the message without the location */
    public String detail() {
        return detail;
    }
}
