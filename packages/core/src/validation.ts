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
