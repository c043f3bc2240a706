import { defineActions } from '../../../platform/auth/permissions.js';

/** Reporting actions. Aggregates are public anyway (statistics page); staff see drill-downs and files. */
export const REPORTING_ACTIONS = {
  read: 'reporting.indicators.read',
  generate: 'reporting.report.generate',
  scenarioWrite: 'reporting.scenario.write',
} as const;

defineActions({
  [REPORTING_ACTIONS.read]: {
    roles: ['municipal_officer', 'regional_admin', 'auditor', 'sysadmin'],
    description:
      'Read indicators, exports, monthly reports and the demand forecast (an officer: own municipality)',
  },
  [REPORTING_ACTIONS.generate]: {
    roles: ['regional_admin', 'sysadmin'],
    description: 'Generate a monthly report file now',
  },
  [REPORTING_ACTIONS.scenarioWrite]: {
    roles: ['municipal_officer', 'regional_admin'],
    description: 'Save a what-if forecast scenario',
  },
});
