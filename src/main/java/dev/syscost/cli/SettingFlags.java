package dev.syscost.cli;

import dev.syscost.InvalidSettingException;
import dev.syscost.SettingNotPermittedException;
import java.util.Locale;
import java.util.Map;

/**
 * Words a domain {@link InvalidSettingException} or {@link SettingNotPermittedException} as the flag that
 * sets it: "--trials must be between 1 and 1000: 0", "--pid 4242: not ours to profile (EPERM); …".
 */
final class SettingFlags {
    /** Settings whose flag is not their name in kebab case. */
    private static final Map<String, String> FLAGS = Map.of(
            "pinCpu", "--pin",
            "sizesBytes", "--sizes",
            "messageSizesBytes", "--sizes",
            "messagesPerTrial", "--messages",
            "workingSetsBytes", "--working-sets",
            "ks", "--k",
            "budgetSec", "--budget");

    private SettingFlags() {}

    /** The flag of a config record's component: {@code runMs} → {@code --run-ms}. */
    static String flagOf(String setting) {
        String flag = FLAGS.get(setting);
        return flag != null ? flag : "--" + setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The one-line message for the user. */
    static String word(InvalidSettingException e) {
        return InvalidSettingException.phrase(flagOf(e.setting()), e.rule(), e.value(), e.example());
    }

    /** The one-line message for the user of a refused setting. */
    static String word(SettingNotPermittedException e) {
        return flagOf(e.setting()) + " " + e.problem();
    }

    /** The user's message for any failure: a domain setting's worded as its flag, any other's own message. */
    static String messageOf(Throwable ex) {
        if (ex instanceof InvalidSettingException bad) {
            return word(bad);
        }
        if (ex instanceof SettingNotPermittedException refused) {
            return word(refused);
        }
        return ex.getMessage();
    }
}
