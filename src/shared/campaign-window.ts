/** The campaign's start and end instants (from content/campaign.yaml), for phase, pace and reminders. */
export interface CampaignWindow {
  start: Date;
  end: Date;
}
