package org.lowtide.ui.plan;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.lowtide.project.PlanFileException;
import org.lowtide.service.CancelledException;
import org.lowtide.traffic.imports.ImportException;

/** Turns the core's lower-case messages into sentences for the form, and errors into what the screen says. */
final class Messages {

    private static final System.Logger LOG = System.getLogger(Messages.class.getName());

    private Messages() {
    }

    /** @return the message with a capital first letter and a full stop */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Not valid.";
        }
        String m = message.trim();
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }

    /** @return what the screen says of a failed plan, open, save or export (a bug is also logged) */
    static String describe(Throwable error) {
        if (error instanceof org.lowtide.service.OutOfMemory) {
            return Messages.sentence(error.getMessage()); // what to do; the plan shown before stays
        }
        if (error instanceof PlanFileException || error instanceof ImportException) {
            return error.getMessage(); // names file (and line and column)
        }
        if (error instanceof NoSuchFileException) {
            return ((NoSuchFileException) error).getFile() + ": file not found";
        }
        if (error instanceof IOException) {
            return error.getMessage() == null ? error.toString() : error.getMessage();
        }
        if (error instanceof IllegalArgumentException) {
            return Messages.sentence(error.getMessage());
        }
        if (error instanceof CancelledException) {
            return "Cancelled";
        }
        LOG.log(System.Logger.Level.ERROR, "planning failed", error);
        return "Unexpected error (" + error + ")";
    }
}
