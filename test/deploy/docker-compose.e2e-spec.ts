import { loadLaunchConfig } from '../../simulator/config';
import { parseCredentialsDocument } from '../../src/config/isales-credentials.document';
import { composeFile, durationMs, interpolate, Service, serviceEnv } from './compose';

const { services } = composeFile();
const gateway = services.gateway;
const simulator = services.simulator;
const redis = services.redis;
const gatewayEnv = serviceEnv(gateway);
const simulatorEnv = serviceEnv(simulator);

const buildContext = (s: Service): string | undefined => (typeof s.build === 'string' ? s.build : s.build?.context);
const argv = (command: Service['command']): string[] | undefined => (typeof command === 'string' ? command.split(/\s+/) : command);

describe('docker-compose.yml', () => {
  it('parses and defines the gateway, simulator and redis services', () => {
    expect(Object.keys(services).sort()).toEqual(expect.arrayContaining(['gateway', 'redis', 'simulator']));
  });

  describe('gateway', () => {
    it('is built from the repository Dockerfile and publishes 3000:3000', () => {
      expect(buildContext(gateway)).toBe('.');
      expect(gateway.ports?.map(String)).toContain('3000:3000');
      // the image's CMD (node --max-semi-space-size=8 --heap-growing-percent=50 dist/main.js) is kept
      expect(gateway.command).toBeUndefined();
    });

    it("talks to the simulator with the simulator's credentials", () => {
      const upstream = new URL(interpolate(gatewayEnv.ISALES_BASE_URL));
      expect(upstream.hostname).toBe('simulator');
      expect(upstream.port).toBe(interpolate(simulatorEnv.SIMULATOR_PORT ?? '18080'));
      expect(upstream.toString()).toBe('http://simulator:18080/');
      // the inline document form, the same text on both sides, also once interpolated
      expect(gatewayEnv.ISALES_AK).toBeUndefined();
      expect(gatewayEnv.ISALES_SK).toBeUndefined();
      expect(gatewayEnv.ISALES_CREDENTIALS).toBe(simulatorEnv.SIMULATOR_CREDENTIALS);
      const shell = { DEMO_TENANT1_SK: 'sk-1-from-shell', DEMO_ISALES_AK: 'ak-from-shell', DEMO_ISALES_SK: 'sk-from-shell' };
      for (const env of [{}, shell]) {
        const parsed = parseCredentialsDocument(interpolate(gatewayEnv.ISALES_CREDENTIALS, env));
        if (!parsed.ok) throw new Error(parsed.problems.join('; '));
        expect(parsed.table.byVdn.get(1)?.ak).toBe('demo-tenant-1');
        expect(parsed.table.fallback?.ak).toBe(env === shell ? 'ak-from-shell' : 'demo-ak');
        expect(parsed.table.fallback?.sk).toBe(env === shell ? 'sk-from-shell' : 'demo-sk-change-me');
        expect(loadLaunchConfig({ SIMULATOR_CREDENTIALS: interpolate(simulatorEnv.SIMULATOR_CREDENTIALS, env) }).options.credentials).toHaveLength(2);
      }
    });

    it('uses the redis service as its cache', () => {
      expect(interpolate(gatewayEnv.REDIS_URL)).toBe('redis://redis:6379/0');
      expect(gatewayEnv.REDIS_SENTINELS).toBeUndefined();
      expect(gatewayEnv.REDIS_CLUSTER_NODES).toBeUndefined();
    });

    it('waits for healthy redis and simulator', () => {
      const deps = gateway.depends_on as Record<string, { condition?: string }>;
      expect(Array.isArray(deps)).toBe(false);
      expect(deps.redis?.condition).toBe('service_healthy');
      expect(deps.simulator?.condition).toBe('service_healthy');
    });

    it('has a healthcheck on /health/live run by node', () => {
      const test = gateway.healthcheck?.test;
      expect(Array.isArray(test)).toBe(true);
      expect((test as string[]).slice(0, 2)).toEqual(['CMD', 'node']);
      expect((test as string[]).join(' ')).toContain('http://127.0.0.1:3000/health/live');
    });

    it('runs with a read-only root filesystem and no capabilities', () => {
      expect(gateway.read_only).toBe(true);
      expect(gateway.cap_drop).toEqual(['ALL']);
    });

    it('gives the gateway longer to stop than it takes to drain (stop_grace_period > SHUTDOWN_GRACE_MS)', () => {
      const drainMs = Number(gatewayEnv.SHUTDOWN_GRACE_MS ?? 20000);
      expect(gateway.stop_grace_period).toBeDefined();
      expect(durationMs(gateway.stop_grace_period!)).toBeGreaterThan(drainMs);
    });
  });

  describe('simulator', () => {
    it("runs the simulator from the gateway's image", () => {
      expect(simulator.image ?? buildContext(simulator)).toBeDefined();
      if (simulator.image) expect(simulator.image).toBe(gateway.image);
      if (simulator.build !== undefined) expect(buildContext(simulator)).toBe(buildContext(gateway));
      expect(argv(simulator.command)).toEqual(['node', 'dist/simulator/simulator/main.js']);
    });

    it('listens on all interfaces so the gateway container can reach it', () => {
      expect(simulatorEnv.SIMULATOR_HOST).toBe('0.0.0.0');
      expect(simulatorEnv.SIMULATOR_CREDENTIALS).toBeTruthy();
    });

    it("has its own healthcheck (the image's one asks the gateway port) on the simulator port", () => {
      const test = simulator.healthcheck?.test as string[];
      expect(Array.isArray(test)).toBe(true);
      expect(test.join(' ')).toContain(interpolate(simulatorEnv.SIMULATOR_PORT ?? '18080'));
      expect(test.join(' ')).not.toContain('3000');
    });
  });

  describe('redis', () => {
    it('is redis 7 on alpine with a redis-cli healthcheck', () => {
      expect(redis.image).toMatch(/^redis:7[.\d]*-alpine$/);
      expect((redis.healthcheck?.test as string[]).join(' ')).toContain('redis-cli ping');
    });
  });
});
