/**
 * What is on the boundary path of this machine: kernel, CPU, JDK, virtualisation and sandbox, CPU
 * vulnerabilities and what their mitigations do per syscall, PTI/PCID, vDSO and clocksource, what can be
 * observed, and how busy the machine is ({@link dev.syscost.env.Environment}, {@link dev.syscost.env.EnvResult}).
 * Detection never throws: what cannot be read is listed with the reason.
 *
 * <p>May import: {@code sys} and the root package. Never the measurers, {@code report} or {@code cli}.
 */
package dev.syscost.env;
