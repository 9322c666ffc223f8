package dev.polygate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatTextTest {
    /** JDK 19 made Float.toString and Double.toString shortest; before, they sometimes were not. */
    private static final boolean SHORTEST_JDK = Runtime.version().feature() >= 19;

    /** Floats whose Float.toString on JDK 17 (left in the comment) has more digits than needed. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4cc3af8d, 1.0259569E8",     // JDK 17: 1.02595688E8
        "5c7b3f53, 2.8287938E17",    // JDK 17: 2.82879379E17
        "ce41611a, -8.110916E8",     // JDK 17: -8.1109158E8
        "4e7a3883, 1.0495019E9",     // JDK 17: 1.04950189E9
        "5111c198, 3.912614E10",     // JDK 17: 3.9126139E10
        "3b03126f, 0.002",           // the same on both, for contrast
    })
    void floatsPrintAsTheirShortestRoundTripTextOnEveryJdk(String bits, String expected) {
        float value = Float.intBitsToFloat(Integer.parseUnsignedInt(bits, 16));
        assertEquals(expected, FloatText.shortest(value));
    }

    @Test
    void theFloatOfTheIssuePrintsAlike() {
        assertEquals("1.0259569E8", FloatText.shortest(102595688f));
        assertEquals("1.0259569E8", FloatText.shortest(Float.parseFloat("102595688")));
    }

    /** Doubles whose Double.toString on JDK 17 (left in the comment) is longer or not the nearest. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0E23, 1.0E23",                                  // JDK 17: 9.999999999999999E22
        "2.82879384806159E17, 2.82879384806159E17",        // JDK 17: 2.82879384806159008E17
        "1.9400994884341945E25, 1.9400994884341945E25",    // JDK 17: 1.9400994884341944E25
        "3.160701594026542E17, 3.160701594026542E17",      // JDK 17: 3.1607015940265421E17
    })
    void doublesPrintAsTheirShortestRoundTripTextOnEveryJdk(double value, String expected) {
        assertEquals(expected, FloatText.shortest(value));
    }

    @Test
    void randomFloatBitsReadBackExactlyAndMatchTheShortestJdk() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            String text = FloatText.shortest(value);
            if (Float.isNaN(value)) {
                assertEquals("NaN", text);
                continue;
            }
            assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(text)), text);
            if (SHORTEST_JDK) {
                assertEquals(Float.toString(value), text);
            }
        }
    }

    @Test
    void randomDoubleBitsReadBackExactlyAndMatchTheShortestJdk() {
        SplittableRandom random = new SplittableRandom(25);
        for (int i = 0; i < 50_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            String text = FloatText.shortest(value);
            if (Double.isNaN(value)) {
                assertEquals("NaN", text);
                continue;
            }
            assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(text)), text);
            if (SHORTEST_JDK) {
                assertEquals(Double.toString(value), text);
            }
        }
    }

    @Test
    void jsonWrittenByTheMapperUsesTheSameText() throws Exception {
        ObjectMapper mapper = FloatText.jsonMapper().build();
        assertEquals("[1.0259569E8,2.8287938E17,1.0E23,0.002]",
                mapper.writeValueAsString(new Object[] {102595688f, 2.82879384806159E17f, 1.0E23, 0.002}));
    }
}
