package dev.syscost.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sysfs strings from the kernel's Documentation/admin-guide/hw-vuln and arch/x86/kernel/cpu/bugs.c. */
class MitigationCatalogueTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            meltdown             | Mitigation: PTI                                                                    | true  | PTI
            meltdown             | Vulnerable                                                                         | false |
            meltdown             | Not affected                                                                       | false |
            spectre_v1           | Mitigation: usercopy/swapgs barriers and __user pointer sanitization               | true  | usercopy barriers
            spectre_v1           | Vulnerable: __user pointer sanitization and usercopy barriers only; no swapgs barriers | true  | usercopy barriers
            spectre_v2           | Mitigation: Retpolines; IBPB: conditional; IBRS_FW; STIBP: conditional; RSB filling; PBRSB-eIBRS: Not affected; BHI: Retpoline | true | retpolines
            spectre_v2           | Mitigation: Full generic retpoline, IBPB: conditional, IBRS_FW, STIBP: conditional, RSB filling | true | retpolines
            spectre_v2           | Mitigation: IBRS; IBPB: conditional; STIBP: conditional; RSB filling; PBRSB-eIBRS: Not affected; BHI: Not affected | true | IBRS on entry
            spectre_v2           | Mitigation: Enhanced / Automatic IBRS; IBPB: conditional; RSB filling; PBRSB-eIBRS: SW sequence; BHI: BHI_DIS_S | false |
            spectre_v2           | Mitigation: Enhanced / Automatic IBRS; IBPB: conditional; RSB filling; PBRSB-eIBRS: SW sequence; BHI: SW loop, KVM: SW loop | true | BHI clearing loop
            spectre_v2           | Mitigation: Enhanced IBRS + Retpolines                                             | true  | retpolines
            spectre_v2           | Mitigation: LFENCE                                                                 | true  | LFENCE before indirect branches
            spectre_v2           | Vulnerable; IBPB: disabled; STIBP: disabled; PBRSB-eIBRS: Not affected; BHI: Vulnerable | false |
            retbleed             | Mitigation: untrained return thunk; SMT enabled with STIBP protection              | true  | untrained return thunk
            retbleed             | Mitigation: IBRS                                                                   | true  | IBRS on entry
            retbleed             | Mitigation: IBPB                                                                   | true  | IBPB on entry
            retbleed             | Mitigation: Enhanced IBRS                                                          | false |
            retbleed             | Mitigation: Stuffing                                                               | true  | call-depth tracking
            spec_rstack_overflow | Mitigation: Safe RET                                                               | true  | Safe RET
            spec_rstack_overflow | Mitigation: safe RET                                                               | true  | Safe RET
            spec_rstack_overflow | Mitigation: IBPB                                                                   | true  | IBPB on entry
            spec_rstack_overflow | Mitigation: IBPB on VMEXIT                                                         | false |
            spec_rstack_overflow | Mitigation: microcode                                                              | false |
            spec_rstack_overflow | Vulnerable: No microcode                                                           | false |
            mds                  | Mitigation: Clear CPU buffers; SMT vulnerable                                      | true  | VERW on exit
            mds                  | Vulnerable: Clear CPU buffers attempted, no microcode; SMT Host state unknown      | true  | VERW on exit
            tsx_async_abort      | Mitigation: TSX disabled                                                           | false |
            mmio_stale_data      | Mitigation: Clear CPU buffers; SMT vulnerable                                      | true  | VERW on exit
            reg_file_data_sampling | Mitigation: Clear Register File                                                  | true  | VERW on exit
            tsa                  | Mitigation: Clear CPU buffers                                                      | true  | VERW on exit
            tsa                  | Mitigation: Clear CPU buffers: user/kernel boundary                                | true  | VERW on exit
            tsa                  | Mitigation: Clear CPU buffers: VM                                                  | false |
            l1tf                 | Mitigation: PTE Inversion; VMX: conditional cache flushes, SMT vulnerable          | false |
            itlb_multihit        | KVM: Mitigation: Split huge pages                                                  | false |
            itlb_multihit        | KVM: Mitigation: VMX disabled                                                      | false |
            spec_store_bypass    | Mitigation: Speculative Store Bypass disabled via prctl and seccomp                | false |
            srbds                | Mitigation: Microcode                                                              | false |
            gather_data_sampling | Mitigation: Microcode                                                              | false |
            indirect_target_selection | Mitigation: Aligned branch/return thunks                                      | true  | ITS thunks
            indirect_target_selection | Mitigation: Retpolines                                                        | true  | retpolines
            vmscape              | Mitigation: IBPB before exit to userspace                                          | false |
            """)
    void shouldPlaceEachDocumentedMitigationOnOrOffTheSyscallPath(String name, String raw, boolean onPath, String cost) {
        Vulnerability v = Vulnerability.of(name, raw);
        assertThat(v.onSyscallPath()).isEqualTo(onPath);
        if (cost == null) {
            assertThat(v.syscallPathCosts()).isEmpty();
        } else {
            assertThat(v.syscallPathCosts()).contains(cost);
        }
        assertThat(v.effect()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mmio_stale_data | Unknown: No mitigations
            meltdown        | Unknown (XEN PV detected, hypervisor mitigation required)
            spectre_v2      | Mitigation: Some Future Thing
            """)
    void shouldSayUnknownRatherThanGuessForStringsItDoesNotKnow(String name, String raw) {
        Vulnerability v = Vulnerability.of(name, raw);
        assertThat(v.onSyscallPath()).isNull();
        assertThat(v.effect()).contains("does not know");
    }
}
