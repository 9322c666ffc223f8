package dev.polygate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShapeTest {

    @Test
    void parsesSamplesWidthDepthAndPrintsTheSameText() {
        Shape s = Shape.parse("1000x64x2");
        assertEquals(new Shape(1000, 64, 2), s);
        assertEquals(1000, s.samples());
        assertEquals(64, s.width());
        assertEquals(2, s.depth());
        assertEquals("1000x64x2", s.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1000x64", "1000x64x2x1", "1000xax2", "1000x0x2", "-1x64x2"})
    void rejectsTextThatIsNotThreePositiveIntegers(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shape.parse(text));
        assertTrue(e.getMessage().startsWith("shape must be SAMPLESxWIDTHxDEPTH"), e.getMessage());
    }
}
