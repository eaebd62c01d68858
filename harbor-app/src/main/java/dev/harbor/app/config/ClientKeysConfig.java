package dev.harbor.app.config;

import dev.harbor.application.auth.ClientKeys;
import dev.harbor.application.auth.ClientKeys.NamedKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Local API's client keys from {@value #KEYS} (comma-separated) or {@value #KEYS_FILE} (a file
 * with one key a line; blank lines and lines starting with {@code #} are skipped). An entry is a
 * key, or {@code name:key} to give it the name the audit trail shows; a bare key is named
 * {@code key-1}, {@code key-2} … by its position. Problems name the variable and the entry's
 * position, never the key.
 */
final class ClientKeysConfig {

    static final String KEYS = "HARBOR_API_KEYS";
    static final String KEYS_FILE = "HARBOR_API_KEYS_FILE";

    private ClientKeysConfig() {}

    /**
     * @param values   the configuration's values (environment over the configuration file)
     * @param problems where each problem found is added
     * @return {@link ClientKeys#NONE} when neither variable is set, or when there were problems
     */
    static ClientKeys read(Map<String, String> values, List<String> problems) {
        String direct = blankToNull(values.get(KEYS));
        String file = blankToNull(values.get(KEYS_FILE));
        if (direct != null && file != null) {
            problems.add(KEYS + " and " + KEYS_FILE + ": set only one");
            return ClientKeys.NONE;
        }
        if (direct != null) {
            return parse(KEYS, "entry", List.of(direct.split(",", -1)), problems);
        }
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                problems.add(KEYS_FILE + ": cannot read " + file);
                return ClientKeys.NONE;
            }
            List<String> entries = lines.stream()
                    .map(line -> line.strip().startsWith("#") ? "" : line)
                    .toList();
            return parse(KEYS_FILE + " (" + file + ")", "line", entries, problems);
        }
        return ClientKeys.NONE;
    }

    /** Blank entries are skipped but still counted, so a position matches the line a user sees. */
    private static ClientKeys parse(String source, String unit, List<String> entries, List<String> problems) {
        List<NamedKey> keys = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String where = source + ": " + unit + " " + (i + 1);
            int colon = entry.indexOf(':');
            String name = colon < 0
                    ? "key-" + (keys.size() + 1)
                    : entry.substring(0, colon).strip();
            String key = colon < 0 ? entry : entry.substring(colon + 1).strip();
            try {
                keys.add(new NamedKey(name, key));
            } catch (IllegalArgumentException e) {
                // NamedKey's messages give the key's name, never the key.
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (problems.size() > before) {
            return ClientKeys.NONE;
        }
        if (keys.isEmpty()) {
            problems.add(source + ": no key given (unset it to leave the Local API open)");
            return ClientKeys.NONE;
        }
        try {
            return ClientKeys.of(keys);
        } catch (IllegalArgumentException e) {
            problems.add(source + ": " + e.getMessage());
            return ClientKeys.NONE;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
