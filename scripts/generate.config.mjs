// What the generator needs to know beyond spec/methods.json: which package each API lands in,
// which methods are hand-written (special wire handling), and request fields whose docs type is
// too loose ("object") where a hand-written type from the package's src/types is the truth.

/** @type {Record<string, { pkg: string, prefix: string, classes: Record<string, string>, handWritten?: Record<string, string[]>, typeOverrides?: Record<string, string> }>} */
export default {
  agent: {
    pkg: 'agent',
    prefix: 'Agent',
    classes: { web: 'AgentWebMethods', rtm: 'AgentRTMMethods' },
    // upload_file: multipart; login/update_session: the token comes from the getter (core RTM).
    handWritten: { web: ['upload_file'], rtm: ['login', 'update_session'] },
    typeOverrides: {},
  },
  customer: {
    pkg: 'customer',
    prefix: 'Customer',
    classes: { web: 'CustomerWebMethods', rtm: 'CustomerRTMMethods' },
    handWritten: { web: ['upload_file'], rtm: ['login'] },
    typeOverrides: {},
  },
  configuration: {
    pkg: 'configuration',
    prefix: 'Configuration',
    classes: { web: 'ConfigurationMethods' },
    handWritten: { web: [] },
    typeOverrides: {},
  },
  reports: {
    pkg: 'reports',
    prefix: 'Reports',
    classes: { web: 'ReportsMethods' },
    handWritten: { web: [] },
    typeOverrides: {},
  },
};
