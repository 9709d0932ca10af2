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
     * from app.args' --java-options), the class-data archive those options name, the jar and Main,
     * and pass the arguments through untouched; started through a link, as /usr/bin/lowtide, they
     * still find their app. A stand-in {@code java} prints what it was given.
     */
    @Test
    void theLinuxLauncherScriptsStartJavaWithTheirLaunchersOptions(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path root = dir.toRealPath().resolve("Low tide");
        Path app = fakeApp(root);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("lowtide-cli=lowtide", linuxOptions("linuxCliJavaOptions"));
        options.put("lowtide-gui=Lowtide", linuxOptions("linuxGuiJavaOptions"));
        for (Map.Entry<String, String> e : options.entrySet()) {
            String inApp = e.getKey().substring(0, e.getKey().indexOf('='));
            String inBin = e.getKey().substring(e.getKey().indexOf('=') + 1);
            String javaOptions = e.getValue();
            String script = launcherScript(javaOptions, inApp.equals("lowtide-gui"));
            Files.writeString(app.resolve(inApp), script);
            Files.writeString(root.resolve("bin").resolve(inBin), script);
            executable(app.resolve(inApp));
            executable(root.resolve("bin").resolve(inBin));
            Path link = Files.createSymbolicLink(dir.resolve("link-" + inApp), app.resolve(inApp));
            // The archive the options name exists (the app-image's): the scripts map it.
            String archive = null;
            List<String> expected = new ArrayList<>(List.of("-Djpackage.app-version=1.2.3"));
            for (String option : javaOptions.split("\\s+")) {
                if (option.startsWith("-XX:SharedArchiveFile=")) {
                    archive = option.replace("$APPDIR", app.toString());
                } else {
                    expected.add(option.replace("$APPDIR", app.toString()));
                }
            }
            assertThat(archive).as(inApp + " names its class-data archive").isNotNull();
            Files.writeString(Path.of(archive.substring("-XX:SharedArchiveFile=".length())), "archive");
            expected.add(archive);

            for (Path launcher : List.of(link, root.resolve("bin").resolve(inBin))) {
                Launch run = launch(launcher, dir.resolve("home"), 0, "analyze", "a file.csv", "--zone", "$HOME");
                assertThat(run.status).as(launcher.toString()).isZero();
                Path self = launcher.equals(link) ? app.resolve(inApp) : root.resolve("bin").resolve(inBin);
                List<String> all = new ArrayList<>(expected);
                all.addAll(List.of("-Djpackage.app-path=" + self, "-cp", app.resolve("lowtide.jar").toString(),
                        "org.lowtide.Main", "analyze", "a file.csv", "--zone", "$HOME"));
                assertThat(run.args).as(launcher.toString()).containsExactlyElementsOf(all);
            }
        }
        assertThat(options.get("lowtide-cli=lowtide")).contains("-XX:SharedArchiveFile=$APPDIR/lowtide.jsa");
        assertThat(options.get("lowtide-gui=Lowtide")).contains("-XX:SharedArchiveFile=$APPDIR/lowtide-gui.jsa")
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(optionValues(INSTALLER.resolve("jpackage.args"), "--main-class")).containsExactly("org.lowtide.Main");
        assertThat(Files.exists(dir.resolve("home/.cache"))).as("nothing recorded where the app has its archives").isFalse();
    }

    /**
     * An installed package has no desktop archive (making one needs a display): the desktop script
     * records one in the user's cache at the first launch, under a name of its own, and keeps it
     * only when Java exits cleanly; later launches map it; a reinstalled jar records a fresh one
     * and the old one goes. The command line never records (its archive is made at install).
     */
    @Test
    void theDesktopScriptRecordsAnArchiveAtTheFirstLaunchAndMapsItAfter(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path root = dir.toRealPath().resolve("opt lowtide");
        Path app = fakeApp(root);
        Files.writeString(app.resolve("lowtide.jar"), "jar");
        Files.setLastModifiedTime(app.resolve("lowtide.jar"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        Path gui = app.resolve("lowtide-gui");
        Files.writeString(gui, launcherScript(linuxOptions("linuxGuiJavaOptions"), true));
        Path cli = app.resolve("lowtide-cli");
        Files.writeString(cli, launcherScript(linuxOptions("linuxCliJavaOptions"), false));
        executable(gui);
        executable(cli);
        Path home = dir.resolve("home");
        Path cache = home.resolve(".cache/lowtide");
        Path mine = cache.resolve("desktop-1.2.3-1700000000.jsa");

        Launch failed = launch(gui, home, 3, "plans.lowtide");
        assertThat(failed.status).as("the app's exit status passes through").isEqualTo(3);
        assertThat(failed.args).anySatisfy(a -> assertThat(a).startsWith("-XX:ArchiveClassesAtExit=" + mine + "."));
        assertThat(listing(cache)).as("an archive of a failed run is thrown away").isEmpty();

        Launch first = launch(gui, home, 0, "plans.lowtide");
        assertThat(first.status).isZero();
        assertThat(first.args).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="))
                .anySatisfy(a -> assertThat(a).startsWith("-XX:ArchiveClassesAtExit=" + mine + ".").endsWith(".part"))
                .endsWith("org.lowtide.Main", "plans.lowtide");
        assertThat(listing(cache)).containsExactly(mine.getFileName().toString());
        assertThat(Files.readString(mine)).isEqualTo("recorded");

        Launch second = launch(gui, home, 0, "plans.lowtide");
        assertThat(second.args).contains("-XX:SharedArchiveFile=" + mine)
                .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));

        Files.setLastModifiedTime(app.resolve("lowtide.jar"), java.nio.file.attribute.FileTime.fromMillis(1_800_000_000_000L));
        Launch reinstalled = launch(gui, home, 0);
        assertThat(reinstalled.args).anySatisfy(a -> assertThat(a).startsWith(
                "-XX:ArchiveClassesAtExit=" + cache.resolve("desktop-1.2.3-1800000000.jsa") + "."));
        assertThat(listing(cache)).containsExactly("desktop-1.2.3-1800000000.jsa");

        Launch command = launch(cli, dir.resolve("other home"), 0, "--version");
        assertThat(command.args).contains("-XX:SharedArchiveFile=" + app.resolve("lowtide.jsa"))
                .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(Files.exists(dir.resolve("other home/.cache"))).isFalse();
    }

    /**
     * While recording, Java is the script's child: a SIGTERM sent to the script (a desktop session
     * ending, {@code kill PID}) reaches Java, the script waits for it, passes its status on and
     * keeps no archive.
     */
    @Test
    void aSignalToTheRecordingScriptStopsJavaAndKeepsNoArchive(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path app = fakeApp(dir.toRealPath().resolve("app"));
        Files.writeString(app.resolve("lowtide.jar"), "jar");
        Path gui = app.resolve("lowtide-gui");
        Files.writeString(gui, launcherScript(linuxOptions("linuxGuiJavaOptions"), true));
        executable(gui);
        Path home = dir.resolve("home");
        Path ready = dir.resolve("java is running");
        ProcessBuilder pb = new ProcessBuilder(gui.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("FAKE_WAIT", ready.toString());
        Process script = pb.start();
        try {
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(ready) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(ready).as("the stand-in java started").exists();
            List<ProcessHandle> children = script.toHandle().children().collect(Collectors.toList());
            assertThat(children).as("java runs as the script's child").hasSize(1);
            script.destroy(); // SIGTERM to the script only
            assertThat(script.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("the script ends").isTrue();
            assertThat(script.exitValue()).isEqualTo(143);
            assertThat(children.get(0).isAlive()).as("java has gone too").isFalse();
            assertThat(listing(home.resolve(".cache/lowtide"))).isEmpty();
        } finally {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }

    private record Launch(int status, List<String> args) {
    }

    /**
     * Runs a launcher script with {@code HOME} set and {@code XDG_CACHE_HOME} unset; the stand-in
     * java prints its arguments, writes "recorded" where it is asked to record an archive, and
     * exits with {@code status}.
     */
    private static Launch launch(Path launcher, Path home, int status, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("FAKE_STATUS", String.valueOf(status));
        Process p = pb.start();
        List<String> printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().collect(Collectors.toList());
        return new Launch(p.waitFor(), printed);
    }

    /** An app-image's folders with a stand-in java (see {@link #launch}); @return its lib/app. */
    private static Path fakeApp(Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("lib/runtime/bin"));
        Path app = Files.createDirectories(root.resolve("lib/app"));
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; case $a in -XX:ArchiveClassesAtExit=*) "
                + "printf recorded > \"${a#-XX:ArchiveClassesAtExit=}\" ;; esac; done\n"
                + "if [ -n \"$FAKE_WAIT\" ]; then trap 'exit 143' TERM; : > \"$FAKE_WAIT\"; "
                + "while :; do sleep 0.05; done; fi\n"
                + "exit ${FAKE_STATUS:-0}\n");
        executable(bin.resolve("java"));
        return app;
    }

    private static String linuxOptions(String method) throws Exception {
        Method m = buildInstallers.getDeclaredMethod(method);
        m.setAccessible(true);
        return (String) m.invoke(null);
    }

    private static String launcherScript(String javaOptions, boolean record) throws Exception {
        Method fill = buildInstallers.getDeclaredMethod("launcherScript", String.class, String.class, String.class,
                boolean.class);
        fill.setAccessible(true);
        return (String) fill.invoke(null, Files.readString(INSTALLER.resolve("linux/launcher.sh")), javaOptions, "1.2.3",
                record);
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
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
