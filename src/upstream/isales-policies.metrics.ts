import { CircuitState as BreakerState } from 'cockatiel';
import { CircuitState } from '../telemetry/metric-names';
import { recordRetry, setCircuitState } from '../telemetry/metrics';
import { ISALES_OPERATIONS } from './isales-operation';
import { IsalesPolicies } from './isales-policies';

const GAUGE_STATES: Readonly<Record<BreakerState, CircuitState>> = {
  [BreakerState.Closed]: 'closed',
  [BreakerState.Open]: 'open',
  [BreakerState.HalfOpen]: 'half_open',
  // Isolated is an operator's manual open; the gateway never isolates, but it is open all the same.
  [BreakerState.Isolated]: 'open',
};

/** isales_retries_total and isales_circuit_state follow the policies' own events. */
export function exportPolicyMetrics(policies: IsalesPolicies): void {
  policies.onRetry(({ operation }) => recordRetry(operation));
  for (const operation of ISALES_OPERATIONS) {
    const breaker = policies.breaker(operation);
    setCircuitState(operation, GAUGE_STATES[breaker.state]);
    breaker.onStateChange((state) => setCircuitState(operation, GAUGE_STATES[state]));
  }
}
