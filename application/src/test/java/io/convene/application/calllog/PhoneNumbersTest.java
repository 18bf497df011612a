package io.convene.application.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.application.shared.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers international = new PhoneNumbers(new SoftphoneProperties(null, Duration.ofMillis(300), 8));
    private final PhoneNumbers german = new PhoneNumbers(new SoftphoneProperties("de", Duration.ofMillis(300), 8));

    @Test
    void numbers_are_normalised_to_e164() {
        assertThat(international.e164("remoteNumber", "+49 (30) 1234-5678")).isEqualTo("+493012345678");
        assertThat(international.e164("remoteNumber", "+1 650-253-0000")).isEqualTo("+16502530000");
        assertThat(german.e164("remoteNumber", "030 12345678")).isEqualTo("+493012345678");
    }

    @Test
    void anything_else_is_a_400_naming_the_field() {
        for (String bad : new String[] {"12ab", "+49 30", "030 12345678", "", "+999 1234567"}) {
            assertThatThrownBy(() -> international.e164("remoteNumber", bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("remoteNumber"));
        }
    }

    @Test
    void an_unknown_default_region_stops_the_start() {
        assertThatThrownBy(() -> new PhoneNumbers(new SoftphoneProperties("XX", Duration.ofMillis(300), 8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
