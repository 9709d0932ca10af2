package org.lowtide.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a report is made: what it says about itself and which parts it holds.
 *
 * @param title         the report's title, printed on the first page and in every header
 * @param author        who made it (may be empty)
 * @param audienceNotes a few words for the readers, printed on the summary page (may be empty)
 * @param sections      the sections to print, at least one
 * @param paper         the paper size
 * @param createdAt     the moment the report states it was made (fixed for reproducible output)
 */
public record ReportOptions(String title, String author, String audienceNotes, Set<Section> sections, Paper paper,
                            Instant createdAt) {

    /** The title when none is given. */
    public static final String DEFAULT_TITLE = "When to make risky changes, and what it saves";

    public ReportOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(audienceNotes, "audienceNotes");
        Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(createdAt, "createdAt");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a report needs a title");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one section");
        }
        sections = Set.copyOf(EnumSet.copyOf(sections));
    }

    /** @return every section, A4, the default title, made at {@code createdAt} */
    public static ReportOptions defaults(Instant createdAt) {
        return new ReportOptions(DEFAULT_TITLE, "", "", EnumSet.allOf(Section.class), Paper.A4, createdAt);
    }

    /** @return whether the report holds {@code section} */
    public boolean has(Section section) {
        return sections.contains(section);
    }

    /** @return the same options with another title */
    public ReportOptions withTitle(String newTitle) {
        return new ReportOptions(newTitle, author, audienceNotes, sections, paper, createdAt);
    }

    /** @return the same options with another author */
    public ReportOptions withAuthor(String newAuthor) {
        return new ReportOptions(title, newAuthor, audienceNotes, sections, paper, createdAt);
    }

    /** @return the same options on other paper */
    public ReportOptions withPaper(Paper newPaper) {
        return new ReportOptions(title, author, audienceNotes, sections, newPaper, createdAt);
    }
}
