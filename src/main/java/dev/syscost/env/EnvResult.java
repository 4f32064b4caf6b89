package dev.syscost.env;

import java.util.List;

/** The result of {@code syscost env}: schema {@code syscost.env/1}, the environment and its warnings. */
public record EnvResult(String schema, Environment env, List<String> warnings) {
    public static final String SCHEMA = "syscost.env/1";

    public static EnvResult of(Environment env) {
        return new EnvResult(SCHEMA, env, env.warnings());
    }
}
