package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault rules as text: what is added, and what a listing of the chain says is active. */
class PacketRulesTest {
    @Test
    void eachRuleIsAddedOnlyIfMissingAndGoesToItsFamily() {
        String script = PacketRules.apply("isolate", List.of(PacketRules.Drop.both("172.60.0.20"), PacketRules.Drop.both("fd23:d79:d076::20")));
        assertTrue(script.contains("iptables -C LAB-FAULTS -s 172.60.0.20 -m comment --comment 'lab:isolate' -j DROP 2>/dev/null || iptables -A LAB-FAULTS -s 172.60.0.20"), script);
        assertTrue(script.contains("ip6tables -A LAB-FAULTS -d fd23:d79:d076::20 -m comment --comment 'lab:isolate' -j DROP"), script);
        assertTrue(script.contains("iptables -C INPUT -j LAB-FAULTS 2>/dev/null || iptables -I INPUT -j LAB-FAULTS"), script);
    }

    @Test
    void lossIsARandomShareAndADatabaseCutIsRefused() {
        assertTrue(PacketRules.apply("loss 20%", List.of(PacketRules.Drop.share("172.60.0.10", 20)))
                .contains("-m statistic --mode random --probability 0.2 -m comment --comment 'lab:loss 20%' -j DROP"));
        assertTrue(PacketRules.apply("dbcut", List.of(PacketRules.Drop.refused("172.60.0.11")))
                .contains("-d 172.60.0.11 -p tcp -m comment --comment 'lab:dbcut' -j REJECT --reject-with tcp-reset"));
    }

    @Test
    void theListingNamesEachActiveFaultOnce() {
        String listing = """
                -N LAB-FAULTS
                -A LAB-FAULTS -s 172.60.0.20/32 -m comment --comment lab:isolate -j DROP
                -A LAB-FAULTS -d 172.60.0.20/32 -m comment --comment lab:isolate -j DROP
                -A LAB-FAULTS -s 172.60.0.30/32 -m comment --comment "lab:partition xmpp1|xmpp2,xmpp3" -j DROP
                -N LAB-FAULTS
                """;
        assertEquals(Map.of("isolate", 2, "partition xmpp1|xmpp2,xmpp3", 1), PacketRules.active(listing));
        assertEquals(Map.of(), PacketRules.active("-N LAB-FAULTS\n"));
    }
}
