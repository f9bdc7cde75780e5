package io.shiftwatch.models.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightExportTest {
    @Test
    void djlChildOrderPrefixesAreDropped() {
        assertEquals("decoder_1_attention_norm_gamma", WeightExport.plainName("02decoder_1_01attention_norm_gamma"));
        assertEquals("image_encoder_patch_mlp_weight", WeightExport.plainName("01image_encoder_02patch_mlp_weight"));
        assertEquals("decoder_12_mlp_output_bias", WeightExport.plainName("13decoder_12_06mlp_output_bias"));
        assertEquals("token_embedding", WeightExport.plainName("token_embedding"));
    }

    @Test
    void npyHeaderIsAlignedAndNamesShape() {
        for (long[] shape : new long[][] {{7}, {384, 128}, {2, 3, 4}}) {
            byte[] header = NpyFloat32.header(shape);
            assertEquals(0, (10 + header.length) % 64, "data must start on a 64-byte boundary");
            String text = new String(header, StandardCharsets.US_ASCII);
            assertTrue(text.endsWith("\n"));
            assertTrue(text.contains("'descr': '<f4'"));
        }
        assertTrue(new String(NpyFloat32.header(new long[] {7}), StandardCharsets.US_ASCII).contains("(7,)"));
        assertTrue(new String(NpyFloat32.header(new long[] {384, 128}), StandardCharsets.US_ASCII).contains("(384, 128)"));
    }

    @Test
    void aShapeThatDoesNotFitTheValuesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> NpyFloat32.write(java.nio.file.Path.of("unused.npy"), new long[] {2, 2}, new float[3]));
    }
}
