package org.lowtide.ui.plan;

/** Turns the core's lower-case messages into sentences for the form. */
final class Messages {

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
}
