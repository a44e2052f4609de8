import { CircuitState } from '../telemetry/metric-names';
import { recordRetry, setCircuitState, startOperationSeries } from '../telemetry/metrics';
import { CircuitStateName, IsalesPolicies } from './isales-policies';
import { ISALES_OPERATIONS } from './operations.catalogue';

const GAUGE_STATES: Readonly<Record<CircuitStateName, CircuitState>> = {
  closed: 'closed',
  open: 'open',
  'half-open': 'half_open',
  // Isolated is an operator's manual open; the gateway never isolates, but it is open all the same.
  isolated: 'open',
};

/** isales_retries_total, isales_circuit_state and isales_circuits_open follow the policies' own events. */
export function exportPolicyMetrics(policies: IsalesPolicies): void {
  startOperationSeries(ISALES_OPERATIONS);
  policies.onRetry(({ operation }) => recordRetry(operation));
  for (const { operation, state, open } of policies.summaries()) setCircuitState(operation, GAUGE_STATES[state], open);
  policies.onCircuitChange(({ operation, state, open }) => setCircuitState(operation, GAUGE_STATES[state], open));
}
