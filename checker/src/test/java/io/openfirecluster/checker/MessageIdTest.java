package io.openfirecluster.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void encodesAndDecodes() {
        MessageId direct = new MessageId("a1b2c3d4", "c03", "c07", 42);
        assertEquals("chk/a1b2c3d4/c03/c07/42", direct.encode());
        assertEquals(Optional.of(direct), MessageId.decode(direct.encode()));

        MessageId room = new MessageId("a1b2c3d4", "c03", HistoryBuilder.ROOM, 1);
        assertEquals(Optional.of(room), MessageId.decode(" " + room.encode() + "\n"));
    }

    @Test
    void strangersDecodeToNothing() {
        assertEquals(Optional.empty(), MessageId.decode(null));
        assertEquals(Optional.empty(), MessageId.decode("hello"));
        assertEquals(Optional.empty(), MessageId.decode("chk/run/c01/c02"));
        assertEquals(Optional.empty(), MessageId.decode("chk/run/c01/c02/x"));
        assertEquals(Optional.empty(), MessageId.decode("chk/run/c01/c02/0"));
        assertEquals(Optional.empty(), MessageId.decode("xyz/run/c01/c02/1"));
        assertEquals(Optional.empty(), MessageId.decode("chk/run//c02/1"));
        assertEquals(Optional.empty(), MessageId.decode("chk/run/c01/c02/1/extra"));
    }

    @Test
    void partsMustNotHoldTheSeparator() {
        assertThrows(IllegalArgumentException.class, () -> new MessageId("run", "c01", "room@x/nick", 1));
        assertThrows(IllegalArgumentException.class, () -> new MessageId("", "c01", "c02", 1));
        assertThrows(IllegalArgumentException.class, () -> new MessageId("run", "c01", "c02", 0));
    }
}
