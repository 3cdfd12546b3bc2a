package io.openfirecluster.tsung;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TsungResultTest {
    @Test
    void aStepSendsBetweenItsBarriersLessTheQuietAndTheLead() {
        // Barriers 36.5 s apart: 5 s quiet after the first, 1 s before anyone's first message.
        TsungResult.Step step = new TsungResult.Step(100, 3000, 3000, 3000, 3000, 36.5, 500, 4.2, List.of());
        assertEquals(30.5, step.sendingSeconds(), 1e-9);
    }
}
