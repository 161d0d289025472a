import type { BroadcastService } from "../broadcasts/broadcast-service.js";
import type { Clock } from "../clock.js";
import type { ChatTexts } from "../content/chat-texts.js";
import type { FaqEngine } from "../faq/faq-engine.js";
import type { LoopServices } from "../loop/build-loop-services.js";
import type { PeopleServices } from "../people/people-services.js";
import type { DialogSessionStore } from "../stores/dialog-session-store.js";
import type { PersonalDataEraser } from "../privacy/personal-data-eraser.js";
import type { UnansweredStore } from "../stores/unanswered-store.js";

/**
 * What handlers may use. Handlers never reach HTTP or SQL themselves: each feature adds its
 * service here (an interface owned by the feature) and builds it in build-services.ts.
 */
export interface Services {
  clock: Clock;
  /** The chat sentences outside the FAQ (content/messages.yaml `chat:`). */
  texts: ChatTexts;
  dialogs: DialogSessionStore;
  /** Erases a person from every table (#xoa, user_withdraw); see src/privacy/personal-data-registry.ts. */
  privacy: PersonalDataEraser;
  /** FAQ retrieval and answers from content/faq.yaml and messages.yaml. */
  faq: FaqEngine;
  /** Questions the bot could not answer, for officers. */
  unanswered: UnansweredStore;
  /** Officers close the loop: the queue, reply, teach, human takeover, quality figures (src/loop/). */
  loop: LoopServices;
  /** Units, officers, completion reports and progress (src/people/). */
  people: PeopleServices;
  /** Reminder broadcasts to the groups of units behind pace (src/broadcasts/). */
  broadcasts: BroadcastService;
}
