import { describe, expect, it } from "vitest";
import { ExecutionState, ExecutionSubType, ExecutionType, GatewaySubType, GatewayType, parseEvents, parseExecution, parseGateway } from "../../src/index.js";
import { FailureType, failureTypeCode, failureTypeName } from "../../src/catalogue/index.js";
import { recordingLogger } from "@openapp/testing";

// Codes a newer server may send that this SDK version does not know map to the enum's UNKNOWN
// member, as pyoverkiz's enums do; the code itself stays readable where the wire sent it.
describe("unknown codes", () => {
  it("names a gateway sub-type this SDK does not know UNKNOWN and keeps the code", () => {
    const { logger, lines } = recordingLogger();
    const gateway = parseGateway(
      { gatewayId: "0812-4471-3305", type: 98, subType: 99, alive: true, connectivity: { status: "OK", protocolVersion: "2025.3.2-9" } },
      logger,
    );
    expect(gateway).toMatchObject({ type: 98, typeName: "TAHOMA_SWITCH", subType: 99, subTypeName: "UNKNOWN", subTypeLabel: "Unknown" });
    expect(GatewaySubType[gateway.subTypeName ?? "TAHOMA_BASIC"]).toBe(GatewaySubType.UNKNOWN);
    expect(lines).toContainEqual({ level: "debug", message: "unknown gateway sub-type", fields: { code: 99 } });
  });

  it("names an unknown gateway type UNKNOWN and leaves sub-type 0 (none) unnamed", () => {
    const gateway = parseGateway({ gatewayId: "0812-4471-3306", type: 250, subType: 0, connectivity: { status: "OK", protocolVersion: "1" } });
    expect(gateway).toMatchObject({ type: 250, typeName: "UNKNOWN", typeLabel: "Unknown", subType: 0 });
    expect(GatewayType[gateway.typeName ?? "TAHOMA"]).toBe(GatewayType.UNKNOWN);
    expect(gateway).not.toHaveProperty("subTypeName");
  });

  it("names failure code 99 UNKNOWN and an unknown failure name the UNKNOWN code", () => {
    expect(failureTypeName(99)).toBe("UNKNOWN");
    expect(failureTypeName(106)).toBe("CMDCANCELLED");
    expect(failureTypeCode("SOME_FUTURE_FAILURE")).toBe(FailureType.UNKNOWN);
    expect(failureTypeCode("CMDCANCELLED")).toBe(106);
  });

  it("reads the failure code of an execution event through the catalogue, UNKNOWN included", () => {
    const [event] = parseEvents([
      {
        name: "ExecutionStateChangedEvent",
        timestamp: 1_733_500_000_000,
        setupOID: "741b2c6e-9a63-4f0e-b0e4-1f2d3c4b5a69",
        execId: "a1b2c3d4-0000-1000-8000-00aa00bb00cc",
        newState: "FAILED",
        oldState: "IN_PROGRESS",
        timeToNextState: -1,
        failureType: "SOME_FUTURE_FAILURE",
        failureTypeCode: 99,
      },
    ]);
    if (event?.kind !== "executionStateChanged") throw new Error("expected an execution state change");
    expect(event.newState).toBe(ExecutionState.FAILED);
    expect(event.raw.failureTypeCode).toBe(99);
    expect(failureTypeName(event.failureTypeCode ?? 0)).toBe("UNKNOWN");
  });

  it("maps unknown execution states, types and sub-types to UNKNOWN and warns", () => {
    const { logger, lines } = recordingLogger();
    const execution = parseExecution(
      {
        id: "a1b2c3d4-0000-1000-8000-00aa00bb00cd",
        owner: "someone@example.test",
        state: "PAUSED_BY_SERVER",
        executionType: "Voice execution",
        executionSubType: "VOICE_ASSISTANT",
        actionGroup: { label: "Close all", actions: [] },
      } as never,
      logger,
    );
    expect(execution).toMatchObject({ state: ExecutionState.UNKNOWN, executionType: ExecutionType.UNKNOWN, executionSubType: ExecutionSubType.UNKNOWN });
    expect(lines.map((line) => line.fields?.value)).toEqual(["PAUSED_BY_SERVER", "Voice execution", "VOICE_ASSISTANT"]);
  });
});
