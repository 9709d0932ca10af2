package org.lowtide.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The third-party list the build generates, and reading it. */
class ThirdPartyNoticesTest {

    @Test
    void readsLinesWithOneOrSeveralLicencesEvenWithParenthesesInside() {
        String text = """

                Lists of 2 third-party dependencies.
                     (MIT License) atlantafx-base (io.github.mkpaz:atlantafx-base:2.0.1 - https://github.com/mkpaz/atlantafx/atlantafx-base)
                     (GNU Lesser General Public License (LGPL), Version 2.1) (Mozilla Public License Version 2.0) openpdf (com.github.librepdf:openpdf:2.0.5 - https://github.com/LibrePDF/OpenPDF/openpdf)
                     (Unknown licence) no-url (org.example:no-url:1.0)
                """;
        List<ThirdPartyNotices.Library> libs = ThirdPartyNotices.parse(text);
        assertThat(libs).hasSize(3);
        assertThat(libs.get(0)).isEqualTo(new ThirdPartyNotices.Library("atlantafx-base",
                "io.github.mkpaz:atlantafx-base:2.0.1", List.of("MIT License"), "https://github.com/mkpaz/atlantafx/atlantafx-base"));
        assertThat(libs.get(1).licences()).containsExactly("GNU Lesser General Public License (LGPL), Version 2.1",
                "Mozilla Public License Version 2.0");
        assertThat(libs.get(1).version()).isEqualTo("2.0.5");
        assertThat(libs.get(2).url()).isEmpty();
    }

    /** The list comes from the pom's runtime dependencies at build time, so it names what the app ships. */
    @Test
    void theBuildListsTheRuntimeLibrariesAndNoTestOnes() {
        List<ThirdPartyNotices.Library> libs = ThirdPartyNotices.load();
        assertThat(libs).extracting(ThirdPartyNotices.Library::coordinates)
                .anyMatch(c -> c.startsWith("io.github.mkpaz:atlantafx-base:"))
                .anyMatch(c -> c.startsWith("org.jfree:jfreechart:"))
                .anyMatch(c -> c.startsWith("info.picocli:picocli:"))
                .noneMatch(c -> c.startsWith("org.junit") || c.startsWith("org.testfx") || c.startsWith("org.assertj"));
        assertThat(libs).allSatisfy(l -> assertThat(l.licences()).isNotEmpty());
    }

    /**
     * Lowtide is Apache-2.0 (LICENSE): it cannot ship a library under the GPL alone. The GPL with
     * the Classpath Exception (JavaFX) and the LGPL (JFreeChart, OpenPDF) are fine; a library that
     * offers a permissive licence beside the GPL is taken under that one.
     */
    @Test
    void noLibraryIsUnderTheGplAlone() {
        List<ThirdPartyNotices.Library> libs = ThirdPartyNotices.load();
        assertThat(libs).isNotEmpty();
        assertThat(libs).filteredOn(l -> l.licences().stream().allMatch(ThirdPartyNoticesTest::gplOnly))
                .as("libraries whose only licence is the GPL").isEmpty();
        assertThat(gplOnly("GNU General Public License (GPL)")).isTrue();
        assertThat(gplOnly("GPLv2+CE")).isFalse();
        assertThat(gplOnly("GNU Lesser General Public Licence")).isFalse();
    }

    private static boolean gplOnly(String licence) {
        String l = licence.toLowerCase(java.util.Locale.ROOT);
        boolean gpl = l.contains("gpl") || l.contains("general public licen");
        boolean lesser = l.contains("lesser") || l.contains("lgpl") || l.contains("library general");
        boolean exception = l.contains("+ce") || l.contains("classpath") || l.contains("exception");
        return gpl && !lesser && !exception;
    }
}
