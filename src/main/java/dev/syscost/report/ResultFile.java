package dev.syscost.report;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.syscost.UsageException;
import dev.syscost.report.format.Sanitize;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a result file that may be hostile or odd: only a regular file (not a FIFO, device or directory)
 * below a size limit, parsed under Jackson's stream constraints (nesting, number and string length), every
 * number finite and representable (1e-400 does not silently become 0), counts and times non-negative, and
 * the schema a {@code syscost.} one. Anything else is one {@link UsageException} line naming the fix.
 */
public final class ResultFile {
    /** Default limit on a result file's size: syscost's own results are kilobytes. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    static final int MAX_NESTING = 200;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_STRING_CHARS = 1 << 20;
    private static final String FIX = "pass a file written by `syscost ... --json FILE`";
    /** Keys whose values are counts or durations of something that happened: never negative. */
    private static final Set<String> NON_NEGATIVE = Set.of("count", "totalSyscalls", "readCalls", "writeCalls",
            "readBytes", "writeBytes", "wallSeconds", "userCpuSeconds", "systemCpuSeconds", "syscallsPerSec",
            "ratePerSec", "medianNs", "minNs", "maxNs", "kernelEntriesPerCall", "kernelEntriesMeasured");

    private ResultFile() {}

    /** Reads and checks {@code path} (at most {@code maxBytes}); see the class comment. */
    public static JsonNode read(Path path, long maxBytes) {
        byte[] bytes = readBounded(path, maxBytes);
        ObjectMapper mapper = mapper(maxBytes);
        validate(path, mapper.getFactory(), bytes);
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw malformed(path, e);
        }
        if (node == null || !node.isObject() || !node.path("schema").isTextual()) {
            throw new UsageException(path + ": not a syscost result (no \"schema\" field); " + FIX);
        }
        String schema = node.path("schema").asText();
        if (!schema.startsWith("syscost.")) {
            throw new UsageException(path + ": schema " + Sanitize.line(schema, 60) + " is not a syscost one; " + FIX);
        }
        return node;
    }

    private static byte[] readBounded(Path path, long maxBytes) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UsageException(path + ": no such file; " + FIX);
        } catch (IOException e) {
            throw new UsageException(path + ": cannot read (" + e.getMessage() + ")");
        }
        if (attrs.isDirectory()) {
            throw new UsageException(path + ": is a directory; " + FIX);
        }
        if (!attrs.isRegularFile()) {
            throw new UsageException(path + ": not a regular file (a FIFO, device or socket); " + FIX);
        }
        if (attrs.size() > maxBytes) {
            throw tooLarge(path, attrs.size(), maxBytes);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(path, bytes.length, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UsageException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static UsageException tooLarge(Path path, long size, long maxBytes) {
        return new UsageException(String.format(Locale.ROOT, "%s: %.1f MiB, over the %.0f MiB limit for result files "
                + "(syscost's are kilobytes); pass --max-input-size with a larger size to read it anyway",
                path, size / 1048576.0, maxBytes / 1048576.0));
    }

    private static ObjectMapper mapper(long maxBytes) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_CHARS).maxStringLength(MAX_STRING_CHARS)
                .maxDocumentLength(maxBytes).build()).build();
        return JsonMapper.builder(factory).build();
    }

    /** One streaming pass: constraints, finite numbers, no underflow to zero, non-negative counts and times. */
    private static void validate(Path path, JsonFactory factory, byte[] bytes) {
        Deque<String> keys = new ArrayDeque<>();
        try (JsonParser p = factory.createParser(bytes)) {
            String key = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> key = p.currentName();
                    case START_OBJECT, START_ARRAY -> keys.push(key == null ? "" : key);
                    case END_OBJECT, END_ARRAY -> key = keys.isEmpty() ? null : keys.pop();
                    case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> checkNumber(path, p, key);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw malformed(path, e);
        }
    }

    private static void checkNumber(Path path, JsonParser p, String key) throws IOException {
        String text = p.getText();
        BigDecimal exact = new BigDecimal(text);
        double value = exact.doubleValue();
        String where = path + ": " + (key == null ? "a number" : "\"" + Sanitize.line(key, 40) + "\"")
                + " at line " + p.currentLocation().getLineNr();
        if (Double.isInfinite(value)) {
            throw new UsageException(where + " is " + Sanitize.line(text, 30) + ", too large for a double; " + FIX);
        }
        if (value == 0 && exact.signum() != 0) {
            throw new UsageException(where + " is " + Sanitize.line(text, 30)
                    + ", too small for a double (it would read as 0); " + FIX);
        }
        if (value < 0 && key != null && NON_NEGATIVE.contains(key)) {
            throw new UsageException(where + " is " + text + ", but a count or time cannot be negative; " + FIX);
        }
    }

    private static UsageException malformed(Path path, IOException e) {
        if (e instanceof StreamConstraintsException c) {
            return new UsageException(path + ": " + firstLine(c.getOriginalMessage()) + "; " + FIX);
        }
        JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
        return new UsageException(path + ": malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + "; " + FIX);
    }

    private static String firstLine(String s) {
        String line = s == null ? "over a limit" : s.lines().findFirst().orElse(s);
        return Sanitize.line(line, 200);
    }
}
