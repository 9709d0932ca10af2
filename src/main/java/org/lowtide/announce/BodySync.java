package org.lowtide.announce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowtide.traffic.Checksums;

/**
 * Brings a PagerDuty account's maintenance windows or a Statuspage page's scheduled incidents in line
 * with a plan, by what was sent before (its digest in the plan file): unchanged bodies are not sent
 * again, changed ones update the object, removed windows' objects are removed.
 */
public final class BodySync {

    private BodySync() {
    }

    /**
     * @param wanted each window's body, keyed by window key
     * @param ends   each key's window end
     * @param stored the entries the plan file holds for this target
     */
    public static SilenceSync.Result sync(RestTarget target, Map<String, ObjectNode> wanted, Map<String, Instant> ends,
                                          List<AnnounceState.Entry> stored, Instant now, boolean dryRun)
            throws AnnounceException, InterruptedException {
        Map<String, AnnounceState.Entry> byKey = new HashMap<>();
        stored.forEach(e -> byKey.put(e.key(), e));
        List<SyncAction> actions = new ArrayList<>();
        Map<String, AnnounceState.Entry> kept = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ObjectNode> w : wanted.entrySet()) {
                String key = w.getKey();
                String digest = digest(w.getValue());
                AnnounceState.Entry before = byKey.remove(key);
                String detail = ends.get(key) == null ? "" : "until " + ends.get(key);
                if (before != null && before.digest().equals(digest)) {
                    actions.add(new SyncAction(target.name(), key, SyncAction.Kind.UNCHANGED, before.id(), detail));
                    kept.put(key, before);
                    continue;
                }
                if (dryRun) {
                    actions.add(new SyncAction(target.name(), key, before == null ? SyncAction.Kind.CREATED
                            : SyncAction.Kind.UPDATED, before == null ? "" : before.id(), detail));
                    if (before != null) {
                        kept.put(key, before);
                    }
                    continue;
                }
                if (before != null && target.update(before.id(), w.getValue())) {
                    actions.add(new SyncAction(target.name(), key, SyncAction.Kind.UPDATED, before.id(), detail));
                    kept.put(key, new AnnounceState.Entry(key, before.id(), digest, ends.get(key)));
                } else {
                    String id = target.create(w.getValue());
                    actions.add(new SyncAction(target.name(), key, SyncAction.Kind.CREATED, id, detail));
                    kept.put(key, new AnnounceState.Entry(key, id, digest, ends.get(key)));
                }
            }
            for (AnnounceState.Entry gone : byKey.values()) {
                if (!gone.end().isAfter(now)) {
                    continue; // over: nothing to remove
                }
                if (!dryRun) {
                    target.remove(gone.id());
                } else {
                    kept.put(gone.key(), gone);
                }
                actions.add(new SyncAction(target.name(), gone.key(), SyncAction.Kind.REMOVED, gone.id(), ""));
            }
        } catch (AnnounceException e) {
            throw e.withPartial(kept, stored);
        }
        return new SilenceSync.Result(actions, new ArrayList<>(kept.values()));
    }

    /** @return SHA-256 of the body's compact JSON, hex */
    static String digest(ObjectNode body) {
        return Checksums.sha256Utf8(body.toString());
    }
}
