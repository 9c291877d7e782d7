/**
 * Past executions (`/history/executions`): every wire field kept, the enums typed (a value this
 * SDK does not know becomes `UNKNOWN`, logged) and the failure named.
 */
import type { Logger, Simplify } from "@openapp/core";
import type { FailureType } from "@openapp/overkiz-generated/catalogue";
import { ExecutionState, ExecutionSubType, ExecutionType, enumValue } from "./enums.js";
import { isWireObject } from "./wire-object.js";
import type { Schemas, WireHistoryExecution } from "./wire-types.js";

/** The spec's `HistoryCommand` schema, as on the wire. */
export type WireHistoryCommand = Schemas["HistoryCommand"];

/** Failure type names as the wire sends them (`NO_FAILURE`, `CMDCANCELLED`); unknown ones are kept. */
export type FailureTypeName = keyof typeof FailureType | (string & {});

/** One command of a past execution, typed. */
export type HistoryCommand = Simplify<
  Omit<WireHistoryCommand, "state" | "failureType"> & {
    /** State the command reached; `UNKNOWN` for a value this SDK does not know. */
    state?: ExecutionState;
    /** Why the command failed, e.g. `CMDCANCELLED`; `NO_FAILURE` when it did not. */
    failureType?: FailureTypeName;
  }
>;

/** A past execution with its commands, its enums typed and its failure named. */
export type HistoryExecution = Simplify<
  Omit<WireHistoryExecution, "state" | "executionType" | "executionSubType" | "failureType" | "commands"> & {
    /** Final state of the execution; `UNKNOWN` for a value this SDK does not know. */
    state: ExecutionState;
    /** How the execution was started, e.g. `Immediate execution`. */
    executionType?: ExecutionType;
    /** Finer kind of execution, e.g. `MANUAL_CONTROL`. */
    executionSubType?: ExecutionSubType;
    /** Why the execution failed, e.g. `CMDCANCELLED`; `NO_FAILURE` when it did not. */
    failureType?: FailureTypeName;
    /** The commands the execution ran (`[]` when the server sent none). */
    commands: HistoryCommand[];
  }
>;

function failureFields(name: unknown): { failureType?: string } {
  return typeof name === "string" ? { failureType: name } : {};
}

/** Types a wire history execution (unknown enum values logged). */
export function parseHistoryExecution(raw: WireHistoryExecution, logger?: Logger): HistoryExecution {
  const { state, executionType, executionSubType, failureType, commands, ...rest } = raw;
  const execution: HistoryExecution = {
    ...rest,
    ...failureFields(failureType),
    state: enumValue(ExecutionState, state, "execution state", logger),
    commands: (Array.isArray(commands) ? commands : []).filter(isWireObject).map((command) => {
      const { state: commandState, failureType: commandFailure, ...commandRest } = command as WireHistoryCommand;
      const typed: HistoryCommand = { ...commandRest, ...failureFields(commandFailure) };
      if (commandState !== undefined) typed.state = enumValue(ExecutionState, commandState, "execution state", logger);
      return typed;
    }),
  };
  if (executionType !== undefined) execution.executionType = enumValue(ExecutionType, executionType, "execution type", logger);
  if (executionSubType !== undefined) execution.executionSubType = enumValue(ExecutionSubType, executionSubType, "execution sub-type", logger);
  return execution;
}

