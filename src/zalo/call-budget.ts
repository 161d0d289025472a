/** Whose call it is: replies to residents go first, reminders take what is left, the rest (history reads, token refresh) count too. */
export type ApiLane = "reply" | "reminder" | "system";

/**
 * The OA's one budget of Open API calls per minute (ZALO_API_RATE_PER_MIN), shared by every process.
 * take() resolves when the call may go (waiting for the next window when the lane's share is used up);
 * rateLimited() is Zalo's -32: everything pauses until the next minute.
 */
export interface CallBudget {
  take(lane: ApiLane): Promise<void>;
  rateLimited(): void;
}
