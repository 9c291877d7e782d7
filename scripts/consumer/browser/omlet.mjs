// Browser bundle entry for @openapp/omlet: the page calls __run(baseUrl) against the CORS proxy in front of Prism.
import * as sdk from "@openapp/omlet";
import { callOmlet } from "../calls.mjs";

globalThis.__run = (baseUrl) => callOmlet(sdk, baseUrl);
