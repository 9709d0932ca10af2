import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds Lowtide's trimmed Java runtime (jlink), its app-image and the installers of the operating
 * system it runs on (jpackage cannot cross-build). Every jlink/jpackage option lives in the
 * {@code @args} files next to this program; this program only adds what must be computed: paths,
 * the numeric package version, the compression flag of the running JDK, and which installers the
 * machine can build.
 *
 * <p>Run by {@code mvn -B -Pinstaller package} from the project folder, or by hand after
 * {@code mvn package}: {@code java installer/BuildInstallers.java 0.1.0-SNAPSHOT target/lowtide.jar target/installer}.
 * A single source file started by the {@code java} launcher, so it needs nothing but the JDK that
 * runs Maven (whose jlink and jpackage it uses) and works the same on Linux, Windows and macOS.
 */
public final class BuildInstallers {

    /** Where the @args files, icons and per-OS folders live, relative to the project folder. */
    static final Path INSTALLER = Path.of("installer");

    enum Os {
        LINUX("linux"), WINDOWS("windows"), MACOS("macos");

        final String folder;

        Os(String folder) {
            this.folder = folder;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac")) {
                return MACOS;
            }
            return LINUX;
        }

        /** @return the installer types jpackage builds here, beyond the app-image */
        List<String> packageTypes() {
            switch (this) {
                case WINDOWS:
                    return List.of("msi");
                case MACOS:
                    return List.of("dmg");
                default:
                    return List.of("deb", "rpm");
            }
        }

        /** @return the command-line launcher inside an app-image made in {@code dest} */
        Path cliLauncher(Path dest) {
            switch (this) {
                case WINDOWS:
                    return dest.resolve("Lowtide").resolve("lowtide-cli.exe");
                case MACOS:
                    return dest.resolve("Lowtide.app").resolve("Contents").resolve("MacOS").resolve("lowtide-cli");
                default:
                    return dest.resolve("Lowtide").resolve("bin").resolve("lowtide");
            }
        }

        Path appImage(Path dest) {
            return dest.resolve(this == MACOS ? "Lowtide.app" : "Lowtide");
        }
    }

    private final String projectVersion;
    private final Path jar;
    private final Path out;
    private final Path work;
    private final Os os = Os.current();
    private final Path jdk = Path.of(System.getProperty("java.home"));
    private final List<String> built = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    BuildInstallers(String projectVersion, Path jar, Path out) {
        this.projectVersion = projectVersion;
        this.jar = jar;
        this.out = out;
        this.work = out.resolveSibling(out.getFileName() + "-work");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--package-version")) {
            // For the build's own test (InstallerConfigTest): print the mapping and stop.
            System.out.println(packageVersion(args[1], Os.current()));
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: java installer/BuildInstallers.java PROJECT_VERSION SHADED_JAR OUTPUT_DIR");
            System.exit(2);
        }
        try {
            new BuildInstallers(args[0], Path.of(args[1]), Path.of(args[2])).run();
        } catch (BuildException e) {
            System.err.println("BuildInstallers: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() throws IOException, InterruptedException {
        if (!Files.isDirectory(INSTALLER)) {
            throw new BuildException("run from the project folder (no ./installer here: " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(jar)) {
            throw new BuildException(jar + " is missing: run `mvn package` first");
        }
        String version = packageVersion(projectVersion, os);
        System.out.printf("Lowtide %s → package version %s on %s, JDK %s (%s)%n",
                projectVersion, version, os.folder, Runtime.version(), jdk);

        deleteTree(out);
        deleteTree(work);
        Files.createDirectories(out);
        Path input = stageInput();
        Path runtime = jlink();
        checkModules(runtime);

        List<String> common = List.of("--input", input.toString(), "--runtime-image", runtime.toString(),
                "--app-version", version, "--dest", out.toString());
        jpackage("app-image", common);
        installLauncherScripts();
        smokeTest();
        archiveClasses();
        for (String type : os.packageTypes()) {
            String missing = missingToolFor(type);
            if (missing != null) {
                skipped.add(type + " (" + missing + ")");
                System.out.printf("%n== %s skipped: %s%n", type, missing);
                continue;
            }
            jpackage(type, common);
        }
        renameMacDmg(version);
        summary(runtime);
    }

    /**
     * jpackage wants a numeric version ({@code 0.1.0-SNAPSHOT} → {@code 0.1.0}): at most three
     * numbers on macOS and in an MSI, the first one at least 1 on macOS (CFBundleVersion), where
     * a 0.x version is packaged as 1.0.0 (the app itself still shows its real version).
     */
    static String packageVersion(String projectVersion, Os os) {
        Matcher m = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?").matcher(projectVersion);
        if (!m.find()) {
            throw new BuildException("cannot make a package version out of '" + projectVersion
                    + "': it must start with numbers, as 1.2.3 or 1.2.3-SNAPSHOT");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (os == Os.MACOS && major == 0) {
            return "1.0.0";
        }
        if (os == Os.WINDOWS && (major > 255 || minor > 255 || patch > 65535)) {
            throw new BuildException("an MSI version is at most 255.255.65535, not " + projectVersion);
        }
        return major + "." + minor + "." + patch;
    }

    /** jpackage copies its whole --input folder into the app: give it the jar and the samples only. */
    private Path stageInput() throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("samples"));
        Files.copy(jar, input.resolve("lowtide.jar"), StandardCopyOption.REPLACE_EXISTING);
        // The samples are in the jar too (the GUI opens them from there); as files they give the
        // installed command line something to read: lowtide analyze <app>/samples/shop-hourly-2025.csv
        try (Stream<Path> samples = Files.list(Path.of("sample-data"))) {
            for (Path csv : samples.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList())) {
                Files.copy(csv, input.resolve("samples").resolve(csv.getFileName()));
            }
        }
        if (os == Os.LINUX) {
            String template = Files.readString(LAUNCHER_TEMPLATE);
            String version = packageVersion(projectVersion, os);
            Path cli = input.resolve(CLI_SCRIPT);
            Files.writeString(cli, launcherScript(template, linuxCliJavaOptions(), version, false));
            makeExecutable(cli);
            Path gui = input.resolve(GUI_SCRIPT);
            Files.writeString(gui, launcherScript(template, linuxGuiJavaOptions(), version, true));
            makeExecutable(gui);
            Path classData = input.resolve(CLASS_DATA_SCRIPT);
            Files.copy(INSTALLER.resolve("linux").resolve("class-data.sh"), classData);
            makeExecutable(classData);
        }
        return input;
    }

    private Path jlink() throws IOException, InterruptedException {
        Path runtime = work.resolve("runtime");
        // The flag's syntax changed in JDK 21 (--compress=2 is deprecated there).
        String compress = Runtime.version().feature() >= 21 ? "--compress=zip-6" : "--compress=2";
        run("jlink", List.of(tool("jlink"), "@" + INSTALLER.resolve("jlink.args"), compress,
                "--output", runtime.toString()));
        return runtime;
    }

    /**
     * Fails the build when the jar uses a JDK module that the runtime lacks (a new library, say),
     * naming the module to add to installer/jlink.args: a missing module would only show up as a
     * NoClassDefFoundError in the installed app.
     */
    private void checkModules(Path runtime) throws IOException, InterruptedException {
        String needed = capture(List.of(tool("jdeps"), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", String.valueOf(Runtime.version().feature()), jar.toString())).trim();
        Set<String> present = runtimeModules(runtime);
        Set<String> missing = new TreeSet<>(Arrays.asList(needed.split(",")));
        missing.removeAll(present);
        if (!missing.isEmpty()) {
            throw new BuildException(jar + " needs JDK modules that the runtime lacks: " + missing
                    + ". Add them to --add-modules in " + INSTALLER.resolve("jlink.args"));
        }
        System.out.println("jdeps: the jar needs " + needed + "; the runtime has all of them (" + present.size() + " modules)");
    }

    private static Set<String> runtimeModules(Path runtime) throws IOException {
        for (String line : Files.readAllLines(runtime.resolve("release"), StandardCharsets.UTF_8)) {
            if (line.startsWith("MODULES=")) {
                String list = line.substring("MODULES=".length()).replace("\"", "").trim();
                return new TreeSet<>(Arrays.asList(list.split("\\s+")));
            }
        }
        throw new BuildException(runtime.resolve("release") + " lists no MODULES");
    }

    private void jpackage(String type, List<String> common) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("jpackage"), "--type", type));
        command.add(argsFile(INSTALLER.resolve("jpackage.args")));
        command.add(argsFile(INSTALLER.resolve(os.folder).resolve("app.args")));
        if (!type.equals("app-image")) {
            command.add(argsFile(INSTALLER.resolve(os.folder).resolve("package.args")));
            Path specific = INSTALLER.resolve(os.folder).resolve(type + ".args");
            if (Files.isRegularFile(specific)) {
                command.add(argsFile(specific));
            }
        }
        command.addAll(common);
        run(type, command);
        built.add(type);
    }

    private static String argsFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BuildException(file + " is missing");
        }
        return "@" + file;
    }

    /** The template of both Linux launcher scripts (it says why they are scripts). */
    static final Path LAUNCHER_TEMPLATE = INSTALLER.resolve("linux").resolve("launcher.sh");
    /** The Linux command-line launcher script's name in lib/app (input folder). */
    static final String CLI_SCRIPT = "lowtide-cli";
    /** The Linux desktop launcher script's name in lib/app: the packages' menu entry starts it. */
    static final String GUI_SCRIPT = "lowtide-gui";
    /** The script in lib/app that makes the command line's class-data archive (installer/linux/class-data.sh). */
    static final String CLASS_DATA_SCRIPT = "lowtide-class-data";

    /**
     * Linux: the app-image's {@code bin/lowtide} and {@code bin/Lowtide} become the launcher scripts
     * staged in lib/app (installer/linux/launcher.sh says why: jpackage's native launchers run
     * {@code dpkg -S} on themselves at every start; the desktop app reached {@code main} 0.65 s after
     * launch instead of 0.2 s). The .deb and .rpm keep jpackage's launchers in bin/ (they work,
     * slower), link /usr/bin/lowtide to lib/app/lowtide-cli and start lib/app/lowtide-gui from their
     * menu entry (installer/linux/resources/Lowtide.desktop).
     */
    private void installLauncherScripts() throws IOException {
        if (os != Os.LINUX) {
            return;
        }
        Path app = os.appImage(out);
        Map<String, String> launchers = new LinkedHashMap<>();
        launchers.put("lowtide", CLI_SCRIPT);
        launchers.put("Lowtide", GUI_SCRIPT);
        for (Map.Entry<String, String> e : launchers.entrySet()) {
            Path launcher = app.resolve("bin").resolve(e.getKey());
            if (!Files.isRegularFile(launcher)) {
                throw new BuildException("jpackage made no " + launcher + " to replace");
            }
            Files.copy(app.resolve("lib").resolve("app").resolve(e.getValue()), launcher, StandardCopyOption.REPLACE_EXISTING);
            makeExecutable(launcher);
            System.out.println("launcher: " + launcher + " (a script: starts Java without asking dpkg/rpm)");
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** @return the java-options of installer/linux/lowtide-cli.properties, as jpackage's launcher passes them */
    static String linuxCliJavaOptions() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(INSTALLER.resolve("linux").resolve("lowtide-cli.properties"))) {
            p.load(in);
        }
        String options = p.getProperty("java-options");
        if (options == null) {
            throw new BuildException(INSTALLER.resolve("linux").resolve("lowtide-cli.properties") + " has no java-options");
        }
        return options.trim();
    }

    /**
     * @return the desktop launcher's {@code --java-options} in installer/linux/app.args, as jpackage's
     *         launcher passes them (one line, in double quotes)
     */
    static String linuxGuiJavaOptions() throws IOException {
        Path args = INSTALLER.resolve("linux").resolve("app.args");
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(args, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--java-options ")) {
                found.add(trimmed.substring("--java-options ".length()).trim().replace("\"", ""));
            }
        }
        if (found.size() != 1) {
            throw new BuildException(args + " has " + found.size() + " --java-options lines; the desktop launcher script"
                    + " takes its options from exactly one");
        }
        return found.get(0);
    }

    /** {@code text} as one single-quoted shell word, jpackage's {@code $APPDIR} as the script's {@code "$app"}. */
    private static String shellWord(String text) {
        return "'" + text.replace("$APPDIR", "'\"$app\"'") + "'";
    }

    /** The JVM option that names a launcher's class-data archive; the script sets it itself. */
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    /**
     * Fills in a launcher script: each JVM option becomes one single-quoted shell word, with
     * jpackage's {@code $APPDIR} (lib/app) as the script's {@code "$app"}; the class-data archive
     * the options name becomes the script's {@code archive}, which it passes last (and which the
     * desktop script replaces by a user's own archive when the app-image has none).
     *
     * @param record whether the script may record a class-data archive in the user's cache at the
     *               first launch (the desktop app: installer/linux/launcher.sh says why)
     */
    static String launcherScript(String template, String javaOptions, String version, boolean record) {
        List<String> words = new ArrayList<>();
        String archive = null;
        for (String option : javaOptions.trim().split("\\s+")) {
            if (option.indexOf('\'') >= 0) {
                throw new BuildException("a launcher option with a quote cannot be written to the script: " + option);
            }
            if (option.startsWith(ARCHIVE_OPTION)) {
                archive = shellWord(option.substring(ARCHIVE_OPTION.length()));
            } else {
                words.add(shellWord(option));
            }
        }
        if (archive == null) {
            throw new BuildException("the launcher options '" + javaOptions + "' name no " + ARCHIVE_OPTION
                    + "…: the script passes the archive itself");
        }
        for (String placeholder : List.of("@JAVA_OPTIONS@", "@VERSION@", "@ARCHIVE@", "@RECORD@")) {
            if (!template.contains(placeholder)) {
                throw new BuildException(LAUNCHER_TEMPLATE + " lacks " + placeholder);
            }
        }
        return template.replace("@JAVA_OPTIONS@", String.join(" ", words)).replace("@VERSION@", version)
                .replace("@ARCHIVE@", archive).replace("@RECORD@", record ? "yes" : "no");
    }

    /** The command-line launcher of the fresh app-image must start and report this version. */
    private void smokeTest() throws IOException, InterruptedException {
        Path cli = os.cliLauncher(out);
        String output = capture(List.of(cli.toString(), "--version"));
        if (!output.contains("Lowtide " + projectVersion)) {
            throw new BuildException(cli + " --version printed '" + output.trim() + "', expected Lowtide " + projectVersion);
        }
        System.out.println("smoke test: " + cli + " --version → " + output.lines().findFirst().orElse(""));
    }

    /**
     * Application class-data sharing for the Linux app-image's command line (issue 20): the staged
     * {@code lib/app/lowtide-class-data} (installer/linux/class-data.sh, which says how) makes
     * {@code lib/app/lowtide.jsa}, which the launcher maps at start, for the jar's real path; the
     * .deb and .rpm run the same script at install ({@code postinst}, {@code %post}), since a JDK 17
     * archive cannot move. Best effort: a failure is reported, not fatal.
     */
    private void archiveClasses() throws IOException, InterruptedException {
        if (os != Os.LINUX) {
            return;
        }
        // The real path: the scripts name the jar by its resolved path (readlink -f).
        Path app = out.resolve("Lowtide").resolve("lib").resolve("app").toRealPath();
        Path java = out.resolve("Lowtide").resolve("lib").resolve("runtime").resolve("bin").resolve("java");
        Path archive = app.resolve("lowtide.jsa");
        Path log = work.resolve("class-data.log");
        Process p = new ProcessBuilder("sh", app.resolve(CLASS_DATA_SCRIPT).toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0 || !Files.isRegularFile(archive)) {
            System.out.println("class-data archive: not made (exit " + p.exitValue() + ", see " + log
                    + "); the launcher runs without it");
            return;
        }
        System.out.printf("class-data archive: %s (%d MB)%n", archive, Files.size(archive) >> 20);
        archiveDesktopClasses(java, app);
    }

    /**
     * The desktop launcher's archive (issue 15: launch time), {@code lib/app/lowtide-gui.jsa}: one
     * launch of the desktop app on the bundled sample with the launcher's options, which quits once
     * the recommendation is on screen ({@code -Dlowtide.startupTrace=exit}), with a throw-away
     * preferences folder. It needs a display: {@code DISPLAY} or {@code WAYLAND_DISPLAY}, else an
     * {@code Xvfb} on the PATH, started for this run on a free display; without either the build says
     * so and the desktop launcher runs without an archive (ignored silently, as for the command line).
     */
    private void archiveDesktopClasses(Path java, Path app) throws IOException, InterruptedException {
        Path archive = app.resolve("lowtide-gui.jsa");
        Path config = Files.createTempDirectory(work, "gui-config");
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        boolean wayland = System.getenv("WAYLAND_DISPLAY") != null && !System.getenv("WAYLAND_DISPLAY").isBlank();
        if ((display == null || display.isBlank()) && !wayland) {
            if (!onPath("Xvfb")) {
                System.out.println("desktop class-data archive: not made (no display and no Xvfb on the PATH);"
                        + " the desktop launcher runs without it");
                return;
            }
            display = ":" + (150 + (int) (ProcessHandle.current().pid() % 100));
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24")
                    .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            Thread.sleep(1500);
        }
        try {
            List<String> command = List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + archive,
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds*=off",
                    "-Dlowtide.startupTrace=exit", "-Dlowtide.start=sample",
                    "-cp", app.resolve("lowtide.jar").toString(), "org.lowtide.Main");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("class-data-gui.log").toFile());
            pb.environment().put("LOWTIDE_CONFIG_DIR", config.toString());
            if (display != null && !display.isBlank()) {
                pb.environment().put("DISPLAY", display);
            }
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (p.isAlive() || p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                Files.deleteIfExists(archive);
                System.out.println("desktop class-data archive: not made (see " + work.resolve("class-data-gui.log")
                        + "); the desktop launcher runs without it");
                return;
            }
            System.out.printf("desktop class-data archive: %s (%d MB)%n", archive, Files.size(archive) >> 20);
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
            deleteTree(config);
        }
    }

    /** @return why this machine cannot build {@code type}, or null when it can */
    private static String missingToolFor(String type) {
        switch (type) {
            case "deb":
                return onPath("dpkg-deb") && onPath("fakeroot") ? null
                        : "needs dpkg-deb and fakeroot (Debian/Ubuntu: apt-get install -y dpkg-dev fakeroot)";
            case "rpm":
                return onPath("rpmbuild") ? null : "needs rpmbuild (Debian/Ubuntu: apt-get install -y rpm; Fedora: dnf install rpm-build)";
            default:
                // msi: jpackage finds WiX itself (PATH or its default folder) and says so when it cannot.
                return null;
        }
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** jpackage names the dmg after the package version; name it after the real one. */
    private void renameMacDmg(String version) throws IOException {
        String real = packageVersion(projectVersion, Os.LINUX);
        Path dmg = out.resolve("Lowtide-" + version + ".dmg");
        if (os == Os.MACOS && !version.equals(real) && Files.exists(dmg)) {
            Files.move(dmg, out.resolve("Lowtide-" + real + ".dmg"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void summary(Path runtime) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("full JDK " + jdk, size(jdk));
        sizes.put("jlinked runtime " + runtime, size(runtime));
        sizes.put("app-image " + os.appImage(out), size(os.appImage(out)));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                sizes.put("installer " + f, Files.size(f));
            }
        }
        System.out.printf("%n== Lowtide %s: results in %s%n", projectVersion, out);
        sizes.forEach((what, bytes) -> System.out.printf("  %6.1f MiB  %s%n", bytes / 1048576.0, what));
        System.out.println("  built: app-image" + built.stream().filter(t -> !t.equals("app-image"))
                .map(t -> ", " + t).collect(Collectors.joining()));
        if (!skipped.isEmpty()) {
            System.out.println("  skipped: " + String.join("; ", skipped));
        }
    }

    private static long size(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private String tool(String name) {
        return jdk.resolve("bin").resolve(os == Os.WINDOWS ? name + ".exe" : name).toString();
    }

    private static void run(String step, List<String> command) throws IOException, InterruptedException {
        System.out.printf("%n== %s: %s%n", step, String.join(" ", command));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new BuildException(step + " failed (exit " + exit + ")");
        }
        System.out.printf("   %s took %.1f s%n", step, (System.nanoTime() - start) / 1e9);
    }

    private static String capture(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new BuildException(String.join(" ", command) + " failed: " + new String(bytes, StandardCharsets.UTF_8));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    /** A failure with a message for the person running the build. */
    static final class BuildException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BuildException(String message) {
            super(message);
        }
    }
}
