package org.lowtide.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.PointSeriesImport;

/**
 * The points of many series kept on disk while a fleet is planned, so that memory never holds the
 * fleet's whole history: one compact binary file per series in a temporary folder of its own,
 * appended chunk by chunk as a query streams in and read back whole when its service's turn comes.
 * A point takes 12 bytes: its step's index counted from the first point spilled (an {@code int}; the
 * time is {@code base + index · step}) and its value (a {@code double}, exactly as fetched, so the
 * answers equal those of the points held in memory). {@link #close()} deletes the folder; so does
 * the JVM's exit when a run never got to close it.
 *
 * <p>Appends come from one thread (the stream's sink); reads may come from many, once writing ended.
 */
public final class SeriesSpill implements AutoCloseable {

    /** Bytes per point on disk. */
    public static final int POINT_BYTES = Integer.BYTES + Double.BYTES;

    private final Path dir;
    private final long stepMillis;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Thread onExit;
    private long base = Long.MIN_VALUE;
    private volatile boolean closed;

    private SeriesSpill(Path dir, long stepMillis) {
        this.dir = dir;
        this.stepMillis = stepMillis;
        this.onExit = new Thread(this::delete, "lowtide-spill-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * @param root where the spill's own folder is made ({@code lowtide-spill-…})
     * @param step every point's time lies on a multiple of it from the first point's
     */
    public static SeriesSpill create(Path root, Duration step) throws IOException {
        Objects.requireNonNull(root, "root");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the step must be positive, was " + step);
        }
        return new SeriesSpill(Files.createTempDirectory(Files.createDirectories(root), "lowtide-spill-"),
                step.toMillis());
    }

    /** @return the folder holding the files (for tests and messages) */
    public Path folder() {
        return dir;
    }

    /**
     * Appends a series' points (its name says which series: the same name, the same file).
     *
     * @throws IOException when writing fails, or a point lies off the step grid or too far from the first
     */
    public void append(String series, PointSeriesImport.Points points) throws IOException {
        requireOpen();
        if (points.size() == 0) {
            return;
        }
        if (base == Long.MIN_VALUE) {
            base = points.epochMillis()[0];
        }
        int id = ids.computeIfAbsent(series, s -> ids.size());
        ByteBuffer buffer = ByteBuffer.allocate(points.size() * POINT_BYTES);
        for (int i = 0; i < points.size(); i++) {
            buffer.putInt(index(points.epochMillis()[i])).putDouble(points.values()[i]);
        }
        buffer.flip();
        try (FileChannel out = FileChannel.open(file(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
    }

    private int index(long epochMillis) throws IOException {
        long offset = epochMillis - base;
        if (offset % stepMillis != 0 || Math.abs(offset / stepMillis) > Integer.MAX_VALUE) {
            throw new IOException("a point at " + java.time.Instant.ofEpochMilli(epochMillis)
                    + " lies off the query's step grid of " + Duration.ofMillis(stepMillis));
        }
        return (int) (offset / stepMillis);
    }

    /**
     * Reads a series back whole, in the order it was appended (time order, for a query streamed in
     * chunks), with the kind its source stated.
     *
     * @throws IOException when the spill was closed (the run that made it ended) or cannot be read
     */
    public PointSeriesImport.Points read(String series, Optional<MetricKind> kind, String kindReason)
            throws IOException {
        requireOpen();
        Integer id = ids.get(series);
        if (id == null) {
            return new PointSeriesImport.Points(series, new long[0], new double[0], 0, kind, kindReason);
        }
        ByteBuffer in;
        try {
            in = ByteBuffer.wrap(Files.readAllBytes(file(id)));
        } catch (NoSuchFileException e) {
            throw new IOException("the points fetched for " + series + " are gone (the fleet's run ended)", e);
        }
        int n = in.remaining() / POINT_BYTES;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = base + in.getInt() * stepMillis;
            values[i] = in.getDouble();
        }
        return new PointSeriesImport.Points(series, times, values, n, kind, kindReason);
    }

    /** @return the bytes on disk now */
    public long bytes() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private Path file(int id) {
        return dir.resolve(id + ".bin");
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("the points fetched for this fleet were deleted when its run ended;"
                    + " read the fleet again");
        }
    }

    /** Deletes the folder and every file in it; later reads fail saying so. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs (or ran) anyway
        }
    }

    private synchronized void delete() {
        closed = true;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (NoSuchFileException e) {
            // deleted already
        } catch (IOException e) {
            // best effort: a file someone else holds open stays
        }
    }
}
