import { ValidationError, type ValidationIssue } from "./errors.js";

/**
 * The slice of a zod schema the SDK needs. Typed structurally so core does not depend on
 * zod; any library with a compatible `safeParse` works.
 */
export interface SafeParseSchema<T> {
  /** Checks `data`; zod schemas fit as they are. */
  safeParse(data: unknown):
    | {
        /** The data matched. */
        success: true;
        /** The parsed value. */
        data: T;
      }
    | {
        /** The data did not match. */
        success: false;
        /** Why it did not match. */
        error: {
          /** One entry per problem. */
          issues: ReadonlyArray<{
            /** Where in the data: keys and indexes from the root. */
            path: ReadonlyArray<PropertyKey>;
            /** What is wrong there. */
            message: string;
          }>;
        };
      };
}

function formatIssue(issue: ValidationIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
  return `${path}: ${issue.message}`;
}

/** Returns the parsed value or throws a ValidationError listing where the data went wrong. */
export function validateWith<T>(schema: SafeParseSchema<T>, data: unknown, what = "Response"): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: [...issue.path], message: issue.message }));
  const shown = issues.slice(0, 3).map(formatIssue).join("; ");
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  throw new ValidationError(`${what} failed validation: ${shown}${more}`, { issues });
}
