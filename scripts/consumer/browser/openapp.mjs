// Browser bundle entry for @openapp/sdk: the page calls __run(baseUrl) against the CORS proxy in front of Prism.
import * as sdk from "@openapp/sdk";
import { callOpenApp } from "../calls.mjs";

globalThis.__run = (baseUrl) => callOpenApp(sdk, baseUrl);
