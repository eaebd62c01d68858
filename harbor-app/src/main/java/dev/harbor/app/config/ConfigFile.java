package dev.harbor.app.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The file named by {@code HARBOR_CONFIG_FILE}: Java properties with the same keys as the
 * environment. Read strictly, each key with its line: a misspelled key would otherwise leave its
 * setting at the default without a word, and a person fixing the file needs to know where to look.
 *
 * @param values   every key with its value and the line it starts on
 * @param problems unreadable file, unknown or repeated keys, each naming file and line
 */
record ConfigFile(Path path, Map<String, Entry> values, List<String> problems) {

    record Entry(String value, int line) {}

    static ConfigFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new ConfigFile(
                    path,
                    Map.of(),
                    List.of(ConfigLoader.CONFIG_FILE + ": cannot read " + path + " (" + reason(e) + ")"));
        }
        Map<String, Entry> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int first = i;
            String line = lines.get(i++);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            // One logical line may go on over several: java.util.Properties continues a line ending in an odd number of
            // backslashes.
            StringBuilder logical = new StringBuilder(line);
            while (endsInOddBackslashes(line) && i < lines.size()) {
                line = lines.get(i++);
                logical.append('\n').append(line);
            }
            String where = path + ", line " + (first + 1);
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(where + ": cannot be read (" + e.getMessage() + ")");
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                String value = one.getProperty(key).strip();
                if (!ConfigKeys.isKnown(key)) {
                    problems.add(key + " (" + where + "): " + unknown(key));
                } else if (key.equals(ConfigLoader.CONFIG_FILE)) {
                    problems.add(key + " (" + where + "): only the environment can name the configuration file");
                } else if (values.containsKey(key)) {
                    problems.add(key + " (" + where + "): set a second time (first on line "
                            + values.get(key).line() + "); keep one");
                } else {
                    values.put(key, new Entry(value, first + 1));
                }
            }
        }
        return new ConfigFile(path, Map.copyOf(values), List.copyOf(problems));
    }

    static String unknown(String key) {
        return ConfigKeys.closest(key)
                .map(known -> "unknown key; did you mean " + known + "?")
                .orElse("unknown key: Harbor reads only its own HARBOR_… keys (see the README's Configuration)");
    }

    private static boolean endsInOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
