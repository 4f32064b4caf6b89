package dev.syscost.cli;

import picocli.CommandLine.TypeConversionException;

/** A size or duration that does not parse; {@link Main} words it as "--option: message". */
final class UnitConversionException extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    UnitConversionException(String message) {
        super(message);
    }
}
