package org.lowtide.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lowtide.service.AppInfo;

/**
 * The packaging configuration under {@code installer/} without running jlink or jpackage (those
 * run with {@code mvn -Pinstaller package}, and end to end in {@code installer/linux/test-deb.sh}):
 * the files the @args files name exist, the launchers do not collide, the icons are what they
 * claim, and the build program compiles cleanly and maps versions the way jpackage needs them.
 */
class InstallerConfigTest {

    private static final Path INSTALLER = Path.of("installer");
    private static final List<String> OSES = List.of("linux", "windows", "macos");

    private static Class<?> buildInstallers;
    private static Class<?> os;

    /** Compiles installer/BuildInstallers.java as the java launcher would, but with -Xlint:all -Werror. */
    @BeforeAll
    static void compileTheBuildProgram(@TempDir Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, null)
                        .getJavaFileObjects(INSTALLER.resolve("BuildInstallers.java"))).call();
        assertThat(ok).as("installer/BuildInstallers.java compiles without warnings:%n%s", diagnostics).isTrue();
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        buildInstallers = loader.loadClass("BuildInstallers");
        os = loader.loadClass("BuildInstallers$Os");
    }

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({
        "0.1.0-SNAPSHOT, LINUX, 0.1.0",
        "0.1.0-SNAPSHOT, WINDOWS, 0.1.0",
        "2.10.3, LINUX, 2.10.3",
        "1.2, LINUX, 1.2.0",
        "3, WINDOWS, 3.0.0",
        "1.4.2-rc1, MACOS, 1.4.2",
        // macOS refuses a CFBundleVersion starting with 0: a 0.x app is packaged as 1.0.0 there
        "0.1.0-SNAPSHOT, MACOS, 1.0.0"
    })
    void packageVersionsAreNumericAsJpackageWants(String projectVersion, String osName, String expected) throws Exception {
        assertThat(packageVersion(projectVersion, osName)).isEqualTo(expected);
    }

    @Test
    void thisBuildsVersionMapsToThreeNumbers() throws Exception {
        assertThat(AppInfo.version()).isNotEqualTo("unknown");
        for (String name : List.of("LINUX", "WINDOWS", "MACOS")) {
            assertThat(packageVersion(AppInfo.version(), name)).matches("\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void versionsJpackageCannotTakeAreRefusedWithAReason() {
        assertThatThrownBy(() -> packageVersion("SNAPSHOT", "LINUX")).hasMessageContaining("must start with numbers");
        assertThatThrownBy(() -> packageVersion("300.1.0", "WINDOWS")).hasMessageContaining("255.255.65535");
    }

    @Test
    void everyFileTheOptionFilesNameExists() throws IOException {
        List<Path> named = new ArrayList<>();
        Pattern path = Pattern.compile("(?:^|[\\s=])(installer/[^\\s\"]+)");
        for (Path options : optionFiles()) {
            for (String line : Files.readAllLines(options)) {
                if (line.startsWith("#")) {
                    continue;
                }
                Matcher m = path.matcher(line);
                while (m.find()) {
                    named.add(Path.of(m.group(1)));
                }
            }
        }
        assertThat(named).as("paths named in installer/**/*.args and *.properties")
                .hasSizeGreaterThan(10)
                .allSatisfy(p -> assertThat(p).exists());
    }

    /**
     * Windows and macOS ignore case in file names, so launchers named Lowtide and lowtide would be
     * one file there; only Linux may use both names.
     */
    @Test
    void launcherNamesDifferIgnoringCaseWhereTheFileSystemIgnoresCase() throws IOException {
        String appName = optionValues(INSTALLER.resolve("jpackage.args"), "--name").get(0);
        for (String osFolder : OSES) {
            List<String> launchers = new ArrayList<>(List.of(appName));
            for (String launcher : optionValues(INSTALLER.resolve(osFolder).resolve("app.args"), "--add-launcher")) {
                launchers.add(launcher.substring(0, launcher.indexOf('=')));
            }
            assertThat(launchers).as(osFolder).hasSize(2);
            if (!osFolder.equals("linux")) {
                assertThat(launchers.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()).as(osFolder).hasSize(2);
            }
        }
        assertThat(optionValues(INSTALLER.resolve("linux/app.args"), "--add-launcher"))
                .containsExactly("lowtide=installer/linux/lowtide-cli.properties");
    }

    @Test
    void theWindowsCommandLineLauncherIsAConsoleProgram() throws IOException {
        assertThat(properties(INSTALLER.resolve("windows/lowtide-cli.properties")).getProperty("win-console"))
                .isEqualTo("true");
    }

    @Test
    void planFilesAreAssociatedAlikeOnEveryOs() throws IOException {
        for (String osFolder : OSES) {
            Properties association = properties(INSTALLER.resolve(osFolder).resolve("plan-file.properties"));
            assertThat(association.getProperty("extension")).as(osFolder).isEqualTo("lowtide");
            assertThat(association.getProperty("mime-type")).as(osFolder).isEqualTo("application/x-lowtide-plan");
        }
    }

    @Test
    void theLinuxPackagesNameGtk3AsADependency() throws IOException {
        assertThat(optionValues(INSTALLER.resolve("linux/deb.args"), "--linux-package-deps")).containsExactly("libgtk-3-0");
        assertThat(optionValues(INSTALLER.resolve("linux/rpm.args"), "--linux-package-deps")).containsExactly("gtk3");
    }

    @Test
    void eachPngIsTheSizeItsNameSays() throws IOException {
        try (Stream<Path> pngs = Files.list(INSTALLER.resolve("icons/png"))) {
            List<Path> files = pngs.sorted().collect(Collectors.toList());
            assertThat(files).hasSize(8);
            for (Path png : files) {
                int size = Integer.parseInt(png.getFileName().toString().replaceAll("\\D", ""));
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(image.getWidth()).as(png.toString()).isEqualTo(size);
                assertThat(image.getHeight()).as(png.toString()).isEqualTo(size);
                assertThat(image.getColorModel().hasAlpha()).as(png + " has transparent corners").isTrue();
            }
        }
    }

    @Test
    void theIcoAndIcnsCarryTheirFormatsMagicNumbers() throws IOException {
        byte[] ico = Files.readAllBytes(INSTALLER.resolve("icons/lowtide.ico"));
        assertThat(new byte[] {ico[0], ico[1], ico[2], ico[3]}).containsExactly(0, 0, 1, 0);
        assertThat(ico[4] & 0xff).as("images in the .ico").isGreaterThanOrEqualTo(5);
        byte[] icns = Files.readAllBytes(INSTALLER.resolve("icons/lowtide.icns"));
        assertThat(new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
        int declaredLength = ((icns[4] & 0xff) << 24) | ((icns[5] & 0xff) << 16) | ((icns[6] & 0xff) << 8) | (icns[7] & 0xff);
        assertThat(declaredLength).isEqualTo(icns.length);
    }

    @Test
    void theWindowIconsAreTheInstallersPngs() throws IOException {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream onClassPath = getClass().getResourceAsStream("/org/lowtide/ui/icons/lowtide-" + size + ".png")) {
                assertThat(onClassPath).as("window icon %d", size).isNotNull();
                assertThat(onClassPath.readAllBytes()).as("window icon %d = installer/icons/png (run make-icons.sh)", size)
                        .isEqualTo(Files.readAllBytes(INSTALLER.resolve("icons/png/lowtide-" + size + ".png")));
            }
        }
    }

    /**
     * The Linux launcher scripts (installer/linux/launcher.sh, issue 20) run the bundled Java with
     * their launcher's options (the command line's from lowtide-cli.properties, the desktop app's
     * from app.args' --java-options), the jar and Main, and pass the arguments through untouched;
     * started through a link, as /usr/bin/lowtide, they still find their app. A stand-in
     * {@code java} prints what it was given.
     */
    @Test
    void theLinuxLauncherScriptsStartJavaWithTheirLaunchersOptions(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Method fill = buildInstallers.getDeclaredMethod("launcherScript", String.class, String.class, String.class);
        fill.setAccessible(true);
        Method cliOptions = buildInstallers.getDeclaredMethod("linuxCliJavaOptions");
        cliOptions.setAccessible(true);
        Method guiOptions = buildInstallers.getDeclaredMethod("linuxGuiJavaOptions");
        guiOptions.setAccessible(true);
        String template = Files.readString(INSTALLER.resolve("linux/launcher.sh"));
        Path root = dir.toRealPath().resolve("Low tide");
        Path bin = Files.createDirectories(root.resolve("lib/runtime/bin"));
        Path app = Files.createDirectories(root.resolve("lib/app"));
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        executable(bin.resolve("java"));

        Map<String, String> options = new LinkedHashMap<>();
        options.put("lowtide-cli=lowtide", (String) cliOptions.invoke(null));
        options.put("lowtide-gui=Lowtide", (String) guiOptions.invoke(null));
        for (Map.Entry<String, String> e : options.entrySet()) {
            String inApp = e.getKey().substring(0, e.getKey().indexOf('='));
            String inBin = e.getKey().substring(e.getKey().indexOf('=') + 1);
            String javaOptions = e.getValue();
            String script = (String) fill.invoke(null, template, javaOptions, "1.2.3");
            Files.writeString(app.resolve(inApp), script);
            Files.writeString(root.resolve("bin").resolve(inBin), script);
            executable(app.resolve(inApp));
            executable(root.resolve("bin").resolve(inBin));
            Path link = Files.createSymbolicLink(dir.resolve("link-" + inApp), app.resolve(inApp));

            for (Path launcher : List.of(link, root.resolve("bin").resolve(inBin))) {
                Process p = new ProcessBuilder(launcher.toString(), "analyze", "a file.csv", "--zone", "$HOME").start();
                List<String> args = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines().collect(Collectors.toList());
                assertThat(p.waitFor()).as(launcher.toString()).isZero();
                List<String> expected = new ArrayList<>(List.of("-Djpackage.app-version=1.2.3"));
                for (String option : javaOptions.split("\\s+")) {
                    expected.add(option.replace("$APPDIR", app.toString()));
                }
                Path self = launcher.equals(link) ? app.resolve(inApp) : root.resolve("bin").resolve(inBin);
                expected.addAll(List.of("-Djpackage.app-path=" + self, "-cp", app.resolve("lowtide.jar").toString(),
                        "org.lowtide.Main", "analyze", "a file.csv", "--zone", "$HOME"));
                assertThat(args).as(launcher.toString()).containsExactlyElementsOf(expected);
            }
        }
        assertThat(options.get("lowtide-cli=lowtide")).contains("-XX:SharedArchiveFile=$APPDIR/lowtide.jsa");
        assertThat(options.get("lowtide-gui=Lowtide")).contains("-XX:SharedArchiveFile=$APPDIR/lowtide-gui.jsa")
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(optionValues(INSTALLER.resolve("jpackage.args"), "--main-class")).containsExactly("org.lowtide.Main");
    }

    /**
     * The packages' menu entry (and the plan-file type, which opens with it) starts the desktop
     * launcher script where the packages install it: --install-dir plus the package name plus
     * lib/app/lowtide-gui.
     */
    @Test
    void theLinuxMenuEntryStartsTheDesktopLauncherScriptWhereThePackagesInstallIt() throws IOException {
        List<String> exec = new ArrayList<>();
        for (String line : Files.readAllLines(INSTALLER.resolve("linux/resources/Lowtide.desktop"))) {
            if (line.startsWith("Exec=")) {
                exec.add(line.substring("Exec=".length()));
            }
        }
        String installDir = optionValues(INSTALLER.resolve("linux/package.args"), "--install-dir").get(0);
        String name = optionValues(INSTALLER.resolve("linux/package.args"), "--linux-package-name").get(0);
        assertThat(exec).containsExactly(installDir + "/" + name + "/lib/app/lowtide-gui %f");
        assertThat(Files.readString(INSTALLER.resolve("linux/resources/postinst")))
                .contains(installDir + "/" + name + "/lib/app/lowtide-cli");
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    // ------------------------------------------------------------------ helpers

    private static String packageVersion(String projectVersion, String osName) throws Exception {
        Method m = buildInstallers.getDeclaredMethod("packageVersion", String.class, os);
        m.setAccessible(true);
        Object osValue = null;
        for (Object constant : os.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(osName)) {
                osValue = constant;
            }
        }
        try {
            return (String) m.invoke(null, projectVersion, osValue);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static List<Path> optionFiles() throws IOException {
        try (Stream<Path> files = Files.walk(INSTALLER)) {
            return files.filter(p -> p.toString().endsWith(".args") || p.toString().endsWith(".properties"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** @return the values given to {@code option} in an @args file, one per occurrence */
    private static List<String> optionValues(Path argsFile, String option) throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(argsFile)) {
            String trimmed = line.trim();
            if (trimmed.startsWith(option + " ")) {
                values.add(trimmed.substring(option.length()).trim().replace("\"", ""));
            }
        }
        return values;
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }
}
