package io.convene.application.calllog;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.convene.application.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Phone numbers validated and normalised to E.164 with libphonenumber (+493012345678). */
@Component
class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    PhoneNumbers(SoftphoneProperties properties) {
        this.defaultRegion = properties.defaultRegion();
        if (defaultRegion != null && !UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("convene.softphone.default-region is not a region libphonenumber knows: "
                    + defaultRegion);
        }
    }

    /** {@code raw} in E.164, or a 400 naming {@code field}. */
    String e164(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (raw.length() > 40) {
            throw new InvalidInputException(field, "is too long for a phone number");
        }
        try {
            PhoneNumber number = UTIL.parse(raw.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidInputException(field, "is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidInputException(field, defaultRegion == null
                    ? "is not a phone number in international format (+ and country code, e.g. +49 30 1234567)"
                    : "is not a phone number");
        }
    }
}
