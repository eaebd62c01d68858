package dev.harbor.domain.rfid;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The card ids of one allowlist change, as typed (bikeep.md, "RFID allowlists"): 1 to {@value
 * #MAX_CARDS} cards, each id {@link RfidCardId#typed normalized} and then valid, no card twice.
 * All or nothing: when any id is wrong the whole batch is refused, naming every wrong one, so that
 * nothing is sent to Bikeep for a request the caller has to fix anyway.
 */
public final class RfidCardBatch {

    /** The most cards one request may change. */
    public static final int MAX_CARDS = 500;

    private RfidCardBatch() {}

    /**
     * The normalized ids, in the given order.
     *
     * @param listField the list's name in the request, for example {@code cards}
     * @param idField the id's name in an item, for example {@code cardId}; a problem names
     *     {@code cards[2].cardId}
     * @throws InvalidValueException naming every refused item, or the list when it is empty or too long
     */
    public static List<RfidCardId> normalizeAll(String listField, String idField, List<String> typed) {
        if (typed == null || typed.isEmpty()) {
            throw new InvalidValueException(listField, listField + " must name at least one card");
        }
        if (typed.size() > MAX_CARDS) {
            throw new InvalidValueException(
                    listField, listField + " must name at most " + MAX_CARDS + " cards, got " + typed.size());
        }
        List<RfidCardId> ids = new ArrayList<>(typed.size());
        List<InvalidValueException.Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            String field = listField + "[" + i + "]." + idField;
            String normalized = RfidCardId.normalize(typed.get(i));
            var problem = RfidCardId.problemWith(normalized);
            if (problem.isPresent()) {
                problems.add(new InvalidValueException.Problem(field, problem.get()));
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(normalized, i);
            if (earlier != null) {
                problems.add(new InvalidValueException.Problem(
                        field,
                        "RFID card id '" + normalized + "' is the same card as " + listField + "[" + earlier + "]"));
                continue;
            }
            ids.add(new RfidCardId(normalized));
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(
                    problems.size() + " of " + typed.size() + " card ids are invalid; nothing was changed", problems);
        }
        return List.copyOf(ids);
    }
}
