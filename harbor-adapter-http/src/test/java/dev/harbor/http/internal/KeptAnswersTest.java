package dev.harbor.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    record Shown(String name, int count) {}

    private final AtomicInteger serializations = new AtomicInteger();
    private final KeptAnswers<String, List<Shown>> answers = new KeptAnswers<>(
            Json.mapper(),
            shown -> {
                serializations.incrementAndGet();
                return shown;
            },
            3);

    @Test
    void an_equal_value_gets_the_kept_answer_without_serializing_again() {
        TaggedJson first = answers.answer("all", List.of(new Shown("a", 1)));
        TaggedJson second = answers.answer("all", List.of(new Shown("a", 1)));
        assertThat(second).isSameAs(first);
        assertThat(serializations).hasValue(1);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("[{\"name\":\"a\",\"count\":1}]");
    }

    @Test
    void a_different_value_gets_new_bytes_under_a_new_tag() {
        TaggedJson first = answers.answer("all", List.of(new Shown("a", 1)));
        TaggedJson changed = answers.answer("all", List.of(new Shown("a", 2)));
        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).isEqualTo("[{\"name\":\"a\",\"count\":2}]");
        assertThat(changed.etag()).isNotEqualTo(first.etag());
    }

    @Test
    void equal_bytes_get_equal_tags_whoever_made_them() {
        TaggedJson one = answers.answer("all", List.of(new Shown("a", 1)));
        TaggedJson other = answers.answer("other", List.of(new Shown("a", 1)));
        assertThat(other.etag()).isEqualTo(one.etag());
    }

    @Test
    void keys_are_kept_apart() {
        answers.answer("a", List.of(new Shown("a", 1)));
        answers.answer("b", List.of(new Shown("b", 1)));
        assertThat(answers.answer("a", List.of(new Shown("a", 1))).body())
                .isEqualTo("[{\"name\":\"a\",\"count\":1}]".getBytes(StandardCharsets.UTF_8));
        assertThat(serializations).hasValue(2);
    }

    @Test
    void one_key_more_than_the_bound_clears_the_others() {
        answers.answer("a", List.of());
        answers.answer("b", List.of());
        answers.answer("c", List.of());
        assertThat(answers.size()).isEqualTo(3);
        answers.answer("d", List.of());
        assertThat(answers.size()).isEqualTo(1);
        answers.answer("a", List.of());
        assertThat(serializations).hasValue(5);
    }

    @Test
    void a_forgotten_key_is_serialized_again() {
        answers.answer("a", List.of());
        answers.forget("a");
        answers.answer("a", List.of());
        assertThat(serializations).hasValue(2);
    }
}
