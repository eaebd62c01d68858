package dev.harbor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IfNoneMatchTest {

    private static final String CURRENT = "\"abc\"";

    private static boolean matches(String... fields) {
        return IfNoneMatch.matches(List.of(fields), CURRENT);
    }

    @Test
    void no_header_is_no_precondition() {
        assertThat(matches()).isFalse();
    }

    @Test
    void the_current_tag_matches_alone_in_a_list_or_weak() {
        assertThat(matches("\"abc\"")).isTrue();
        assertThat(matches("\"x\", \"abc\"")).isTrue();
        assertThat(matches("\"x\",\"abc\",\"y\"")).isTrue();
        assertThat(matches("W/\"abc\"")).isTrue();
        assertThat(matches(" \t\"abc\" ")).isTrue();
    }

    @Test
    void the_lists_of_several_fields_are_joined() {
        assertThat(matches("\"x\"", "\"abc\"")).isTrue();
        assertThat(matches("\"x\"", "\"y\"")).isFalse();
    }

    @Test
    void the_star_matches_any_current_answer() {
        assertThat(matches("*")).isTrue();
        assertThat(matches(" * ")).isTrue();
    }

    @Test
    void other_tags_do_not_match() {
        assertThat(matches("\"abd\"")).isFalse();
        assertThat(matches("\"ab\"")).isFalse();
        assertThat(matches("\"abcd\"")).isFalse();
        assertThat(matches("\"\"")).isFalse();
        assertThat(matches("\"ABC\"")).isFalse();
    }

    @Test
    void a_value_that_breaks_the_grammar_matches_nothing() {
        for (String broken : List.of(
                "abc",
                "\"abc",
                "\"abc\"x",
                "\"abc\" junk",
                "*, \"abc\"",
                "\"abc\", *",
                "w/\"abc\"",
                "W/",
                "\"a bc\"",
                "\"abc\";q=1",
                "\"a\u0001c\"")) {
            assertThat(matches(broken)).as(broken).isFalse();
        }
    }

    @Test
    void a_list_with_one_broken_member_matches_nothing_even_if_the_current_tag_is_in_it() {
        assertThat(matches("\"abc\", broken")).isFalse();
    }
}
