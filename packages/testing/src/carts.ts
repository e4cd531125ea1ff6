// Customer carts (the Agent Chat API Customer's `carts`, `customer_updated` with `cart`). The platform
// gets them from store integrations (e.g. Shopify), which the simulator does not have, and no API
// action sets them: a test plays the store with `sim.updateCart()`.
import type { Platform } from './platform.js';
import { clone, isObject } from './util.js';
import { cartUpdated } from './customer-updates.js';

/** The documented fields of the Cart structure and their JSON types (`float` and `number` are numbers). */
const CART_FIELDS = {
  store_uuid: 'string',
  store_platform: 'string',
  customer_signed_in: 'boolean',
  subtotal: 'number',
  total: 'number',
  subtotal_usd: 'number',
  total_usd: 'number',
  currency: 'string',
} as const;
const ITEM_FIELDS = ['id', 'quantity', 'variant_id'] as const;

interface JsonTypes {
  string: string;
  number: number;
  boolean: boolean;
}

/** A cart as the Cart and Cart Item structures document it (the type follows the field tables above). */
export type CartRecord = { -readonly [F in keyof typeof CART_FIELDS]: JsonTypes[(typeof CART_FIELDS)[F]] } & {
  items: Array<Record<(typeof ITEM_FIELDS)[number], number>>;
  /** RFC 3339. */
  last_updated_at: string;
};

/** A cart as a store integration reports it; `last_updated_at` defaults to now. */
export type CartInput = Omit<CartRecord, 'last_updated_at'> & { last_updated_at?: string };

/** The cart, checked against the Cart and Cart Item structures (a TypeError names the bad field). */
function cartOf(input: unknown, now: string): CartRecord {
  if (!isObject(input)) throw new TypeError('A cart must be an object');
  for (const [field, type] of Object.entries(CART_FIELDS)) {
    if (typeof input[field] !== type) throw new TypeError(`Cart field "${field}" must be a ${type}`);
  }
  const items = input.items;
  if (!Array.isArray(items)) throw new TypeError('Cart field "items" must be an array of Cart Items');
  for (const item of items) {
    if (!isObject(item) || !ITEM_FIELDS.every((f) => typeof item[f] === 'number'))
      throw new TypeError(`Each cart item needs the numbers ${ITEM_FIELDS.join(', ')}`);
  }
  const at = input.last_updated_at ?? now;
  if (typeof at !== 'string') throw new TypeError('Cart field "last_updated_at" must be an RFC 3339 string');
  // Built from the checked primitives only: nothing of the caller's objects is kept.
  const cart = Object.fromEntries(Object.keys(CART_FIELDS).map((f) => [f, input[f]]));
  return {
    ...cart,
    items: items.map((item) => Object.fromEntries(ITEM_FIELDS.map((f) => [f, item[f]]))),
    last_updated_at: at,
  } as CartRecord;
}

/** Stores a customer's cart (one per `store_uuid`, the newest replacing the older) and announces it. */
export function updateCart(p: Platform, customerId: string, input: CartInput): CartRecord {
  const customer = p.customer(customerId);
  const cart = cartOf(input, p.store.clock.timestamp());
  const index = customer.carts.findIndex((c) => c.store_uuid === cart.store_uuid);
  if (index < 0) customer.carts.push(cart);
  else customer.carts[index] = cart;
  cartUpdated(p, customer, cart);
  return clone(cart);
}
