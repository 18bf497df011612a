package io.convene.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderCharactersTest {

    @Test
    void every_character_is_judged_as_springs_regular_expressions_judge_it() {
        List<String> samples = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            samples.add(String.valueOf((char) c)); // every BMP char alone, lone surrogates included
        }
        for (int cp : new int[] {0x1F600, 0x10FFFF, 0xE0001, 0x2FFFF, 0x1D400}) {
            samples.add(new String(Character.toChars(cp)));
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder("Bearer eyJ");
            for (int k = random.nextInt(20); k > 0; k--) {
                s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x60));
            }
            samples.add(s.toString());
        }

        assertSameAnswers(samples, StrictHttpFirewall.ALLOWED_HEADER_NAMES, HeaderCharacters::allowedName);
        assertSameAnswers(samples, StrictHttpFirewall.ALLOWED_HEADER_VALUES, HeaderCharacters::allowedValue);
    }

    @Test
    void a_tab_is_allowed_in_a_value_not_in_a_name() {
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u007fb")).isFalse();
    }

    private static void assertSameAnswers(List<String> samples, Predicate<String> spring, Predicate<String> ours) {
        for (String sample : samples) {
            assertThat(ours.test(sample)).as("%s", sample.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(spring.test(sample));
        }
    }
}
