package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.PlanService;

/**
 * Crash safety of saving (issue #14): a child JVM saves a plan over and over ({@link SaveLoop});
 * it is killed with SIGKILL ({@code Process.destroyForcibly}) at a random moment, 50 times. After
 * every kill the plan file must be whole (it reads as a plan), and after the next save no
 * temporary file of a killed save may survive.
 */
class CrashSafetyTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void killingASaveNeverDamagesThePlanAndTheNextSaveClearsItsLeftovers() throws Exception {
        Path traffic = dir.resolve("traffic.csv");
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            int h = t.getHour();
            csv.append(t.toOffsetDateTime()).append(',')
                    .append(t.getDayOfWeek() == DayOfWeek.SATURDAY && h < 5 ? 10 : 300 + 7 * h + i % 5).append('\n');
        }
        Files.writeString(traffic, csv);
        Path plan = dir.resolve("plan.lowtide");
        Random random = new Random(14);
        PlanService plans = new PlanService(new AnalysisService());
        int leftovers = 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), SaveLoop.class.getName(), traffic.toString(), plan.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line).as("the child saved once").isEqualTo("saving");
                Thread.sleep(random.nextInt(150)); // a random moment in the middle of the saves
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(plans.open(plan).plan().windows()).as("after kill %d the plan reads", k).isNotEmpty();
            leftovers += temporaries().size();
            if (k % 10 == 9) {
                // the next save (in this process) clears what killed saves left
                plans.save(plans.replan(plans.open(plan), org.lowtide.service.ProgressListener.NONE,
                        org.lowtide.service.Cancellation.NEVER), plan);
                assertThat(temporaries()).as("after the save following kill %d", k).isEmpty();
            }
        }
        System.out.printf("CrashSafetyTest: %d kills, %d left a temporary file behind, none survived the next save%n",
                KILLS, leftovers);
    }

    private List<Path> temporaries() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
