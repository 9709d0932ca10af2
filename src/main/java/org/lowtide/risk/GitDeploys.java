package org.lowtide.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportWarning;

/**
 * Changes from a git repository, read with the {@code git} command (no network: only local refs
 * and history): its tags, each at its tagger date (annotated) or commit date (lightweight), or,
 * when it has no tags, the merge commits on the first-parent line of {@code HEAD} at their commit
 * dates. A tag or merge is taken as one change that went live when it was made; a team that tags
 * releases long before deploying them should give a deploy log instead.
 */
public final class GitDeploys {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private GitDeploys() {
    }

    /**
     * @throws ImportException when the folder is not a git repository, git is missing, or it names no change
     */
    public static ChangeHistory read(Path dir) throws IOException, ImportException {
        String where = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw new ImportException(where, 0, 0, "not a folder: --deploys-from-git wants a git working copy");
        }
        List<String> tags = git(dir, "for-each-ref", "--sort=creatordate",
                "--format=%(creatordate:iso-strict)%09%(refname:short)", "refs/tags");
        String kind = "git tags of " + dir.getFileName();
        List<String> lines = tags;
        if (tags.isEmpty()) {
            lines = git(dir, "log", "--merges", "--first-parent", "--format=%cI%x09%s", "HEAD");
            kind = "git merge commits of " + dir.getFileName();
        }
        List<Change> changes = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        int skipped = 0;
        for (String l : lines) {
            int tab = l.indexOf('\t');
            String when = tab < 0 ? l : l.substring(0, tab);
            String name = tab < 0 ? "" : l.substring(tab + 1);
            try {
                Instant t = OffsetDateTime.parse(when.trim()).toInstant();
                changes.add(new Change(t, name, "", Change.Outcome.UNKNOWN, 0));
            } catch (DateTimeParseException e) {
                skipped++;
                warnings.add(ImportWarning.ofFile("git gave no date for '" + name + "': left out"));
            }
        }
        if (changes.isEmpty()) {
            throw new ImportException(where, 0, 0, "the repository has no tags and no merge commits on HEAD: "
                    + "give a deploy log with --deploys instead");
        }
        return new ChangeHistory(kind, changes, lines.size(), 0, 0, skipped, warnings);
    }

    private static List<String> git(Path dir, String... args) throws IOException, ImportException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new ImportException(dir.toString(), 0, 0, "cannot run git (" + e.getMessage()
                    + "): install git or give a deploy log with --deploys");
        }
        byte[] out;
        byte[] err;
        try {
            p.getOutputStream().close();
            out = p.getInputStream().readAllBytes();
            err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ImportException(dir.toString(), 0, 0, "git took longer than " + TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while reading git", e);
        }
        if (p.exitValue() != 0) {
            String msg = new String(err, StandardCharsets.UTF_8).trim();
            if (msg.contains("does not have any commits")) {
                return List.of();
            }
            throw new ImportException(dir.toString(), 0, 0, "git failed: " + (msg.isEmpty() ? "exit " + p.exitValue()
                    : msg.lines().findFirst().orElse(msg)));
        }
        List<String> lines = new ArrayList<>();
        new String(out, StandardCharsets.UTF_8).lines().filter(s -> !s.isBlank()).forEach(lines::add);
        return lines;
    }
}
