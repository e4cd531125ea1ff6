// Widget helpers on top of the Customer clients: each one its own module, so a page pays only for
// the ones it imports.
export { chatHistory, type ChatHistoryClient, type ChatHistoryOptions } from './history.js';
export {
  cancelRating,
  rateChat,
  ratingOf,
  type CancelRatingInput,
  type ChatRating,
  type RateChatInput,
  type RatingClient,
} from './rating.js';
export { greetingActions, onGreeting, type GreetingActions, type GreetingClient } from './greetings.js';
export {
  connectionStatus,
  type ConnectionStatus,
  type ConnectionStatusObservable,
  type StatusSource,
} from './status.js';
export type { UploadOptions, UploadProgress } from './upload.js';
export { debugClient, type DebugLog } from './debug.js';
