package dev.polygate.report.format;

import dev.polygate.model.LayerKind;
import java.awt.Color;

/** The study's colours (matplotlib's first four): plain blue, squared orange, gated green, bilinear red. */
public final class KindColours {
    private KindColours() {
    }

    public static Color of(LayerKind kind) {
        return switch (kind) {
            case PLAIN -> new Color(0x1f77b4);
            case SQUARED -> new Color(0xff7f0e);
            case GATED -> new Color(0x2ca02c);
            case BILINEAR -> new Color(0xd62728);
        };
    }
}
