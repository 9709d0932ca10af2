package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws Exception {
        Path target = dir.resolve("sub").resolve("plan.lowtide");

        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second, longer");

        assertThat(Files.readString(target)).isEqualTo("second, longer");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void savesOfOneFileFromSeveralThreadsTakeTurnsAndLeaveOneWholeFile() throws Exception {
        // The app saves its preferences from the FX thread (window placement) and from background work
        // (recent files) at once; each save must succeed and the file be one of them whole.
        Path target = dir.resolve("preferences.json");
        int threads = 4;
        int saves = 150;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String text = ("saved by thread " + t + "\n").repeat(200);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < saves; i++) {
                    AtomicFiles.writeString(target, text);
                }
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : done) {
                f.get(); // throws what a save threw
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(target)).matches("(saved by thread [0-3]\n){200}");
        try (Stream<String> names = names()) {
            assertThat(names).containsExactly("preferences.json");
        }
    }

    @Test
    void aFailingWriterLeavesTheOldFileAsItWas() throws Exception {
        Path target = dir.resolve("report.pdf");
        AtomicFiles.writeString(target, "the user's report");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half a new rep".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessageEndingWith("report.pdf: cannot write: disk full");

        assertThat(Files.readString(target)).isEqualTo("the user's report");
        try (Stream<String> names = names()) {
            assertThat(names).containsExactly("report.pdf");
        }
    }

    @Test
    void aRuntimeFailureSuchAsCancellingAlsoLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("new.csv");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("cancelled");
        })).hasMessage("cancelled");

        try (Stream<String> names = names()) {
            assertThat(names).isEmpty();
        }
    }
}
