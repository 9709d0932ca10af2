package org.lowtide.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the desktop asks for a dark look, read the way each desktop says it: GNOME's
 * {@code color-scheme} (then its GTK theme name, then {@code GTK_THEME}) on Linux, the
 * {@code AppsUseLightTheme} registry value on Windows, {@code AppleInterfaceStyle} on macOS.
 * Runs small commands with a short timeout: call it off the FX thread ({@link Themes} does).
 * When nothing says, the answer is light.
 */
public final class SystemAppearance {

    /** How long one probe may take before it counts as "the desktop does not say". */
    static final long TIMEOUT_MILLIS = 2_000;

    private SystemAppearance() {
    }

    /** @return true when this desktop asks for dark; false when it asks for light or does not say */
    public static boolean prefersDark() {
        return prefersDark(System.getProperty("os.name", ""), System.getenv(), SystemAppearance::run);
    }

    /**
     * @param osName  {@code os.name}
     * @param env     the environment
     * @param command runs a command and gives its standard output, empty when it failed or is absent
     * @return true when the desktop asks for dark
     */
    static boolean prefersDark(String osName, Map<String, String> env, Function<List<String>, Optional<String>> command) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return command.apply(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"))
                    .map(SystemAppearance::windowsSaysDark).orElse(false);
        }
        if (os.startsWith("mac")) {
            return command.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.trim().equalsIgnoreCase("dark")).orElse(false);
        }
        Optional<String> scheme = command.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent() && gnomeSchemeSays(scheme.get()).isPresent()) {
            return gnomeSchemeSays(scheme.get()).get();
        }
        Optional<String> gtkTheme = command.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        if (gtkTheme.isPresent() && !gtkTheme.get().isBlank()) {
            return themeNameSaysDark(gtkTheme.get());
        }
        return themeNameSaysDark(env.getOrDefault("GTK_THEME", ""));
    }

    /** GNOME 42+: {@code 'prefer-dark'} or {@code 'prefer-light'}; {@code 'default'} says nothing. */
    static Optional<Boolean> gnomeSchemeSays(String output) {
        String v = output.trim().replace("'", "").toLowerCase(Locale.ROOT);
        if (v.equals("prefer-dark")) {
            return Optional.of(true);
        }
        if (v.equals("prefer-light")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** A GTK theme name such as {@code 'Adwaita-dark'} or {@code Yaru:dark}. */
    static boolean themeNameSaysDark(String name) {
        return name.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** {@code reg query} prints {@code AppsUseLightTheme    REG_DWORD    0x0} when apps are dark. */
    static boolean windowsSaysDark(String output) {
        for (String line : output.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                String[] parts = line.trim().split("\\s+");
                return parts[parts.length - 1].equalsIgnoreCase("0x0");
            }
        }
        return false;
    }

    /** Runs a probe; empty when it is absent, fails or takes too long. */
    static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
