package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without a display the app says so in one line and points to the CLI, instead of a stack trace. */
class GuiLauncherTest {

    @Test
    void linuxWithoutDisplayIsOneLinePointingToTheCli() {
        String message = GuiLauncher.displayProblem("Linux", Map.of(), "").orElseThrow();
        assertThat(message).doesNotContain("\n").contains("no display").contains("lowtide --help")
                .doesNotContain("Exception");
        assertThat(GuiLauncher.displayProblem("Linux", Map.of("DISPLAY", " "), "")).isPresent();
    }

    @Test
    void aDisplayOrADesktopOsOrHeadlessJavaFxIsFine() {
        assertThat(GuiLauncher.displayProblem("Linux", Map.of("DISPLAY", ":0"), "")).isEmpty();
        assertThat(GuiLauncher.displayProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), "")).isEmpty();
        assertThat(GuiLauncher.displayProblem("Windows 11", Map.of(), "")).isEmpty();
        assertThat(GuiLauncher.displayProblem("Mac OS X", Map.of(), "")).isEmpty();
        assertThat(GuiLauncher.displayProblem("Linux", Map.of(), "Monocle")).isEmpty();
    }

    @Test
    void recognisesJavaFxsDisplayFailureWrapped() {
        RuntimeException wrapped = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(GuiLauncher.isDisplayFailure(wrapped)).isTrue();
        assertThat(GuiLauncher.isDisplayFailure(new IllegalStateException("something else"))).isFalse();
    }

    /** The real entry point in a child JVM with no display: exit code 2 and one readable line on stderr. */
    @Test
    void mainWithoutDisplayExitsWithTwoAndOneLine() throws Exception {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                || System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")) {
            return; // those always have a display
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.lowtide.Main"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err.lines().toList()).hasSize(1);
        assertThat(err).contains("no display").contains("lowtide --help").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).isEmpty();
    }
}
