import type { Campaign } from "../content/campaign.js";
import { loadFaqContent } from "../content/faq-content.js";
import type { Db } from "../db/database.js";
import { UnansweredStore } from "../stores/unanswered-store.js";
import { FaqEngine } from "./faq-engine.js";

export interface FaqServices {
  faq: FaqEngine;
  unanswered: UnansweredStore;
}

/** Loads the FAQ from content/ (throws ContentError when invalid, so a bad edit stops start-up) and the store. */
export function buildFaqServices(campaign: Campaign, contentDir: string, db: Db): FaqServices {
  const faq = new FaqEngine(campaign, loadFaqContent(contentDir, campaign));
  return { faq, unanswered: new UnansweredStore(db) };
}
