package dev.harbor.domain.layout;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A size or kind of compartment ("small", "medium", "bike"). Sizes in millimetres are optional.
 */
public record LockerType(
        LockerTypeId id,
        String slug,
        String name,
        String description,
        Integer widthMm,
        Integer heightMm,
        Integer depthMm,
        Instant createdAt) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public LockerType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isValidSlug(slug)) {
            throw new IllegalArgumentException(
                    "locker type slug must be 1-64 of [a-z0-9-], starting with a letter or digit: " + slug);
        }
        requirePositive(widthMm, "widthMm");
        requirePositive(heightMm, "heightMm");
        requirePositive(depthMm, "depthMm");
    }

    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    private static void requirePositive(Integer value, String name) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
