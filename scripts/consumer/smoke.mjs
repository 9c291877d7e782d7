// ESM consumer: imports every public entry by name, checks them, makes one call per SDK.
// Usage: <runtime> smoke.mjs '<urls json>' [--browser-safe]  → one JSON array of result rows on stdout.
import * as core from "@openapp/core";
import * as sdk from "@openapp/sdk";
import * as omlet from "@openapp/omlet";
import * as overkiz from "@openapp/overkiz";
import * as openappGenerated from "@openapp/openapp-generated";
import * as openappZod from "@openapp/openapp-generated/zod";
import * as omletGenerated from "@openapp/omlet-generated";
import * as omletZod from "@openapp/omlet-generated/zod";
import * as overkizGenerated from "@openapp/overkiz-generated";
import * as overkizZod from "@openapp/overkiz-generated/zod";
import { callAll } from "./calls.mjs";
import { entryChecks } from "./entries.mjs";

const argv = typeof Deno !== "undefined" ? Deno.args : process.argv.slice(2);
const urls = JSON.parse(argv[0]);
const entries = {
  "@openapp/core": core,
  "@openapp/core/node": await import("@openapp/core/node"),
  "@openapp/sdk": sdk,
  "@openapp/sdk/node": await import("@openapp/sdk/node"),
  "@openapp/omlet": omlet,
  "@openapp/overkiz": overkiz,
  "@openapp/overkiz/node": await import("@openapp/overkiz/node"),
  "@openapp/overkiz/catalogue": await import("@openapp/overkiz/catalogue"),
  "@openapp/openapp-generated": openappGenerated,
  "@openapp/openapp-generated/zod": openappZod,
  "@openapp/omlet-generated": omletGenerated,
  "@openapp/omlet-generated/zod": omletZod,
  "@openapp/overkiz-generated": overkizGenerated,
  "@openapp/overkiz-generated/zod": overkizZod,
};
const rows = [...(await entryChecks(entries)), ...(await callAll({ sdk, omlet, overkiz }, urls))];
console.log(JSON.stringify(rows));
