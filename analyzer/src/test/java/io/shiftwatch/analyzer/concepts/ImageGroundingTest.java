package io.shiftwatch.analyzer.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ImageGroundingTest {

    @Test
    void mostActiveSamplesFirstTiesByIndex() {
        // Given activations where samples 1 and 3 tie at 0.9
        float[] activations = {0.2f, 0.9f, 0.5f, 0.9f, 0.7f};

        // When
        int[] top = ImageGrounding.topSamples(activations, 3);

        // Then
        assertArrayEquals(new int[] {1, 3, 4}, top);
    }

    @Test
    void returnsAllSamplesWhenFewerThanRequested() {
        // Given
        float[][] activations = {{0.1f, 0.3f}, {0.4f, 0.2f}};

        // When
        int[] top = ImageGrounding.topSamples(activations, 1, 50);

        // Then
        assertArrayEquals(new int[] {0, 1}, top);
    }
}
