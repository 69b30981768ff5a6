package dev.licensebot.server.api;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.nio.ByteBuffer;

/** The request as the application reads it: its body, already here, in one last chunk. */
final class WholeBody extends Request.Wrapper {

    private Content.Chunk pending;

    WholeBody(Request wrapped, byte[] body) {
        super(wrapped);
        this.pending = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
        if (pending == null) {
            return Content.Chunk.EOF;
        }
        Content.Chunk chunk = pending;
        pending = null;
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        demandCallback.run(); // a read never waits: the body is all here
    }

    @Override
    public boolean consumeAvailable() {
        read();
        return true;
    }
}
