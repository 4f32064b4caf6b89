package dev.syscost.sys;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.StructLayout;
import org.junit.jupiter.api.Test;

/** The io_uring, iovec and socket structs against the kernel's UAPI sizes and offsets (x86-64). */
class AmortizeLayoutsTest {
    private static long off(StructLayout l, String... path) {
        var elements = new java.lang.foreign.MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            elements[i] = groupElement(path[i]);
        }
        return l.byteOffset(elements);
    }

    @Test
    void shouldMatchIoUringUapiSizes() {
        assertThat(IoUring.SQE.byteSize()).isEqualTo(64);
        assertThat(IoUring.CQE.byteSize()).isEqualTo(16);
        assertThat(IoUring.PARAMS.byteSize()).isEqualTo(120);
        assertThat(IoUring.SQRING_OFFSETS.byteSize()).isEqualTo(40);
        assertThat(IoUring.CQRING_OFFSETS.byteSize()).isEqualTo(40);
    }

    @Test
    void shouldMatchIoUringUapiOffsets() {
        assertThat(off(IoUring.SQE, "fd")).isEqualTo(4);
        assertThat(off(IoUring.SQE, "off")).isEqualTo(8);
        assertThat(off(IoUring.SQE, "addr")).isEqualTo(16);
        assertThat(off(IoUring.SQE, "len")).isEqualTo(24);
        assertThat(off(IoUring.SQE, "rw_flags")).isEqualTo(28);
        assertThat(off(IoUring.SQE, "user_data")).isEqualTo(32);
        assertThat(off(IoUring.SQE, "buf_index")).isEqualTo(40);
        assertThat(off(IoUring.SQE, "splice_fd_in")).isEqualTo(44);
        assertThat(off(IoUring.SQE, "addr3")).isEqualTo(48);
        assertThat(off(IoUring.CQE, "res")).isEqualTo(8);
        assertThat(off(IoUring.CQE, "flags")).isEqualTo(12);
        assertThat(off(IoUring.PARAMS, "flags")).isEqualTo(8);
        assertThat(off(IoUring.PARAMS, "sq_thread_idle")).isEqualTo(16);
        assertThat(off(IoUring.PARAMS, "features")).isEqualTo(20);
        assertThat(off(IoUring.PARAMS, "sq_off")).isEqualTo(40);
        assertThat(off(IoUring.PARAMS, "cq_off")).isEqualTo(80);
        assertThat(off(IoUring.PARAMS, "sq_off", "array")).isEqualTo(64);
        assertThat(off(IoUring.PARAMS, "cq_off", "cqes")).isEqualTo(100);
    }

    @Test
    void shouldMatchSocketAndIovecUapiLayouts() {
        assertThat(Uio.IOVEC.byteSize()).isEqualTo(16);
        assertThat(Sockets.SOCKADDR_IN.byteSize()).isEqualTo(16);
        assertThat(Sockets.MSGHDR.byteSize()).isEqualTo(56);
        assertThat(off(Sockets.MSGHDR, "msg_iov")).isEqualTo(16);
        assertThat(off(Sockets.MSGHDR, "msg_iovlen")).isEqualTo(24);
        assertThat(off(Sockets.MSGHDR, "msg_flags")).isEqualTo(48);
        assertThat(Sockets.MMSGHDR.byteSize()).isEqualTo(64);
        assertThat(off(Sockets.MMSGHDR, "msg_len")).isEqualTo(56);
    }
}
