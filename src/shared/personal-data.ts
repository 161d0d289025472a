/**
 * What every module that stores personal data implements, so `#xoa` and Zalo's `user_withdraw` erase a person
 * everywhere (Decree 13/2023/NĐ-CP). Every table is classified in personal-data-registry.ts.
 */

/** Whom to forget: their Zalo user id and the names the bot holds for them (to scrub mentions by others). */
export interface Person {
  id: string;
  names: string[];
}

/** `request`: the person typed #xoa. `withdraw`: they withdrew consent in Zalo (officer rights go too). */
export type ErasureReason = "request" | "withdraw";

/** How many of each kind of thing went, by kind (e.g. { completion: 1, messages: 3 }). */
export type ErasureCounts = Record<string, number>;

export interface PersonalDataOwner {
  /** Names this module holds for the person, read before anything is erased (e.g. a completion's full name). */
  namesOf?(userId: string): string[];
  /** Erases or anonymises the person's rows; runs inside the eraser's transaction. */
  forget(person: Person, why: ErasureReason): ErasureCounts;
}

/** Stands where a forgotten person's name was, in texts kept for others (group messages, questions). */
export const NAME_PLACEHOLDER = "[tên đã xoá]";
/** Replaces the bot's group reply to a forgotten person (it may repeat their words). */
export const WORDS_PLACEHOLDER = "[Nội dung đã xoá theo yêu cầu của người gửi]";
