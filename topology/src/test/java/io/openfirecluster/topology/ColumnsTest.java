package io.openfirecluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test
    void eachColumnIsAsWideAsItsWidestCellWhateverTheNamesLength() {
        String table = new Columns()
                .row("node", "state", "faults")
                .line("domain otherxmpp.localhost.example (standalone)")
                .row("otherxmpp", "running healthy", "none")
                .row("db", "up", "dbcut")
                .render("  ");
        assertEquals("""
                  node       state            faults
                domain otherxmpp.localhost.example (standalone)
                  otherxmpp  running healthy  none
                  db         up               dbcut
                """, table);
    }

    @Test
    void aColumnEmptyInEveryRowTakesNoRoom() {
        assertEquals("db  172.60.0.11  names db\n", new Columns().row("db", "172.60.0.11", "", "names db").render(""));
    }

    @Test
    void anEmptyLastCellLeavesNoTrailingSpace() {
        assertEquals("a       b\nlonger\n", new Columns().row("a", "b").row("longer", "").render(""));
    }
}
