/**
 * What other test packages (the fault suite) take from the conformance suite: the adapters that
 * build each façade's client against a loopback server, and the secret scan.
 */
export type { CallOptions, ConformanceAdapter, Operation, VendorErrors } from "./adapter.js";
export { adapters } from "./adapters/index.js";
export { omletAdapter } from "./adapters/omlet.js";
export { openappAdapter } from "./adapters/openapp.js";
export { overkizBearerAdapter, overkizSessionAdapter } from "./adapters/overkiz.js";
export { deepInspect, errorViews, findLeaks, logLineView } from "./secrets.js";
