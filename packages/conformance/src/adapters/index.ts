import type { ConformanceAdapter } from "../adapter.js";
import { omletAdapter } from "./omlet.js";
import { openappAdapter } from "./openapp.js";
import { overkizBearerAdapter, overkizSessionAdapter } from "./overkiz.js";

/** Every façade the suite runs against; a new façade needs an entry here (discovery enforces it). */
export const adapters: readonly ConformanceAdapter[] = [
  openappAdapter,
  omletAdapter,
  overkizBearerAdapter,
  overkizSessionAdapter,
] as readonly ConformanceAdapter[];
