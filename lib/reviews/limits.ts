// Limits shared by the review forms (browser) and the server.
/** "At most a few" action items per review: small goals the mentee can finish before the next one. */
export const MAX_ACTIONS = 5;
