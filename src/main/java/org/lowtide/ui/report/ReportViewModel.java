package org.lowtide.ui.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.WindowRequest;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportOptions;
import org.lowtide.report.Section;
import org.lowtide.report.pdf.PdfReportWriter;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.ReportService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.common.BackgroundJob;
import org.lowtide.ui.common.FxImages;

/**
 * The Export Report dialog's state: the form (title, author, notes for the audience, sections,
 * currency, paper), the rendered preview pages, progress and cancel. Rendering runs off the FX
 * thread on the app's executor; the PDF is kept in memory until the user saves it.
 */
public final class ReportViewModel {

    /** Preview resolution: enough to read headings and see the charts. */
    static final float PREVIEW_DPI = 60f;

    /** Currencies offered in the form (any ISO 4217 code may be typed). */
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "SEK",
            "INR", "CNY");

    private final ReportService service;
    private final Clock clock;

    private final StringProperty title = new SimpleStringProperty(ReportOptions.DEFAULT_TITLE);
    private final StringProperty author = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final Map<Section, BooleanProperty> sections = new java.util.EnumMap<>(Section.class);
    private final StringProperty currency = new SimpleStringProperty("USD");
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4);

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Image> pages = FXCollections.observableArrayList();

    private TrafficSource source;
    private ZoneId zone = ZoneId.systemDefault();
    private Duration window = AnalysisRequest.DEFAULT_WINDOW;
    private Optional<CostAssumptions> assumptions = Optional.empty();
    private byte[] pdf;
    /** Renders; a newer render cancels the one running. */
    private final BackgroundJob job;

    public ReportViewModel(ReportService service, Executor executor, Clock clock) {
        this.service = service;
        this.clock = clock;
        this.job = new BackgroundJob(executor);
        job.mirrorInto(busy, progress, status::set);
        for (Section s : Section.values()) {
            sections.put(s, new SimpleBooleanProperty(true));
        }
        // A changed form makes the preview stale: render again before saving.
        Runnable stale = () -> canSave.set(false);
        title.addListener((o, a, b) -> stale.run());
        author.addListener((o, a, b) -> stale.run());
        notes.addListener((o, a, b) -> stale.run());
        currency.addListener((o, a, b) -> stale.run());
        paper.addListener((o, a, b) -> stale.run());
        sections.values().forEach(p -> p.addListener((o, a, b) -> stale.run()));
    }

    /**
     * What to report on: the main window's traffic, zone and window length, and the Costs
     * screen's assumptions when it has any (their currency is the form's starting currency).
     */
    public void setSource(TrafficSource newSource, ZoneId newZone, Duration newWindow,
                          Optional<CostAssumptions> newAssumptions) {
        this.source = newSource;
        this.zone = newZone;
        this.window = newWindow;
        this.assumptions = newAssumptions;
        newAssumptions.ifPresent(a -> currency.set(a.currency().value().getCurrencyCode()));
        canSave.set(false);
    }

    /** The rendered report: the PDF and its pages as pictures. */
    record Rendered(byte[] pdf, List<BufferedImage> pages, Set<String> missing) {
    }

    /** Renders the report and its preview in the background; a running render is cancelled first. */
    public void preview() {
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        error.set("");
        ReportOptions options = options();
        CostAssumptions priced = assumptions.orElseGet(CostAssumptions::defaults).toBuilder()
                .currency(Currency.getInstance(currency.get().trim().toUpperCase(java.util.Locale.ROOT))).build();
        // Ranked in money with the Costs screen's assumptions, as the Windows screen and `lowtide report` do.
        PlanRequest request = planRequest(priced);
        ReportService.CostInputs costs = ReportService.CostInputs.of(priced);
        canSave.set(false);
        status.set("Planning and costing…");
        job.start("Planning and costing…", p -> {
            ReportModel model = service.prepare(request, Optional.of(costs), options, Set.of("duration", "zone"),
                    (f, m) -> p.progress(0.5 * f, m), p);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfReportWriter.Result result = service.write(model, out, (f, m) -> p.progress(0.5 + 0.3 * f, m), p);
            byte[] bytes = out.toByteArray();
            List<BufferedImage> images = new ArrayList<>();
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                PDFRenderer renderer = new PDFRenderer(doc);
                int n = doc.getNumberOfPages();
                for (int i = 0; i < n; i++) {
                    p.check();
                    p.progress(0.8 + 0.2 * i / n, "Drawing page " + (i + 1) + " of " + n + " for the preview");
                    images.add(renderer.renderImageWithDPI(i, PREVIEW_DPI));
                }
            }
            return new Rendered(bytes, images, result.missingCharacters());
        }, r -> {
            pdf = r.pdf();
            List<Image> images = new ArrayList<>();
            for (BufferedImage b : r.pages()) {
                images.add(FxImages.of(b));
            }
            pages.setAll(images);
            canSave.set(true);
            status.set(images.size() + " pages, " + options.paper().name() + ": ready to save"
                    + (r.missing().isEmpty() ? "" : ". No font on this computer has " + String.join("", r.missing())
                    + "; those characters show as boxes"));
        }, ex -> {
            error.set(ex.getMessage() == null ? ex.toString() : ex.getMessage());
            status.set("The report could not be made");
        }, () -> status.set("Cancelled"));
    }

    /** Stops a running render. */
    public void cancel() {
        job.cancel();
    }

    /** Writes the rendered PDF (atomically). */
    public void save(Path target) throws IOException {
        if (pdf == null || !canSave.get()) {
            throw new IllegalStateException("render the report first");
        }
        org.lowtide.service.Exports.write(target, pdf);
        status.set("Saved " + target.getFileName());
    }

    /** @return the problem with the form, if any */
    Optional<String> validate() {
        if (source == null) {
            return Optional.of("Open some traffic first.");
        }
        if (title.get() == null || title.get().isBlank()) {
            return Optional.of("The report needs a title.");
        }
        if (sections.values().stream().noneMatch(BooleanProperty::get)) {
            return Optional.of("Choose at least one section.");
        }
        String code = currency.get() == null ? "" : currency.get().trim().toUpperCase(java.util.Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + currency.get() + "' is not a currency code; use e.g. USD, EUR or JPY.");
        }
        return Optional.empty();
    }

    /** @return the report options the form describes */
    ReportOptions options() {
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        sections.forEach((s, p) -> {
            if (p.get()) {
                chosen.add(s);
            }
        });
        return new ReportOptions(title.get().trim(), author.get() == null ? "" : author.get().trim(),
                notes.get() == null ? "" : notes.get().trim(), chosen, paper.get(), clock.instant());
    }

    /**
     * The plan the GUI reports on: the main window's window length, tomorrow and four weeks on, a
     * rollback tail of detect + restore p90, ranked by the expected cost of a change.
     */
    private PlanRequest planRequest(CostAssumptions priced) {
        LocalDate from = LocalDate.now(clock.withZone(zone)).plusDays(1);
        Duration tail = priced.detect().value().plus(priced.restoreP90().value());
        WindowRequest w = new WindowRequest(window, tail, 4, from, from.plusWeeks(4).minusDays(1),
                Duration.ofDays(1), Constraints.none(zone), Optional.empty());
        return new PlanRequest(new AnalysisRequest(source, ImportOptions.inZone(zone), window,
                AnalysisRequest.DEFAULT_TROUGHS), w, Optional.empty(), Optional.of(priced));
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** @return whether {@code section} is printed */
    public BooleanProperty sectionProperty(Section section) {
        return sections.get(section);
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** @return the preview pages, first page first */
    public ObservableList<Image> pages() {
        return pages;
    }
}
