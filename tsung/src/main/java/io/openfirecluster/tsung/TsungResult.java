package io.openfirecluster.tsung;

import io.openfirecluster.topology.Format;
import java.util.List;
import java.util.Map;

/**
 * What one Tsung run did: the users Tsung LAUNCHED, the LOGINS it completed (its transaction
 * "login": stream, SASL PLAIN, bind, session, presence) and the users LOGGED_IN (through login and
 * at the first barrier), the login phase's seconds and Tsung CPU, each step's {@link Step}, what
 * the nodes delivered after the last step's reading during the plan's drain (users still online), Tsung's
 * errors by name, its container's CPU seconds in all, and Tsung's exit code.
 */
public record TsungResult(TsungPlan plan, long launched, long logins, long loggedIn, double loginSeconds, double loginCpuSeconds, List<Step> steps,
                          long lateDelivered, Map<String, Long> errors, double cpuSeconds, int exitCode) {
    public TsungResult {
        steps = List.copyOf(steps);
        errors = Map.copyOf(errors);
    }

    /**
     * One message step: the RATE asked (msg/s), the messages the plan makes of it (PLANNED), the
     * ones Tsung SENT (its transactions), the chat messages the nodes RECEIVED from clients and
     * DELIVERED to clients between this step's reading and the one before (sums over the nodes'
     * counters; SILENT names nodes that did not answer a reading, left out of the sums), the
     * SECONDS between the two readings, the users that finished the step (passed its barrier) and
     * the Tsung container's CPU seconds in that time.
     */
    public record Step(double rate, long planned, long sent, long received, long delivered, double seconds, long users,
                       double cpuSeconds, List<String> silent) {
        public Step {
            silent = List.copyOf(silent);
        }

        /**
         * The seconds its users were sending: the time between its two barriers less the quiet after
         * the first ({@link TsungXml#QUIET_SECONDS}) and the lead before anyone sends ({@link TsungXml#LEAD_SECONDS}).
         */
        public double sendingSeconds() {
            return seconds - TsungXml.QUIET_SECONDS - TsungXml.LEAD_SECONDS;
        }

        /** One line: "100 msg/s: 1500 sent of 1500, server 1500 in, 1500 delivered (100.0 %) in 18.1 s; 500 users; Tsung CPU 1.2 s". */
        @Override
        public String toString() {
            return Format.decimal(rate) + " msg/s: " + sent + " sent of " + planned + ", server " + received + " in, " + delivered + " delivered ("
                    + (sent == 0 ? "-" : Format.decimal(100.0 * delivered / sent)) + " %) in " + Format.decimal(seconds) + " s; "
                    + users + " users; Tsung CPU " + Format.decimal(cpuSeconds) + " s" + (silent.isEmpty() ? "" : "; no answer from " + silent);
        }
    }
}
