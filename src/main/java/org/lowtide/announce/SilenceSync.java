package org.lowtide.announce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings an Alertmanager's silences in line with a plan: each window's silence is created, updated
 * (POST with its id) or left alone when Alertmanager already holds exactly it; the silence of a
 * window no longer planned is expired. Asking first is what makes announcing twice change nothing
 * (not even Alertmanager's {@code updatedAt}).
 */
public final class SilenceSync {

    /** The outcome: what was done and the entries to keep. */
    public record Result(List<SyncAction> actions, List<AnnounceState.Entry> entries) {
        public Result {
            actions = List.copyOf(actions);
            entries = List.copyOf(entries);
        }
    }

    private SilenceSync() {
    }

    /**
     * @param wanted  each window's silence (keyed by window key, in plan order)
     * @param ends    each key's window end
     * @param stored  the entries the plan file holds for this Alertmanager
     * @param dryRun  ask, but change nothing
     */
    public static Result sync(AlertmanagerClient am, Map<String, Silence> wanted, Map<String, Instant> ends,
                              List<AnnounceState.Entry> stored, Instant now, boolean dryRun)
            throws AnnounceException, InterruptedException {
        Objects.requireNonNull(am, "am");
        String target = "Alertmanager " + am.base();
        Map<String, AlertmanagerClient.Existing> existing = am.silences();
        Map<String, AnnounceState.Entry> byKey = new HashMap<>();
        stored.forEach(e -> byKey.put(e.key(), e));
        List<SyncAction> actions = new ArrayList<>();
        Map<String, AnnounceState.Entry> kept = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Silence> w : wanted.entrySet()) {
                String key = w.getKey();
                Silence silence = w.getValue();
                Instant end = ends.get(key);
                AnnounceState.Entry before = byKey.remove(key);
                AlertmanagerClient.Existing there = before == null ? null : existing.get(before.id());
                String detail = silence.startsAt() + " – " + silence.endsAt();
                if (there != null && !there.expired() && same(there.silence(), silence, now)) {
                    actions.add(new SyncAction(target, key, SyncAction.Kind.UNCHANGED, before.id(), detail));
                    kept.put(key, new AnnounceState.Entry(key, before.id(), "", end));
                    continue;
                }
                boolean update = there != null && !there.expired();
                if (dryRun) {
                    actions.add(new SyncAction(target, key, update ? SyncAction.Kind.UPDATED : SyncAction.Kind.CREATED,
                            update ? before.id() : "", detail));
                    if (before != null) {
                        kept.put(key, before);
                    }
                    continue;
                }
                String id = am.post(update ? silence.withId(before.id()) : silence);
                actions.add(new SyncAction(target, key, update ? SyncAction.Kind.UPDATED : SyncAction.Kind.CREATED, id,
                        detail));
                kept.put(key, new AnnounceState.Entry(key, id, "", end));
            }
            for (AnnounceState.Entry gone : byKey.values()) {
                AlertmanagerClient.Existing there = existing.get(gone.id());
                if (there == null || there.expired() || !gone.end().isAfter(now)) {
                    continue; // over by itself, or already expired: nothing to do, and nothing to keep
                }
                if (!dryRun) {
                    am.expire(gone.id());
                }
                actions.add(new SyncAction(target, gone.key(), SyncAction.Kind.REMOVED, gone.id(),
                        there.silence().startsAt() + " – " + there.silence().endsAt()));
                if (dryRun) {
                    kept.put(gone.key(), gone);
                }
            }
        } catch (AnnounceException e) {
            throw e.withPartial(kept, stored);
        }
        return new Result(actions, new ArrayList<>(kept.values()));
    }

    /**
     * Whether Alertmanager's silence is the one wanted. A silence that started already carries the
     * time it was made active, which is fine as long as both starts lie in the past.
     */
    static boolean same(Silence there, Silence wanted, Instant now) {
        boolean startOk = there.startsAt().equals(wanted.startsAt())
                || (!there.startsAt().isAfter(now) && !wanted.startsAt().isAfter(now));
        return startOk && there.endsAt().equals(wanted.endsAt()) && there.matchers().equals(wanted.matchers())
                && there.createdBy().equals(wanted.createdBy()) && there.comment().equals(wanted.comment());
    }
}
