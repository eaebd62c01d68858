package dev.harbor.app.layout;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each key and each array element of a JSON text starts, by JSON path
 * ({@code controllers[0].transport.port}), so a problem found in the tree can name its line and
 * column. It also finds what a tree hides: a key given twice in one object, of which a tree keeps
 * only the last.
 */
final class JsonPositions {

    /** A place in the text, both counted from 1 as an editor shows them. */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }
    }

    /** The text is not JSON: the first place the reading stopped, in plain words. */
    static final class NotJson extends Exception {
        private final Position position;

        NotJson(Position position, String message) {
            super(message);
            this.position = position;
        }

        Position position() {
            return position;
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Position> positions;
    private final Map<String, Position> repeated;

    private JsonPositions(Map<String, Position> positions, Map<String, Position> repeated) {
        this.positions = positions;
        this.repeated = repeated;
    }

    static JsonPositions of(String json) throws NotJson {
        Map<String, Position> positions = new HashMap<>();
        Map<String, Position> repeated = new java.util.LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // The parser is already inside the new container: its place is in the parent.
                    context = context.getParent();
                }
                if (token == JsonToken.FIELD_NAME || context.inArray()) {
                    String path = path(context);
                    Position at = position(parser.currentTokenLocation());
                    if (token == JsonToken.FIELD_NAME && positions.containsKey(path)) {
                        repeated.putIfAbsent(path, at);
                    }
                    positions.putIfAbsent(path, at);
                }
            }
        } catch (JsonProcessingException e) {
            throw new NotJson(position(e.getLocation()), plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new NotJson(new Position(1, 1), e.getMessage());
        }
        return new JsonPositions(positions, repeated);
    }

    /** The keys given a second time in their object, by path, with where the second one is. */
    Map<String, Position> repeated() {
        return Map.copyOf(repeated);
    }

    /** Where {@code path} starts, or the closest enclosing place that is known (a missing key is reported at its object). */
    Optional<Position> at(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Position found = positions.get(current);
            if (found != null) {
                return Optional.of(found);
            }
            current = parent(current);
        }
        return Optional.empty();
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        return parent.isEmpty() ? context.getCurrentName() : parent + "." + context.getCurrentName();
    }

    private static Position position(JsonLocation location) {
        if (location == null) {
            return new Position(1, 1);
        }
        return new Position(Math.max(location.getLineNr(), 1), Math.max(location.getColumnNr(), 1));
    }

    /** Jackson's message without its notes about sources and stream features, which mean nothing to a person editing a file. */
    static String plain(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        return message.replaceAll(
                        "\\s*at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", " at line $1, column $2")
                .replaceAll("\\[Source: [^\\]]*\\]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
