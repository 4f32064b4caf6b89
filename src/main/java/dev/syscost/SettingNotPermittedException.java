package dev.syscost;

/**
 * A setting whose value is right but not this run's to use, in domain terms: the setting's name as the
 * config spells it ({@code pid}) and what was refused, with the fix ("4242: not ours to profile (EPERM);
 * run syscost as root or as the process's owner"). A failed run, not bad input: the CLI exits 1. Only
 * {@code cli} words it as a flag ("--pid 4242: not ours to profile …"); other callers read the message,
 * which names the setting instead.
 */
public class SettingNotPermittedException extends SyscostException {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    /** @param problem the value and what was refused, read after the name and a space: "4242: not ours …" */
    public SettingNotPermittedException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The setting's name in its config record. */
    public String setting() {
        return setting;
    }

    /** The value and what was refused, without the setting's name. */
    public String problem() {
        return problem;
    }
}
