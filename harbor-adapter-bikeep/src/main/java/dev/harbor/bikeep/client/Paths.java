package dev.harbor.bikeep.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Resource paths under a base URL, ids encoded as one path segment each. */
final class Paths {

    private Paths() {}

    static URI resolve(URI base, String path) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + path);
    }

    /** An id as one path segment: a {@code /} or {@code ?} in it cannot change the path. */
    public static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a Bikeep id must not be blank");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
