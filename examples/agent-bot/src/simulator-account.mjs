// @ts-check
// On the platform a bot cannot log in over RTM ("Establishing a WebSocket connection as a bot is currently
// unsupported"), so this example runs on an agent account. Against the simulator, `simulatorAccount()`
// makes one: an agent named like a bot, created with the Configuration API as an owner would.

/**
 * Creates an agent account on a simulator (Configuration `create_agent` with the owner's PAT, group 0 at
 * priority `first`, so chats reach it first) and returns a token getter for it.
 *
 * @param {import('@lc/testing').Simulator} sim
 * @param {string} [name] The account's display name (default `ChatBot`).
 * @returns {Promise<import('@lc/core').TokenGetter>}
 */
export async function simulatorAccount(sim, name = 'ChatBot') {
  const owner = sim.agents[0];
  if (!owner) throw new Error('the simulator has no owner');
  const id = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`;
  const response = await fetch(`${sim.url}/v3.6/configuration/action/create_agent`, {
    method: 'POST',
    headers: { authorization: `Basic ${owner.basicAuth}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id, name, groups: [{ id: 0, priority: 'first' }] }),
  });
  if (!response.ok) throw new Error(`create_agent failed: ${response.status} ${await response.text()}`);
  const accessToken = sim.issueAgentToken(id);
  return () => ({ accessToken, organizationID: sim.organizationId, tokenType: 'Bearer' });
}
