package dev.syscost.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code struct termios} and {@code struct winsize} as glibc and the kernel lay them out on x86-64. */
class TermiosLayoutTest {
    @Test
    void shouldMatchGlibcTermios() {
        assertThat(Termios.TERMIOS.byteOffset(groupElement("c_lflag"))).isEqualTo(12);
        assertThat(Termios.TERMIOS.byteOffset(groupElement("c_cc"))).isEqualTo(17);
        assertThat(Termios.TERMIOS.byteOffset(groupElement("c_ispeed"))).isEqualTo(52);
        assertThat(Termios.TERMIOS.byteSize()).isEqualTo(60);
        assertThat(Termios.WINSIZE.byteSize()).isEqualTo(8);
    }

    @Test
    void shouldTurnOffCanonicalInputAndEchoOnly() {
        byte[] cooked = new byte[60];
        cooked[12] = (byte) (Termios.ICANON | Termios.ECHO | 0x1); // ISIG stays
        byte[] keys = Termios.keyAtATime(cooked);
        assertThat(keys[12]).isEqualTo((byte) 0x1);
        assertThat(keys[17 + Termios.VMIN]).isEqualTo((byte) 1);
        assertThat(keys[17 + Termios.VTIME]).isZero();
    }
}
