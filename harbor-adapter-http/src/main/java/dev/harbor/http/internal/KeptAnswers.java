package dev.harbor.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Serialized answers kept by key for as long as what they show is unchanged, so a read that polls
 * an unchanged state serializes nothing.
 *
 * <p>Nobody has to tell this cache of a change, so no change can be missed: every request hands
 * over the value it has just read through the use case, and gets the kept bytes only when that
 * value {@link Object#equals equals} the one they were made from; otherwise the value is serialized
 * and kept. An answer is thus always the serialization of what this very request read, as fresh as
 * that read: a write acknowledged before the request began is in it. The values must be immutable
 * values (records of records): one changed in place after being kept would be compared with itself.
 *
 * <p>Rebuilds take one lock, so the requests that arrive together after a change serialize it once:
 * those that waited find it kept and equal to what they read. At most {@code maxKeys} keys are kept;
 * one more clears them all, so a client trying endless keys costs serializations, never memory.
 *
 * @param <K> what tells answers apart: a locker's id, a list's filter
 * @param <V> what an answer shows, as the use case returned it
 */
public final class KeptAnswers<K, V> {

    private record Kept<V>(V value, TaggedJson answer) {}

    private final ObjectMapper mapper;
    private final Function<V, ?> body;
    private final int maxKeys;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Object rebuilding = new Object();

    /** @param body the web model of a value, as it is written */
    KeptAnswers(ObjectMapper mapper, Function<V, ?> body, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive, was " + maxKeys);
        }
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.body = Objects.requireNonNull(body, "body");
        this.maxKeys = maxKeys;
    }

    /** The answer showing {@code value}: the kept one if it was made from an equal value, else a new one. */
    public TaggedJson answer(K key, V value) {
        Objects.requireNonNull(value, "value");
        TaggedJson current = keptFor(key, value);
        if (current != null) {
            return current;
        }
        synchronized (rebuilding) {
            current = keptFor(key, value);
            if (current != null) {
                return current;
            }
            TaggedJson fresh = TaggedJson.of(serialize(value));
            if (kept.size() >= maxKeys && !kept.containsKey(key)) {
                kept.clear();
            }
            kept.put(key, new Kept<>(value, fresh));
            return fresh;
        }
    }

    /** Drops the answer of a key that shows nothing any more (a locker removed). */
    public void forget(K key) {
        kept.remove(key);
    }

    /** How many answers are kept. */
    int size() {
        return kept.size();
    }

    private TaggedJson keptFor(K key, V value) {
        Kept<V> current = kept.get(key);
        return current != null && current.value().equals(value) ? current.answer() : null;
    }

    private byte[] serialize(V value) {
        Object written = body.apply(value);
        try {
            return mapper.writeValueAsBytes(written);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + written.getClass().getSimpleName(), e);
        }
    }
}
