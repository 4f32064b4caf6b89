package dev.syscost.cli;

import dev.syscost.ByteSize;
import picocli.CommandLine.ITypeConverter;

/** Sizes in bytes on the command line (64, 4K, 4KiB, 1M, 1MiB; 1024-based): the rule is {@link ByteSize}'s. */
public final class ByteSizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return ByteSize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UnitConversionException(e.getMessage());
        }
    }
}
