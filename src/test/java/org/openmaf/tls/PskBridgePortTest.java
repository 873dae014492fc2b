package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The bridge's loopback server starts before the MAF's listeners open, on a port the kernel offers: never one of theirs
 * (CI once saw the management interface fail to bind the port the kernel had just offered the bridge).
 */
class PskBridgePortTest {

    @Test
    void aPortOfTheMafsListenersIsPassedOver() throws Exception {
        Iterator<Integer> offered = List.of(9000, 8444, 41235).iterator();

        assertThat(PskBridge.portOutside(Set.of(8443, 8444, 9000), offered::next)).isEqualTo(41235);
    }

    @Test
    void anyOtherPortIsTakenAtOnce() throws Exception {
        Iterator<Integer> offered = List.of(41235, 9000).iterator();

        assertThat(PskBridge.portOutside(Set.of(8443, 8444, 9000), offered::next)).isEqualTo(41235);
    }
}
