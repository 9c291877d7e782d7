import type { Logger, Simplify } from "@openapp/core";
import type { WireExecution } from "./wire-types.js";
import { ExecutionState, ExecutionSubType, ExecutionType, enumValue } from "./enums.js";

/** An execution in progress, with its state and types mapped onto the SDK enums. */
export type Execution = Simplify<
  Omit<WireExecution, "state" | "executionType" | "executionSubType"> & {
    /** Where the execution is now, e.g. `IN_PROGRESS`; `UNKNOWN` for a value this SDK does not know. */
    state: ExecutionState;
    /** How the execution was started, e.g. `Immediate execution`. */
    executionType?: ExecutionType;
    /** Finer kind of execution, e.g. `MANUAL_CONTROL`. */
    executionSubType?: ExecutionSubType;
  }
>;

/** Types a wire execution: state, type and sub-type as enum values (unknown ones logged). */
export function parseExecution(raw: WireExecution, logger?: Logger): Execution {
  const { state, executionType, executionSubType, ...rest } = raw;
  const execution: Execution = { ...rest, state: enumValue(ExecutionState, state, "execution state", logger) };
  if (executionType !== undefined) execution.executionType = enumValue(ExecutionType, executionType, "execution type", logger);
  if (executionSubType !== undefined) {
    execution.executionSubType = enumValue(ExecutionSubType, executionSubType, "execution sub-type", logger);
  }
  return execution;
}

/** Cloud answers `{}` and the local API `[]` for an execution that is not running. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}
