package org.lowtide.report;

import java.util.Locale;

/**
 * Paper sizes a report is laid out for.
 */
public enum Paper {
    /** ISO A4, 210 × 297 mm. */
    A4(595.276f, 841.89f),
    /** US Letter, 8.5 × 11 in. */
    LETTER(612f, 792f);

    private final float widthPoints;
    private final float heightPoints;

    Paper(float widthPoints, float heightPoints) {
        this.widthPoints = widthPoints;
        this.heightPoints = heightPoints;
    }

    /** @return the page width in PDF points (1/72 in) */
    public float widthPoints() {
        return widthPoints;
    }

    /** @return the page height in PDF points */
    public float heightPoints() {
        return heightPoints;
    }

    /**
     * @param text {@code a4} or {@code letter}, any case
     * @throws IllegalArgumentException for anything else
     */
    public static Paper parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "a4":
                return A4;
            case "letter":
            case "us-letter":
                return LETTER;
            default:
                throw new IllegalArgumentException("paper is a4 or letter, not '" + text + "'");
        }
    }
}
