package io.openfirecluster.checker;

import java.time.Duration;
import java.util.Optional;

/**
 * One fault as the history tells it: when the scenario runner applied it and when it healed it,
 * both as time since the history's start. Either may be missing: a fault still applied when the
 * history ended has no heal, a heal whose apply was not recorded has no apply.
 */
public record FaultWindow(String description, Optional<Duration> applied, Optional<Duration> healed) {
}
