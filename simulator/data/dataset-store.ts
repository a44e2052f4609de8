import { appointmentPools, generateAppointments } from './generate-appointments';
import { generateBlocklist, generateCampaigns } from './generate-campaigns';
import { generateBusinessResults } from './generate-business-results';
import { generateCallData, generateCallDataImportTasks, generateCallResults } from './generate-call-results';
import { generateImportTasks } from './generate-import-tasks';
import { generateServers } from './generate-servers';
import type { VdnDataset } from './records';
import { SEED_VDN_ID, seedDataset } from './seed-vdn1';

export interface DatasetSizes {
  generatedSize: number;
  businessResultParents: number;
  emptyVdns: readonly number[];
}

/**
 * VDN 1 = seed examples, emptyVdns = nothing, every other VDN = generated data. Each VDN's dataset
 * is built on first use and then kept: it is this simulator's state, which the writes change.
 */
export class DatasetStore {
  private readonly datasets = new Map<number, VdnDataset>();

  constructor(private readonly sizes: DatasetSizes) {}

  get(vdnId: number): VdnDataset {
    let dataset = this.datasets.get(vdnId);
    if (!dataset) {
      dataset = this.build(vdnId);
      this.datasets.set(vdnId, dataset);
    }
    return dataset;
  }

  private build(vdnId: number): VdnDataset {
    if (this.sizes.emptyVdns.includes(vdnId)) {
      return {
        importTasks: [],
        servers: [],
        businessResults: [],
        appointments: [],
        campaigns: [],
        callResults: [],
        callData: [],
        callDataImportTasks: new Map(),
        outboundCampaigns: [],
        blocklist: [],
      };
    }
    if (vdnId === SEED_VDN_ID) return seedDataset();
    const { generatedSize, businessResultParents } = this.sizes;
    return {
      importTasks: generateImportTasks(vdnId, generatedSize),
      servers: generateServers(vdnId, generatedSize),
      businessResults: generateBusinessResults(vdnId, businessResultParents),
      appointments: generateAppointments(vdnId, generatedSize),
      campaigns: appointmentPools(vdnId).tasks.map((task) => ({ ...task, taskStatus: '2' })),
      callResults: generateCallResults(vdnId, generatedSize),
      callData: generateCallData(vdnId, generatedSize),
      callDataImportTasks: generateCallDataImportTasks(vdnId, generatedSize),
      outboundCampaigns: generateCampaigns(vdnId, generatedSize),
      blocklist: generateBlocklist(vdnId, generatedSize),
    };
  }
}
