/**
 * The longest delay a timer takes (2^31 - 1 ms, about 24.8 days): `setTimeout` fires at once for
 * anything longer, so longer timeouts are refused or clamped to it (`Infinity`: never).
 */
export const MAX_DELAY = 2_147_483_647;
