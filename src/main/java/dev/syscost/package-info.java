/**
 * syscost: what crossing the user/kernel boundary costs on this machine, why, and what to do about it.
 *
 * <p>This root package owns only what every layer shares: the exceptions that carry a failure to the one
 * mapper in {@code cli} ({@link dev.syscost.UsageException} for bad input worded for the user,
 * {@link dev.syscost.InvalidSettingException} for a setting that breaks its rule in domain terms,
 * {@link dev.syscost.SettingNotPermittedException} for a setting's value this run may not use,
 * {@link dev.syscost.SyscostException} for a run that could not complete) and the one rule for sizes
 * ({@link dev.syscost.ByteSize}). It imports nothing from its subpackages.
 *
 * <p>Layers point one way: {@code cli → report → {bench, batch, indirect, profile} → {sys, env}}; the
 * architecture test ({@code ArchitectureTest}) holds it over the compiled classes.
 */
package dev.syscost;
