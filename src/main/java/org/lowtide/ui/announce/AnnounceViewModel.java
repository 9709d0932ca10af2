package org.lowtide.ui.announce;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lowtide.announce.AnnounceSettings;
import org.lowtide.announce.Matcher;
import org.lowtide.announce.SyncAction;
import org.lowtide.service.AnnounceService;
import org.lowtide.ui.common.BackgroundJob;

/**
 * The Announce dialog's state: the fields (matchers, title, zones, PagerDuty and Statuspage ids,
 * the Alertmanager's URL), the preview of exactly what would be sent, and the two actions: export
 * the files (no network) and send. Work runs in a {@link BackgroundJob}; credentials come from the
 * environment only (never typed, never saved). Confined to the FX thread.
 */
public final class AnnounceViewModel {

    private final AnnounceService service;
    private final Path planFile;
    private final Clock clock;
    private final BackgroundJob job;

    private final StringProperty matchers = new SimpleStringProperty(this, "matchers", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "Planned maintenance");
    private final StringProperty createdBy = new SimpleStringProperty(this, "createdBy",
            System.getProperty("user.name", "lowtide"));
    private final StringProperty readerZones = new SimpleStringProperty(this, "readerZones", "");
    private final BooleanProperty withTail = new SimpleBooleanProperty(this, "withTail", false);
    private final StringProperty alertmanager = new SimpleStringProperty(this, "alertmanager", "");
    private final StringProperty pagerDutyServices = new SimpleStringProperty(this, "pagerDutyServices", "");
    private final StringProperty pagerDutyFrom = new SimpleStringProperty(this, "pagerDutyFrom", "");
    private final BooleanProperty sendPagerDuty = new SimpleBooleanProperty(this, "sendPagerDuty", false);
    private final StringProperty statuspagePage = new SimpleStringProperty(this, "statuspagePage", "");
    private final StringProperty statuspageComponents = new SimpleStringProperty(this, "statuspageComponents", "");
    private final BooleanProperty sendStatuspage = new SimpleBooleanProperty(this, "sendStatuspage", false);

    private final ReadOnlyStringWrapper silencesPreview = new ReadOnlyStringWrapper(this, "silencesPreview", "");
    private final ReadOnlyStringWrapper pagerDutyPreview = new ReadOnlyStringWrapper(this, "pagerDutyPreview", "");
    private final ReadOnlyStringWrapper statuspagePreview = new ReadOnlyStringWrapper(this, "statuspagePreview", "");
    private final ReadOnlyStringWrapper markdownPreview = new ReadOnlyStringWrapper(this, "markdownPreview", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    public AnnounceViewModel(AnnounceService service, Path planFile, Executor executor, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.planFile = Objects.requireNonNull(planFile, "planFile");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.job = new BackgroundJob(executor);
        job.mirrorInto(busy, new SimpleDoubleProperty(), status::set);
    }

    /** The settings of the fields, or a message saying which field is wrong. */
    record Settings(Optional<AnnounceSettings> settings, String error) {
    }

    Settings settings() {
        List<Matcher> parsed = new ArrayList<>();
        for (String line : matchers.get().split("\\R|,(?=\\s*[a-zA-Z_]+\\s*(=|!))")) {
            if (!line.isBlank()) {
                try {
                    parsed.add(AnnounceService.matcher(line));
                } catch (IllegalArgumentException e) {
                    return new Settings(Optional.empty(), "Matchers: " + e.getMessage());
                }
            }
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String z : words(readerZones.get())) {
            try {
                zones.add(ZoneId.of(z));
            } catch (java.time.DateTimeException e) {
                return new Settings(Optional.empty(), "Readers' zones: '" + z + "' is not a time zone (such as"
                        + " Europe/Berlin or America/New_York)");
            }
        }
        try {
            Path name = planFile.getFileName();
            return new Settings(Optional.of(new AnnounceSettings(name == null ? planFile.toString() : name.toString(),
                    title.get().strip(), createdBy.get().strip(), parsed, withTail.get(), zones,
                    words(pagerDutyServices.get()), words(statuspageComponents.get()))), "");
        } catch (IllegalArgumentException e) {
            return new Settings(Optional.empty(), e.getMessage());
        }
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[,\\s]+")) {
            if (!w.isBlank()) {
                out.add(w.strip());
            }
        }
        return out;
    }

    /** Computes the preview of exactly what would be sent (reads the plan file). */
    public void preview() {
        Settings s = settings();
        if (s.settings().isEmpty()) {
            status.set(s.error());
            return;
        }
        job.start("Preparing the preview…", p -> service.preview(service.open(planFile), s.settings().get(),
                clock.instant()), this::show, e -> status.set("Cannot read the plan: " + message(e)), () -> { });
    }

    private void show(AnnounceService.Preview p) {
        silencesPreview.set(p.silences().isEmpty() ? "(no silences: give at least one matcher)" : p.silences());
        pagerDutyPreview.set(p.pagerDuty().isEmpty() ? "(no PagerDuty windows: give a service id)" : p.pagerDuty());
        statuspagePreview.set(p.statuspage());
        markdownPreview.set(p.markdown());
        status.set(p.windows().size() + " window(s) to announce" + (p.notes().isEmpty() ? ""
                : "; " + String.join("; ", p.notes())));
    }

    /** Writes the files into {@code dir} (no network); a foreign file there is left alone. */
    public void export(Path dir) {
        Settings s = settings();
        if (s.settings().isEmpty()) {
            status.set(s.error());
            return;
        }
        job.start("Writing the files…", p -> {
            AnnounceService.Preview preview = service.preview(service.open(planFile), s.settings().get(), clock.instant());
            return service.writeFiles(preview, dir, false);
        }, files -> status.set("Wrote " + files.size() + " files to " + dir),
                e -> status.set("Cannot write the files: " + message(e)), () -> { });
    }

    /** Sends to the Alertmanager given, and to PagerDuty and Statuspage when ticked; keeps the ids in the plan. */
    public void send() {
        Settings s = settings();
        if (s.settings().isEmpty()) {
            status.set(s.error());
            return;
        }
        String am = alertmanager.get().strip();
        AnnounceService.Destinations to = new AnnounceService.Destinations(
                am.isEmpty() ? Optional.empty() : Optional.of(am),
                sendPagerDuty.get() ? Optional.of(AnnounceService.PAGERDUTY_API) : Optional.empty(),
                Optional.of(pagerDutyFrom.get().strip()).filter(x -> !x.isEmpty()),
                sendStatuspage.get() ? Optional.of(AnnounceService.STATUSPAGE_API) : Optional.empty(),
                Optional.of(statuspagePage.get().strip()).filter(x -> !x.isEmpty()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
        if (!to.any()) {
            status.set("Nothing to send to: give an Alertmanager URL, or tick PagerDuty or Statuspage");
            return;
        }
        job.start("Sending…", p -> service.send(planFile, s.settings().get(), to, false, clock.instant()),
                this::sent, e -> status.set("Not sent: " + message(e)), () -> status.set("Cancelled"));
    }

    private void sent(AnnounceService.Outcome o) {
        status.set("Sent: " + o.count(SyncAction.Kind.CREATED) + " created, " + o.count(SyncAction.Kind.UPDATED)
                + " updated, " + o.count(SyncAction.Kind.UNCHANGED) + " unchanged, " + o.count(SyncAction.Kind.REMOVED)
                + " expired or removed" + (o.saved() ? "; ids kept in " + planFile.getFileName() : ""));
    }

    private static String message(Throwable e) {
        if (e instanceof java.io.IOException io && !(e instanceof java.nio.file.NoSuchFileException)) {
            return org.lowtide.service.Exports.describe(io);
        }
        return e.getMessage() == null ? "an unexpected error" : e.getMessage();
    }

    /** Stops the job running. */
    public void cancel() {
        job.cancel();
    }

    public Path planFile() {
        return planFile;
    }

    public StringProperty matchersProperty() {
        return matchers;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty createdByProperty() {
        return createdBy;
    }

    public StringProperty readerZonesProperty() {
        return readerZones;
    }

    public BooleanProperty withTailProperty() {
        return withTail;
    }

    public StringProperty alertmanagerProperty() {
        return alertmanager;
    }

    public StringProperty pagerDutyServicesProperty() {
        return pagerDutyServices;
    }

    public StringProperty pagerDutyFromProperty() {
        return pagerDutyFrom;
    }

    public BooleanProperty sendPagerDutyProperty() {
        return sendPagerDuty;
    }

    public StringProperty statuspagePageProperty() {
        return statuspagePage;
    }

    public StringProperty statuspageComponentsProperty() {
        return statuspageComponents;
    }

    public BooleanProperty sendStatuspageProperty() {
        return sendStatuspage;
    }

    public ReadOnlyStringProperty silencesPreviewProperty() {
        return silencesPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pagerDutyPreviewProperty() {
        return pagerDutyPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statuspagePreviewProperty() {
        return statuspagePreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty markdownPreviewProperty() {
        return markdownPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
