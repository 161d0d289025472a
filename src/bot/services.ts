import type { Clock } from "../clock.js";
import type { Logger } from "../observability/logger.js";
import type { DialogSessionStore } from "../stores/dialog-session-store.js";

/**
 * What handlers may use. Handlers never reach axios or SQL themselves: each feature adds its
 * service here (an interface owned by the feature) and builds it in build-services.ts.
 */
export interface Services {
  clock: Clock;
  logger: Logger;
  dialogs: DialogSessionStore;
}
