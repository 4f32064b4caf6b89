package dev.syscost.batch.ipc;

import dev.syscost.SyscostException;

/** A message that arrived different from what was sent: lost, repeated, reordered or torn. */
final class MessageCheckException extends SyscostException {
    private static final long serialVersionUID = 1L;

    MessageCheckException(String message) {
        super(message);
    }
}
