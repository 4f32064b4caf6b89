package dev.syscost;

/**
 * A setting of a measurement that breaks its rule, in domain terms: the setting's name as the config
 * record spells it ({@code trials}, {@code workingSetsBytes}), the rule ("must be between 1 and 1000")
 * and the value; or a value this machine cannot use, the value leading the rule ({@code pid},
 * "4242: no such process; …"). Only {@code cli} words it as a flag ("--trials must be between 1 and
 * 1000: 0"); other callers read the message, which names the setting instead. A value that is right but
 * not this run's to use is a {@link SettingNotPermittedException}.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String rule;
    private final String value;
    private final String example;

    /**
     * @param value   the offending value, or null where the rule is about the whole setting (e.g. empty)
     * @param example values that would do (shown after " e.g. " and the flag), or null
     */
    public InvalidSettingException(String setting, String rule, String value, String example) {
        super(phrase(setting, rule, value, example));
        this.setting = setting;
        this.rule = rule;
        this.value = value;
        this.example = example;
    }

    public InvalidSettingException(String setting, String rule, String value) {
        this(setting, rule, value, null);
    }

    /**
     * "name rule: value e.g. name example"; a rule that begins with a colon follows the name directly
     * ("disturbers: unknown disturber 'fork'; …"). {@code cli} phrases it the same way with the flag as the name.
     */
    public static String phrase(String name, String rule, String value, String example) {
        return name + (rule.startsWith(":") ? "" : " ") + rule + (value == null ? "" : ": " + value)
                + (example == null ? "" : " e.g. " + name + " " + example);
    }

    /** Checks {@code min ≤ value ≤ max}: "must be between 1 and 1000" with the value otherwise. */
    public static long requireRange(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(setting, "must be between " + min + " and " + max, Long.toString(value));
        }
        return value;
    }

    /** The setting's name in its config record. */
    public String setting() {
        return setting;
    }

    public String rule() {
        return rule;
    }

    /** The offending value as text, or null. */
    public String value() {
        return value;
    }

    /** Values that would do, or null. */
    public String example() {
        return example;
    }
}
