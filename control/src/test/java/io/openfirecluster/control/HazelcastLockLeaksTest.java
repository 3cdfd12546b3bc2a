package io.openfirecluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lock a node's log says Hazelcast ran twice, on a line captured from a lab node after a one-way link. */
class HazelcastLockLeaksTest {
    private static final String RUN_TWICE =
            "2026-11-27T08:18:04.029563729Z 2026-11-27 08:18:04.028 ERROR " +
            "[hz.openfire.partition-operation.thread-1]: " +
            "com.hazelcast.internal.locksupport.operations.LockOperation - [172.60.0.20]:5701 " +
            "[openfire-cluster-by-hazelcast] [5.5.0] NormalResponse already responseReceived for callback: " +
            "Invocation{op=com.hazelcast.internal.locksupport.operations.LockOperation{serviceName='hz:impl:lockService', " +
            "identityHash=1057853606, partitionId=35, replicaIndex=0, callId=-25830, " +
            "invocationTime=1795767483989 (2026-11-27 08:18:03.989), waitTimeout=-1, callTimeout=30000, " +
            "tenantControl=com.hazelcast.spi.impl.tenantcontrol.NoopTenantControl@0, " +
            "namespace=DistributedObjectNamespace{service='hz:impl:mapService', " +
            "objectName='Routing User Sessions'}, threadId=232}, tryCount=250, tryPauseMillis=500, " +
            "invokeCount=12, callTimeoutMillis=30000, firstInvocationTimeMs=1795767477769";

    @Test
    void aLockOperationRunTwiceNamesItsMapAndPartition() {
        assertEquals(Set.of("map 'Routing User Sessions' partition 35"), HazelcastLockLeaks.since(List.of(RUN_TWICE), Instant.EPOCH));
    }

    @Test
    void onlyWhatWasLoggedSinceCounts() {
        assertEquals(Set.of(), HazelcastLockLeaks.since(List.of(RUN_TWICE), Instant.parse("2026-11-27T08:18:05Z")));
    }

    @Test
    void otherOperationsAnsweredTwiceAreNotLockLeaks() {
        String migration = RUN_TWICE.replace("Invocation{op=com.hazelcast.internal.locksupport.operations.LockOperation",
                "Invocation{op=com.hazelcast.map.impl.operation.PutOperation");
        assertEquals(Set.of(), HazelcastLockLeaks.since(List.of(migration, "2026-11-27T08:18:04.1Z Members {size:2, ver:14} ["), Instant.EPOCH));
    }
}
