package dev.harbor.hardware.protocol;

import java.util.HexFormat;

/** Byte helpers shared by the codecs. */
public final class Frames {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private Frames() {}

    /** Formats bytes the way the spec writes them: {@code 8A 01 01 11 9B}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static String hex(byte[] bytes, int from, int to) {
        return HEX.formatHex(bytes, from, to);
    }

    /** Parses the spec's notation back into bytes. */
    public static byte[] parse(String spaced) {
        return HEX.parseHex(spaced.strip());
    }

    static int xor(byte[] bytes, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i] & 0xFF;
        }
        return x;
    }

    static int sum(byte[] bytes, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += bytes[i] & 0xFF;
        }
        return s & 0xFF;
    }

    static int u(byte b) {
        return b & 0xFF;
    }

    static boolean bit(byte[] bytes, int byteIndex, int bit) {
        return ((bytes[byteIndex] >> bit) & 1) == 1;
    }
}
