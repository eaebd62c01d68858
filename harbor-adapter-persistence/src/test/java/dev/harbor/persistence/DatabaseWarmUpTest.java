package dev.harbor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.junit.jupiter.api.Test;

class DatabaseWarmUpTest {

    @Test
    void every_sample_statement_is_one_jdbi_parses_with_its_named_parameters() {
        // A sample JDBI could not parse would end the warm-up silently at its first statement.
        ColonPrefixSqlParser parser = new ColonPrefixSqlParser();
        for (String sql : DatabaseWarmUp.SAMPLE_SQL) {
            assertThat(parser.parse(sql, null).getParameters().getParameterNames())
                    .as(sql)
                    .isNotEmpty();
        }
    }
}
