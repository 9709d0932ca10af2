package org.lowtide.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fonts of one PDF report, all embedded: DejaVu Sans (regular and bold, bundled with Lowtide
 * for Latin, Greek and Cyrillic) and, only when some text needs it, a fallback font found on the
 * machine for CJK and other scripts ({@link FallbackFonts}). Text is cut into runs, each set in the
 * first font that has its characters, so "Checkout 日本語 Ελληνικά" shows every glyph.
 *
 * <p>The same fonts draw the charts: {@link #awt(boolean, float, String)} gives AWT fonts made from
 * the very same font files, so JFreeChart measures text exactly as the PDF will set it, and
 * {@link #mapper()} hands {@code PdfGraphics2D} the matching embedded font.
 *
 * <p>One instance per document: OpenPDF keeps the subset of glyphs used per font object. Subset
 * tags come from a generator seeded by the caller, so the same report gives the same bytes.
 */
public final class ReportFonts {

    private static final String RESOURCE_DIR = "/org/lowtide/report/fonts/";
    private static final byte[] REGULAR_BYTES = resource("DejaVuSans.ttf");
    private static final byte[] BOLD_BYTES = resource("DejaVuSans-Bold.ttf");
    private static final Font AWT_REGULAR = awtFont(REGULAR_BYTES);
    private static final Font AWT_BOLD = awtFont(BOLD_BYTES);

    private final BaseFont regular;
    private final BaseFont bold;
    private final SecureRandom subsetRandom;
    private final List<FallbackFonts.Candidate> fallbackCandidates;
    private FallbackFonts.Candidate fallbackUsed;
    private BaseFont fallback;
    private Font awtFallback;
    private boolean fallbackLoaded;
    private final Set<String> missing = new TreeSet<>();

    private ReportFonts(long seed, List<FallbackFonts.Candidate> fallbackCandidates) {
        this.subsetRandom = seeded(seed);
        this.fallbackCandidates = List.copyOf(fallbackCandidates);
        this.regular = baseFont("DejaVuSans.ttf", REGULAR_BYTES);
        this.bold = baseFont("DejaVuSans-Bold.ttf", BOLD_BYTES);
    }

    /**
     * @param seed seeds the subset tags of the embedded fonts (the same seed, the same PDF bytes)
     * @return the fonts for one document, with the machine's fallback font when there is one
     */
    public static ReportFonts forDocument(long seed) {
        return new ReportFonts(seed, FallbackFonts.find());
    }

    /** @return DejaVu Sans, embedded */
    public BaseFont regular() {
        return regular;
    }

    /** @return DejaVu Sans Bold, embedded */
    public BaseFont bold() {
        return bold;
    }

    /** @return the fallback font, when the machine has one and some text needed it */
    public Optional<BaseFont> fallbackIfLoaded() {
        return Optional.ofNullable(fallback);
    }

    /** @return the fallback font file in use, once some text needed it and it could be read */
    public Optional<FallbackFonts.Candidate> fallbackUsed() {
        return Optional.ofNullable(fallbackUsed);
    }

    /** @return whether this machine offers a fallback font for scripts DejaVu lacks */
    public boolean hasFallbackCandidates() {
        return !fallbackCandidates.isEmpty();
    }

    /**
     * @return every character (as a string, e.g. {@code "日"}) that no font could show so far; the
     *         CLI warns about these
     */
    public Set<String> missingCharacters() {
        return Set.copyOf(missing);
    }

    /** A run of text and the font that shows it. */
    private record Run(String text, BaseFont font) {
    }

    /**
     * Cuts text into runs of one font each: DejaVu (regular or bold) where it has the glyph, else
     * the fallback font. A character no font has stays in DejaVu (it shows as a box) and is
     * remembered in {@link #missingCharacters()}.
     */
    private List<Run> runs(String text, boolean boldFace) {
        BaseFont primary = boldFace ? bold : regular;
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        BaseFont currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            BaseFont font = fontFor(cp, primary);
            if (currentFont != null && font != currentFont) {
                runs.add(new Run(current.toString(), currentFont));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
            i += n;
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), currentFont));
        }
        return runs;
    }

    private BaseFont fontFor(int cp, BaseFont primary) {
        if (isLayoutCharacter(cp) || primary.charExists(cp)) {
            return primary;
        }
        BaseFont other = fallback();
        if (other != null && other.charExists(cp)) {
            return other;
        }
        missing.add(new String(Character.toChars(cp)));
        return primary;
    }

    /** Spaces, line breaks and zero-width break hints are laid out, never drawn. */
    private static boolean isLayoutCharacter(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x200B;
    }

    private BaseFont fallback() {
        if (!fallbackLoaded) {
            fallbackLoaded = true;
            for (FallbackFonts.Candidate c : fallbackCandidates) {
                try {
                    BaseFont font = BaseFont.createFont(c.pdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                            null, null);
                    font.setSecureRandom(subsetRandom);
                    awtFallback = c.awtFont();
                    fallback = font;
                    fallbackUsed = c;
                    break;
                } catch (IOException | FontFormatException | RuntimeException e) {
                    awtFallback = null; // an unreadable font is as good as none: try the next one
                }
            }
        }
        return fallback;
    }

    /**
     * @param text  the text
     * @param size  font size in points
     * @param bold  bold face
     * @param color text colour
     * @return the text as a phrase whose chunks use fonts that have their glyphs
     */
    public Phrase phrase(String text, float size, boolean bold, Color color) {
        Phrase phrase = new Phrase();
        phrase.setLeading(size * 1.3f);
        // The phrase's own font sets the spacing OpenPDF adds around paragraphs: never a base-14 font.
        phrase.setFont(new com.lowagie.text.Font(bold ? this.bold : regular, size, com.lowagie.text.Font.NORMAL,
                color));
        for (Run run : runs(text, bold)) {
            phrase.add(new Chunk(run.text(), new com.lowagie.text.Font(run.font(), size, com.lowagie.text.Font.NORMAL,
                    color)));
        }
        return phrase;
    }

    /** @return the width of the text in points as it would be set by {@link #phrase} */
    public float width(String text, float size, boolean bold) {
        float w = 0;
        for (Run run : runs(text, bold)) {
            w += run.font().getWidthPoint(run.text(), size);
        }
        return w;
    }

    /**
     * The longest start of {@code text} that fits {@code maxWidth}, ending in "…" when cut. For
     * one-line places (the page header); everywhere else text wraps.
     */
    public String fit(String text, float size, boolean bold, float maxWidth) {
        if (width(text, size, bold) <= maxWidth) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(text.substring(0, mid).strip() + "…", size, bold) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo > 0 && Character.isHighSurrogate(text.charAt(lo - 1))) {
            lo--;
        }
        return text.substring(0, lo).strip() + "…";
    }

    /**
     * An AWT font for chart text, made from the same file as the embedded font that will set it:
     * DejaVu when it has every character of {@code text}, else the fallback when that has them.
     *
     * @param bold bold face
     * @param size size in points
     * @param text the text the font will draw (may be empty)
     */
    public Font awt(boolean bold, float size, String text) {
        BaseFont primary = bold ? this.bold : regular;
        boolean primaryShowsAll = text.codePoints().allMatch(cp -> isLayoutCharacter(cp) || primary.charExists(cp));
        if (!primaryShowsAll) {
            BaseFont other = fallback();
            if (other != null && awtFallback != null
                    && text.codePoints().allMatch(cp -> isLayoutCharacter(cp) || other.charExists(cp))) {
                return awtFallback.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
            }
            text.codePoints().filter(cp -> !isLayoutCharacter(cp) && !primary.charExists(cp)
                    && (other == null || !other.charExists(cp)))
                    .forEach(cp -> missing.add(new String(Character.toChars(cp))));
        }
        return (bold ? AWT_BOLD : AWT_REGULAR).deriveFont(size);
    }

    /**
     * @return maps the AWT fonts of {@link #awt} to their embedded PDF fonts for
     *         {@code PdfGraphics2D}; any other font becomes DejaVu
     */
    public FontMapper mapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(Font font) {
                if (awtFallback != null && fallback != null && font.getFontName(Locale.ROOT)
                        .equals(awtFallback.getFontName(Locale.ROOT))) {
                    return fallback;
                }
                return font.isBold() || font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).contains("bold")
                        ? bold : regular;
            }

            @Override
            public Font pdfToAwt(BaseFont font, int size) {
                return (font == bold ? AWT_BOLD : AWT_REGULAR).deriveFont((float) size);
            }
        };
    }

    private BaseFont baseFont(String name, byte[] bytes) {
        try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSecureRandom(subsetRandom);
            return font;
        } catch (DocumentException | IOException e) { // DocumentException is unchecked in OpenPDF 2
            throw new IllegalStateException("the bundled font " + name + " cannot be read", e);
        }
    }

    private static SecureRandom seeded(long seed) {
        try {
            // SHA1PRNG seeded before its first use is deterministic: same seed, same subset tags.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA1PRNG", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + name + " is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awtFont(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the bundled font cannot be read by Java", e);
        }
    }

    /** Fonts on this machine for the scripts DejaVu lacks (CJK first). */
    public static final class FallbackFonts {

        /** Set to a path ({@code file.ttc,0} for a collection) or {@code none} to choose the fallback. */
        public static final String PROPERTY = "lowtide.report.fallbackFont";

        /** Well-known places of fonts with CJK glyphs on Linux, Windows and macOS, best first. */
        static final List<String> WELL_KNOWN = List.of(
                "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0",
                "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,0",
                "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc,0",
                "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
                "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
                "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc,0",
                "C:/Windows/Fonts/msyh.ttc,0",
                "C:/Windows/Fonts/YuGothR.ttc,0",
                "C:/Windows/Fonts/msgothic.ttc,0",
                "C:/Windows/Fonts/malgun.ttf",
                "C:/Windows/Fonts/simsun.ttc,0",
                "/Library/Fonts/Arial Unicode.ttf",
                "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
                "/System/Library/Fonts/Hiragino Sans GB.ttc,0");

        private FallbackFonts() {
        }

        /**
         * A font file, and the face in it for a collection.
         *
         * @param path  the file
         * @param index the face in a TrueType collection ({@code .ttc}), or -1 for a single font
         */
        public record Candidate(Path path, int index) {

            /** @return the name OpenPDF opens it by ({@code file.ttc,0} for a collection) */
            String pdfName() {
                return index < 0 ? path.toString() : path + "," + index;
            }

            /** @return the same face as an AWT font */
            Font awtFont() throws IOException, FontFormatException {
                File file = path.toFile();
                if (index < 0) {
                    return Font.createFont(Font.TRUETYPE_FONT, file);
                }
                Font[] faces = Font.createFonts(file);
                return faces[Math.min(index, faces.length - 1)];
            }

            /** @return a human description for messages */
            @Override
            public String toString() {
                return index < 0 ? path.toString() : path + " (face " + index + ")";
            }

            static Candidate parse(String spec) {
                String s = spec.trim();
                int comma = s.lastIndexOf(',');
                if (comma > 0 && s.substring(comma + 1).matches("\\d+")) {
                    return new Candidate(Path.of(s.substring(0, comma)), Integer.parseInt(s.substring(comma + 1)));
                }
                return new Candidate(Path.of(s), -1);
            }
        }

        /**
         * @return the readable fallback fonts, best first: the one named by the system property
         *         {@value #PROPERTY} or the environment variable {@code LOWTIDE_FALLBACK_FONT}
         *         ({@code none} for no fallback), else the well-known files that exist
         */
        public static List<Candidate> find() {
            String chosen = System.getProperty(PROPERTY, System.getenv("LOWTIDE_FALLBACK_FONT"));
            if (chosen != null && !chosen.isBlank()) {
                if (chosen.trim().equalsIgnoreCase("none")) {
                    return List.of();
                }
                Candidate c = Candidate.parse(chosen);
                return Files.isReadable(c.path()) ? List.of(c) : List.of();
            }
            List<Candidate> found = new ArrayList<>();
            for (String spec : WELL_KNOWN) {
                Candidate c = Candidate.parse(spec);
                if (Files.isReadable(c.path())) {
                    found.add(c);
                }
            }
            return found;
        }
    }
}
