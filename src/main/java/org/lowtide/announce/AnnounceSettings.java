package org.lowtide.announce;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the user chose for an announcement. Nothing here is a secret: tokens are read from the
 * environment or a file when sending, never kept here.
 *
 * @param planName          the plan's name in comments and descriptions (its file name)
 * @param title             what the maintenance is called for readers, e.g. "Database upgrade"
 * @param createdBy         the silences' author ({@code createdBy}), e.g. a user or a team
 * @param matchers          the silences' matchers; at least one must not match an absent label
 * @param withTail          whether silences and maintenance windows run to the end of the rollback tail
 * @param readerZones       the zones the announcement shows the windows in (the plan's zone when empty)
 * @param pagerDutyServices PagerDuty service ids ({@code PIJ90N7}) the maintenance windows cover
 * @param statuspageComponents Statuspage component ids the scheduled incidents name
 */
public record AnnounceSettings(String planName, String title, String createdBy, List<Matcher> matchers,
                               boolean withTail, List<ZoneId> readerZones, List<String> pagerDutyServices,
                               List<String> statuspageComponents) {

    public AnnounceSettings {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdBy, "createdBy");
        matchers = List.copyOf(matchers);
        readerZones = List.copyOf(readerZones);
        pagerDutyServices = List.copyOf(pagerDutyServices);
        statuspageComponents = List.copyOf(statuspageComponents);
        if (title.isBlank()) {
            throw new IllegalArgumentException("the announcement's title is empty");
        }
        if (createdBy.isBlank()) {
            throw new IllegalArgumentException("createdBy is empty; name a person or a team");
        }
        for (String s : pagerDutyServices) {
            if (!s.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("'" + s + "' is not a PagerDuty service id (letters and digits,"
                        + " such as PIJ90N7)");
            }
        }
        for (String s : statuspageComponents) {
            if (!s.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("'" + s + "' is not a Statuspage component id (letters and digits)");
            }
        }
    }

    /**
     * Checks the matchers as Alertmanager will: at least one, and at least one that does not match
     * an absent label (else the silence would quiet every alert).
     *
     * @throws IllegalArgumentException saying what to add
     */
    public void requireSilenceable() {
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher, such as --matcher"
                    + " 'service=\"shop\"'");
        }
        if (matchers.stream().allMatch(Matcher::matchesEmpty)) {
            throw new IllegalArgumentException("every matcher also matches alerts without that label, so the silence"
                    + " would quiet all alerts; add one such as service=\"shop\"");
        }
    }
}
