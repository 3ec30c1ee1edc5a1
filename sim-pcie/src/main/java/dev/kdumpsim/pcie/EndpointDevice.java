package dev.kdumpsim.pcie;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A (possibly multi-function) endpoint device on one link below a root or downstream port.
 * Functions share the link and its receiver, so errors the port detects before a TLP reaches a
 * function (Malformed TLP) are logged according to {@link MfdErrorLogging}.
 */
public final class EndpointDevice {

    private final EndpointParams params;
    private final PcieBridge upstreamPort;
    private final EndpointFunction[] functions;

    EndpointDevice(RootComplex rc, PcieBridge upstreamPort, int bus, int deviceNumber, EndpointParams params) {
        this.params = params;
        this.upstreamPort = upstreamPort;
        this.functions = new EndpointFunction[params.functions()];
        for (int f = 0; f < functions.length; f++) {
            functions[f] = new EndpointFunction(rc, this, Bdf.of(bus, deviceNumber, f), params);
        }
    }

    public EndpointParams params() {
        return params;
    }

    /** The port whose secondary link this device sits on. */
    public PcieBridge upstreamPort() {
        return upstreamPort;
    }

    public EndpointFunction function(int n) {
        return functions[n];
    }

    public int functionCount() {
        return functions.length;
    }

    public List<EndpointFunction> functions() {
        List<EndpointFunction> l = new ArrayList<>(functions.length);
        Collections.addAll(l, functions);
        return Collections.unmodifiableList(l);
    }

    /** Whether any function is wedged. */
    public boolean isWedged() {
        for (EndpointFunction f : functions) {
            if (f.isWedged()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs an error that is not specific to a function (detected by the shared receiver).
     * PCIe Base Spec §6.2.4 (r2.1+): such errors are logged in every function; see
     * {@link MfdErrorLogging} and docs/model-pcie.md.
     */
    void logNonFunctionSpecific(EndpointFunction receiver, int bit, int dw0, int dw1, int dw2, int dw3) {
        switch (params.mfdErrorLogging()) {
            case FUNCTION_ZERO:
                functions[0].logInThisFunction(bit, dw0, dw1, dw2, dw3);
                break;
            case RECEIVING_FUNCTION:
                receiver.logInThisFunction(bit, dw0, dw1, dw2, dw3);
                break;
            case ALL_FUNCTIONS:
            default:
                for (EndpointFunction f : functions) {
                    f.logInThisFunction(bit, dw0, dw1, dw2, dw3);
                }
                break;
        }
    }

    void linkDown() {
        for (EndpointFunction f : functions) {
            f.linkDown();
        }
    }

    void linkTrained() {
        for (EndpointFunction f : functions) {
            f.linkTrained();
        }
    }
}
