// The API packages' generated wire tables, for the core tests that check how the Web client reads
// them (core itself knows no action: each package hands its table over).
import { AGENT_WIRE } from '../../../agent/src/generated/wire.js';
import { CONFIGURATION_WIRE } from '../../../configuration/src/generated/wire.js';
import { CUSTOMER_WIRE } from '../../../customer/src/generated/wire.js';
import { REPORTS_WIRE } from '../../../reports/src/generated/wire.js';

export const WIRE = {
  agent: AGENT_WIRE,
  customer: CUSTOMER_WIRE,
  configuration: CONFIGURATION_WIRE,
  reports: REPORTS_WIRE,
};
