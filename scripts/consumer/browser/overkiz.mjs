// Browser bundle entry for @openapp/overkiz: the page calls __run(baseUrl) against the CORS proxy in front of Prism.
import * as sdk from "@openapp/overkiz";
import { callOverkiz } from "../calls.mjs";

globalThis.__run = (baseUrl) => callOverkiz(sdk, baseUrl, "include");
