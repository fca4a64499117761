package org.qatwb.model.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qatwb.model.lint.LintFixtures.VF_ZFS;
import static org.qatwb.model.lint.LintFixtures.assertClean;
import static org.qatwb.model.lint.LintFixtures.assertFinding;
import static org.qatwb.model.lint.LintFixtures.assertMessage;
import static org.qatwb.model.lint.LintFixtures.assertNone;
import static org.qatwb.model.lint.LintFixtures.edit;
import static org.qatwb.model.lint.LintFixtures.lineOf;
import static org.qatwb.model.lint.LintFixtures.lint;
import static org.qatwb.model.lint.LintFixtures.single;
import static org.qatwb.model.lint.Severity.ERROR;
import static org.qatwb.model.lint.Severity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The [GENERAL] section: presence, version, services and profile, request and buffer sizes, old keys. */
class GeneralCheckTest {

    private static String services(String value) {
        return edit(VF_ZFS, "ServicesEnabled = cy;dc", "ServicesEnabled = " + value);
    }

    @Nested
    class Missing {

        @Test
        void aFileWithoutGeneralIsAnErrorOnLine1() {
            String text = VF_ZFS.substring(VF_ZFS.indexOf("[KERNEL]"));
            Finding f = single(lint(text), "general.missing");
            assertFinding(f, "general.missing", ERROR, 1, null, null);
            assertMessage(f, "no [GENERAL] section", "add [GENERAL] with ConfigVersion = 2");
        }

        @Test
        void nearMissGeneralAnywhereInTheFile() {
            String text = VF_ZFS.substring(VF_ZFS.indexOf("[KERNEL]")) + "\n"
                    + VF_ZFS.substring(VF_ZFS.indexOf("[GENERAL]"), VF_ZFS.indexOf("[KERNEL]"));
            assertClean(lint(text, "c6xxvf", 56));
        }
    }

    @Nested
    class ConfigVersion {

        @Test
        void aMissingVersionPointsAtTheHeader() {
            String text = edit(VF_ZFS, "ConfigVersion = 2\n", "");
            Finding f = single(lint(text), "general.config-version");
            assertFinding(f, "general.config-version", ERROR, lineOf(text, "[GENERAL]"), "GENERAL", "ConfigVersion");
            assertMessage(f, "missing", "add ConfigVersion = 2");
        }

        @Test
        void anotherVersionPointsAtItsLine() {
            String text = edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion = 1");
            Finding f = single(lint(text), "general.config-version");
            assertFinding(f, "general.config-version", ERROR, lineOf(text, "ConfigVersion = 1"), "GENERAL", "ConfigVersion");
            assertMessage(f, "ConfigVersion = 1", "Only version 2 config file supported", "write ConfigVersion = 2");
        }

        // adf_ctl dev_config.cpp dev_config::validate_config with utils.h utils::to_number: the decimal number
        // that starts at the value's first digit; "Only version 2 config file supported" in adf_ctl's output
        @ParameterizedTest
        @ValueSource(strings = {"2.0", "02", "v2", "2a"})
        void configVersionIsReadFromItsFirstDigit(String value) {
            assertNone(lint(edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion = " + value)), "general.config-version");
        }

        @ParameterizedTest
        @ValueSource(strings = {"20", "1.2", "0x2", "two"})
        void nearMissOtherNumbersAtTheFirstDigitAreRefused(String value) {
            String text = edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion = " + value);
            Finding f = single(lint(text), "general.config-version");
            assertMessage(f, "ConfigVersion = " + value, "write ConfigVersion = 2");
        }

        @Test
        void nearMissVersion2WithoutSpaces() {
            assertNone(lint(edit(VF_ZFS, "ConfigVersion = 2", "ConfigVersion=2"), "c6xxvf", 56), "general.config-version");
        }
    }

    @Nested
    class ServicesEnabled {

        @Test
        void missingServicesPointAtTheHeader() {
            String text = edit(VF_ZFS, "ServicesEnabled = cy;dc\n", "");
            Finding f = single(lint(text), "general.services");
            assertFinding(f, "general.services", ERROR, lineOf(text, "[GENERAL]"), "GENERAL", "ServicesEnabled");
            assertMessage(f, "missing", "add e.g. ServicesEnabled = cy;dc");
        }

        @Test
        void anUnknownValueIsAnErrorListingTheAcceptedOnes() {
            String text = services("cy;sym");
            Finding f = single(lint(text, "c6xx", null), "general.services");
            assertFinding(f, "general.services", ERROR, 3, "GENERAL", "ServicesEnabled");
            assertMessage(f, "ServicesEnabled = cy;sym", "use one of", "dc;sym");
        }

        @Test
        void upperCaseIsRefusedWithAHint() {
            assertMessage(single(lint(services("CY;DC"), "c6xx", null), "general.services"), "CY;DC", "write it in lower case");
        }

        @ParameterizedTest
        @ValueSource(strings = {"cy", "dc", "sym", "asym", "cy;dc", "dc;cy", "asym;dc", "dc;asym", "sym;dc", "dc;sym"})
        void nearMissEveryQat1ValueIsAcceptedOnC62x(String value) {
            assertNone(lint(services(value), "c6xx", null), "general.services");
        }

        @Test
        void gen4ValuesAreAcceptedOn4xxxOnly() {
            assertNone(lint(services("asym;sym"), "4xxx", null), "general.services");
            assertNone(lint(services("dcc"), "4xxx", null), "general.services");
            assertMessage(single(lint(services("asym;sym"), "c6xx", null), "general.services"), "asym;sym");
            // an unknown device gets the benefit of the doubt
            assertNone(lint(services("asym;sym")), "general.services");
        }
    }

    @Nested
    class ServicesProfile {

        private String profile(String profile, String value) {
            return edit(services(value), "ConfigVersion = 2", "ConfigVersion = 2\nServicesProfile = " + profile);
        }

        @ParameterizedTest
        @ValueSource(strings = {"cy;dc", "dc;cy", "cy", "asym", "asym;dc"})
        void compressionRefusesEverythingButDcAndSym(String value) {
            String text = profile("COMPRESSION", value);
            Finding f = single(lint(text, "c6xx", null), "general.services");
            assertFinding(f, "general.services", ERROR, 3, "GENERAL", "ServicesEnabled");
            assertMessage(f, "ServicesEnabled = " + value, "ServicesProfile = COMPRESSION",
                    "use one of dc, dc;sym, sym, sym;dc");
        }

        @ParameterizedTest
        @ValueSource(strings = {"dc", "sym", "sym;dc", "dc;sym"})
        void nearMissCompressionAllowsDcSymAndBoth(String value) {
            assertNone(lint(profile("COMPRESSION", value), "c6xx", null), "general.services");
        }

        @ParameterizedTest
        @CsvSource({"CRYPTO,dc,true", "CRYPTO,cy;dc,true", "CRYPTO,cy,false", "CRYPTO,sym,false", "CRYPTO,asym,false",
                "DEFAULT,cy;dc,false", "CUSTOM1,dc;asym,false"})
        void cryptoAllowsOnlyCryptoServices(String profile, String value, boolean refused) {
            List<Finding> fs = lint(profile(profile, value), "c6xx", null);
            assertEquals(refused ? 1 : 0, LintFixtures.withRule(fs, "general.services").size(), () -> LintFixtures.describe(fs));
        }

        // adf_cfg_device.h adf_cfg_fw_string_to_id (4.24, 4.28): an unknown name logs "Invalid ServicesProfile" in
        // the kernel log and the DEFAULT image is used, so DEFAULT's services apply
        @Test
        void anUnknownProfileIsAWarningAndTheDriverUsesDefault() {
            String text = profile("FAST", "asym;dc");
            List<Finding> fs = lint(text, "c6xx", null);
            Finding f = single(fs, "general.unknown-profile");
            assertFinding(f, "general.unknown-profile", WARNING, lineOf(text, "ServicesProfile = FAST"), "GENERAL",
                    "ServicesProfile");
            assertMessage(f, "ServicesProfile = FAST", "DEFAULT", "use DEFAULT, CRYPTO, COMPRESSION or CUSTOM1");
            assertNone(fs, "general.services");
        }

        // adf_cfg_device.c adf_cfg_get_services_enabled / adf_cfg_get_caps_enabled: only a PF has
        // get_fw_image_type; a VF's services come from its PF and its own ServicesProfile is never read
        @Test
        void aVfIgnoresItsProfile() {
            assertNone(lint(profile("COMPRESSION", "cy;dc"), "c6xxvf", null), "general.services");
            assertClean(lint(profile("FAST", "cy;dc"), "c6xxvf", null));
        }

        // adf_cfg_device.h adf_cfg_fw_string_to_id knows DEFAULT_C4XXX; qat_c4xxx/adf_c4xxx_accel_units.c
        // get_fw_image_type_c4xxx always uses it on c4xxx, whatever the file says
        @ParameterizedTest
        @CsvSource({"DEFAULT_C4XXX,cy;dc", "COMPRESSION,cy;dc"})
        void defaultC4xxxIsValidAndC4xxxIgnoresTheKey(String profile, String value) {
            assertClean(lint(profile(profile, value), "c4xxx", null));
        }

        @Test
        void defaultC4xxxIsNotRefusedWhenTheDeviceIsUnknown() {
            assertClean(lint(profile("DEFAULT_C4XXX", "cy;dc")));
        }

        // qat_c62x/adf_c62x_hw_data.c get_fw_name (and the same in dh895xcc, c3xxx, d15xx, 200xx): the
        // DEFAULT_C4XXX image has no firmware there, "Unsupported ServicesProfile." in the kernel log
        @Test
        void defaultC4xxxOnC62xIsRefused() {
            String text = profile("DEFAULT_C4XXX", "cy;dc");
            Finding f = single(lint(text, "c6xx", null), "general.services");
            assertFinding(f, "general.services", ERROR, lineOf(text, "ServicesProfile = DEFAULT_C4XXX"), "GENERAL",
                    "ServicesProfile");
            assertMessage(f, "DEFAULT_C4XXX", "Unsupported ServicesProfile", "c4xxx");
        }
    }

    @Nested
    class RequestSize {

        @ParameterizedTest
        @CsvSource({"CyNumConcurrentSymRequests,500,512", "CyNumConcurrentAsymRequests,32,64",
                "DcNumConcurrentRequests,131072,512", "DcNumConcurrentRequests,1000,512"})
        void notAPowerOfTwoIn64To65536IsAnError(String key, String value, String dflt) {
            String base = VF_ZFS.lines().filter(l -> l.startsWith(key + " = ")).findFirst().orElseThrow();
            String text = edit(VF_ZFS, base, key + " = " + value);
            Finding f = single(lint(text), "general.request-size");
            assertFinding(f, "general.request-size", ERROR, lineOf(text, key + " = " + value), "GENERAL", key);
            assertMessage(f, key + " = " + value, "power of two from 64 to 65536", "(default " + dflt + ")");
        }

        @ParameterizedTest
        @ValueSource(strings = {"64", "128", "1024", "65536"})
        void nearMissPowersOfTwoInRange(String value) {
            assertNone(lint(edit(VF_ZFS, "DcNumConcurrentRequests = 512", "DcNumConcurrentRequests = " + value)),
                    "general.request-size");
        }
    }

    @Nested
    class BufferSize {

        @Test
        void anythingBut32Or64IsSilentlyReplaced() {
            String text = edit(VF_ZFS, "DcIntermediateBufferSizeInKB = 64", "DcIntermediateBufferSizeInKB = 48");
            Finding f = single(lint(text), "general.buffer-size");
            assertFinding(f, "general.buffer-size", WARNING, lineOf(text, "DcIntermediateBufferSizeInKB = 48"), "GENERAL",
                    "DcIntermediateBufferSizeInKB");
            assertMessage(f, "= 48", "silently uses 64", "write 32 or 64");
        }

        @ParameterizedTest
        @ValueSource(strings = {"32", "64"})
        void nearMiss32And64(String value) {
            assertNone(lint(edit(VF_ZFS, "DcIntermediateBufferSizeInKB = 64", "DcIntermediateBufferSizeInKB = " + value)),
                    "general.buffer-size");
        }
    }

    @Nested
    class Deprecated {

        @ParameterizedTest
        @ValueSource(strings = {"KptEnabled", "StorageEnabled", "PkeServiceDisabled"})
        void keysDeprecatedIn424AreWarnings(String key) {
            String text = edit(VF_ZFS, "statsGeneral = 1", "statsGeneral = 1\n" + key + " = 0");
            Finding f = single(lint(text), "general.deprecated");
            assertFinding(f, "general.deprecated", WARNING, lineOf(text, key + " = 0"), "GENERAL", key);
            assertMessage(f, key, "deprecated in driver 4.24", "remove the line");
        }

        @Test
        void nearMissCurrentKeys() {
            assertNone(lint(VF_ZFS), "general.deprecated");
        }
    }

    @Nested
    class NotANumber {

        @Test
        void aCountThatIsNotANumberIsAnError() {
            String text = edit(VF_ZFS, "NumberDcInstances = 1", "NumberDcInstances = one");
            Finding f = single(lint(text), "value.not-number");
            assertFinding(f, "value.not-number", ERROR, lineOf(text, "NumberDcInstances = one"), "KERNEL_QAT",
                    "NumberDcInstances");
            assertMessage(f, "NumberDcInstances = one", "write a decimal number");
        }

        @Test
        void nearMissADecimalCount() {
            assertClean(lint(edit(VF_ZFS, "NumberDcInstances = 1", "NumberDcInstances=1"), "c6xxvf", 56));
        }
    }
}
