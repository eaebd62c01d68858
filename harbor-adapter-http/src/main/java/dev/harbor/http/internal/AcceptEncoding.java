package dev.harbor.http.internal;

import java.util.Locale;

/** Whether a request's {@code Accept-Encoding} (RFC 9110 §12.5.3) takes a gzip-coded answer. */
final class AcceptEncoding {

    private AcceptEncoding() {}

    /**
     * True when {@code gzip} is listed with a weight above 0. A {@code *} is not taken for gzip, and
     * an element that cannot be read counts as a refusal: the uncoded answer is never wrong.
     */
    static boolean takesGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")
                        && !positive(parameter.substring(2).strip())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A {@code qvalue}: 0 to 1 with at most three decimals. */
    private static boolean positive(String weight) {
        if (!weight.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return false;
        }
        return Double.parseDouble(weight) > 0;
    }
}
