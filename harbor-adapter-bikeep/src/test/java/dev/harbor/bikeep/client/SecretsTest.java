package dev.harbor.bikeep.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void the_client_secret_is_masked_as_written_and_as_the_token_request_form_encodes_it() {
        Secrets secrets = new Secrets("s3c+ret/=& x");
        secrets.rememberToken("tok-123");

        String echoed = "bad form client_secret=s3c%2Bret%2F%3D%26+x, raw s3c+ret/=& x, token tok-123";

        assertThat(secrets.redact(echoed))
                .doesNotContain("s3c%2Bret%2F%3D%26+x", "s3c+ret/=& x", "tok-123")
                .contains("client_secret=", "raw ", "token ");
    }
}
