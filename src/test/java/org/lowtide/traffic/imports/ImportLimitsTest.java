package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Resource limits at the importer's entry (issue #14): stated, and refused with the limit in the message. */
class ImportLimitsTest {

    private static byte[] csv(int rows) {
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < rows; i++) {
            sb.append(1_136_073_600L + 60L * i).append(',').append(100 + i % 17).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static ImportResult read(byte[] bytes, long byteLimit, long lineLimit) throws Exception {
        return TrafficImporter.read(new ByteArrayInputStream(bytes), "t.csv", bytes.length,
                ImportOptions.inZone(ZoneOffset.UTC), ImportMonitor.NONE, byteLimit, lineLimit);
    }

    @Test
    void aGzipFileThatUnpacksBeyondTheLimitIsRefused() throws Exception {
        byte[] plain = csv(20_000);
        byte[] packed = gzip(plain);

        assertThatThrownBy(() -> read(packed, plain.length / 2, Long.MAX_VALUE)).isInstanceOf(ImportException.class)
                .hasMessageContaining("unpacks to more than").hasMessageContaining("-Xmx");
        assertThat(read(packed, plain.length + 1, Long.MAX_VALUE).series().size()).isEqualTo(20_000);
    }

    @Test
    void moreLinesThanTheHeapHoldsAreRefusedWithTheLimit() throws Exception {
        byte[] plain = csv(20_000);

        assertThatThrownBy(() -> read(plain, Long.MAX_VALUE, 10_000)).isInstanceOf(ImportException.class)
                .hasMessageContaining("more than 10,000 lines");
        assertThat(read(plain, Long.MAX_VALUE, 20_001).series().size()).isEqualTo(20_000);
    }

    @Test
    void theLimitsFollowTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(TrafficImporter.rowLimit()).isEqualTo(Math.max(1_000_000L, heap / 80));
        assertThat(TrafficImporter.unpackedLimit()).isEqualTo(Math.max(64L << 20, heap / 2));
    }
}
