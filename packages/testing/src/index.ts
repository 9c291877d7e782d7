export { freePort } from "./free-port.js";
export { chaosSeeds, seededRandom, type SeededRandom } from "./chaos.js";
export { recordProcessWarnings, type ProcessWarningRecorder } from "./process-warnings.js";
export { prismGlobalSetup, type GlobalSetupContext } from "./global-setup.js";
export { startPrism, type PrismOptions, type PrismServer } from "./prism.js";
export { fromRepo, repoRoot } from "./repo.js";
export { ScriptedServer, closedPort, readBody, type Received, type Reply, type Responder } from "./server.js";
export { createTestAuthority, type TestAuthority, type TlsIdentity } from "./pki.js";
export { recordingLogger, type LogLine, type RecordingLoggerSink } from "./logger.js";
export { sampleRequests, sampleValue, type SampleRequest } from "./sample.js";
export {
  contractRecorder,
  operationMatcher,
  violationRecorder,
  type Violation,
  type ViolationRecorder,
  type ContractRecorder,
  type Exchange,
  type OperationRoute,
  type RecordingMiddleware,
} from "./contract.js";
export { type Answer, json, noContent, routedFetch, scriptedFetch, sequenceFetch, steppedFetch, type SentRequest } from "./fetch-doubles.js";
export { importMinified, exportedErrors } from "./minified.js";
export { settledHeap } from "./heap.js";
