import { generateAppointments } from './generate-appointments';
import { generateBusinessResults } from './generate-business-results';
import { generateImportTasks } from './generate-import-tasks';
import { generateServers } from './generate-servers';
import type { VdnDataset } from './records';
import { SEED_VDN_ID, seedDataset } from './seed-vdn1';

export interface DatasetSizes {
  generatedSize: number;
  businessResultParents: number;
  emptyVdns: readonly number[];
}

const EMPTY: VdnDataset = { importTasks: [], servers: [], businessResults: [], appointments: [] };

/** VDN 1 = seed examples, emptyVdns = nothing, every other VDN = generated data, built once and cached. */
export class DatasetStore {
  private readonly cache = new Map<number, VdnDataset>();

  constructor(private readonly sizes: DatasetSizes) {}

  get(vdnId: number): VdnDataset {
    if (this.sizes.emptyVdns.includes(vdnId)) return EMPTY;
    if (vdnId === SEED_VDN_ID) return seedDataset;
    let dataset = this.cache.get(vdnId);
    if (!dataset) {
      const { generatedSize, businessResultParents } = this.sizes;
      dataset = {
        importTasks: generateImportTasks(vdnId, generatedSize),
        servers: generateServers(vdnId, generatedSize),
        businessResults: generateBusinessResults(vdnId, businessResultParents),
        appointments: generateAppointments(vdnId, generatedSize),
      };
      this.cache.set(vdnId, dataset);
    }
    return dataset;
  }
}
