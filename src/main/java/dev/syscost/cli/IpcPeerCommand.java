package dev.syscost.cli;

import dev.syscost.batch.ipc.IpcPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The hidden {@code syscost __ipc-peer}: the peer side of {@code syscost ipc}, driven over stdin/stdout,
 * for running the protocol by hand. {@code syscost ipc} starts its peer through {@link IpcPeer#main}
 * directly, which skips building the command tree and starts about a second sooner on a small machine.
 */
@Command(name = "__ipc-peer", hidden = true, description = "Internal: the peer process of `syscost ipc`.")
public final class IpcPeerCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return IpcPeer.serve(in, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
