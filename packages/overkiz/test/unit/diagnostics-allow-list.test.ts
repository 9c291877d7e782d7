import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_ALLOWED_KEYS, OverkizClient, isSensitiveStateName, maskIdentifier, obfuscateSensitiveData } from "../../src/index.js";
import { GATEWAY, ROOM_OID, actionGroupsAnswer, setupAnswer } from "../fixtures/diagnostic-installation.js";
import { TEST_SERVER, json, scriptedFetch } from "../helpers.js";

interface Leaf {
  key: string;
  value: string | number;
  /** The `name` beside the value, for `{ name, value }` pairs. */
  pairName: unknown;
}

function leaves(node: unknown, key = "", pairName: unknown = undefined, found: Leaf[] = []): Leaf[] {
  if (Array.isArray(node)) for (const item of node) leaves(item, key, undefined, found);
  else if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    for (const [childKey, child] of Object.entries(record)) leaves(child, childKey, record.name, found);
  } else if (typeof node === "string" || typeof node === "number") found.push({ key, value: node, pairName });
  return found;
}

/** On the allow list: technical keys, except a `value` whose `name` says it is personal. */
function allowed({ key, pairName }: Leaf): boolean {
  if (!DIAGNOSTIC_ALLOWED_KEYS.has(key)) return false;
  if (key !== "value") return true;
  return !isSensitiveStateName(pairName) && !/Id$|OID$|URL$/.test(String(pairName));
}

const input = { setup: setupAnswer, actionGroups: actionGroupsAnswer };

describe("diagnostic masking", () => {
  it("lets no value of the input survive unless it is on the allow list", () => {
    const masked = obfuscateSensitiveData(input);
    const outputStrings = leaves(masked).map((leaf) => String(leaf.value));
    const mustNotSurvive = leaves(input).filter((leaf) => !allowed(leaf) && !(typeof leaf.value === "number" && !/itude$/.test(leaf.key)));

    const survivors = mustNotSurvive.filter(({ value }) => {
      const text = String(value);
      return outputStrings.some((out) => out === text || (text.length >= 4 && out.includes(text)));
    });
    expect(survivors).toEqual([]);
    // The check is not vacuous: the fixture carries plenty of personal data.
    expect(mustNotSurvive.length).toBeGreaterThan(40);
  });

  it("keeps what helps debugging", () => {
    const masked = obfuscateSensitiveData(input);
    const device = masked.setup.devices[0];
    expect(device).toMatchObject({ controllableName: "io:RollerShutterGenericIOComponent", uiClass: "RollerShutter", type: 1, available: true });
    expect(device?.states[1]).toEqual({ name: "core:ClosureState", type: 1, value: 64 });
    expect(masked.setup.location).toMatchObject({ timezone: "Europe/Paris", twilightAngle: "CIVIL", dawnOffset: 0 });
    expect(masked.actionGroups[0]?.actions[0]?.commands[0]).toEqual({ type: 1, name: "setClosure", parameters: [100] });
  });

  it("masks the same value the same way everywhere, so references still line up", () => {
    const masked = obfuscateSensitiveData(input);
    const gateway = maskIdentifier(GATEWAY);
    expect(gateway).toBe("****-****-5519");
    expect(masked.setup.id).toBe(`SETUP-${gateway}`);
    expect(masked.setup.gateways[0]?.gatewayId).toBe(gateway);
    expect(masked.setup.devices[0]?.deviceURL).toBe(`io://${gateway}/11530952`);
    expect(masked.actionGroups[0]?.actions[0]?.deviceURL).toBe(`io://${gateway}/11530952`);
    expect(masked.setup.zones[0]?.items[0]?.deviceURL).toBe(`io://${gateway}/11530952`);
    const room = maskIdentifier(ROOM_OID);
    expect(room).toBe("********-****-****-****-********4a17");
    expect(masked.setup.rootPlace.subPlaces[0]?.oid).toBe(room);
    expect(masked.setup.devices[0]?.placeOID).toBe(room);
    expect(masked.setup.devices[0]?.label).toBe(masked.setup.devices[0]?.states[0]?.value);
    expect(masked.setup.devices[2]?.deviceURL).toBe("myfox://SOMFY_PROTECT-******L1AB/siteid-7744");
    expect(masked.actionGroups[0]?.owner).toBe("c****@****e.org");
    expect(masked.setup.disconnectionConfiguration.targetPushSubscriptions).toEqual(["***"]);
  });

  it("getDiagnosticData applies it to both answers", async () => {
    const script = scriptedFetch({ "GET /setup": [json(200, setupAnswer)], "GET /actionGroups": [json(200, actionGroupsAnswer)] });
    const client = new OverkizClient({ server: TEST_SERVER, credentials: { token: "diag-token" }, fetch: script.fetch });
    expect(await client.getDiagnosticData({ maskSensitiveData: true })).toEqual(obfuscateSensitiveData({ setup: setupAnswer, actionGroups: actionGroupsAnswer }));
  });
});
