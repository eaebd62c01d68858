package dev.harbor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void gzip_listed_with_a_positive_weight_is_taken() {
        for (String header :
                List.of("gzip", "GZIP", "deflate, gzip", "gzip;q=0.5", "br;q=1, gzip ; q=1.0", "gzip;level=1")) {
            assertThat(AcceptEncoding.takesGzip(header)).as(header).isTrue();
        }
    }

    @Test
    void no_header_another_coding_a_star_or_a_zero_weight_is_not() {
        for (String header : List.of("", "identity", "br, deflate", "*", "gzip;q=0", "gzip;q=0.000", "x-gzip")) {
            assertThat(AcceptEncoding.takesGzip(header)).as(header).isFalse();
        }
        assertThat(AcceptEncoding.takesGzip(null)).isFalse();
    }

    @Test
    void an_unreadable_weight_counts_as_a_refusal() {
        for (String header : List.of("gzip;q=", "gzip;q=2", "gzip;q=abc", "gzip;q=0.5555", "gzip;q=-1")) {
            assertThat(AcceptEncoding.takesGzip(header)).as(header).isFalse();
        }
    }
}
