package io.shiftwatch.analyzer.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void pearsonTextbookExample() {
        // Given x = 1..5, y = 2,4,5,4,5: by hand sxy = 6, sxx = 10, syy = 6, r = 6/sqrt(60);
        // scipy 1.10.1 stats.pearsonr: r = 0.7745966692414835, p = 0.12402706265755462
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 4, 5, 4, 5};

        // When
        var test = assertInstanceOf(CorrelationOutcome.Test.class, Correlation.pearson(x, y));

        // Then
        assertEquals(6 / Math.sqrt(60), test.coefficient(), 1e-15);
        assertEquals(0.12402706265755462, test.pValue(), 1e-9);
    }

    @Test
    void spearmanWithTiesUsesAverageRanks() {
        // Given ranks x = 1, 2.5, 2.5, 4..8 and y = 2, 1, 4, 3, 6, 5, 7.5, 7.5;
        // scipy 1.10.1 stats.spearmanr: rho = 0.8915662650602408, p = 0.0029337829429448817
        double[] x = {1, 2, 2, 3, 4, 5, 6, 7};
        double[] y = {2, 1, 4, 3, 6, 5, 8, 8};

        // When
        var test = assertInstanceOf(CorrelationOutcome.Test.class, Correlation.spearman(x, y));

        // Then
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4, 5, 6, 7, 8}, Correlation.ranks(x));
        assertEquals(0.8915662650602408, test.coefficient(), 1e-12);
        assertEquals(0.0029337829429448817, test.pValue(), 1e-9);
    }

    @Test
    void paperReferenceCorrelationIsSignificant() {
        // Given PAPER.md §4: r = 0.40 over 20 concepts x 3 fine-tunings reported with p = 0.0016;
        // scipy 1.10.1: 2 * t.sf(0.4 * sqrt(58 / 0.84), 58) = 0.0015426504370489923
        // When
        double p = Correlation.twoSidedP(0.40, 60);

        // Then
        assertEquals(0.0015426504370489923, p, 1e-9);
    }

    @Test
    void constantSeriesHasNoCorrelation() {
        // Given recovery 0 everywhere (a checkpoint equal to its base)
        double[] x = {0.1, 0.4, 0.3};
        double[] y = {0, 0, 0};

        // When
        CorrelationOutcome outcome = Correlation.pearson(x, y);

        // Then
        assertInstanceOf(CorrelationOutcome.Undefined.class, outcome);
    }

    @Test
    void twoPairsAreNotEnough() {
        // Given
        double[] x = {1, 2};

        // When
        CorrelationOutcome outcome = Correlation.spearman(x, x);

        // Then
        assertEquals(2, assertInstanceOf(CorrelationOutcome.Undefined.class, outcome).n());
    }

    @Test
    void perfectCorrelationHasZeroPValue() {
        // Given
        double[] x = {1, 2, 3, 4};
        double[] y = {2, 4, 6, 8};

        // When
        var test = assertInstanceOf(CorrelationOutcome.Test.class, Correlation.pearson(x, y));

        // Then
        assertEquals(1.0, test.coefficient(), 1e-15);
        assertEquals(0.0, test.pValue());
    }
}
